//! Support for the end-to-end tests: the built `dist/` served on 127.0.0.1, and a fresh
//! chromedriver and headless Chromium (own empty profile) per test.

use fantoccini::{Client, ClientBuilder};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::Duration;
use xtask::server::Server;

pub mod parties;

pub fn dist() -> PathBuf {
    let dir = std::env::var_os("WOONKANS_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist"));
    assert!(
        dir.join("index.html").exists(),
        "no built app in {}: run `cargo xtask test` (it builds dist/ first) or `cargo xtask build`",
        dir.display()
    );
    dir
}

/// The one server of this test process.
pub fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| xtask::server::serve(&dist(), 0).expect("serve dist/ on loopback"))
}

pub fn screenshot_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/screenshots");
    std::fs::create_dir_all(&dir).expect("create screenshot folder");
    dir
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

/// A headless Chromium session; chromedriver and its temporary profile go away on drop.
pub struct Browser {
    pub client: Client,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    pub async fn start() -> Browser {
        let port = free_port();
        let driver = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver from Debian's chromium-driver package");
        let profile = std::env::temp_dir().join(format!("woonkans-e2e-{port}"));
        let _ = std::fs::remove_dir_all(&profile);
        let caps = serde_json::json!({
            // Console messages (CSP refusals among them) for `browser_log`.
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    "--window-size=1280,800",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "download.default_directory": profile.join("downloads").display().to_string(),
                    "download.prompt_for_download": false
                }
            }
        });
        let caps = caps.as_object().expect("object").clone();
        let url = format!("http://127.0.0.1:{port}");
        let mut last_err = None;
        for _ in 0..50 {
            match ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    // Make the viewport (not the window) 1280×800, for comparable screenshots.
                    if let Ok(v) = client
                        .execute(
                            "return [outerWidth - innerWidth, outerHeight - innerHeight];",
                            vec![],
                        )
                        .await
                    {
                        let dx = v[0].as_u64().unwrap_or(0) as u32;
                        let dy = v[1].as_u64().unwrap_or(0) as u32;
                        let _ = client.set_window_size(1280 + dx, 800 + dy).await;
                    }
                    return Browser {
                        client,
                        driver,
                        profile,
                    };
                }
                Err(e) => {
                    last_err = Some(e);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
        panic!("chromedriver did not start: {last_err:?}");
    }

    /// Sizes the viewport to `width`×`height` CSS pixels through the DevTools protocol's
    /// device metrics (a window cannot be made narrower than about 500 px), and returns what the
    /// page then reports as its inner width, so a test can check it got what it asked for.
    pub async fn set_viewport(&self, width: u32, height: u32) -> u64 {
        self.client
            .issue_cmd(ChromedriverPost {
                path: "goog/cdp/execute",
                body: serde_json::json!({
                    "cmd": "Emulation.setDeviceMetricsOverride",
                    "params": { "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }
                }),
            })
            .await
            .expect("set the viewport through chromedriver");
        self.client
            .execute("return innerWidth;", vec![])
            .await
            .ok()
            .and_then(|v| v.as_u64())
            .unwrap_or(0)
    }

    /// The page's horizontal overflow: `(scrollWidth, clientWidth, widest elements)`. The list
    /// names the elements that reach past the right edge outside any scrolling box, to say what
    /// to fix when it fails.
    pub async fn sideways(&self) -> (u64, u64, Vec<String>) {
        let v = self
            .client
            .execute(
                "const w = document.documentElement.clientWidth; const out = [];\
                 for (const el of document.querySelectorAll('body *')) {\
                   const r = el.getBoundingClientRect();\
                   let clipped = false;\
                   for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {\
                     if (getComputedStyle(a).overflowX !== 'visible') { clipped = true; break; }\
                   }\
                   if (!clipped && r.width > 0 && r.right > w + 0.5) {\
                     const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';\
                     out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + ' → ' + Math.round(r.right) + ' px');\
                   }\
                 }\
                 return [document.documentElement.scrollWidth, w, out.slice(0, 12)];",
                vec![],
            )
            .await
            .expect("measure the page's width");
        let list = v[2]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        (v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0), list)
    }

    /// The browser's console messages since the last call (chromedriver hands each out once).
    pub async fn browser_log(&self) -> Vec<serde_json::Value> {
        let v = self
            .client
            .issue_cmd(ChromedriverPost {
                path: "se/log",
                body: serde_json::json!({ "type": "browser" }),
            })
            .await
            .expect("read the browser log through chromedriver");
        v.as_array().cloned().unwrap_or_default()
    }

    /// Console messages since the last call that report a Content Security Policy refusal.
    pub async fn csp_violations(&self) -> Vec<String> {
        self.browser_log()
            .await
            .iter()
            .filter_map(|e| e.get("message").and_then(|m| m.as_str()))
            .filter(|m| m.contains("Content Security Policy") || m.contains("Refused to"))
            .map(String::from)
            .collect()
    }

    pub fn downloads(&self) -> PathBuf {
        self.profile.join("downloads")
    }

    /// Opens an app path and waits until Yew has rendered the header.
    pub async fn open(&self, path: &str) {
        let url = format!("{}{}", server().url().trim_end_matches('/'), path);
        self.client.goto(&url).await.expect("navigate");
        self.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(fantoccini::Locator::Css("header.kop"))
            .await
            .expect("the app renders its header");
    }

    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("screenshot");
        let path = screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write screenshot");
        path
    }

    /// Every URL the page has requested so far (resource timing), including the document.
    pub async fn requested_urls(&self) -> Vec<String> {
        let v = self
            .client
            .execute(
                "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name));",
                vec![],
            )
            .await
            .expect("read resource timing");
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Makes the vault on first start (PBKDF2 with 600,000 iterations takes about a second) and
    /// answers its first question as the coordinator in Noord-Limburg, so the flows of the
    /// coordinator's vault go on as before.
    pub async fn create_vault(&self, passphrase: &str) {
        self.create_vault_unanswered(passphrase).await;
        self.choose_role("regisseur", "noord").await;
    }

    /// Makes the vault for `role` in Noord-Limburg: a care provider's or a Wmo consultant's
    /// vault for the flows that type dossiers (the coordinator's cases come from an overdracht).
    pub async fn create_vault_as(&self, passphrase: &str, role: &str) {
        self.create_vault_unanswered(passphrase).await;
        self.choose_role(role, "noord").await;
    }

    /// Makes the vault and leaves its "rol en regio" question open.
    pub async fn create_vault_unanswered(&self, passphrase: &str) {
        self.fill("#wachtwoord", passphrase).await;
        self.fill("#wachtwoord-herhaal", passphrase).await;
        self.click_button("Kluis aanmaken").await;
        self.wait_for("nav.hoofdmenu").await;
    }

    /// Answers the new vault's question: the role by its value ("regisseur",
    /// "woningcorporatie", "wmo-consulent", "zorgaanbieder") and the region ("noord", "midden").
    /// Waits until the question is gone and the choice is saved.
    pub async fn choose_role(&self, role: &str, region: &str) {
        self.wait_for(&format!("#rol-{role}"))
            .await
            .click()
            .await
            .expect("choose the role");
        self.wait_for("#regio-eerste-keuze")
            .await
            .select_by_value(region)
            .await
            .expect("choose the region");
        self.click_button("Rol en regio vastleggen").await;
        for _ in 0..300 {
            if self
                .client
                .find(fantoccini::Locator::Css("#rol-regio-vraag"))
                .await
                .is_err()
            {
                self.wait_for_text("Opgeslagen om").await;
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the role question stays after choosing {role} in {region}");
    }

    pub async fn unlock(&self, passphrase: &str) {
        self.fill("#wachtwoord", passphrase).await;
        self.click_button("Ontgrendelen").await;
    }

    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        field.clear().await.expect("clear field");
        field.send_keys(text).await.expect("type into field");
    }

    /// Clicks the first button whose text is `label`.
    pub async fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space(.)='{label}']");
        self.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(fantoccini::Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("button {label}: {e}"))
            .click()
            .await
            .expect("click button");
    }

    pub async fn click_link(&self, label: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(fantoccini::Locator::LinkText(label))
            .await
            .unwrap_or_else(|e| panic!("link {label}: {e}"))
            .click()
            .await
            .expect("click link");
    }

    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(fantoccini::Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("element {css}: {e}"))
    }

    /// Waits until the page's text contains `needle`.
    pub async fn wait_for_text(&self, needle: &str) {
        for _ in 0..300 {
            if self.text().await.contains(needle) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("text not shown within 30 s: {needle}");
    }

    pub async fn text(&self) -> String {
        self.client
            .execute("return document.body.innerText;", vec![])
            .await
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    }

    /// Runs axe-core (from the npm package, injected by the test, never shipped) on the page
    /// and returns its violations.
    pub async fn axe_violations(&self) -> Vec<serde_json::Value> {
        let axe = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../node_modules/axe-core/axe.min.js"),
        )
        .expect("axe-core is installed by npm ci (cargo xtask test does it)");
        self.client
            .execute(&format!("{axe}\nreturn typeof axe;"), vec![])
            .await
            .expect("inject axe-core");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 axe.run(document, { resultTypes: ['violations'] })\
                   .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) }))))\
                   .catch(e => done([{ id: 'axe-error', help: String(e) }]));",
                vec![],
            )
            .await
            .expect("run axe-core");
        result.as_array().cloned().unwrap_or_default()
    }

    pub async fn assert_accessible(&self, page: &str) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe-core violations on {page}: {}",
            serde_json::to_string_pretty(&violations).unwrap_or_default()
        );
    }

    /// Seals `plaintext` as vault record `name`, as the app does (AES-256-GCM under the
    /// PBKDF2 key, the record name as associated data), so a test can start from a prepared
    /// workspace. The vault must be locked, or the app's autosave could overwrite the record.
    pub async fn seal_record(&self, passphrase: &str, name: &str, plaintext: &str) {
        let script = r#"
        const [pass, name, plaintext] = arguments;
        const done = arguments[arguments.length - 1];
        const meta = JSON.parse(localStorage.getItem('woonkans.v1.meta'));
        const decode = s => Uint8Array.from(atob(s), c => c.charCodeAt(0));
        const encode = bytes => {
            let s = '';
            for (let i = 0; i < bytes.length; i += 0x8000) {
                s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
            }
            return btoa(s);
        };
        (async () => {
            const text = new TextEncoder();
            const base = await crypto.subtle.importKey('raw', text.encode(pass.normalize('NFC')),
                'PBKDF2', false, ['deriveKey']);
            const key = await crypto.subtle.deriveKey(
                { name: 'PBKDF2', hash: 'SHA-256', salt: decode(meta.kdf.salt), iterations: meta.kdf.iterations },
                base, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
            const nonce = crypto.getRandomValues(new Uint8Array(12));
            const sealed = new Uint8Array(await crypto.subtle.encrypt(
                { name: 'AES-GCM', iv: nonce, additionalData: text.encode(name) }, key, text.encode(plaintext)));
            localStorage.setItem('woonkans.v1.' + name,
                JSON.stringify({ nonce: encode(nonce), ciphertext: encode(sealed) }));
            return true;
        })().then(done, e => done(String(e)));
    "#;
        let result = self
            .client
            .execute_async(
                script,
                vec![passphrase.into(), name.into(), plaintext.into()],
            )
            .await
            .expect("run the sealing script");
        assert_eq!(
            result,
            serde_json::Value::Bool(true),
            "sealing failed: {result}"
        );
    }

    /// Locks the open vault and seals `ws` into it as the app stores a workspace (settings,
    /// cases and offer, each its own record), so a test starts from prepared data without
    /// typing it. The vault stays locked: open a page and unlock to use it.
    pub async fn lock_and_seal(&self, passphrase: &str, ws: &woonkans_core::workspace::Workspace) {
        // Locking while a save is pending would race the app's own write of these records.
        for _ in 0..300 {
            let t = self.text().await;
            if t.contains("Alles is opgeslagen") || t.contains("Opgeslagen om") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        self.click_button("Vergrendelen").await;
        self.wait_for_text("Kluis ontgrendelen").await;
        let records = [
            ("settings", serde_json::to_string(ws.settings())),
            ("dossiers", serde_json::to_string(&ws.cases_record())),
            ("offer", serde_json::to_string(ws.offer())),
        ];
        for (name, json) in records {
            self.seal_record(passphrase, name, &json.expect("a workspace serialises"))
                .await;
        }
    }

    /// Waits for a finished, non-empty download whose name starts with `prefix`; its path.
    pub async fn downloaded(&self, prefix: &str) -> PathBuf {
        for _ in 0..300 {
            if let Ok(dir) = std::fs::read_dir(self.downloads()) {
                for e in dir.flatten() {
                    let name = e.file_name().to_string_lossy().into_owned();
                    if name.starts_with(prefix)
                        && !name.ends_with(".crdownload")
                        && e.metadata().is_ok_and(|m| m.len() > 0)
                    {
                        return e.path();
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no download starting with {prefix} within 30 s");
    }

    /// Screenshots of the page at 1280 and 390 px (`<name>-1280`, `<name>-390`), axe-core at
    /// both, and no sideways scrolling at 390 px; leaves the viewport at 1280 × 800.
    pub async fn check_both_widths(&self, name: &str) {
        self.screenshot(&format!("{name}-1280")).await;
        self.assert_accessible(&format!("{name} (1280 px)")).await;
        assert_eq!(self.set_viewport(390, 844).await, 390);
        let (scroll, client, offenders) = self.sideways().await;
        assert!(
            scroll <= client,
            "{name} scrolls sideways at 390 px: {offenders:?}"
        );
        self.screenshot(&format!("{name}-390")).await;
        self.assert_accessible(&format!("{name} (390 px)")).await;
        self.set_viewport(1280, 800).await;
    }

    /// [`Browser::lock_and_seal`] and also the parties record (keys, contact book) and the log,
    /// for a test that starts from two organisations that already exchanged their key cards
    /// (the exchange itself is `tests/two_parties.rs`).
    pub async fn lock_and_seal_all(
        &self,
        passphrase: &str,
        ws: &woonkans_core::workspace::Workspace,
    ) {
        self.lock_and_seal(passphrase, ws).await;
        let records = [
            ("parties", serde_json::to_string(ws.parties())),
            ("log", serde_json::to_string(ws.log())),
        ];
        for (name, json) in records {
            self.seal_record(passphrase, name, &json.expect("a workspace serialises"))
                .await;
        }
    }

    /// The page as Chromium prints it (WebDriver's Print Page: print media, A4), kept as
    /// `<name>.pdf` beside the screenshots to look at, and its text read back from the PDF,
    /// [`squeezed`]: the extraction puts spaces inside words where the font kerns ("C o de"), so
    /// a test compares without any white space.
    pub async fn print_text(&self, name: &str) -> String {
        let config = fantoccini::wd::PrintConfiguration::builder()
            .build()
            .expect("the default print configuration is valid");
        let pdf = self.client.print(config).await.expect("print the page");
        assert!(pdf.starts_with(b"%PDF-"), "Print Page returns a PDF");
        std::fs::write(screenshot_dir().join(format!("{name}.pdf")), &pdf)
            .expect("keep the PDF beside the screenshots");
        squeezed(&pdf_extract::extract_text_from_mem(&pdf).expect("read the PDF's text"))
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

/// A chromedriver command outside W3C WebDriver, which fantoccini has no method for:
/// `POST /session/{id}/{path}` with a JSON body. Used for `se/log` with `{"type": "browser"}`
/// (the console messages collected under `goog:loggingPrefs`) and `goog/cdp/execute` (one
/// DevTools protocol command).
#[derive(Debug)]
struct ChromedriverPost {
    path: &'static str,
    body: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for ChromedriverPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Asserts that every request went to the app's own origin.
/// Today in UTC, as the browser on this machine sees it.
pub fn today_utc() -> woonkans_core::date::Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970")
        .as_secs();
    woonkans_core::date::Date::from_days_since_epoch((secs / 86_400) as i64)
}

/// `text` without white space and with the typesetting ligatures undone, to compare text read
/// back from a PDF.
pub fn squeezed(text: &str) -> String {
    text.replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .replace('\u{FB00}', "ff")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

pub fn assert_same_origin(urls: &[String]) {
    let origin = server().url();
    for u in urls {
        assert!(
            u.starts_with(origin.as_str()) || u.starts_with("blob:") || u.starts_with("data:"),
            "request to another origin: {u}"
        );
    }
}

/// Records the gates up to step 4 of the seeded cases: the care provider's mandate on
/// 5 January 2026 (the dossier page shows "05-01-2026, door Zorgaanbieder De Brug"), the Wmo
/// consultant's eligibility decision and the consent to share on 9 February 2026.
pub fn record_gates_to_step_4(dossier: &mut woonkans_core::dossier::Dossier) {
    use woonkans_core::date::Date;
    use woonkans_core::register::Gate;
    let d = |m, day| Date::new(2026, m, day).unwrap();
    dossier
        .record_gate(Gate::ConsentToRegister, d(1, 5), "Zorgaanbieder De Brug")
        .unwrap();
    for g in [
        Gate::EligibilityAndSupportPlan,
        Gate::ConsentToShareWithCoordinator,
    ] {
        dossier.record_gate(g, d(2, 9), "Wmo-consulent").unwrap();
    }
}
