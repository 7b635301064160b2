//! Small pure helpers of the dossier pages: the self-reliance level meanings, scanner findings
//! cut into marked segments, and the parsing of what a coordinator types ("€ 1.234,56",
//! "18.500", "4,5 uur"). The Dutch wording itself is the core's `vocab`, so the
//! coordinator's "wat wordt gedeeld" panel reads exactly like the association's view of a
//! bundle.

use woonkans_core::error::{Error, Result};
use woonkans_core::scan::Finding;

/// A piece of a note: plain text, or the text of one finding.
#[derive(Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub finding: Option<Finding>,
}

impl std::fmt::Debug for Segment<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A note segment is what the scanner flags as identifying: never print its text.
        f.debug_struct("Segment")
            .field("chars", &self.text.chars().count())
            .field("finding", &self.finding)
            .finish()
    }
}

/// Cuts `text` into plain and found pieces, in order. Findings out of range, off a char
/// boundary, or overlapping an earlier one are left out (their text stays plain), never a panic.
pub fn segments<'a>(text: &'a str, findings: &[Finding]) -> Vec<Segment<'a>> {
    let mut sorted: Vec<Finding> = findings.to_vec();
    sorted.sort_by_key(|f| (f.start, f.end));
    let mut out = Vec::new();
    let mut at = 0;
    for f in sorted {
        if f.start < at || f.start >= f.end {
            continue;
        }
        let (Some(before), Some(found)) = (text.get(at..f.start), text.get(f.start..f.end)) else {
            continue;
        };
        if !before.is_empty() {
            out.push(Segment {
                text: before,
                finding: None,
            });
        }
        out.push(Segment {
            text: found,
            finding: Some(f),
        });
        at = f.end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        out.push(Segment {
            text: rest,
            finding: None,
        });
    }
    out
}

fn amount_error() -> Error {
    Error::new(
        "AMOUNT_INVALID",
        "Vul een bedrag in euro's in, bijvoorbeeld 650 of 650,50.",
    )
}

/// Parses a Dutch amount in euros into cents: "650", "650,50", "€ 1.234,56", "1234.56",
/// "650,-". A comma is the decimal sign; dots group thousands, except one dot followed by one or
/// two digits when there is no comma ("650.5").
pub fn parse_cents(text: &str) -> Result<u32> {
    let t: String = text
        .trim()
        .trim_start_matches('€')
        .trim_end_matches(",-")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (whole, fraction) = if let Some((w, f)) = t.split_once(',') {
        (w.replace('.', ""), f.to_string())
    } else {
        match t.rsplit_once('.') {
            Some((w, f)) if (1..=2).contains(&f.len()) && !w.contains('.') => {
                (w.to_string(), f.to_string())
            }
            _ => {
                let groups: Vec<&str> = t.split('.').collect();
                if groups.len() > 1 && groups[1..].iter().any(|g| g.len() != 3) {
                    return Err(amount_error());
                }
                (t.replace('.', ""), String::new())
            }
        }
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(&whole) || fraction.len() > 2 || !(fraction.is_empty() || digits(&fraction)) {
        return Err(amount_error());
    }
    let euros: u64 = whole.parse().map_err(|_| amount_error())?;
    let cents: u64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<u64>().map_err(|_| amount_error())? * 10,
        _ => fraction.parse().map_err(|_| amount_error())?,
    };
    u32::try_from(euros * 100 + cents).map_err(|_| amount_error())
}

/// Parses whole euros (a yearly income): "18.500", "18500", "18.500,00"; cents are rounded.
pub fn parse_whole_euros(text: &str) -> Result<u32> {
    parse_cents(text).map(|c| (c + 50) / 100)
}

/// Parses hours per week, 0 to 168: "4", "4,5", "4.5".
pub fn parse_hours(text: &str) -> Result<f64> {
    let bad = || {
        Error::new(
            "HOURS_INVALID",
            "Vul een aantal uren per week in van 0 tot en met 168, bijvoorbeeld 4 of 4,5.",
        )
    };
    let t = text.trim().replace(',', ".");
    let ok = !t.is_empty()
        && t.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && t.matches('.').count() <= 1
        && !t.starts_with('.')
        && !t.ends_with('.');
    if !ok {
        return Err(bad());
    }
    let h: f64 = t.parse().map_err(|_| bad())?;
    if (0.0..=168.0).contains(&h) {
        Ok(h)
    } else {
        Err(bad())
    }
}

/// What a profile bundle carries about this resident besides the code.
pub const NOT_SHARED: [&str; 7] = [
    "naam",
    "BSN",
    "adres en postcode",
    "telefoonnummer en e-mailadres",
    "geboortedatum (alleen de leeftijdscategorie)",
    "inkomensbedrag (alleen de inkomensklasse)",
    "gezondheid (bijzonder persoonsgegeven, art. 9 AVG)",
];

/// The address fields of step 1 for a resident without a fixed place to live.
pub const BRIEFADRES_LABEL: &str = "Dit is een briefadres (geen vaste woonplek)";
pub const BRIEFADRES_HINT: &str = "Het postadres in de BRP, vaak van de opvang of de gemeente. \
     Vul het in zoals het in de BRP staat; het gaat als briefadres mee waar het adres meegaat.";

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::scan::FindingKind;
    use woonkans_core::vocab;

    fn f(kind: FindingKind, start: usize, end: usize) -> Finding {
        Finding { kind, start, end }
    }

    #[test]
    fn segments_cover_the_text_in_order() {
        let text = "Bel 0612345678 of mail";
        let s = segments(text, &[f(FindingKind::Phone, 4, 14)]);
        assert_eq!(
            s.iter().map(|x| x.text).collect::<Vec<_>>(),
            ["Bel ", "0612345678", " of mail"]
        );
        assert_eq!(s[1].finding.map(|x| x.kind), Some(FindingKind::Phone));
        assert!(s[0].finding.is_none() && s[2].finding.is_none());
        let whole = segments(text, &[f(FindingKind::Name, 0, text.len())]);
        assert_eq!(whole.len(), 1);
    }

    #[test]
    fn segments_never_panic_on_bad_ranges() {
        let text = "Zoë woont in Venlo"; // ë is two bytes (2..4)
        for findings in [
            vec![f(FindingKind::Name, 0, 3)],   // inside ë
            vec![f(FindingKind::Name, 0, 400)], // out of range
            vec![f(FindingKind::Name, 5, 5)],   // empty
            vec![f(FindingKind::Name, 6, 2)],   // reversed
            vec![f(FindingKind::Name, 0, 4), f(FindingKind::Name, 2, 6)], // overlap
        ] {
            let s = segments(text, &findings);
            let joined: String = s.iter().map(|x| x.text).collect();
            assert_eq!(joined, text, "{findings:?}");
        }
        assert!(segments("", &[f(FindingKind::Bsn, 0, 1)]).is_empty());
    }

    #[test]
    fn amounts_in_dutch_notation() {
        for (text, cents) in [
            ("650", 65_000),
            ("650,50", 65_050),
            ("650,5", 65_050),
            ("€ 1.234,56", 123_456),
            ("€1234.56", 123_456),
            ("650,-", 65_000),
            ("18.500", 1_850_000),
            ("1.234.567", 123_456_700),
            (" 0 ", 0),
        ] {
            assert_eq!(parse_cents(text).unwrap(), cents, "{text}");
        }
        for text in [
            "",
            "abc",
            "12,345",
            "1.23.4",
            "6 5 0x",
            "-5",
            "€",
            "1,2,3",
            "99999999999",
        ] {
            let e = parse_cents(text).unwrap_err();
            assert_eq!(e.code, "AMOUNT_INVALID", "{text}");
            assert!(text.trim().is_empty() || !e.message.contains(text.trim()));
        }
        assert_eq!(parse_whole_euros("18.500").unwrap(), 18_500);
        assert_eq!(parse_whole_euros("18.500,60").unwrap(), 18_501);
        assert_eq!(vocab::thousands(18_500), "18.500");
        assert_eq!(vocab::thousands(999), "999");
        assert_eq!(vocab::thousands(1_000_000), "1.000.000");
        for e in [0u32, 7, 999, 1000, 18_500, 1_234_567] {
            assert_eq!(
                parse_whole_euros(&vocab::thousands(u64::from(e))).unwrap(),
                e
            );
        }
    }

    #[test]
    fn hours_per_week() {
        assert_eq!(parse_hours("4").unwrap(), 4.0);
        assert_eq!(parse_hours("4,5").unwrap(), 4.5);
        assert_eq!(parse_hours("168").unwrap(), 168.0);
        for bad in ["", "169", "-1", "4,5,5", ",5", "vier", "NaN", "inf"] {
            assert!(parse_hours(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn levels_and_labels() {
        assert_eq!(vocab::level(1), "acute problematiek");
        assert_eq!(vocab::level(5), "volledig zelfredzaam");
        assert_eq!(vocab::level(9), "onbekend niveau");
        assert_eq!(vocab::finding_tag(FindingKind::Bsn), "BSN");
    }
}

/// What "Gegevens controleren" says: also when all is well, so the press is never met by
/// silence. `problems` counts the fields that still need something.
pub fn check_outcome(problems: usize) -> (bool, String) {
    match problems {
        0 => (
            true,
            "Alles is ingevuld wat deze stap vraagt. U kunt verder.".to_string(),
        ),
        1 => (
            false,
            "1 gegeven moet nog worden ingevuld of verbeterd. De melding staat bij het veld."
                .to_string(),
        ),
        n => (
            false,
            format!(
                "{n} gegevens moeten nog worden ingevuld of verbeterd. De meldingen staan bij de velden."
            ),
        ),
    }
}

#[cfg(test)]
mod check_tests {
    use super::check_outcome;

    #[test]
    fn the_check_speaks_also_when_all_is_well_and_counts_in_dutch() {
        assert!(check_outcome(0).0);
        assert!(check_outcome(0).1.starts_with("Alles is ingevuld"));
        assert_eq!(
            check_outcome(1),
            (
                false,
                "1 gegeven moet nog worden ingevuld of verbeterd. De melding staat bij het veld."
                    .to_string()
            )
        );
        assert!(check_outcome(3).1.starts_with("3 gegevens moeten"));
    }
}
