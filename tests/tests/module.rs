//! The JS module (`pkg/`, from `cargo xtask package`) and its example page (`examples/`) in
//! headless Chromium: the page loads the module with no framework, scores a profile against the
//! sample offer exactly as the native core does, verifies a bundle made natively, shows the
//! Dutch error for a tampered one, and asks nothing of another origin. A sweep from JavaScript
//! calls every exported function with bad arguments through the real glue.

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
                known: Known::default(),
            },
            BundleProfileInput {
                code: codes[1],
                profile: second.clone(),
                matches: Vec::new(),
                known: Known::default(),
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
    for (row, (code, p)) in cells.iter().zip(codes.iter().zip([&profile, &second])) {
        assert_eq!(row[0].as_str(), Some(code.to_string().as_str()));
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

/// Functions whose parameters include a string, bytes or a number that the wasm-bindgen glue
/// converts before the call reaches the module: given a value of another type, the glue itself
/// throws (its `--debug` type checks, or the engine's `TypeError`), without a `code`. Every
/// other function must answer with a coded error.
const GLUE_TYPED: [&str; 25] = [
    "assignCaseload",
    "deriveCode",
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
    let mut glue_type_errors = 0;
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
        match kind {
            "coded" => {
                assert!(!message.is_empty() && !message.contains("Markeerwaardezqx"));
                assert!(
                    !message.contains("invalid type") && !message.contains("unreachable"),
                    "{call}: {message}"
                );
            }
            "uncoded" => {
                // The glue's own checks: "expected a string argument, found number", or the
                // engine's TypeError for null, a BigInt or a Symbol.
                assert!(
                    GLUE_TYPED.contains(&name)
                        && (r["type"] == "TypeError" || message.starts_with("expected a")),
                    "{call}: an error without code: {} {message}",
                    r["type"]
                );
                assert!(!message.contains("Markeerwaardezqx"), "{call}: {message}");
                glue_type_errors += 1;
            }
            _ => {}
        }
    }
    // version(), sweep marker and 40 more: every export was reached.
    assert!(functions.len() >= 42, "{functions:?}");
    eprintln!(
        "JS sweep: {} calls over {} functions, {glue_type_errors} uncoded errors from the glue's \
         type checks, no trap",
        results.len() - 1,
        functions.len() - 1
    );
    b.close().await;
}
