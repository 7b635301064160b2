//! Seals the built `index.html` with a strict Content-Security-Policy.
//!
//! Trunk injects one inline module script (the wasm loader). A strict policy forbids
//! `'unsafe-inline'`, so after every build we hash each inline script and allow exactly those
//! hashes. Runs as Trunk's post-build hook, so any `trunk build` yields a sealed `index.html`.

use sha2::{Digest, Sha256};
use std::path::Path;
use woonkans_core::base64;

/// Marker in the source `index.html` that the hashes replace.
pub const PLACEHOLDER: &str = "'inline-script-hashes'";

/// The policy; `{hashes}` is replaced. `connect-src 'self'` is needed for the wasm fetch and is
/// the widest connection the app may ever make.
pub const POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {hashes}; \
style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; \
manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

/// The contents of every inline `<script>` (one without `src=`).
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("<script") {
        let after = &rest[open..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else {
            break;
        };
        if !tag.contains("src=") {
            scripts.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close..];
    }
    scripts
}

pub fn script_hash(script: &str) -> String {
    format!(
        "'sha256-{}'",
        base64::encode(&Sha256::digest(script.as_bytes()))
    )
}

/// Replaces the placeholder policy in `html` by the sealed one. Idempotent on an already
/// sealed file only in the sense that it refuses it: a file without the placeholder is an error.
pub fn seal(html: &str) -> Result<String, String> {
    if !html.contains(PLACEHOLDER) {
        return Err("index.html has no CSP placeholder to seal".into());
    }
    let hashes: Vec<String> = inline_scripts(html).into_iter().map(script_hash).collect();
    let policy = POLICY.replace("{hashes}", &hashes.join(" "));
    // The meta tag in index.html holds the placeholder policy text: swap it whole.
    let start = html
        .find("content=\"default-src")
        .ok_or("index.html has no CSP meta content")?
        + "content=\"".len();
    let end = start + html[start..].find('"').ok_or("unterminated CSP meta")?;
    Ok(format!("{}{}{}", &html[..start], policy, &html[end..]))
}

/// The policy in force in a built `index.html`, for the server's response header.
pub fn policy_of(html: &str) -> Option<String> {
    let marker = "http-equiv=\"Content-Security-Policy\"";
    let at = html.find(marker)?;
    let tag = &html[at..at + html[at..].find('>')?];
    let start = tag.find("content=\"")? + "content=\"".len();
    let end = start + tag[start..].find('"')?;
    Some(tag[start..end].to_string())
}

pub fn seal_file(index_html: &Path) -> Result<(), String> {
    let html = std::fs::read_to_string(index_html).map_err(|e| e.to_string())?;
    let sealed = seal(&html)?;
    std::fs::write(index_html, sealed).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seals_inline_scripts_only() {
        let html = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'inline-script-hashes'\">\
<script type=\"module\">boot()</script><script src=\"/x.js\"></script>";
        let sealed = seal(html).unwrap();
        let policy = policy_of(&sealed).unwrap();
        assert!(policy.contains(&script_hash("boot()")));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!sealed.contains(PLACEHOLDER));
        assert_eq!(inline_scripts(&sealed), vec!["boot()"]);
        assert!(seal(&sealed).is_err());
    }
}
