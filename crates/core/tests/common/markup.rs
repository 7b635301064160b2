//! The `{kind:text}` markup of the scanner's sentence corpora (`corpus/scanner.txt`, the peer
//! sets), shared by `scanner_corpus.rs` and `scanner_peer.rs`.

use woonkans_core::scan::{Finding, FindingKind};

pub fn kind_of(tag: &str) -> FindingKind {
    match tag {
        "name" => FindingKind::Name,
        "other" => FindingKind::OtherPersonName,
        "bsn" => FindingKind::Bsn,
        "phone" => FindingKind::Phone,
        "email" => FindingKind::Email,
        "postcode" => FindingKind::Postcode,
        "address" => FindingKind::StreetAddress,
        "iban" => FindingKind::Iban,
        "date" => FindingKind::Date,
        "health" => FindingKind::Health,
        "justice" => FindingKind::Justice,
        other => panic!("unknown kind in a corpus: {other}"),
    }
}

/// Strips `{kind:text}` markup: the plain text, and the byte ranges of the marked texts.
pub fn parse_markup(line: &str) -> (String, Vec<Finding>) {
    let mut text = String::new();
    let mut expected = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('}').expect("unclosed {") + open;
        let (tag, inner) = rest[open + 1..close].split_once(':').expect("{kind:text}");
        let start = text.len();
        text.push_str(inner);
        expected.push(Finding {
            kind: kind_of(tag),
            start,
            end: text.len(),
        });
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, expected)
}
