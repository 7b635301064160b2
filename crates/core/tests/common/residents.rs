//! The residents the scanner corpora are written about, shared by the corpus tests, the mark
//! tests and the scanner benchmark (each includes this file with `#[path]`).

use woonkans_core::date::Date;
use woonkans_core::known::Known;

/// Noël Maria van der Berg-Öztürk, the resident of `corpus/scanner.txt`.
#[allow(dead_code)]
pub fn corpus_resident() -> Known {
    Known {
        name_parts: [
            "Noël",
            "Maria",
            "Berg-Öztürk",
            "Berg",
            "Öztürk",
            "van der Berg-Öztürk",
        ]
        .map(String::from)
        .to_vec(),
        tussenvoegsels: vec!["van der".into()],
        bsn: Some("999994669".into()),
        birth_date: Some(Date::new(1998, 3, 12).expect("a valid date")),
        street_addresses: vec!["Kerkstraat 12 a".into(), "Kerkstraat 12".into()],
        postcodes: vec!["5911 AB".into()],
        phones: vec![
            "06-12345678".into(),
            "0612345678".into(),
            "+31612345678".into(),
        ],
        emails: vec!["noel.vdberg@example.nl".into()],
        ibans: vec!["NL91ABNA0417164300".into()],
        ..Known::default()
    }
}

/// Ilse Johanna van den Bosch, the resident of both peer sets (`corpus/peer-*.txt`).
#[allow(dead_code)]
pub fn peer_resident() -> Known {
    Known {
        name_parts: ["Ilse", "Johanna", "Bosch", "van den Bosch"]
            .map(String::from)
            .to_vec(),
        tussenvoegsels: vec!["van den".into()],
        bsn: Some("999990317".into()),
        birth_date: Some(Date::new(1987, 11, 5).expect("a valid date")),
        street_addresses: vec!["Molenweg 8".into()],
        postcodes: vec!["5961 GH".into()],
        phones: vec!["06-98765432".into()],
        emails: vec!["ilse.vdbosch@example.nl".into()],
        ibans: vec!["NL81RABO0312345678".into()],
        ..Known::default()
    }
}
