//! The vault's stored formats, without the cryptography: the meta entry, one sealed record, and
//! the backup file that carries both.
//!
//! The app (`web/src/vault.rs`) derives the key and seals and opens records with WebCrypto;
//! everything it *reads* before any crypto runs is parsed and checked here, so the readers can be
//! tested natively and fuzzed (`crates/fuzz`, target `vault_file`). A backup file is outside
//! input: it may come from anywhere the coordinator picks a file.
//!
//! Shapes (JSON):
//! - meta: `{ format: "woonkans-kluis", version: 1, kdf: { name: "PBKDF2-SHA-256", iterations,
//!   salt }, check: <sealed> }`. It holds no personal data; `check` is a known plaintext sealed
//!   under the key, so a wrong passphrase can be told apart from a damaged record.
//! - sealed record: `{ nonce, ciphertext }`, standard base64; a 12-byte nonce, a ciphertext of at
//!   least the 16-byte GCM tag.
//! - backup: `{ format: "woonkans-kluis-backup", version: 1, meta, records: { name: sealed } }`.
//!
//! Every refusal reason is a fixed Dutch text: nothing from the file is repeated.

use crate::base64;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `format` of the stored meta.
pub const FORMAT: &str = "woonkans-kluis";
/// `format` of an exported backup file.
pub const BACKUP_FORMAT: &str = "woonkans-kluis-backup";
pub const VERSION: u32 = 1;
/// PBKDF2-HMAC-SHA-256 iterations: the OWASP 2023 recommendation. Also the least a file may ask
/// for, so a doctored backup cannot weaken the key derivation of the vault it becomes.
pub const ITERATIONS: u32 = 600_000;
/// A backup asking for more would freeze the tab for minutes; no version of the app writes it.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const KDF_NAME: &str = "PBKDF2-SHA-256";
pub const SALT_LEN: usize = 16;
pub const NONCE_LEN: usize = 12;
pub const TAG_LEN: usize = 16;
/// The meta's own name where a record name is expected (in messages about a damaged part).
pub const META_NAME: &str = "meta";
/// A backup is what one browser's local storage held (a few MB at most in every browser); a
/// file far larger is not a backup, and reading it whole could exhaust the tab's memory.
pub const MAX_BACKUP_BYTES: usize = 32 * 1024 * 1024;

/// One record (or the meta's check) as AES-GCM left it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed {
    pub nonce: String,
    pub ciphertext: String,
}

impl Sealed {
    /// The raw nonce and ciphertext, if they have the shape AES-GCM output has.
    pub fn bytes(&self) -> Option<([u8; NONCE_LEN], Vec<u8>)> {
        let nonce: [u8; NONCE_LEN] = base64::decode(&self.nonce)?.try_into().ok()?;
        let ciphertext = base64::decode(&self.ciphertext)?;
        (ciphertext.len() >= TAG_LEN).then_some((nonce, ciphertext))
    }

    /// Wraps raw AES-GCM output.
    pub fn from_bytes(nonce: &[u8; NONCE_LEN], ciphertext: &[u8]) -> Sealed {
        Sealed {
            nonce: base64::encode(nonce),
            ciphertext: base64::encode(ciphertext),
        }
    }

    /// A stored record entry; `None` when it has lost its shape (then it cannot be opened by
    /// anyone, and is reported as damaged).
    pub fn parse(text: &str) -> Option<Sealed> {
        let sealed: Sealed = serde_json::from_str(text).ok()?;
        sealed.bytes().is_some().then_some(sealed)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    pub name: String,
    pub iterations: u32,
    pub salt: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    pub format: String,
    pub version: u32,
    pub kdf: Kdf,
    pub check: Sealed,
}

impl Meta {
    /// The meta of a new vault.
    pub fn new(salt: &[u8; SALT_LEN], check: Sealed) -> Meta {
        Meta {
            format: FORMAT.to_owned(),
            version: VERSION,
            kdf: Kdf {
                name: KDF_NAME.to_owned(),
                iterations: ITERATIONS,
                salt: base64::encode(salt),
            },
            check,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub meta: Meta,
    pub records: BTreeMap<String, Sealed>,
}

impl Backup {
    pub fn new(meta: Meta, records: BTreeMap<String, Sealed>) -> Backup {
        Backup {
            format: BACKUP_FORMAT.to_owned(),
            version: VERSION,
            meta,
            records,
        }
    }
}

/// Only the fields every version keeps, so a newer file is recognised as newer, not as garbage.
#[derive(Deserialize)]
struct Header {
    format: String,
    version: u32,
}

/// Why a stored meta is unusable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MetaError {
    /// Written by a newer version of the app.
    Newer,
    Damaged,
}

/// Why a backup file is refused: a fixed Dutch reason, to follow "Dit bestand is geen bruikbare
/// back-up van de kluis: ".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BackupError(pub &'static str);

const NOT_A_BACKUP: &str = "het is geen back-up van Woonkans";
const NEWER: &str = "hij is gemaakt met een nieuwere versie van Woonkans";
const DAMAGED: &str = "de inhoud is onvolledig of beschadigd";
const TOO_LARGE: &str = "het bestand is veel groter dan een back-up kan zijn";

enum MetaProblem {
    Newer,
    Invalid(&'static str),
}

/// Checks a meta's shape and returns its salt.
fn validate_meta(meta: &Meta) -> Result<[u8; SALT_LEN], MetaProblem> {
    if meta.format != FORMAT {
        return Err(MetaProblem::Invalid(
            "de kluisgegevens hebben een onbekende vorm",
        ));
    }
    if meta.version > VERSION {
        return Err(MetaProblem::Newer);
    }
    if meta.version != VERSION {
        return Err(MetaProblem::Invalid(
            "de kluisgegevens hebben een onbekende versie",
        ));
    }
    if meta.kdf.name != KDF_NAME || !(ITERATIONS..=MAX_ITERATIONS).contains(&meta.kdf.iterations) {
        return Err(MetaProblem::Invalid(
            "de sleutelafleiding wordt niet ondersteund",
        ));
    }
    let salt = base64::decode(&meta.kdf.salt)
        .and_then(|s| <[u8; SALT_LEN]>::try_from(s).ok())
        .ok_or(MetaProblem::Invalid("de kluisgegevens zijn onvolledig"))?;
    if meta.check.bytes().is_none() {
        return Err(MetaProblem::Invalid("de kluisgegevens zijn onvolledig"));
    }
    Ok(salt)
}

/// Reads the stored meta entry and returns it with its salt.
pub fn parse_meta(text: &str) -> Result<(Meta, [u8; SALT_LEN]), MetaError> {
    let header: Header = serde_json::from_str(text).map_err(|_| MetaError::Damaged)?;
    if header.format == FORMAT && header.version > VERSION {
        return Err(MetaError::Newer);
    }
    let meta: Meta = serde_json::from_str(text).map_err(|_| MetaError::Damaged)?;
    match validate_meta(&meta) {
        Ok(salt) => Ok((meta, salt)),
        Err(MetaProblem::Newer) => Err(MetaError::Newer),
        Err(MetaProblem::Invalid(_)) => Err(MetaError::Damaged),
    }
}

/// Reads a backup file (as exported by the app) and returns it with its salt. Format, version,
/// key-derivation parameters and the shape of every record are checked; only the passphrase is
/// left, which needs the crypto.
pub fn parse_backup(bytes: &[u8]) -> Result<(Backup, [u8; SALT_LEN]), BackupError> {
    if bytes.len() > MAX_BACKUP_BYTES {
        return Err(BackupError(TOO_LARGE));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| BackupError(NOT_A_BACKUP))?;
    let header: Header = serde_json::from_str(text).map_err(|_| BackupError(NOT_A_BACKUP))?;
    if header.format != BACKUP_FORMAT {
        return Err(BackupError(NOT_A_BACKUP));
    }
    if header.version > VERSION {
        return Err(BackupError(NEWER));
    }
    if header.version != VERSION {
        return Err(BackupError("de versie wordt niet ondersteund"));
    }
    let backup: Backup = serde_json::from_str(text).map_err(|_| BackupError(DAMAGED))?;
    let salt = validate_meta(&backup.meta).map_err(|problem| match problem {
        MetaProblem::Newer => BackupError(NEWER),
        MetaProblem::Invalid(reason) => BackupError(reason),
    })?;
    for (name, sealed) in &backup.records {
        if !valid_record_name(name) || sealed.bytes().is_none() {
            return Err(BackupError(DAMAGED));
        }
    }
    Ok((backup, salt))
}

/// Record names are the app's own (`dossiers`, `offer`, …): short, lowercase ASCII, and never
/// the meta's name. A '.' is excluded, so a name cannot reach outside the vault's key prefix.
pub fn valid_record_name(name: &str) -> bool {
    let b = name.as_bytes();
    !b.is_empty()
        && b.len() <= 64
        && name != META_NAME
        && b[0].is_ascii_alphanumeric()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'_' | b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_json<T: Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }

    fn sealed(n: u8) -> Sealed {
        Sealed::from_bytes(&[n; NONCE_LEN], &[n; TAG_LEN + 3])
    }

    fn backup() -> Backup {
        let mut records = BTreeMap::new();
        records.insert("dossiers".to_owned(), sealed(1));
        records.insert("offer".to_owned(), sealed(2));
        Backup::new(Meta::new(&[7; SALT_LEN], sealed(3)), records)
    }

    fn refusal(text: &str) -> &'static str {
        parse_backup(text.as_bytes()).unwrap_err().0
    }

    #[test]
    fn a_backup_reads_back_as_written() {
        let b = backup();
        let (read, salt) = parse_backup(to_json(&b).as_bytes()).unwrap();
        assert_eq!(read, b);
        assert_eq!(salt, [7; SALT_LEN]);
        let (meta, salt) = parse_meta(&to_json(&b.meta)).unwrap();
        assert_eq!((meta, salt), (b.meta, [7; SALT_LEN]));
    }

    #[test]
    fn refuses_what_is_not_a_backup() {
        assert_eq!(parse_backup(&[0xff, 0xfe]).unwrap_err().0, NOT_A_BACKUP);
        assert_eq!(refusal(""), NOT_A_BACKUP);
        assert_eq!(refusal("[]"), NOT_A_BACKUP);
        assert_eq!(
            refusal(r#"{"format":"woonkans-bundel","version":1}"#),
            NOT_A_BACKUP
        );
        // The stored meta is not a backup either.
        assert_eq!(refusal(&to_json(&backup().meta)), NOT_A_BACKUP);
    }

    #[test]
    fn tells_a_newer_backup_from_a_damaged_one() {
        let mut v = serde_json::to_value(backup()).unwrap();
        v["version"] = 2.into();
        v["records"] = "anders".into();
        assert_eq!(refusal(&v.to_string()), NEWER);
        v["version"] = 0.into();
        assert_eq!(refusal(&v.to_string()), "de versie wordt niet ondersteund");
        let mut b = backup();
        b.meta.version = 2;
        assert_eq!(refusal(&to_json(&b)), NEWER);
    }

    #[test]
    fn refuses_weakened_or_absurd_key_derivation() {
        for iterations in [1, ITERATIONS - 1, MAX_ITERATIONS + 1] {
            let mut b = backup();
            b.meta.kdf.iterations = iterations;
            assert_eq!(
                refusal(&to_json(&b)),
                "de sleutelafleiding wordt niet ondersteund"
            );
        }
        let mut b = backup();
        b.meta.kdf.name = "PBKDF2-SHA-1".into();
        assert_eq!(
            refusal(&to_json(&b)),
            "de sleutelafleiding wordt niet ondersteund"
        );
    }

    #[test]
    fn refuses_broken_parts() {
        let mut b = backup();
        b.meta.kdf.salt = base64::encode(&[1; SALT_LEN - 1]);
        assert_eq!(refusal(&to_json(&b)), "de kluisgegevens zijn onvolledig");
        let mut b = backup();
        b.meta.check.nonce = "AAAA".into();
        assert_eq!(refusal(&to_json(&b)), "de kluisgegevens zijn onvolledig");
        let mut b = backup();
        b.records.get_mut("offer").unwrap().ciphertext = base64::encode(&[0; TAG_LEN - 1]);
        assert_eq!(refusal(&to_json(&b)), DAMAGED);
        for name in ["meta", "", "Dossiers", "a.b", "../x", &"x".repeat(65)] {
            let mut b = backup();
            b.records.insert(name.to_owned(), sealed(4));
            assert_eq!(refusal(&to_json(&b)), DAMAGED, "{name:?}");
        }
        let mut v = serde_json::to_value(backup()).unwrap();
        v["records"] = serde_json::json!({ "offer": { "nonce": 1 } });
        assert_eq!(refusal(&v.to_string()), DAMAGED);
    }

    #[test]
    fn refuses_a_huge_file_before_parsing_it() {
        let mut bytes = to_json(&backup()).into_bytes();
        bytes.resize(MAX_BACKUP_BYTES + 1, b' ');
        assert_eq!(parse_backup(&bytes).unwrap_err().0, TOO_LARGE);
    }

    #[test]
    fn stored_meta_problems() {
        assert_eq!(parse_meta("{"), Err(MetaError::Damaged));
        let mut m = backup().meta;
        m.version = 9;
        assert_eq!(parse_meta(&to_json(&m)), Err(MetaError::Newer));
        // A newer meta is recognised even when its other fields changed shape.
        assert_eq!(
            parse_meta(r#"{"format":"woonkans-kluis","version":2,"kdf":"argon2"}"#),
            Err(MetaError::Newer)
        );
        let mut m = backup().meta;
        m.format = "iets".into();
        assert_eq!(parse_meta(&to_json(&m)), Err(MetaError::Damaged));
    }

    #[test]
    fn sealed_entries() {
        let s = sealed(5);
        assert_eq!(Sealed::parse(&to_json(&s)), Some(s.clone()));
        let (nonce, ciphertext) = s.bytes().unwrap();
        assert_eq!(Sealed::from_bytes(&nonce, &ciphertext), s);
        assert_eq!(Sealed::parse("{}"), None);
        assert_eq!(
            Sealed::parse(r#"{"nonce":"AAAA","ciphertext":"AAAA"}"#),
            None
        );
    }
}
