//! The JS module (`pkg/`, from `cargo xtask package`) and its example page (`examples/`) in
//! headless Chromium: the page loads the module with no framework, scores a profile against the
//! sample offer exactly as the native core does, verifies a bundle made natively, shows the
//! Dutch error for a tampered one, and asks nothing of another origin. A sweep from JavaScript
//! calls every exported function with bad arguments through the real glue (every error must
//! carry a `code`; none may come from the glue's own type checks), every text, byte and number
//! parameter gets wrongly typed values one at a time, and what every function really returns is
//! type-checked against the hand-written declarations.

use fantoccini::Locator;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use woonkans_core::bundle::{self, BundleInput, BundleProfileInput};
use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::known::Known;
use woonkans_core::matching::{self, Weights};
use woonkans_core::profile::PlacementProfile;
use woonkans_core::region::Region;
use woonkans_core::sample;
use woonkans_tests::Browser;
use xtask::server::Server;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create site folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy file");
        }
    }
}

/// `target/module-site/`: `pkg/` and `examples/` side by side, as a user would serve them. The
/// example page is also the site's `index.html`, because the test server sends the CSP of
/// `index.html` with every file.
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let pkg = std::env::var_os("WOONKANS_PKG")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo().join("pkg"));
        assert!(
            pkg.join("woonkans.js").exists() && pkg.join("woonkans_bg.wasm").exists(),
            "no JS module in {}: run `cargo xtask package` (cargo xtask test does it first)",
            pkg.display()
        );
        let site = repo().join("target/module-site");
        let _ = std::fs::remove_dir_all(&site);
        copy_dir(&pkg, &site.join("pkg"));
        copy_dir(&repo().join("examples"), &site.join("examples"));
        std::fs::copy(site.join("examples/index.html"), site.join("index.html"))
            .expect("copy index.html");
        site
    })
}

fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| xtask::server::serve(site(), 0).expect("serve the module site"))
}

fn assert_same_origin(urls: &[String]) {
    let origin = server().url();
    assert!(!urls.is_empty());
    for u in urls {
        assert!(
            u.starts_with(origin.as_str()),
            "request to another origin: {u}"
        );
    }
}

async fn open_example(b: &Browser) {
    b.client
        .goto(&format!("{}examples/index.html", server().url()))
        .await
        .expect("open the example page");
    b.wait_for("#scores tbody tr").await;
}

async fn js(b: &Browser, script: &str) -> Value {
    b.client.execute(script, vec![]).await.expect("run script")
}

fn write_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = repo().join("target/module-files");
    std::fs::create_dir_all(&dir).expect("create file folder");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write file");
    path.canonicalize().expect("absolute path")
}

async fn upload(b: &Browser, path: &Path) {
    // Clear the verdict first, so the wait below sees the new one.
    js(
        b,
        "document.getElementById('bundel-uitkomst').replaceChildren(); return true;",
    )
    .await;
    b.client
        .find(Locator::Css("#bundel"))
        .await
        .expect("file input")
        .send_keys(&path.display().to_string())
        .await
        .expect("choose file");
    b.wait_for("#bundel-oordeel").await;
}

fn date(s: &str) -> Date {
    Date::parse(s).expect("date")
}

#[tokio::test(flavor = "current_thread")]
async fn example_page_scores_the_sample_and_verifies_bundles() {
    let b = Browser::start().await;
    open_example(&b).await;
    let status = b.text().await;
    assert!(
        status.contains(&format!(
            "Module geladen: versie {}, bundelformaat {}.",
            env!("CARGO_PKG_VERSION"),
            bundle::VERSION
        )),
        "{status}"
    );

    // The scored table is what the native core computes for the page's profile and date.
    let explanation = js(
        &b,
        "return document.getElementById('score-uitleg').textContent;",
    )
    .await;
    let explanation = explanation.as_str().unwrap_or_default();
    let reference = explanation
        .strip_prefix("Peildatum ")
        .and_then(|r| r.get(..10))
        .unwrap_or_else(|| panic!("no reference date in {explanation:?}"));
    let profile_json = js(
        &b,
        "return document.getElementById('profiel-json').textContent;",
    )
    .await;
    let profile: PlacementProfile =
        serde_json::from_str(profile_json.as_str().unwrap_or_default()).expect("profile JSON");
    let offer = sample::sample_offer();
    let native = matching::match_profile(&profile, &offer, &Weights::default(), date(reference))
        .expect("native match");
    let rows = js(
        &b,
        "return [...document.querySelectorAll('#scores tbody tr')]\
           .map(tr => [...tr.cells].map(td => td.textContent));",
    )
    .await;
    let rows = rows.as_array().cloned().unwrap_or_default();
    assert_eq!(rows.len(), native.eligible.len().min(10));
    assert!(!rows.is_empty(), "the demo profile fits no dwelling");
    for (row, want) in rows.iter().zip(&native.eligible) {
        assert_eq!(row[0].as_str(), Some(want.dwelling_id.as_str()));
        assert_eq!(row[3].as_str(), Some(want.score.to_string().as_str()));
        let association = offer
            .associations
            .iter()
            .find(|a| a.id == want.association_id)
            .expect("association");
        assert_eq!(row[1].as_str(), Some(association.name.as_str()));
    }
    assert!(explanation.contains(&format!(
        "{} passende woningen, {} vallen af",
        native.eligible.len(),
        native.knocked_out.len()
    )));

    // A bundle made natively, for an association of the sample, verifies on the page.
    let association = offer
        .associations
        .iter()
        .find(|a| a.working_area.iter().any(|g| g == "Venlo"))
        .expect("an association in Venlo");
    let key = CodeKey::from_bytes([7; 32]);
    let codes = [
        code::derive(&key, &association.id, "999994669"),
        code::derive(&key, &association.id, "d-3f9c2a71e5b04d88"),
    ];
    let mut second = profile.clone();
    second.search_area = vec!["Venray".into()];
    let written = bundle::write_bundle(&BundleInput {
        caseload: Vec::new(),
        prints: Vec::new(),
        bundle_id: [9; 16],
        date: date("2026-06-01"),
        region: Region::NoordLimburg,
        recipient_id: association.id.clone(),
        recipient_name: association.name.clone(),
        profiles: vec![
            BundleProfileInput {
                code: codes[0],
                profile: profile.clone(),
                matches: Vec::new(),
                known: Known {
                    name_parts: vec!["Voorbeeldnaam".into()],
                    ..Known::default()
                },
                prints: None,
            },
            BundleProfileInput {
                code: codes[1],
                profile: second.clone(),
                matches: Vec::new(),
                known: Known {
                    name_parts: vec!["Proefpersoon".into()],
                    ..Known::default()
                },
                prints: None,
            },
        ],
    })
    .expect("native bundle");
    let verified = bundle::verify_bundle(&written.bytes).expect("native verify");
    upload(&b, &write_file("bundel-geldig.json", &written.bytes)).await;
    let text = b.text().await;
    assert!(text.contains("Bundel geldig"), "{text}");
    assert!(text.contains(&format!("Voor: {}", association.name)));
    assert!(text.contains("Profielen: 2"));
    assert!(text.contains(&verified.digest));
    let cells = js(
        &b,
        "return [...document.querySelectorAll('#bundel-profielen tbody tr')]\
           .map(tr => [...tr.cells].map(td => td.textContent));",
    )
    .await;
    let cells = cells.as_array().cloned().unwrap_or_default();
    assert_eq!(cells.len(), 2);
    // The page lists the profiles in the file's order, by code text; `codes[i]` belongs to the
    // i-th profile given, so pair them first and sort the pairs, never the codes alone.
    let mut expected: Vec<(String, &PlacementProfile)> = codes
        .iter()
        .map(ToString::to_string)
        .zip([&profile, &second])
        .collect();
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    for (row, (code, p)) in cells.iter().zip(&expected) {
        assert_eq!(row[0].as_str(), Some(code.as_str()));
        let m = matching::match_profile(p, &offer, &Weights::default(), date("2026-06-01"))
            .expect("match");
        assert_eq!(row[1].as_str(), Some(m.eligible.len().to_string().as_str()));
        let best = m.eligible.first().map_or("-", |d| d.dwelling_id.as_str());
        assert_eq!(row[2].as_str(), Some(best));
    }
    b.screenshot("module-voorbeeld-geldig").await;
    b.assert_accessible("the module's example page").await;

    // One changed figure: the digest no longer matches, and the page says so in Dutch.
    let text_of = String::from_utf8(written.bytes.clone()).expect("bundle is UTF-8");
    let needle = "\"householdSize\":1";
    assert!(text_of.contains(needle));
    let tampered = text_of
        .replacen(needle, "\"householdSize\":2", 1)
        .into_bytes();
    let err = bundle::verify_bundle(&tampered).expect_err("tampered bundle");
    upload(&b, &write_file("bundel-gewijzigd.json", &tampered)).await;
    let text = b.text().await;
    assert!(text.contains("Bundel ongeldig"), "{text}");
    let reason = js(
        &b,
        "return document.getElementById('bundel-reden').textContent;",
    )
    .await;
    assert_eq!(
        reason.as_str(),
        Some(format!("{} ({})", err.message, err.code).as_str())
    );
    let role = js(
        &b,
        "return document.querySelector('#bundel-uitkomst [role=alert]') !== null;",
    )
    .await;
    assert_eq!(role, Value::Bool(true));

    // Not a bundle at all.
    upload(&b, &write_file("geen-bundel.json", b"Dit is geen bundel.")).await;
    let reason = js(
        &b,
        "return document.getElementById('bundel-reden').textContent;",
    )
    .await;
    let err = bundle::verify_bundle(b"Dit is geen bundel.").expect_err("not a bundle");
    assert_eq!(
        reason.as_str(),
        Some(format!("{} ({})", err.message, err.code).as_str())
    );
    b.screenshot("module-voorbeeld-ongeldig").await;

    assert_same_origin(&b.requested_urls().await);
    b.close().await;
}

/// Every function with a text, byte or number parameter. These once had typed parameters, and
/// the wasm-bindgen glue threw its own code-less English errors for wrongly typed values (and
/// wrapped numbers: `maxRent(257, …)` acted as 1); now each reads such values itself.
const WITH_TEXT_BYTES_OR_NUMBERS: [&str; 26] = [
    "assignCaseload",
    "deriveCode",
    "derivedFacts",
    "exportKey",
    "importKey",
    "importOfferCsv",
    "importOfferFile",
    "importOfferJson",
    "makeHandover",
    "matchProfile",
    "maxRent",
    "mergeOffer",
    "minimisedView",
    "parseCode",
    "recordGate",
    "redactText",
    "resolveCode",
    "scanText",
    "targetGroupCheck",
    "validateBsn",
    "validateDate",
    "validateEmail",
    "validateIban",
    "validatePhone",
    "validatePostcode",
    "verifyBundle",
];

/// A thrown error as the module must make it: an `Error` with a stable upper-case code and a
/// message that is neither empty, nor English glue or serde text, nor a repeat of the input.
fn check_coded(call: &str, r: &Value) {
    let code = r["code"].as_str().unwrap_or_default();
    let message = r["message"].as_str().unwrap_or_default();
    assert!(
        !code.is_empty()
            && code
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
        "{call}: code {code:?} ({} {message})",
        r["type"]
    );
    assert!(
        !message.is_empty() && !message.contains("Markeerwaardezqx"),
        "{call}: {message}"
    );
    for english in [
        "expected a",
        "invalid type",
        "unreachable",
        "is not a",
        "Cannot ",
    ] {
        assert!(!message.contains(english), "{call}: {message}");
    }
}

#[tokio::test(flavor = "current_thread")]
async fn every_function_answers_bad_arguments_from_javascript_without_trapping() {
    let b = Browser::start().await;
    open_example(&b).await;
    let results = b
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
(async () => {
  const m = await import('/pkg/woonkans.js');
  await m.default();
  const MARK = 'Markeerwaardezqx';
  const bad = {
    'undefined': undefined, 'null': null, 'true': true, '0': 0, '-1': -1, '1e300': 1e300,
    'NaN': NaN, '-Infinity': -Infinity, 'text': 'rommel ' + MARK, 'empty text': '',
    'bigint': 10n ** 30n, 'symbol': Symbol(MARK), 'function': () => MARK, '[]': [],
    '[1,2,3]': [1, 2, 3], '{}': {}, 'marked object': { x: MARK, [MARK]: 1 },
    'bytes': new Uint8Array(8), '1 MB text': MARK + 'x'.repeat(1 << 20),
  };
  const out = [];
  for (const [name, f] of Object.entries(m)) {
    if (typeof f !== 'function' || name === 'default' || name === 'initSync') continue;
    for (const [label, value] of Object.entries(bad)) {
      const args = new Array(Math.max(f.length, 1)).fill(value);
      const r = { name, label };
      try {
        f(...args);
        r.kind = 'ok';
      } catch (e) {
        r.kind = e instanceof WebAssembly.RuntimeError ? 'trap'
          : (e instanceof Error && typeof e.code === 'string' && e.code !== '') ? 'coded'
          : 'uncoded';
        r.type = e && e.constructor ? e.constructor.name : typeof e;
        r.code = e && typeof e.code === 'string' ? e.code : '';
        r.message = String(e && e.message !== undefined ? e.message : e);
      }
      out.push(r);
    }
  }
  out.push({ name: 'version after the sweep', kind: typeof m.version() === 'string' ? 'ok' : 'broken' });
  return out;
})().then(done, (e) => done([{ name: 'sweep', kind: 'script-error', message: String(e) }]));"#,
            vec![],
        )
        .await
        .expect("run the sweep");
    let results = results.as_array().cloned().unwrap_or_default();
    let mut functions = std::collections::BTreeSet::new();
    let mut coded = 0;
    for r in &results {
        let name = r["name"].as_str().unwrap_or_default();
        let kind = r["kind"].as_str().unwrap_or_default();
        let message = r["message"].as_str().unwrap_or_default();
        let call = format!("{name}({})", r["label"].as_str().unwrap_or_default());
        assert!(
            kind != "trap" && kind != "script-error" && kind != "broken",
            "{call}: {kind} {message}"
        );
        functions.insert(name.to_string());
        // Every failure is the module's own coded error; the glue throws nothing of its own.
        assert!(kind == "ok" || kind == "coded", "{call}: {kind} {message}");
        if kind == "coded" {
            check_coded(&call, r);
            coded += 1;
        }
    }
    // version(), sweep marker and 40 more: every export was reached.
    assert!(functions.len() >= 42, "{functions:?}");
    eprintln!(
        "JS sweep: {} calls over {} functions, {coded} coded errors, no uncoded error, no trap",
        results.len() - 1,
        functions.len() - 1
    );
    b.close().await;
}

/// The dossier and profile draft the JavaScript scripts start from, put in at `/*FIXTURES*/`.
const JS_FIXTURES: &str = r#"  const dossier = {
    id: 'd-1', name: { firstNames: 'Noor', tussenvoegsel: 'de', surname: 'Vries' },
    address: { street: 'Kerkstraat', houseNumber: 12, postcode: '5911 AB', place: 'Venlo' },
    gemeente: 'Venlo', phones: ['06-12345678'], email: 'noor@example.nl', birthDate: '2001-04-03',
    bsn: '999994669', gender: 'female', income: { yearlyAmountEuros: 16000, source: 'benefits' },
    householdSize: 1, livingSituation: 'shelteredHousing', health: 'astma', iban: 'NL91ABNA0417164300',
    careProvider: { organisation: 'De Brug', person: 'Begeleider' },
    documents: {
      landlordStatement: { status: 'received', date: '2026-01-10' },
      brpExtract: { status: 'received', date: '2026-01-10' },
      incomeStatement: { status: 'requested' },
      bewindvoeringRuling: { status: 'notApplicable' },
      missingReason: 'followsLater',
    },
    targetGroup: { statusHolder: false, labourMigrant: false, regularRouteImpossible: true, supportNeedIndependentLiving: true },
    gates: [
      { gate: 'consentToRegister', date: '2026-01-02', actor: 'Zorgaanbieder' },
      { gate: 'eligibilityAndSupportPlan', date: '2026-02-01', actor: 'Wmo Venlo' },
      { gate: 'consentToShareWithCoordinator', date: '2026-02-01', actor: 'Wmo Venlo' },
      { gate: 'matchAccepted', date: '2026-04-01', actor: 'Ketenregisseur' },
    ],
    step: 'agreement',
  };
  const draft = {
    assessments: { householdCare: { level: 3 }, workDayActivities: { level: 4, note: 'Werkt bij de kringloop.' },
      socialNetwork: { level: 3 }, socialSelfReliance: { level: 3 }, financesDebts: { level: 2 } },
    mobility: 'none', searchArea: ['Venlo', 'Venray'], housingForm: 'noPreference', rentArrears: 'resolved',
    nuisance: 'none', budgetManagement: true, contractForm: 'leaseWithCareAgreement', supportHoursPerWeek: 4,
    reachable247: true, safetyPlan: 'notNeeded',
    relapsePlan: { signals: 'Post blijft liggen.', agreements: [
      { party: 'careProvider', action: 'Huisbezoek.' }, { party: 'housingAssociation', action: 'Belt.' } ] },
  };
"#;

/// A script with the fixtures put in.
fn script(text: &str) -> String {
    text.replace("/*FIXTURES*/", JS_FIXTURES)
}

/// Every text, byte and number parameter through the real glue, one at a time: the function's
/// good call first, then the call with that one argument of the wrong type, or a number that is
/// not whole or out of range. Each result comes back with the parameter's name and kind.
const PARAMETER_SWEEP: &str = r#"const done = arguments[arguments.length - 1];
(async () => {
  const m = await import('/pkg/woonkans.js');
  await m.default();
  const MARK = 'Markeerwaardezqx';
/*FIXTURES*/
  const facts = m.derivedFacts(dossier, '2026-06-01', 'Noord-Limburg');
  const profile = m.buildProfile(draft, facts);
  const key = m.newCodeKey();
  const offer = m.sampleOffer();
  const small = { associations: offer.associations, dwellings: offer.dwellings.slice(0, 20) };
  const association = offer.associations.find((a) => a.workingArea.includes('Venlo'));
  const code = m.deriveCode(key, association.id, '999994669');
  const written = m.writeBundle({
    date: '2026-06-01', at: '2026-06-01T10:00:00Z', region: 'noordLimburg',
    recipientId: association.id, recipientName: association.name,
    profiles: [{ code, profile, known: m.knownValues(dossier) }],
  });
  const csv = m.exportOfferCsv(small);
  const json = m.exportOfferJson(small);
  const confirmation = { grondslagConfirmed: true, confirmedBy: 'Ketenregisseur', date: '2026-06-01' };
  const candidates = [{ localId: 'd-1', stableId: '999994669' }];

  const T = 'text', O = 'optional text', B = 'bytes', N = 'number';
  // [function, good arguments, { index: [parameter, kind] }]
  const calls = [
    ['scanText', ['tekst', null], { 0: ['text', T] }],
    ['redactText', ['tekst', []], { 0: ['text', T] }],
    ['validateBsn', ['999994669'], { 0: ['value', T] }],
    ['validatePostcode', ['5911ab'], { 0: ['value', T] }],
    ['validatePhone', ['06-12345678'], { 0: ['value', T] }],
    ['validateEmail', ['a@example.nl'], { 0: ['value', T] }],
    ['validateIban', ['NL91ABNA0417164300'], { 0: ['value', T] }],
    ['validateDate', ['03-04-2001'], { 0: ['value', T] }],
    ['targetGroupCheck', [dossier, '2026-06-01', 'Noord-Limburg'],
      { 1: ['referenceDate', T], 2: ['region', T] }],
    ['minimisedView', [4, dossier, '2026-06-01', 'Noord-Limburg'],
      { 0: ['step', N], 2: ['referenceDate', T], 3: ['region', T] }],
    ['minimisedView', [5, dossier, '2026-06-01', 'Noord-Limburg', code, profile], { 4: ['code', O] }],
    ['makeHandover', [dossier, profile, association.id, association.name, confirmation],
      { 2: ['associationId', T], 3: ['associationName', T] }],
    ['recordGate', [{ id: 'n' }, 'consentToRegister', '2026-01-02', 'Zorgaanbieder'],
      { 2: ['date', T], 3: ['actor', T] }],
    ['derivedFacts', [dossier, '2026-06-01', 'Noord-Limburg'],
      { 1: ['referenceDate', T], 2: ['region', T] }],
    ['deriveCode', [key, association.id, '999994669'],
      { 0: ['keyFile', T], 1: ['recipientId', T], 2: ['stableId', T] }],
    ['parseCode', [code], { 0: ['text', T] }],
    ['resolveCode', [key, association.id, code, candidates],
      { 0: ['keyFile', T], 1: ['recipientId', T], 2: ['code', T] }],
    ['exportKey', [key], { 0: ['keyFile', T] }],
    ['importKey', [key], { 0: ['text', T] }],
    ['verifyBundle', [written.bytes], { 0: ['bytes', B] }],
    ['importOfferCsv', [csv.dwellings], { 0: ['bytes', B] }],
    ['importOfferFile', [csv.associations], { 0: ['bytes', B] }],
    ['importOfferJson', [json], { 0: ['text', T] }],
    ['mergeOffer', [small, small, 'replace'], { 2: ['mode', T] }],
    ['matchProfile', [profile, small, null, '2026-06-01'], { 3: ['referenceDate', T] }],
    ['assignCaseload', [[profile], small, null, '2026-06-01'], { 3: ['referenceDate', T] }],
    ['maxRent', [1, '23-27', 'atOrBelowLimit'], { 0: ['householdSize', N] }],
  ];

  const common = {
    'true': true, 'bigint': 10n ** 30n, 'symbol': Symbol(MARK), 'function': () => MARK, '{}': {},
    'marked object': { x: MARK, [MARK]: 1 }, 'date': new Date(),
  };
  const absent = { 'undefined': undefined, 'null': null };
  const notText = {
    ...absent, ...common, '0': 0, 'NaN': NaN, '-Infinity': -Infinity, '[]': [], 'array of text': [MARK],
    'bytes': new TextEncoder().encode(MARK), 'String object': new String(MARK),
  };
  const bad = {
    [T]: notText,
    [O]: Object.fromEntries(Object.entries(notText).filter(([k]) => !(k in absent))),
    [B]: {
      ...absent, ...common, '0': 0, 'NaN': NaN, 'text': 'rommel ' + MARK, 'empty text': '',
      '[1, 256]': [1, 256], '[-1]': [-1], '[1.5]': [1.5], '["1"]': ['1'], '[null]': [null],
      '[1, , 3]': [1, , 3], 'Uint16Array': new Uint16Array([1, 2]),
      'DataView': new DataView(new ArrayBuffer(2)),
    },
    [N]: {
      ...absent, ...common, '"1"': '1', 'empty text': '', 'text': 'rommel ' + MARK, '[1]': [1],
      'Number object': new Number(1), '0': 0, '-1': -1, '13': 13, '257 (1 mod 256)': 257,
      '260 (4 mod 256)': 260, '3.7': 3.7, '4.5': 4.5, '1 + 2**-52': 1 + 2 ** -52, 'NaN': NaN,
      'Infinity': Infinity, '-Infinity': -Infinity, '1e300': 1e300, '2**53 + 4': 2 ** 53 + 4,
    },
  };

  const run = (name, args) => {
    try {
      m[name](...args);
      return { kind: 'ok' };
    } catch (e) {
      return {
        kind: e instanceof WebAssembly.RuntimeError ? 'trap'
          : (e instanceof Error && typeof e.code === 'string' && e.code !== '') ? 'coded'
          : 'uncoded',
        type: e && e.constructor ? e.constructor.name : typeof e,
        code: e && typeof e.code === 'string' ? e.code : '',
        field: e && typeof e.field === 'string' ? e.field : '',
        message: String(e && e.message !== undefined ? e.message : e),
      };
    }
  };
  const out = [];
  for (const [name, args, params] of calls) {
    out.push({ name, param: '', label: 'good', ...run(name, args) });
    for (const [i, [param, kind]] of Object.entries(params)) {
      for (const [label, value] of Object.entries(bad[kind])) {
        const changed = [...args];
        changed[Number(i)] = value;
        out.push({ name, param, label, ...run(name, changed) });
      }
    }
  }
  // The same bundle as an ArrayBuffer and as an array of numbers.
  const digest = m.verifyBundle(written.bytes).digest;
  const buffer = written.bytes.slice().buffer;
  out.push({
    name: 'verifyBundle', param: 'bytes', label: 'other forms',
    kind: m.verifyBundle(buffer).digest === digest && m.verifyBundle(Array.from(written.bytes)).digest === digest
      ? 'ok' : 'different',
  });
  return out;
})().then(done, (e) => done([{ name: 'sweep', label: 'script', kind: 'script-error', message: String(e) }]));"#;

#[tokio::test(flavor = "current_thread")]
async fn every_text_byte_and_number_parameter_refuses_wrong_types_from_javascript() {
    let b = Browser::start().await;
    open_example(&b).await;
    let results = b
        .client
        .execute_async(&script(PARAMETER_SWEEP), vec![])
        .await
        .expect("run the parameter sweep");
    b.close().await;
    let results = results.as_array().cloned().unwrap_or_default();
    let mut functions = std::collections::BTreeSet::new();
    let mut refused = 0;
    for r in &results {
        let name = r["name"].as_str().unwrap_or_default();
        let param = r["param"].as_str().unwrap_or_default();
        let label = r["label"].as_str().unwrap_or_default();
        let kind = r["kind"].as_str().unwrap_or_default();
        let message = r["message"].as_str().unwrap_or_default();
        let call = format!("{name}({param} = {label})");
        functions.insert(name.to_string());
        if label == "good" || label == "other forms" {
            assert_eq!(kind, "ok", "{call}: {} {message}", r["code"]);
            continue;
        }
        assert_eq!(kind, "coded", "{call}: {} {message}", r["type"]);
        check_coded(&call, r);
        assert_eq!(r["field"].as_str(), Some(param), "{call}: {message}");
        let code = r["code"].as_str().unwrap_or_default();
        // A whole step number that is no step (0, 13, 257) is the core's STEP_INVALID.
        if param == "step" && code == "STEP_INVALID" {
            assert!(
                ["0", "-1", "13", "257 (1 mod 256)", "260 (4 mod 256)"].contains(&label),
                "{call}: {message}"
            );
        } else {
            assert_eq!(code, "INPUT_INVALID", "{call}: {message}");
            assert!(message.contains(param), "{call}: {message}");
        }
        refused += 1;
    }
    let want: std::collections::BTreeSet<String> = WITH_TEXT_BYTES_OR_NUMBERS
        .iter()
        .map(|f| f.to_string())
        .collect();
    assert_eq!(functions, want);
    eprintln!(
        "JS parameter sweep: {} calls over {} functions, {refused} wrongly typed arguments refused \
         with a code",
        results.len(),
        functions.len()
    );
}

/// Good calls of every function from JavaScript; each call's arguments and result (or thrown
/// error) come back as JSON, with `"__U8__"` for a `Uint8Array`.
const GOOD_CALLS: &str = r#"const done = arguments[arguments.length - 1];
(async () => {
  const m = await import('/pkg/woonkans.js');
  await m.default();
  const calls = [];
  const call = (name, ...args) => {
    const c = { name, args };
    try {
      c.result = m[name](...args);
    } catch (e) {
      c.error = { message: e.message, code: e.code, field: e.field, missing: e.missing, findings: e.findings };
    }
    calls.push(c);
    return c.result;
  };
/*FIXTURES*/

  for (const f of ['version', 'bundleFormat', 'bundleFormatVersion', 'processingRegister', 'defaultWeights', 'rentLimits'])
    call(f);
  const key = call('newCodeKey');
  const offer = call('sampleOffer');

  call('validateDossier', dossier);
  call('validateDossier', { bsn: '123456789', address: { postcode: '0123 AB' } });
  call('targetGroupCheck', dossier, '2026-06-01', 'Noord-Limburg');
  call('targetGroupCheck', { id: 'x' }, '2026-06-01', 'noordLimburg');
  for (const step of [1, 2, 3, 4]) call('minimisedView', step, dossier, '2026-06-01', 'Noord-Limburg');
  const known = call('knownValues', dossier);
  call('recordGate', { id: 'n' }, 'consentToRegister', '02-01-2026', 'Zorgaanbieder');

  const note = 'Bel Noor op 06-12345678, zij gebruikt medicatie.';
  const found = call('scanText', note, known);
  call('scanText', note, { nameParts: ['Noor'] });
  call('redactText', note, found);
  call('validateBsn', '999994669');
  call('validatePostcode', '5911ab');
  call('validatePhone', '06-12345678');
  call('validateEmail', 'Noor@Example.nl');
  call('validateIban', 'NL91 ABNA 0417 1643 00');
  call('validateDate', '03-04-2001');
  call('validateDate', '31-02-2001');

  const facts = call('derivedFacts', dossier, '2026-06-01', 'Noord-Limburg');
  call('derivedFacts', dossier, '2026-06-01', 'noordLimburg', m.rentLimits());
  call('profileMissing', undefined, facts);
  call('profileMissing', { ...draft, assessments: { householdCare: { level: 3, note } } }, facts, { known });
  const profile = call('buildProfile', draft, facts, { rentLimits: m.rentLimits(), known });
  call('buildProfile', { ...draft, mobility: null, assessments: { socialNetwork: { level: 3, note } } }, facts, { known });
  call('minimisedView', 5, dossier, '2026-06-01', 'Noord-Limburg', 'WK-W68Q9-NRZH0-6', profile);
  call('minimisedView', 6, dossier, '2026-06-01', 'Noord-Limburg', null, null);
  call('makeHandover', dossier, profile, 'wonen-limburg', 'Voorbeeld Wonen',
    { grondslagConfirmed: true, confirmedBy: 'Ketenregisseur', date: '2026-06-01' });

  const association = offer.associations.find((a) => a.workingArea.includes('Venlo'));
  const code = call('deriveCode', key, association.id, '999994669');
  call('parseCode', code.toLowerCase().replaceAll('-', ' '));
  call('resolveCode', key, association.id, code, [{ localId: 'd-1', stableId: '999994669' }]);
  call('resolveCode', key, association.id, code, [{ localId: 'd-2', stableId: '111222333' }]);
  const exported = call('exportKey', key);
  call('importKey', exported.text);
  call('importKey', '{"format": "iets anders"}');

  const scored = call('matchProfile', profile, offer, null, '2026-06-01');
  call('matchProfile', { ...profile, searchArea: ['Roermond'], mobility: 'wheelchair' }, offer, m.defaultWeights(), '2026-06-01');
  const other = { ...profile, householdSize: 4, searchArea: ['Mook en Middelaar'] };
  call('assignCaseload', [profile, other, profile], { associations: offer.associations, dwellings: offer.dwellings.slice(0, 40) }, undefined, '2026-06-01');
  call('maxRent', 1, '18-22', 'atOrBelowLimit');

  const input = {
    date: '2026-06-01', at: '2026-06-01T10:00:00Z', region: 'noordLimburg',
    recipientId: association.id, recipientName: association.name,
    profiles: [{ code, profile, matches: scored.eligible.filter((d) => d.associationId === association.id)
      .map((d) => ({ dwellingId: d.dwellingId, score: d.score })), known }],
  };
  const written = call('writeBundle', input);
  call('writeBundle', { ...input, profiles: [{ code, known, profile: { ...profile, notes: { socialNetwork: 'Zus van Noor de Vries' } } }] });
  call('verifyBundle', written.bytes);
  call('verifyBundle', new TextEncoder().encode('{"format":"woonkans-bundel","version":7}'));
  call('disclosureCsv', [written.disclosureEntry]);

  const json = call('exportOfferJson', offer);
  const fromJson = call('importOfferJson', json);
  const csv = call('exportOfferCsv', { associations: offer.associations.slice(0, 2), dwellings: offer.dwellings.slice(0, 3) });
  const text = new TextDecoder().decode(csv.dwellings) + 'VB-X;onbekend;Venlo;Blerick;studio;nee;1;abc;ja;nee;geen;1;1;2026-01-01\n';
  call('importOfferCsv', new TextEncoder().encode(text));
  const part = call('importOfferFile', csv.associations);
  call('mergeOffer', fromJson.offerPart, part.offerPart, 'addAndUpdate');
  call('mergeOffer', part.offerPart, fromJson.offerPart, 'replace');

  const enc = (v) => v === undefined ? 'undefined'
    : JSON.stringify(v, (k, x) => (x instanceof Uint8Array ? '__U8__' : x));
  return calls.map((c) => ({
    name: c.name,
    args: c.args.map(enc),
    result: 'error' in c ? null : enc(c.result),
    error: 'error' in c ? enc(c.error) : null,
  }));
})().then(done, (e) => done('script error: ' + e));"#;

/// JSON from the page as a TypeScript expression.
fn ts_value(json: &str) -> String {
    json.replace("\"__U8__\"", "new Uint8Array(new ArrayBuffer(0))")
}

#[tokio::test(flavor = "current_thread")]
async fn declarations_match_what_the_module_returns() {
    let b = Browser::start().await;
    open_example(&b).await;
    let calls = b
        .client
        .execute_async(&script(GOOD_CALLS), vec![])
        .await
        .expect("run the good calls");
    let calls = calls
        .as_array()
        .unwrap_or_else(|| panic!("{calls}"))
        .clone();
    b.close().await;

    let mut ts = String::from(
        "// Written by tests/tests/module.rs: real arguments and results of every function,\n\
         // type-checked against the package's declarations (excess properties included).\n\
         import * as W from \"./pkg/woonkans.js\";\n\n",
    );
    let mut names = std::collections::BTreeSet::new();
    let mut errors: Vec<String> = Vec::new();
    for (i, c) in calls.iter().enumerate() {
        let name = c["name"].as_str().expect("name");
        names.insert(name.to_string());
        for (j, arg) in c["args"].as_array().expect("args").iter().enumerate() {
            let arg = arg.as_str().expect("arg");
            ts.push_str(&format!(
                "export const a{i}_{j}: Parameters<typeof W.{name}>[{j}] = {};\n",
                ts_value(arg)
            ));
        }
        if let Some(result) = c["result"].as_str() {
            ts.push_str(&format!(
                "export const r{i}: ReturnType<typeof W.{name}> = {};\n",
                ts_value(result)
            ));
        }
        if let Some(error) = c["error"].as_str() {
            errors.push(name.to_string());
            let e: Value = serde_json::from_str(error).expect("error JSON");
            let shape = match e["code"].as_str() {
                Some("LEAK_GUARD") => {
                    "Pick<W.LeakGuardError, \"message\" | \"code\" | \"field\" | \"findings\">"
                }
                Some("PROFILE_INCOMPLETE") => {
                    "Pick<W.ProfileIncompleteError, \"message\" | \"code\" | \"field\" | \"missing\" | \"findings\">"
                }
                Some(_) => "Pick<W.WoonkansError, \"message\" | \"code\" | \"field\">",
                None => panic!("{name}: an error without code: {error}"),
            };
            ts.push_str(&format!(
                "export const e{i}: {shape} = {};\n",
                ts_value(error)
            ));
        }
    }
    assert!(
        WITH_TEXT_BYTES_OR_NUMBERS
            .iter()
            .all(|f| names.contains(*f))
    );
    assert!(names.len() >= 42, "{names:?}");
    // Exactly the six bad calls among them throw, in order.
    assert_eq!(
        errors,
        [
            "validateDate",
            "buildProfile",
            "minimisedView",
            "importKey",
            "writeBundle",
            "verifyBundle"
        ]
    );

    let file = site().join("outputs.ts");
    std::fs::write(&file, ts).expect("write outputs.ts");
    let out = std::process::Command::new(repo().join("node_modules/.bin/tsc"))
        .args([
            "--noEmit",
            "--strict",
            "--target",
            "ES2022",
            "--module",
            "ES2022",
            "--moduleResolution",
            "bundler",
            "--lib",
            "ES2022,DOM",
        ])
        .arg(&file)
        .output()
        .expect("node_modules/.bin/tsc (npm ci; cargo xtask test does it)");
    assert!(
        out.status.success(),
        "the declarations do not describe what the module returns ({}):\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stdout)
    );
}

/// The README's snippet, `examples/node.mjs`, runs under Node against the package.
#[test]
fn the_node_snippet_runs() {
    let out = std::process::Command::new("node")
        .arg(site().join("examples/node.mjs"))
        .output()
        .expect("node (Node.js 20 or later)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "woonkans {}, bundelformaat {}",
            env!("CARGO_PKG_VERSION"),
            bundle::VERSION
        )
    );
    // Three scored dwellings, then the Dutch error of a file that is no bundle.
    assert_eq!(lines.len(), 5, "{stdout}");
    let err = bundle::verify_bundle(b"geen bundel").expect_err("not a bundle");
    assert_eq!(lines[4], format!("{} - {}", err.code, err.message));
}

/// An association's own portal, in plain JavaScript: it makes its keys with the module and
/// hands over its key card; the coordinator's app (the core, natively here) imports and confirms
/// the card and seals a two-resident bundle to it; the portal opens the envelope with its keys and
/// the coordinator's card, and gets the bundle byte for byte. Another portal's keys are refused.
#[tokio::test(flavor = "current_thread")]
async fn an_association_portal_opens_the_apps_bundle_envelope() {
    use woonkans_core::fixtures::{self, RESIDENTS};
    use woonkans_core::keys::KeyCard;
    let b = Browser::start().await;
    open_example(&b).await;
    let made = b
        .client
        .execute_async(
            r#"
            const done = arguments[arguments.length - 1];
            import('../pkg/woonkans.js').then((m) => {
              const mine = m.createKeys({ role: 'woningcorporatie',
                organisation: 'Voorbeeld Woonstichting Maasdal', organisationId: 'vb-maasdal',
                region: 'noordLimburg' }, '2026-12-07');
              const other = m.createKeys({ role: 'woningcorporatie', organisation: 'Elders',
                organisationId: 'elders', region: null }, '2026-12-07');
              window.portalKeys = [mine, other];
              done({ card: m.keyCard(mine), json: JSON.stringify(mine) });
            }, (e) => done({ error: String(e) }));
            "#,
            vec![],
        )
        .await
        .expect("make keys in the page");
    let card = made["card"].as_str().expect("a key card from the module");
    assert!(made["json"].as_str().unwrap().contains("signingSecret"));

    // The coordinator's side, with the core.
    let today = date("2026-12-07");
    let mut ws = fixtures::workspace();
    fixtures::add_ready_case(&mut ws, "c0", &RESIDENTS[0]);
    fixtures::add_ready_case(&mut ws, "c1", &RESIDENTS[1]);
    fixtures::coordinator_keys(&mut ws, today);
    ws.import_card(card.as_bytes(), None, today)
        .expect("the portal's card imports");
    let fp = KeyCard::parse(card.as_bytes(), None).unwrap().fingerprint();
    ws.confirm_contact(fp, &fp.to_string()).unwrap();
    let (sealed, written) = ws
        .seal_bundle(
            &CodeKey::from_bytes([9; 32]),
            "vb-maasdal",
            &["c0".into(), "c1".into()],
            [1; 16],
            [2; 32],
            today,
            "2026-12-07T10:00:00",
        )
        .unwrap_or_else(|e| panic!("the bundle seals: {:?}", e.to_error()));
    let (_, coordinator_card) = ws.own_card_file().unwrap();

    let opened = b
        .client
        .execute_async(
            r#"
            const [bytes, card] = [Uint8Array.from(arguments[0]), arguments[1]];
            const done = arguments[arguments.length - 1];
            import('../pkg/woonkans.js').then((m) => {
              const [mine, other] = window.portalKeys;
              const o = m.openEnvelope({ keys: mine, bytes, contacts: [card], expectedType: 'bundel' });
              let refused = null;
              try { m.openEnvelope({ keys: other, bytes, contacts: [card] }); }
              catch (e) { refused = e.code; }
              done({ type: o.type, sender: o.sender.identity.organisation,
                     fingerprint: o.sender.fingerprint,
                     payload: new TextDecoder().decode(o.payload), refused });
            }, (e) => done({ error: String(e) }));
            "#,
            vec![
                serde_json::to_value(&sealed.bytes).unwrap(),
                Value::String(coordinator_card),
            ],
        )
        .await
        .expect("open the envelope in the page");
    assert_eq!(opened["error"], Value::Null, "{opened}");
    assert_eq!(opened["type"], "bundel");
    assert_eq!(opened["sender"], fixtures::COORDINATOR);
    assert_eq!(
        opened["fingerprint"].as_str(),
        Some(
            ws.parties()
                .keys()
                .unwrap()
                .fingerprint()
                .to_string()
                .as_str()
        )
    );
    assert_eq!(
        opened["payload"].as_str().map(str::as_bytes),
        Some(written.bytes.as_slice())
    );
    assert_eq!(opened["refused"], "ENVELOPE_NOT_FOR_YOU");
    b.close().await;
}
