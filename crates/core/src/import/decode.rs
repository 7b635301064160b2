//! Bytes to text: UTF-8 with or without BOM, or Windows-1252, as spreadsheets write them.

use super::*;

/// Windows-1252 bytes 0x80..=0x9F; the five unassigned bytes become U+FFFD.
pub(super) const CP1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{FFFD}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{FFFD}', '\u{017D}', '\u{FFFD}',
    '\u{FFFD}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{FFFD}', '\u{017E}', '\u{0178}',
];

pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

pub(super) fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|c| {
        if little_endian {
            u16::from_le_bytes([c[0], c[1]])
        } else {
            u16::from_be_bytes([c[0], c[1]])
        }
    });
    char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect()
}

/// Decodes a text file: UTF-8 with or without BOM, UTF-16 with BOM, and otherwise Windows-1252
/// (every byte sequence that is not valid UTF-8). Refuses empty and binary files.
pub fn decode_text(bytes: &[u8]) -> Result<String> {
    if bytes.len() > MAX_BYTES {
        return Err(file_error(
            "IMPORT_TOO_LARGE",
            "Het bestand is te groot (meer dan 50 MB).",
        ));
    }
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        refuse_nul(rest)?;
        match std::str::from_utf8(rest) {
            Ok(s) => s.to_string(),
            Err(_) => decode_windows_1252(rest),
        }
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        decode_utf16(rest, true)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        decode_utf16(rest, false)
    } else {
        refuse_nul(bytes)?;
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => decode_windows_1252(bytes),
        }
    };
    if text.contains('\0') {
        return Err(binary());
    }
    // Text has almost no control characters besides line ends and tabs; binary data has many.
    let controls = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}' | '\u{1A}'))
        .count();
    if controls > 0 && controls * 200 > text.chars().count() {
        return Err(binary());
    }
    if text.trim().is_empty() {
        return Err(file_error("IMPORT_EMPTY", "Het bestand is leeg."));
    }
    Ok(text)
}

pub(super) fn binary() -> Error {
    file_error(
        "IMPORT_NOT_TEXT",
        "Dit is geen tekstbestand. Sla het aanbod in de spreadsheet op als CSV (puntkomma- of kommagescheiden) of kies een Woonkans-aanbodbestand (JSON).",
    )
}

pub(super) fn refuse_nul(bytes: &[u8]) -> Result<()> {
    if bytes.is_empty() {
        return Err(file_error("IMPORT_EMPTY", "Het bestand is leeg."));
    }
    if bytes.contains(&0) {
        return Err(binary());
    }
    Ok(())
}
