//! Pseudonym codes: one per resident **per recipient**, derived with HMAC-SHA-256 under the
//! coordinator's secret key, written as `WK-XXXXX-XXXXX-C` in Crockford base32 with the
//! mod-37 check symbol.
//!
//! Why this shape:
//! - The keyed hash means an association holding a code cannot test BSNs against it, and two
//!   associations cannot link their codes for the same resident (the recipient id is hashed in).
//! - 50 bits (10 symbols) keep collisions negligible for a caseload of hundreds (see
//!   docs/CODES.md) while staying short enough to read aloud over the phone.
//! - The mod-37 check symbol is prime-modulus: it catches every single-symbol substitution and
//!   every transposition of two adjacent symbols, so a typo is rejected, never resolved to the
//!   wrong resident.

use crate::error::{Error, Result};
use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};
use std::fmt;

type HmacSha256 = Hmac<Sha256>;

/// Domain separation: a code of this scheme can never equal an HMAC computed by the same key
/// for another purpose. Versioned so that a future scheme gets different codes.
const DOMAIN: &[u8] = b"woonkans/code/v1\0";

/// The 32 Crockford data symbols, then the five check-only symbols for check values 32..36.
const SYMBOLS: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";

const DATA_SYMBOLS: usize = 10;
const DATA_BITS: u32 = 50;

const KEY_FILE_FORMAT: &str = "woonkans-sleutel";
const KEY_FILE_VERSION: u64 = 1;

/// The coordinator's secret code key. The core has no random source: the 32 bytes come from the
/// caller (the wasm layer fills them from the browser's crypto through getrandom).
#[derive(Clone)]
pub struct CodeKey([u8; 32]);

impl CodeKey {
    pub fn from_bytes(bytes: [u8; 32]) -> CodeKey {
        CodeKey(bytes)
    }

    /// The raw key, for the encrypted vault. Named loudly so that a review notices every use.
    pub fn expose_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    fn mac(&self) -> HmacSha256 {
        // HMAC zero-pads a key shorter than the hash's 64-byte block, so the padded block is the
        // same key; passing it as a fixed-size block avoids a fallible slice constructor.
        let mut block = [0u8; 64];
        block[..32].copy_from_slice(&self.0);
        <HmacSha256 as KeyInit>::new(&block.into())
    }
}

impl fmt::Debug for CodeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CodeKey(…)")
    }
}

impl PartialEq for CodeKey {
    fn eq(&self, other: &Self) -> bool {
        ct_eq(&self.0, &other.0)
    }
}

impl Eq for CodeKey {}

/// A pseudonym code: 50 data bits; the check symbol and the grouping are derived when written.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(type = "string"))]
pub struct Code(u64);

impl Code {
    /// The 50-bit value, for tests and for ordering.
    pub fn value(self) -> u64 {
        self.0
    }

    /// Builds a code from its 50-bit value; higher bits are dropped.
    pub fn from_value(value: u64) -> Code {
        Code(value & ((1u64 << DATA_BITS) - 1))
    }

    fn check_value(self) -> usize {
        (self.0 % 37) as usize
    }

    fn symbols(self) -> [u8; DATA_SYMBOLS] {
        let mut out = [0u8; DATA_SYMBOLS];
        for (i, slot) in out.iter_mut().enumerate() {
            let shift = 5 * (DATA_SYMBOLS - 1 - i);
            *slot = SYMBOLS[((self.0 >> shift) & 31) as usize];
        }
        out
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.symbols();
        // Every byte of SYMBOLS is ASCII, so these conversions are lossless.
        let a: String = s[..5].iter().map(|&b| char::from(b)).collect();
        let b: String = s[5..].iter().map(|&b| char::from(b)).collect();
        let c = char::from(SYMBOLS[self.check_value()]);
        write!(f, "WK-{a}-{b}-{c}")
    }
}

/// A code is a pseudonym, not personal data, so Debug may show it.
impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({self})")
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).map_err(|e| serde::de::Error::custom(e.message))
    }
}

impl std::str::FromStr for Code {
    type Err = Error;
    fn from_str(s: &str) -> Result<Code> {
        parse(s)
    }
}

/// The stable identifier as hashed: a BSN typed with spaces, dots or hyphens gives the same code
/// as the bare digits, so a reformatted BSN in the dossier never changes a resident's code.
fn normalise_stable_id(id: &str) -> String {
    let t = id.trim();
    let number_like = t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-'));
    if number_like {
        t.chars().filter(char::is_ascii_digit).collect()
    } else {
        t.to_string()
    }
}

fn length_prefixed(mac: &mut HmacSha256, field: &[u8]) {
    // Length prefixes make the message unambiguous whatever bytes the ids contain. Ids are far
    // below 4 GiB; saturating keeps this total even so.
    let len = u32::try_from(field.len()).unwrap_or(u32::MAX);
    mac.update(&len.to_be_bytes());
    mac.update(field);
}

/// The code of one resident for one recipient.
pub fn derive(key: &CodeKey, recipient_id: &str, resident_stable_id: &str) -> Code {
    let mut mac = key.mac();
    mac.update(DOMAIN);
    length_prefixed(&mut mac, recipient_id.trim().as_bytes());
    length_prefixed(&mut mac, normalise_stable_id(resident_stable_id).as_bytes());
    let tag = mac.finalize().into_bytes();
    let mut first = [0u8; 8];
    first.copy_from_slice(&tag[..8]);
    Code(u64::from_be_bytes(first) >> (64 - DATA_BITS))
}

fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    SYMBOLS
        .iter()
        .position(|&s| char::from(s) == c)
        .and_then(|p| u8::try_from(p).ok())
}

fn invalid() -> Error {
    Error::new(
        "CODE_INVALID",
        "Dit is geen geldige code. Een code ziet eruit als WK-7QF3M-9XA2K-U: tien tekens en een controleteken.",
    )
}

/// Reads a code as typed or read aloud: case, `O`/`I`/`L`, hyphens, spaces and the `WK` prefix are
/// forgiven; a wrong check symbol is not.
pub fn parse(text: &str) -> Result<Code> {
    let compact: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    // Length decides whether a prefix is there: W and K are also data symbols.
    let body: &[char] = match compact.len() {
        n if n == DATA_SYMBOLS + 1 => &compact,
        n if n == DATA_SYMBOLS + 3
            && compact[0].eq_ignore_ascii_case(&'W')
            && compact[1].eq_ignore_ascii_case(&'K') =>
        {
            &compact[2..]
        }
        _ => return Err(invalid()),
    };
    let mut value: u64 = 0;
    for &c in &body[..DATA_SYMBOLS] {
        match symbol_value(c) {
            Some(v) if v < 32 => value = (value << 5) | u64::from(v),
            _ => return Err(invalid()),
        }
    }
    let check = symbol_value(body[DATA_SYMBOLS]).ok_or_else(invalid)?;
    let code = Code(value);
    if usize::from(check) != code.check_value() {
        return Err(Error::new(
            "CODE_CHECK_FAILED",
            "Deze code klopt niet: controleer de tekens.",
        ));
    }
    Ok(code)
}

/// Equality whose running time does not depend on where two byte strings differ.
fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(diff) == 0
}

/// Finds the dossier that `code` belongs to by recomputing every candidate's code. Candidates are
/// `(dossier local id, stable id)`. All candidates are computed, so the time taken does not tell
/// where in the list the match was. With two matches (the same resident in two dossiers) the
/// first is returned.
pub fn resolve<'a, I>(
    key: &CodeKey,
    recipient_id: &str,
    code: Code,
    candidates: I,
) -> Option<&'a str>
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
{
    let want = code.0.to_be_bytes();
    let mut found = None;
    for (local_id, stable_id) in candidates {
        let got = derive(key, recipient_id, stable_id).0.to_be_bytes();
        if ct_eq(&want, &got) && found.is_none() {
            found = Some(local_id);
        }
    }
    found
}

fn to_hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 15)]));
    }
    s
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    to_hex(bytes)
}

fn from_hex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).and_then(|d| u8::try_from(d).ok());
    s.as_bytes()
        .chunks(2)
        .map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
        .collect()
}

fn key_checksum(key: &[u8]) -> String {
    let mut h = Sha256::new();
    h.update(KEY_FILE_FORMAT.as_bytes());
    h.update([0u8]);
    h.update(key);
    to_hex(&h.finalize()[..8])
}

#[derive(Serialize, Deserialize)]
struct KeyFile {
    format: String,
    version: u64,
    key: String,
    checksum: String,
}

/// The backup file of the key: JSON with a format tag, a version, the key in hex and a checksum
/// (the first 8 bytes of SHA-256 over the format tag, a zero byte and the raw key) that catches a
/// damaged or hand-edited file before it silently yields different codes.
pub fn export_key(key: &CodeKey) -> String {
    let file = KeyFile {
        format: KEY_FILE_FORMAT.to_string(),
        version: KEY_FILE_VERSION,
        key: to_hex(&key.0),
        checksum: key_checksum(&key.0),
    };
    // A struct of strings and an integer always serialises.
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// A key file is about 200 bytes; anything this large is another file, and the app refuses it
/// before reading it whole.
pub const MAX_KEY_FILE_BYTES: usize = 64 * 1024;

pub fn import_key(text: &str) -> Result<CodeKey> {
    if text.len() > MAX_KEY_FILE_BYTES {
        return Err(Error::new(
            "KEY_FILE_INVALID",
            "Dit is geen Woonkans-sleutelbestand: het bestand is veel te groot.",
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: serde_json::Value = serde_json::from_str(text).map_err(|_| {
        Error::new(
            "KEY_FILE_INVALID",
            "Dit is geen Woonkans-sleutelbestand: het bestand is geen geldige JSON.",
        )
    })?;
    let format = value.get("format").and_then(serde_json::Value::as_str);
    if format != Some(KEY_FILE_FORMAT) {
        return Err(Error::new(
            "KEY_FILE_FORMAT",
            "Dit is geen Woonkans-sleutelbestand: het formaat 'woonkans-sleutel' ontbreekt.",
        )
        .at("format"));
    }
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(KEY_FILE_VERSION) => {}
        Some(v) => {
            return Err(Error::new(
                "KEY_FILE_VERSION",
                format!(
                    "Dit sleutelbestand heeft versie {v}; deze app kent versie 1. Werk de app bij."
                ),
            )
            .at("version"));
        }
        None => {
            return Err(Error::new(
                "KEY_FILE_VERSION",
                "Het versienummer van het sleutelbestand ontbreekt of is ongeldig.",
            )
            .at("version"));
        }
    }
    let file: KeyFile = serde_json::from_value(value).map_err(|_| {
        Error::new(
            "KEY_FILE_INVALID",
            "Het sleutelbestand is onvolledig: de sleutel of de controlesom ontbreekt.",
        )
    })?;
    let bytes = from_hex(file.key.trim()).ok_or_else(|| {
        Error::new(
            "KEY_FILE_INVALID",
            "De sleutel in het bestand bevat ongeldige tekens.",
        )
        .at("key")
    })?;
    let key: [u8; 32] = bytes.as_slice().try_into().map_err(|_| {
        Error::new(
            "KEY_FILE_LENGTH",
            "De sleutel in het bestand heeft niet de juiste lengte (32 bytes).",
        )
        .at("key")
    })?;
    let want = key_checksum(&key);
    if !ct_eq(
        want.as_bytes(),
        file.checksum.trim().to_ascii_lowercase().as_bytes(),
    ) {
        return Err(Error::new(
            "KEY_FILE_CHECKSUM",
            "Het sleutelbestand is beschadigd: de controlesom klopt niet.",
        )
        .at("checksum"));
    }
    Ok(CodeKey(key))
}

/// `derive` for a caller outside the app: `CODE_INPUT` at the parameter when the recipient's id
/// (`recipientId`) or the resident's stable id (`stableId`) is empty.
pub fn derive_checked(key: &CodeKey, recipient_id: &str, resident_stable_id: &str) -> Result<Code> {
    let required = |value: &str, field: &str, what: &str| {
        if value.trim().is_empty() {
            Err(Error::new("CODE_INPUT", format!("{what} ontbreekt.")).at(field))
        } else {
            Ok(())
        }
    };
    required(recipient_id, "recipientId", "De id van de ontvanger")?;
    required(
        resident_stable_id,
        "stableId",
        "Het vaste kenmerk van de inwoner",
    )?;
    Ok(derive(key, recipient_id, resident_stable_id))
}

/// The backup file of a key: its download name and its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct KeyExport {
    pub file_name: &'static str,
    pub text: String,
}

/// The key as a backup file.
pub fn key_export(key: &CodeKey) -> KeyExport {
    KeyExport {
        file_name: "woonkans-sleutel.json",
        text: export_key(key),
    }
}

/// A new key from 32 random bytes (from the caller), as key-file text.
pub fn new_key_file(random: [u8; 32]) -> String {
    export_key(&CodeKey::from_bytes(random))
}

/// A key file read back (`import_key`, every check) and written anew: the text to keep.
pub fn normalise_key_file(text: &str) -> Result<String> {
    import_key(text).map(|key| export_key(&key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> CodeKey {
        let mut b = [0u8; 32];
        for (i, x) in b.iter_mut().enumerate() {
            *x = i as u8;
        }
        CodeKey::from_bytes(b)
    }

    #[test]
    fn padded_block_key_is_plain_hmac() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let mut block = [0u8; 32];
        block[..4].copy_from_slice(b"Jefe");
        let mut mac = CodeKey::from_bytes(block).mac();
        mac.update(b"what do ya want for nothing?");
        assert_eq!(
            to_hex(&mac.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn format_and_round_trip() {
        let c = derive(&key(), "wonen-limburg", "123456782");
        let s = c.to_string();
        assert_eq!(s.len(), 16);
        assert!(s.starts_with("WK-"));
        assert_eq!(&s[8..9], "-");
        assert_eq!(&s[14..15], "-");
        assert_eq!(parse(&s).unwrap(), c);
        assert_eq!(parse(&s.to_lowercase()).unwrap(), c);
        assert_eq!(parse(&s.replace('-', " ")).unwrap(), c);
        assert_eq!(parse(&s[3..]).unwrap(), c);
    }

    #[test]
    fn lenient_aliases() {
        // A code with 0 and 1 in it, written with O, I and L instead.
        let c = Code::from_value(0b00000_00001_00000_00001_00000_00001_00000_00001_00000_00001);
        let s = c.to_string();
        let aliased: String = s
            .chars()
            .enumerate()
            .map(|(i, ch)| match (i % 3, ch) {
                (0, '0') => 'o',
                (1, '1') => 'I',
                (_, '1') => 'l',
                (_, '0') => 'O',
                _ => ch,
            })
            .collect();
        assert_ne!(aliased, s);
        assert_eq!(parse(&aliased).unwrap(), c);
    }

    #[test]
    fn stable_id_formatting_does_not_change_the_code() {
        let k = key();
        let a = derive(&k, "r", "123456782");
        assert_eq!(derive(&k, "r", "1234.56.782"), a);
        assert_eq!(derive(&k, "r", " 123 456 782 "), a);
        assert_ne!(derive(&k, "r", "123456783"), a);
        assert_ne!(derive(&k, "s", "123456782"), a);
    }

    #[test]
    fn length_prefix_removes_ambiguity() {
        let k = key();
        assert_ne!(derive(&k, "ab", "c"), derive(&k, "a", "bc"));
    }

    #[test]
    fn wrong_lengths_and_symbols_are_invalid() {
        for s in [
            "",
            "WK",
            "WK-7QF3M-9XA2K",
            "WK-7QF3M-9XA2K-UU",
            "WK-7QF3U-9XA2K-0",
            "WK-7QF3M-9XA2*-0",
            "WK-7QF3M-9XÄ2K-0",
        ] {
            assert_eq!(parse(s).unwrap_err().code, "CODE_INVALID", "{s}");
        }
    }

    #[test]
    fn check_failure_message() {
        let c = derive(&key(), "r", "x");
        let s = c.to_string();
        let last = s.chars().last().unwrap();
        let other = SYMBOLS
            .iter()
            .map(|&b| char::from(b))
            .find(|&x| x != last)
            .unwrap();
        let bad = format!("{}{other}", &s[..15]);
        let e = parse(&bad).unwrap_err();
        assert_eq!(e.code, "CODE_CHECK_FAILED");
        assert_eq!(e.message, "Deze code klopt niet: controleer de tekens.");
    }

    #[test]
    fn resolve_finds_the_right_dossier() {
        let k = key();
        let candidates = [
            ("d1", "111222333"),
            ("d2", "123456782"),
            ("d3", "abc-random"),
        ];
        let code = derive(&k, "assoc", "123456782");
        assert_eq!(resolve(&k, "assoc", code, candidates), Some("d2"));
        let other = derive(&k, "other-assoc", "123456782");
        assert_eq!(resolve(&k, "assoc", other, candidates), None);
        let code3 = derive(&k, "assoc", "abc-random");
        assert_eq!(resolve(&k, "assoc", code3, candidates), Some("d3"));
    }

    #[test]
    fn key_debug_hides_bytes() {
        assert_eq!(format!("{:?}", key()), "CodeKey(…)");
    }

    #[test]
    fn key_file_round_trip_and_errors() {
        let k = key();
        let text = export_key(&k);
        assert_eq!(import_key(&text).unwrap(), k);
        assert_eq!(import_key(&format!("\u{feff}{text}")).unwrap(), k);

        let bad_format = text.replace("woonkans-sleutel", "iets-anders");
        assert_eq!(import_key(&bad_format).unwrap_err().code, "KEY_FILE_FORMAT");
        let bad_version = text.replace("\"version\": 1", "\"version\": 2");
        let e = import_key(&bad_version).unwrap_err();
        assert_eq!(e.code, "KEY_FILE_VERSION");
        assert!(e.message.contains("versie 2"));
        // Padding keeps it JSON, but no key file is this large.
        let padded = format!("{text}{}", " ".repeat(MAX_KEY_FILE_BYTES));
        assert_eq!(import_key(&padded).unwrap_err().code, "KEY_FILE_INVALID");
        let hex_key = to_hex(&k.0);
        let mut flipped = hex_key.clone().into_bytes();
        flipped[0] = if flipped[0] == b'0' { b'1' } else { b'0' };
        let bad_sum = text.replace(&hex_key, std::str::from_utf8(&flipped).unwrap());
        assert_eq!(import_key(&bad_sum).unwrap_err().code, "KEY_FILE_CHECKSUM");
        let short = text.replace(&hex_key, &hex_key[..62]);
        assert_eq!(import_key(&short).unwrap_err().code, "KEY_FILE_LENGTH");
        let nonhex = text.replace(&hex_key, &format!("zz{}", &hex_key[2..]));
        assert_eq!(import_key(&nonhex).unwrap_err().code, "KEY_FILE_INVALID");
        assert_eq!(import_key("not json").unwrap_err().code, "KEY_FILE_INVALID");
        assert_eq!(
            import_key(r#"{"format":"woonkans-sleutel","version":1}"#)
                .unwrap_err()
                .code,
            "KEY_FILE_INVALID"
        );
        // No error message quotes the key.
        for t in [bad_sum, short, nonhex] {
            assert!(
                !import_key(&t)
                    .unwrap_err()
                    .message
                    .contains(&hex_key[4..20])
            );
        }
    }
}
