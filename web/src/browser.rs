//! The few browser services the app needs besides the vault: the clock, random ids, downloads
//! and reading a chosen file. Nothing here talks to the network.

use wasm_bindgen::JsCast;
use woonkans_core::date::Date;

/// Today in the browser's local time zone; the core takes it as an input.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(
        now.get_full_year() as i32,
        (now.get_month() + 1) as u8,
        now.get_date() as u8,
    )
    .unwrap_or_else(|_| Date::from_days_since_epoch(0))
}

/// Local date-time "2026-11-28T14:05:09", for logs and the "last saved" line.
pub fn now_iso() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{}T{:02}:{:02}:{:02}",
        today().iso(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}

/// "14:05" for the status line.
pub fn clock() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    // The browser's crypto.getRandomValues cannot fail for this size; a failure would leave
    // zeros, so refuse to go on rather than issue a predictable key.
    getrandom::fill(&mut bytes).expect("the browser's random source is available");
    bytes
}

/// A random local id for a dossier, used in URLs: 10 characters, no personal data.
pub fn random_id() -> String {
    const ALPHABET: &[u8] = b"0123456789abcdefghjkmnpqrstvwxyz";
    random_bytes::<10>()
        .iter()
        .map(|b| ALPHABET[usize::from(b & 31)] as char)
        .collect()
}

/// Offers `bytes` as a download named `file_name` (Blob + object URL; nothing is sent anywhere).
pub fn download(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    let fail = |_| "De download kon niet worden gestart.".to_string();
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("Geen document.")?;
    let a = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "Geen link.".to_string())?;
    a.set_href(&url);
    a.set_download(file_name);
    a.set_class_name("visueel-verborgen");
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    // Revoke later: Chromium reads the blob asynchronously after the click.
    let revoke = gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    revoke.forget();
    Ok(())
}

/// Reads a file the user chose or dropped, unless it is larger than `max_bytes`: each kind of
/// file the app reads has a size limit in the core, and a file far beyond it (a video picked by
/// mistake) is refused on its size, before it is copied into memory, where it could exhaust the
/// tab and take unsaved work with it. The message names sizes only, never the file's name.
pub async fn read_file(file: web_sys::File, max_bytes: usize) -> Result<Vec<u8>, String> {
    let size = file.size();
    if size > max_bytes as f64 {
        return Err(too_large(size, max_bytes));
    }
    gloo::file::futures::read_as_bytes(&gloo::file::Blob::from(file))
        .await
        .map_err(|_| "Het bestand kon niet worden gelezen.".to_string())
}

/// "Dit bestand is te groot (… MB); hier past hoogstens … MB. Er is niets gewijzigd."
pub fn too_large(size: f64, max_bytes: usize) -> String {
    let mb = |bytes: f64| {
        let v = bytes / (1024.0 * 1024.0);
        if v < 10.0 {
            format!("{v:.1}").replace('.', ",")
        } else {
            format!("{v:.0}")
        }
    };
    format!(
        "Dit bestand is te groot ({} MB); hier past hoogstens {} MB. Er is niets gewijzigd.",
        mb(size),
        mb(max_bytes as f64)
    )
}

/// Moves the keyboard focus to the form field with element `id` once the page has rendered: the
/// element itself when it takes input, else the first input inside it (a fieldset of choices,
/// the search area). A link from the matching page lands here.
pub fn focus_field_soon(id: &'static str) {
    gloo::timers::callback::Timeout::new(0, move || {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return;
        };
        let target = if matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA") {
            Some(el)
        } else {
            el.query_selector("input, select, textarea").ok().flatten()
        };
        if let Some(t) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = t.focus();
        }
    })
    .forget();
}

/// Moves the keyboard focus to the element with `id`, e.g. a confirmation that just appeared.
pub fn focus(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Whether the browser is at the app's root address ("/").
pub fn at_root() -> bool {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .is_some_and(|p| p.trim_end_matches('/').is_empty())
}

/// Moves the focus to where a new page starts: the role and region question while a new vault
/// has no answer (nothing else works well before it), else the main content's first heading;
/// not when the address names a field. A heading is not focusable by itself, so it gets `tabindex="-1"`
/// (focusable by script, not a tab stop).
pub fn focus_heading() {
    let window = web_sys::window();
    // A link to a field (`…/profiel#zoekgebied`) means that field: the page focuses it.
    if window
        .as_ref()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|h| h.len() > 1)
    {
        return;
    }
    let document = window.and_then(|w| w.document());
    if let Some(select) = document
        .as_ref()
        .and_then(|d| {
            let prompt = crate::components::role_prompt::PROMPT_ID;
            d.query_selector(&format!("#{prompt} input, #{prompt} select"))
                .ok()
                .flatten()
        })
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = select.focus();
        return;
    }
    if let Some(h) = document
        .and_then(|d| d.query_selector("main h1").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        if !h.has_attribute("tabindex") {
            let _ = h.set_attribute("tabindex", "-1");
        }
        let _ = h.focus();
    }
}
