//! The checks behind every fuzz target, in one place so that the fuzz binaries
//! (crates/fuzz/fuzz_targets/) and the regression test of the core
//! (crates/core/tests/fuzz_regressions.rs, which includes this file with `#[path]`) run exactly the
//! same code on an input. Each check feeds the bytes to one parser of `woonkans-core`; a panic
//! (from the parser or from a failed property) is a finding.
//!
//! Only `woonkans_core` and `serde_json` are used here: both are available to the core's
//! integration tests as well.
#![allow(dead_code)]

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::sync::OnceLock;
use woonkans_core::bundle::{canonical_json, verify_bundle};
use woonkans_core::code::{self, Code};
use woonkans_core::date::Date;
use woonkans_core::envelope::{self, MessageType, Sealing};
use woonkans_core::import::{self, ImportKind, ImportReport};
use woonkans_core::keys::{ContactBook, Fingerprint, Identity, KeyCard, OwnKeys, Role};
use woonkans_core::known::Known;
use woonkans_core::rentlimits::RentLimits;
use woonkans_core::reply::{self, AnswerKind, CodeAnswer, NoOfferReason, Reply};
use woonkans_core::scan::{self, Finding};
use woonkans_core::validate;
use woonkans_core::vaultfile::{self, Backup, Sealed};
use woonkans_core::workspace::Workspace;

/// A target's name (the fuzz binary, the seed and regression folders) and its check.
pub type Target = (&'static str, fn(&[u8]));

/// Every target.
pub const TARGETS: &[Target] = &[
    ("import_csv", check_import_csv),
    ("import_json", check_import_json),
    ("import_file", check_import_file),
    ("verify_bundle", check_verify_bundle),
    ("verify_bundle_resealed", check_verify_bundle_resealed),
    ("code_parse", check_code_parse),
    ("import_key", check_import_key),
    ("workspace", check_workspace),
    ("rent_limits", check_rent_limits),
    ("date_parse", check_date_parse),
    ("validate", check_validate),
    ("scan", check_scan),
    ("vault_file", check_vault_file),
    ("envelope", check_envelope),
    ("key_card", check_key_card),
    ("reply", check_reply),
    ("transfer", check_transfer),
    ("prints", check_prints),
];

/// Most parsers take text: the bytes that are not UTF-8 are not interesting for them (the
/// callers decode first), so they are skipped.
fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// Messages may never repeat what was typed (privacy rule). No fixed message contains any of
/// these characters, so one in a message that came from an input holding it was copied from the
/// input. (Searching the message for the whole input instead does not work: libFuzzer learns the
/// message from that very comparison and feeds it back as input.)
const MARKERS: [char; 3] = ['¤', '^', '`'];

fn assert_not_quoted(input: &str, message: &str) {
    if input.contains(MARKERS) {
        assert!(
            !message.contains(MARKERS),
            "an error message repeats part of the input"
        );
    }
}

fn check_report(report: &ImportReport) {
    for e in &report.errors {
        assert!(e.line >= 1, "row errors count lines from 1");
    }
    match report.kind {
        ImportKind::Dwellings => assert!(report.offer_part.associations.is_empty()),
        ImportKind::Associations => assert!(report.offer_part.dwellings.is_empty()),
        ImportKind::Json => assert!(report.errors.is_empty(), "JSON is all or nothing"),
    }
}

/// A CSV import keeps what it accepted; exporting that part again and importing the export must
/// give the same part back without errors (the round trip the import tests promise for valid
/// offers, here for whatever the importer itself accepted).
pub fn check_import_csv(data: &[u8]) {
    let Ok(report) = import::import_csv(data) else {
        return;
    };
    assert_ne!(report.kind, ImportKind::Json);
    check_report(&report);
    let part = &report.offer_part;
    let again = match report.kind {
        ImportKind::Dwellings if !part.dwellings.is_empty() => {
            import::import_csv(&import::export_dwellings_csv(part))
        }
        ImportKind::Associations if !part.associations.is_empty() => {
            import::import_csv(&import::export_associations_csv(part))
        }
        _ => return,
    };
    let again = again.expect("the export of an accepted CSV import imports again");
    assert!(
        again.errors.is_empty(),
        "the export of an accepted CSV import has bad rows: {:?}",
        again.errors
    );
    assert_eq!(again.kind, report.kind);
    assert_eq!(&again.offer_part, part, "CSV export/import round trip");
}

/// An accepted JSON offer exports and imports back to the same offer.
pub fn check_import_json(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let report = match import::import_json(t) {
        Ok(r) => r,
        Err(e) => return assert_not_quoted(t, &e.message),
    };
    assert_eq!(report.kind, ImportKind::Json);
    check_report(&report);
    let back = import::import_json(&import::export_json(&report.offer_part))
        .expect("the export of an accepted JSON offer imports again");
    assert_eq!(back.offer_part, report.offer_part, "JSON round trip");
}

/// Any bytes: decoded, then routed to the JSON or the CSV importer.
pub fn check_import_file(data: &[u8]) {
    if let Ok(report) = import::import_file(data) {
        check_report(&report);
    }
}

/// An accepted bundle verifies again identically, also with a BOM (if it had none) and a final
/// newline added (both are documented as tolerated), and holds at least one profile with
/// distinct codes.
pub fn check_verify_bundle(data: &[u8]) {
    let Ok(v) = verify_bundle(data) else { return };
    assert!(!v.profiles.is_empty());
    let mut codes: Vec<Code> = v.profiles.iter().map(|p| p.code).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), v.profiles.len(), "duplicate codes accepted");
    assert_eq!(
        verify_bundle(data).as_ref(),
        Ok(&v),
        "re-verification differs"
    );
    // One BOM is tolerated, not two: add it only where there is none.
    let mut framed = Vec::with_capacity(data.len() + 5);
    if !data.starts_with(b"\xEF\xBB\xBF") {
        framed.extend_from_slice(b"\xEF\xBB\xBF");
    }
    framed.extend_from_slice(data);
    framed.extend_from_slice(b"\r\n");
    assert_eq!(
        verify_bundle(&framed),
        Ok(v),
        "BOM and newline changed the result"
    );
}

/// The verifier behind its digest: a fuzzer cannot forge SHA-256, so a plain target rarely gets
/// past the integrity check. This one takes any JSON object, puts a correct integrity block on
/// it (as the writer does: digest over the canonical JSON without `integrity`) and verifies the
/// canonical bytes. Such a file may be refused for its shape or values, never for its digest
/// (that would mean the canonical form is not stable under a parse), and when it is accepted the
/// properties of `check_verify_bundle` hold.
pub fn check_verify_bundle_resealed(data: &[u8]) {
    let Ok(Value::Object(mut map)) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    map.remove("integrity");
    let content = Value::Object(map);
    let digest: String = Sha256::digest(canonical_json(&content))
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let Value::Object(mut map) = content else {
        return;
    };
    map.insert(
        "integrity".to_string(),
        serde_json::json!({ "algorithm": "SHA-256", "digest": digest }),
    );
    let bytes = canonical_json(&Value::Object(map));
    if let Err(e) = verify_bundle(&bytes) {
        assert_ne!(
            e.code, "BUNDLE_DIGEST",
            "a correctly sealed file fails its digest"
        );
        return;
    }
    check_verify_bundle(&bytes);
}

/// An accepted code is written back (`WK-xxxxx-xxxxx-c`) to the same code, also in lowercase
/// and without hyphens, and fits in 50 bits.
pub fn check_code_parse(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let c = match code::parse(t) {
        Ok(c) => c,
        Err(e) => return assert_not_quoted(t, &e.message),
    };
    assert!(c.value() < 1 << 50, "code wider than 50 bits");
    assert_eq!(Code::from_value(c.value()), c);
    let shown = c.to_string();
    assert_eq!(
        code::parse(&shown).ok(),
        Some(c),
        "Display does not parse back"
    );
    let loose = shown.to_lowercase().replace('-', " ");
    assert_eq!(
        code::parse(&loose).ok(),
        Some(c),
        "loose form does not parse back"
    );
}

/// An accepted key file exports and imports back to the same key.
pub fn check_import_key(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let Ok(key) = code::import_key(t) else { return };
    let again = code::import_key(&code::export_key(&key)).expect("an exported key imports");
    assert!(again == key, "key file round trip");
}

/// The vault's backup file and stored entries, before any crypto: an accepted backup has a
/// 16-byte salt, iterations in the allowed range and records of AES-GCM shape under app record
/// names, and reads back unchanged once written; its meta is also a valid stored meta. The same
/// input is tried as a stored meta and as one stored record.
pub fn check_vault_file(data: &[u8]) {
    if let Ok((backup, salt)) = vaultfile::parse_backup(data) {
        let kdf = &backup.meta.kdf;
        assert!(
            (vaultfile::ITERATIONS..=vaultfile::MAX_ITERATIONS).contains(&kdf.iterations),
            "iterations outside the allowed range accepted"
        );
        for (name, sealed) in &backup.records {
            assert!(vaultfile::valid_record_name(name), "record name accepted");
            let (nonce, ciphertext) = sealed.bytes().expect("record of AES-GCM shape");
            assert!(ciphertext.len() >= vaultfile::TAG_LEN);
            assert_eq!(
                &Sealed::from_bytes(&nonce, &ciphertext),
                sealed,
                "one spelling"
            );
        }
        let written = serde_json::to_vec(&backup).expect("a backup serialises");
        let (again, salt_again): (Backup, _) =
            vaultfile::parse_backup(&written).expect("a written backup reads back");
        assert_eq!(again, backup, "backup round trip");
        assert_eq!(salt_again, salt);
        let meta = serde_json::to_string(&backup.meta).expect("a meta serialises");
        let (stored, stored_salt) = vaultfile::parse_meta(&meta).expect("its meta is valid");
        assert_eq!((stored, stored_salt), (backup.meta, salt));
    }
    let Some(t) = text(data) else { return };
    if let Ok((meta, salt)) = vaultfile::parse_meta(t) {
        let again = serde_json::to_string(&meta).expect("a meta serialises");
        assert_eq!(
            vaultfile::parse_meta(&again),
            Ok((meta, salt)),
            "meta round trip"
        );
    }
    if let Some(sealed) = Sealed::parse(t) {
        let again = serde_json::to_string(&sealed).expect("a record serialises");
        assert_eq!(Sealed::parse(&again), Some(sealed), "record round trip");
    }
}

/// The stored workspace: what was read is written and read back unchanged.
pub fn check_workspace(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let Ok(w) = Workspace::from_json(t) else {
        return;
    };
    let back = Workspace::from_json(&w.to_json()).expect("a written workspace reads back");
    assert_eq!(back, w, "workspace round trip");
}

/// An accepted rent-limits table is valid and survives a JSON round trip.
pub fn check_rent_limits(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let Ok(r) = RentLimits::from_json(t) else {
        return;
    };
    assert!(r.validate().is_ok());
    let json = serde_json::to_string(&r).expect("a table serialises");
    assert_eq!(
        RentLimits::from_json(&json).ok(),
        Some(r),
        "rent limits round trip"
    );
}

/// An accepted date is a real date whose ISO and numeric Dutch forms parse back to it and whose
/// day count converts back to it.
pub fn check_date_parse(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let d = match Date::parse(t) {
        Ok(d) => d,
        Err(e) => return assert_not_quoted(t, &e.message),
    };
    assert_eq!(Date::new(d.year(), d.month(), d.day()).ok(), Some(d));
    assert_eq!(Date::parse(&d.iso()).ok(), Some(d), "ISO form");
    assert_eq!(Date::parse(&d.to_string()).ok(), Some(d), "Display form");
    for form in d.written_forms() {
        if form.matches('-').count() == 2 {
            assert_eq!(Date::parse(&form).ok(), Some(d), "written form {form}");
        }
    }
    assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
    assert_eq!(validate::date(t).ok(), Some(d.iso()));
}

/// Every validator: its canonical form validates to itself (so values typed differently compare
/// equal afterwards), and no message repeats the input.
pub fn check_validate(data: &[u8]) {
    let Some(t) = text(data) else { return };
    type Validator = fn(&str) -> woonkans_core::error::Result<String>;
    let validators: [(&str, Validator); 6] = [
        ("bsn", validate::bsn),
        ("postcode", validate::postcode),
        ("phone", validate::phone),
        ("email", validate::email),
        ("iban", validate::iban),
        ("date", validate::date),
    ];
    for (name, f) in validators {
        match f(t) {
            Ok(canonical) => assert_eq!(
                f(&canonical).as_deref().ok(),
                Some(canonical.as_str()),
                "{name}: canonical form is not a fixed point"
            ),
            Err(e) => assert_not_quoted(t, &e.message),
        }
    }
    if let Ok(canonical) = validate::bsn(t) {
        let digits: Vec<u8> = canonical.bytes().map(|b| b - b'0').collect();
        let arr: [u8; 9] = digits.try_into().expect("a canonical BSN has 9 digits");
        assert!(validate::bsn_passes_11_test(&arr));
    }
}

/// Builds the resident's known values from the first line of the input, the rest is the text to
/// scan. The first line holds fields split by `|` (name parts, tussenvoegsels, BSN, birth date,
/// street addresses, postcodes, phones, e-mails, IBANs); list fields split on `,`.
pub fn split_known(t: &str) -> (Known, &str) {
    let (head, body) = t.split_once('\n').unwrap_or(("", t));
    let mut k = Known::default();
    let list = |s: &str| -> Vec<String> {
        s.split(',')
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    };
    for (i, field) in head.split('|').enumerate() {
        match i % 9 {
            0 => k.name_parts.extend(list(field)),
            1 => k.tussenvoegsels.extend(list(field)),
            2 => k.bsn = Some(field.to_string()),
            3 => k.birth_date = Date::parse(field).ok(),
            4 => k.street_addresses.extend(list(field)),
            5 => k.postcodes.extend(list(field)),
            6 => k.phones.extend(list(field)),
            7 => k.emails.extend(list(field)),
            _ => k.ibans.extend(list(field)),
        }
    }
    (k, body)
}

/// The scanner on any text with any known values: findings within the text, on char
/// boundaries, non-empty, sorted by start and not overlapping; the redaction keeps every byte
/// outside the findings, and redacting with no findings changes nothing.
pub fn check_scan(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let (known, body) = split_known(t);
    let findings = scan::scan(body, &known);
    check_findings(body, &findings);
    let redacted = scan::redact(body, &findings);
    let mut expected = String::new();
    let mut pos = 0;
    for f in &findings {
        expected.push_str(&body[pos..f.start]);
        expected.push_str(f.kind.placeholder());
        pos = f.end;
    }
    expected.push_str(&body[pos..]);
    assert_eq!(redacted, expected, "redaction differs from the findings");
    assert_eq!(scan::redact(body, &[]), body);
    // Scanning is a pure function of its inputs.
    assert_eq!(
        scan::scan(body, &known),
        findings,
        "scan is not deterministic"
    );
    // "Alles vervangen" is final: its result holds nothing a second scan finds. Only the count
    // is reported, never the text.
    let again = scan::scan(&redacted, &known);
    assert!(
        again.is_empty(),
        "a second scan of the redaction finds {} more",
        again.len()
    );
}

fn check_findings(text: &str, findings: &[Finding]) {
    let mut prev_end = 0;
    for f in findings {
        assert!(f.start < f.end, "empty finding");
        assert!(f.end <= text.len(), "finding beyond the text");
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "finding not on char boundaries"
        );
        assert!(f.start >= prev_end, "findings unsorted or overlapping");
        prev_end = f.end;
    }
}

// ------------------------------------------------------------------ envelopes, cards, replies

/// The fixed parties of the envelope targets. Their keys come from constant bytes, so the
/// seeds sealed with them (`seeds()`) stay valid from one run to the next.
pub struct Parties {
    /// Whose vault opens the envelopes: a housing association.
    pub own: OwnKeys,
    /// The one trusted contact: the coordinator who seals them.
    pub sender: OwnKeys,
    /// A third party: in no contact book and never a recipient of a seed.
    pub stranger: OwnKeys,
    /// The sender's card, confirmed.
    pub book: ContactBook,
}

fn fixed_keys(role: Role, organisation: &str, id: &str, byte: u8) -> OwnKeys {
    let mut random = [byte; 64];
    random[63] = byte.wrapping_add(1);
    OwnKeys::new(
        Identity {
            role,
            organisation: organisation.into(),
            organisation_id: id.into(),
            region: None,
        },
        Date::new(2026, 1, 5).expect("a valid date"),
        random,
    )
    .expect("valid fixed keys")
}

pub fn parties() -> &'static Parties {
    static PARTIES: OnceLock<Parties> = OnceLock::new();
    PARTIES.get_or_init(|| {
        let own = fixed_keys(Role::Woningcorporatie, "Fuzz Wonen", "fuzz-wonen", 0x11);
        let sender = fixed_keys(Role::Regisseur, "Fuzz Regio", "fuzz-regio", 0x22);
        let stranger = fixed_keys(Role::Zorgaanbieder, "Fuzz Zorg", "fuzz-zorg", 0x33);
        let book = ContactBook::trusting([sender.card()]).expect("one card");
        Parties {
            own,
            sender,
            stranger,
            book,
        }
    })
}

/// The recipients' fingerprints as the file lists them (for the third-party property).
fn listed_recipients(data: &[u8]) -> Vec<String> {
    let value: Value = serde_json::from_slice(data).unwrap_or(Value::Null);
    value
        .get("recipients")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|r| r.get("fingerprint").and_then(Value::as_str))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// `envelope::open` on any bytes with the fixed own keys and contact book. Refusals carry an
/// `ENVELOPE_` code and no input. An accepted envelope is canonical JSON, comes from the one
/// trusted sender, opens again identically and with its own type expected, is refused for any
/// other expected type, without the sender in the book (`ENVELOPE_SENDER_UNKNOWN`), with the
/// sender's card unconfirmed (`ENVELOPE_SENDER_UNCONFIRMED`) and by the third party when it is
/// not listed (`ENVELOPE_NOT_FOR_YOU`); and a changed byte anywhere is refused.
pub fn check_envelope(data: &[u8]) {
    let p = parties();
    let opened = match envelope::open(data, &p.own, &p.book) {
        Ok(o) => o,
        Err(e) => {
            assert!(e.code.starts_with("ENVELOPE_"), "refused as {}", e.code);
            if let Some(t) = text(data) {
                assert_not_quoted(t, &e.message);
            }
            return;
        }
    };
    assert_eq!(
        opened.sender.fingerprint(),
        p.sender.fingerprint(),
        "opened from a sender other than the one trusted contact"
    );
    assert!(opened.sender.confirmed);
    assert!(
        opened.id.len() == 32
            && opened
                .id
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
        "envelope id not 32 lowercase hex digits"
    );
    let value: Value = serde_json::from_slice(data).expect("an opened envelope is JSON");
    assert_eq!(
        canonical_json(&value),
        data,
        "a non-canonical envelope opened"
    );
    let again = envelope::open(data, &p.own, &p.book).expect("opens again");
    assert_eq!(
        (again.kind, &again.id, again.date, &again.payload),
        (opened.kind, &opened.id, opened.date, &opened.payload),
        "opening twice differs"
    );
    assert!(envelope::open_expecting(data, &p.own, &p.book, opened.kind).is_ok());
    let other = if opened.kind == MessageType::Bundel {
        MessageType::Reactie
    } else {
        MessageType::Bundel
    };
    let code = |r: woonkans_core::error::Result<envelope::Opened>| r.err().map(|e| e.code);
    assert_eq!(
        code(envelope::open_expecting(data, &p.own, &p.book, other)),
        Some("ENVELOPE_WRONG_TYPE")
    );
    assert_eq!(
        code(envelope::open(data, &p.own, &ContactBook::default())),
        Some("ENVELOPE_SENDER_UNKNOWN")
    );
    let mut unconfirmed = ContactBook::default();
    unconfirmed
        .import(
            p.sender.card(),
            None,
            Date::new(2026, 1, 6).expect("date"),
            None,
        )
        .expect("imports");
    assert_eq!(
        code(envelope::open(data, &p.own, &unconfirmed)),
        Some("ENVELOPE_SENDER_UNCONFIRMED")
    );
    if !listed_recipients(data).contains(&p.stranger.fingerprint().to_string()) {
        assert_eq!(
            code(envelope::open(data, &p.stranger, &p.book)),
            Some("ENVELOPE_NOT_FOR_YOU")
        );
    }
    // A few changed bytes, spread over the file: each is refused.
    let n = data.len();
    for i in [0, 1, n / 3, n / 2, n - 2, n - 1] {
        let mut changed = data.to_vec();
        changed[i] ^= 1;
        assert!(
            envelope::open(&changed, &p.own, &p.book).is_err(),
            "a changed byte at {i} still opens"
        );
    }
}

/// `KeyCard::parse` on any bytes. Refusals carry a `CARD_` code and no input. An accepted card
/// has a valid identity, parses again identically (also behind a BOM), with its own role
/// expected and with no other; its fingerprint's written form parses back; its info survives
/// JSON; a book trusting it trusts it; and a card of one of the fixed parties, written again by
/// its keys, reads back the same.
pub fn check_key_card(data: &[u8]) {
    let card = match KeyCard::parse(data, None) {
        Ok(c) => c,
        Err(e) => {
            assert!(e.code.starts_with("CARD_"), "refused as {}", e.code);
            if let Some(t) = text(data) {
                assert_not_quoted(t, &e.message);
            }
            return;
        }
    };
    assert!(card.identity.check().is_ok(), "a card with a bad identity");
    assert_eq!(KeyCard::parse(data, None).as_ref(), Ok(&card));
    if !data.starts_with(b"\xEF\xBB\xBF") {
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(data);
        assert_eq!(KeyCard::parse(&bom, None).as_ref(), Ok(&card), "BOM");
    }
    for role in Role::ALL {
        let r = KeyCard::parse(data, Some(role));
        if role == card.identity.role {
            assert_eq!(r.as_ref(), Ok(&card));
        } else {
            assert_eq!(r.err().map(|e| e.code), Some("CARD_WRONG_ROLE"));
        }
    }
    let fp = card.fingerprint();
    assert_eq!(Fingerprint::parse(&fp.to_string()), Ok(fp));
    let info = card.info();
    assert_eq!(info.fingerprint, fp);
    let json = serde_json::to_string(&info).expect("info serialises");
    assert_eq!(
        serde_json::from_str(&json).ok(),
        Some(info),
        "info round trip"
    );
    let book = ContactBook::trusting([card.clone()]).expect("one card");
    assert!(book.trusted(fp).is_some());
    let p = parties();
    for keys in [&p.own, &p.sender, &p.stranger] {
        if keys.card() == card {
            let file = card.to_file(keys).expect("own card");
            assert_eq!(KeyCard::parse(file.as_bytes(), None), Ok(card.clone()));
        }
    }
}

/// `Reply::parse` on any bytes. Refusals are `REPLY_INVALID`. An accepted reply has the format
/// and version, at least one answer and distinct codes, is what `Reply::new` makes of its parts,
/// and its canonical bytes parse back to it.
pub fn check_reply(data: &[u8]) {
    let r = match Reply::parse(data) {
        Ok(r) => r,
        Err(e) => {
            assert_eq!(e.code, "REPLY_INVALID");
            return;
        }
    };
    assert_eq!(
        (r.format.as_str(), r.version),
        (reply::FORMAT, reply::VERSION)
    );
    assert!(!r.answers.is_empty());
    let mut codes: Vec<Code> = r.answers.iter().map(|a| a.code).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), r.answers.len(), "duplicate codes accepted");
    assert_eq!(
        Reply::new(&r.bundle_id, &r.association_id, r.date, r.answers.clone()).as_ref(),
        Ok(&r),
        "Reply::new disagrees with Reply::parse"
    );
    let bytes = r.to_bytes();
    assert_eq!(
        Reply::parse(&bytes).as_ref(),
        Ok(&r),
        "canonical round trip"
    );
    assert_eq!(
        canonical_json(&serde_json::from_slice(&bytes).expect("JSON")),
        bytes
    );
}

/// A reply to a bundle for the fixed association: one answer of each kind.
pub fn seed_reply() -> Reply {
    let key = code::CodeKey::from_bytes([7; 32]);
    let code = |stable: &str| code::derive(&key, "fuzz-wonen", stable);
    Reply::new(
        "00112233445566778899aabbccddeeff",
        "fuzz-wonen",
        Date::new(2026, 2, 1).expect("date"),
        vec![
            CodeAnswer {
                code: code("999994669"),
                answer: AnswerKind::Interest,
                dwelling_id: None,
                reason: None,
            },
            CodeAnswer {
                code: code("999993653"),
                answer: AnswerKind::DwellingOffered,
                dwelling_id: Some("VL-0042".into()),
                reason: None,
            },
            CodeAnswer {
                code: code("999990019"),
                answer: AnswerKind::NoOffer,
                dwelling_id: None,
                reason: Some(NoOfferReason::QuotaFull),
            },
        ],
    )
    .expect("a valid reply")
}

fn seal(from: &OwnKeys, to: &[&OwnKeys], kind: MessageType, payload: &[u8], n: u8) -> Vec<u8> {
    let cards: Vec<KeyCard> = to.iter().map(|k| k.card()).collect();
    envelope::seal(
        from,
        &Sealing {
            kind,
            id: [n; 16],
            date: Date::new(2026, 2, 1).expect("date"),
            payload,
            recipients: cards.iter().collect(),
            random: [n.wrapping_add(100); 32],
        },
    )
    .expect("seals")
}

/// An aanmelding and an overdracht of the first fixture resident, with every gate recorded.
fn seed_transfers() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    use woonkans_core::fixtures;
    use woonkans_core::transfer::{Aanmelding, CaseloadTransfer, Overdracht};
    let mut d = fixtures::dossier("fuzz-0001", &fixtures::RESIDENTS[0]);
    fixtures::record_gates_to_step_4(&mut d);
    let a = Aanmelding::of(&d).expect("the mandate is recorded");
    let o = Overdracht::of(
        &d,
        Date::new(2026, 11, 1).expect("date"),
        woonkans_core::region::Region::NoordLimburg,
        &woonkans_core::rentlimits::current(),
        [5; 32],
    )
    .expect("the gates are recorded");
    // A coordinator's case made from that overdracht, as a caseload for another coordinator.
    let mut ws = fixtures::workspace();
    let case = ws.add_case("fuzz-0001").expect("a new case");
    case.dossier = o.step4_dossier("fuzz-0001");
    case.overdracht = Some(o.clone());
    case.profile = fixtures::ready_draft();
    case.codes.insert(
        "vb-maasdal".into(),
        woonkans_core::code::Code::from_value(0x1234_5678).to_string(),
    );
    let caseload = CaseloadTransfer::of(&[ws.case("fuzz-0001").expect("the case")])
        .expect("a coordinator's case");
    (a.to_bytes(), o.to_bytes(), caseload.to_bytes())
}

/// An afmelding of two codes, one written in another notation (the reader makes it canonical).
fn seed_afmelding() -> Vec<u8> {
    let code = |n: u64| woonkans_core::code::Code::from_value(n).to_string();
    let payload = serde_json::json!({
        "format": woonkans_core::transfer::AFMELDING_FORMAT,
        "version": 1,
        "codes": [code(0x1234_5678), code(0x0abc_def0).to_lowercase()],
    });
    woonkans_core::transfer::Afmelding::parse(&serde_json::to_vec(&payload).expect("JSON"))
        .expect("a valid afmelding")
        .to_bytes()
}

/// The seeds of the envelope, key-card, reply and transfer targets, made from the fixed parties: (target,
/// file name, bytes). Deterministic (Ed25519 signs deterministically, the HPKE randomness is
/// fixed), so `crates/core/tests/envelope_parsers.rs` can check the committed files are these.
pub fn seeds() -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let p = parties();
    let reply = seed_reply().to_bytes();
    let bundle_payload = br#"{"format":"woonkans-bundel","version":1}"#;
    let accepted = seal(&p.sender, &[&p.own], MessageType::Reactie, &reply, 1);
    let mut changed = accepted.clone();
    let at = changed.len() / 2;
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    let card = |k: &OwnKeys| k.card().to_file(k).expect("own card").into_bytes();
    let edited = String::from_utf8(card(&p.sender))
        .expect("text")
        .replace("Fuzz Regio", "Fuzz Regia")
        .into_bytes();
    let mut duplicate = seed_reply();
    duplicate.answers[1].code = duplicate.answers[0].code;
    let (aanmelding, overdracht, caseload) = seed_transfers();
    vec![
        ("transfer", "aanmelding.json", aanmelding),
        ("transfer", "overdracht.json", overdracht),
        ("transfer", "overdracht-regisseur.json", caseload),
        ("transfer", "afmelding.json", seed_afmelding()),
        ("envelope", "reactie.envelop.json", accepted),
        (
            "envelope",
            "bundel-two-recipients.envelop.json",
            seal(
                &p.sender,
                &[&p.sender, &p.own],
                MessageType::Bundel,
                bundle_payload,
                2,
            ),
        ),
        (
            "envelope",
            "not-for-you.envelop.json",
            seal(
                &p.sender,
                &[&p.stranger],
                MessageType::Bundel,
                bundle_payload,
                3,
            ),
        ),
        (
            "envelope",
            "unknown-sender.envelop.json",
            seal(&p.stranger, &[&p.own], MessageType::Aanmelding, b"{}", 4),
        ),
        ("envelope", "changed-byte.envelop.json", changed),
        ("key_card", "own.json", card(&p.own)),
        ("key_card", "sender.json", card(&p.sender)),
        ("key_card", "organisation-edited.json", edited),
        ("reply", "three-answers.json", reply),
        (
            "reply",
            "duplicate-code.json",
            serde_json::to_vec_pretty(&duplicate).expect("JSON"),
        ),
    ]
}

/// Every transfer payload's reader (aanmelding, overdracht, koppeling, huurgegevens, caseload,
/// afmelding) on any bytes. A refusal has a transfer code (or `GATE_MISSING` for an overdracht
/// without the consent to share) and repeats nothing typed; an accepted payload writes back to
/// bytes that parse to the same value.
pub fn check_transfer(data: &[u8]) {
    use woonkans_core::transfer::{Aanmelding, Huurgegevens, Koppeling, Overdracht};
    let refused = |e: woonkans_core::Error| {
        assert!(
            matches!(
                e.code,
                "TRANSFER_UNREADABLE"
                    | "TRANSFER_WRONG_KIND"
                    | "TRANSFER_NEWER_VERSION"
                    | "TRANSFER_INVALID"
                    | "GATE_MISSING"
                    | "CASELOAD_NOT_ANONYMOUS"
            ),
            "unexpected code {}",
            e.code
        );
    };
    match Aanmelding::parse(data) {
        Ok(a) => assert_eq!(Aanmelding::parse(&a.to_bytes()).as_ref(), Ok(&a)),
        Err(e) => refused(e),
    }
    match Koppeling::parse(data) {
        Ok(k) => assert_eq!(Koppeling::parse(&k.to_bytes()).as_ref(), Ok(&k)),
        Err(e) => refused(e),
    }
    match Huurgegevens::parse(data) {
        Ok(h) => assert_eq!(Huurgegevens::parse(&h.to_bytes()).as_ref(), Ok(&h)),
        Err(e) => refused(e),
    }
    match woonkans_core::split::parse_teruggave(data) {
        Ok(dossiers) => {
            let again = serde_json::json!({
                "format": woonkans_core::split::FORMAT,
                "version": woonkans_core::split::VERSION,
                "dossiers": dossiers,
            });
            let back = woonkans_core::split::parse_teruggave(again.to_string().as_bytes());
            assert_eq!(
                back.as_ref(),
                Ok(&dossiers),
                "a teruggave does not read back"
            );
        }
        Err(e) => assert_eq!(e.code, "TRANSFER_UNREADABLE"),
    }
    match Overdracht::parse(data) {
        Ok(o) => {
            assert_eq!(Overdracht::parse(&o.to_bytes()).as_ref(), Ok(&o));
            // Its facts are a view the minimiser could have made.
            assert_eq!(o.facts().young_adult, o.facts().age_band.is_young_adult());
        }
        Err(e) => refused(e),
    }
    match woonkans_core::transfer::Afmelding::parse(data) {
        Ok(a) => {
            let again = woonkans_core::transfer::Afmelding::parse(&a.to_bytes());
            assert!(again.as_ref() == Ok(&a), "an afmelding does not read back");
            // Codes only, each canonical and once.
            assert!(!a.codes().is_empty());
            let distinct: std::collections::BTreeSet<&String> = a.codes().iter().collect();
            assert_eq!(distinct.len(), a.codes().len());
            for c in a.codes() {
                let parsed = woonkans_core::code::parse(c).expect("a valid code");
                assert_eq!(&parsed.to_string(), c);
            }
        }
        Err(e) => refused(e),
    }
    match woonkans_core::transfer::CaseloadTransfer::parse(data) {
        Ok(t) => {
            let again = woonkans_core::transfer::CaseloadTransfer::parse(&t.to_bytes());
            assert!(again.as_ref() == Ok(&t), "a caseload does not read back");
            // Every case a coordinator's: nothing of another row in its dossier part.
            assert!(!t.cases().is_empty());
            for c in t.cases() {
                assert!(woonkans_core::coordinator::holds_only_its_row(&c.dossier));
                assert!(c.overdracht.is_some());
            }
        }
        Err(e) => refused(e),
    }
}

/// Identifier prints: made from any known values (`split_known`), they find hits only inside
/// the text, on char boundaries, and always the same; their stored form reads back equal. The
/// bytes themselves are also read as a stored list, which is refused or reads back equal.
pub fn check_prints(data: &[u8]) {
    use woonkans_core::prints::IdentifierPrints;
    if let Ok(p) = serde_json::from_slice::<IdentifierPrints>(data) {
        let again: IdentifierPrints =
            serde_json::from_str(&serde_json::to_string(&p).expect("JSON")).expect("reads back");
        assert_eq!(again, p);
    }
    let Some(t) = text(data) else { return };
    let (known, body) = split_known(t);
    let prints = IdentifierPrints::new(&known, [9; 32]);
    let hits = prints.find(body);
    for h in &hits {
        assert!(
            h.start < h.end && h.end <= body.len(),
            "hit outside the text"
        );
        assert!(body.is_char_boundary(h.start) && body.is_char_boundary(h.end));
    }
    assert_eq!(prints.find(body), hits, "find is not deterministic");
}
