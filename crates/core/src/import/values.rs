//! One cell to a value: amounts, decimals, yes/no, dates, enum words in Dutch or English.

use super::*;

/// A euro amount in cents. Accepts `€ 1.234,56`, `1234,56`, `712,5`, `712.50`, `1,234.56`,
/// `712,-`. When both `.` and `,` occur, the last one is the decimal separator and the other
/// groups thousands. When only one occurs: several times, it groups thousands; once, it is the
/// decimal separator when 1 or 2 digits follow and groups thousands when exactly 3 follow.
pub fn parse_amount_cents(text: &str) -> Option<u32> {
    let mut s: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '€' && *c != '\u{A0}' && *c != '\u{202F}')
        .collect();
    for prefix in ["EUR", "eur", "Eur"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_string();
        }
    }
    let s = s
        .strip_suffix(",-")
        .or_else(|| s.strip_suffix(".-"))
        .unwrap_or(&s);
    if s.is_empty()
        || !s
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let last_dot = s.rfind('.');
    let last_comma = s.rfind(',');
    let dots = s.matches('.').count();
    let commas = s.matches(',').count();
    let (int_part, frac_part, thousands): (&str, &str, Option<char>) = match (last_dot, last_comma)
    {
        (None, None) => (s, "", None),
        (Some(d), Some(c)) => {
            let (pos, thousand) = if d > c { (d, ',') } else { (c, '.') };
            let decimal_char = if d > c { '.' } else { ',' };
            if s.matches(decimal_char).count() != 1 {
                return None;
            }
            (&s[..pos], &s[pos + 1..], Some(thousand))
        }
        (Some(p), None) | (None, Some(p)) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let count = dots + commas;
            let after = s.len() - p - 1;
            if count > 1 {
                (s, "", Some(sep))
            } else if after == 1 || after == 2 {
                (&s[..p], &s[p + 1..], None)
            } else if after == 3 {
                (s, "", Some(sep))
            } else {
                return None;
            }
        }
    };
    if frac_part.len() > 2 || frac_part.contains(['.', ',']) {
        return None;
    }
    let digits: String = match thousands {
        None => int_part.to_string(),
        Some(t) => {
            let groups: Vec<&str> = int_part.split(t).collect();
            let first_ok = groups.first().is_some_and(|g| (1..=3).contains(&g.len()));
            if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
                return None;
            }
            groups.concat()
        }
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let euros: u64 = digits.parse().ok()?;
    let cents: u64 = match frac_part.len() {
        0 => 0,
        1 => frac_part.parse::<u64>().ok()? * 10,
        _ => frac_part.parse().ok()?,
    };
    u32::try_from(euros.checked_mul(100)?.checked_add(cents)?).ok()
}

/// A decimal number such as hours: `2,5`, `2.5`, `2`. One separator is always the decimal
/// separator (these numbers never need thousands).
pub fn parse_decimal(text: &str) -> Option<f64> {
    let s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() || s.matches([',', '.']).count() > 1 {
        return None;
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    if !s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let v: f64 = s.replace(',', ".").parse().ok()?;
    v.is_finite().then_some(v)
}

/// ja/nee in the forms people type. `None` when the text is not a yes or no.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match squash(text).as_str() {
        "ja" | "j" | "x" | "1" | "waar" | "yes" | "y" | "true" | "wel" => Some(true),
        "nee" | "n" | "0" | "onwaar" | "no" | "false" | "niet" => Some(false),
        _ => None,
    }
}

pub(super) fn parse_int(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

pub(super) fn parse_type(text: &str) -> Option<DwellingType> {
    let s = squash(text);
    Some(match s.as_str() {
        "studio" | "studiowoning" | "eenkamerwoning" | "eenkamerappartement" => {
            DwellingType::Studio
        }
        "appartement" | "flat" | "bovenwoning" | "etagewoning" | "portiekwoning"
        | "galerijwoning" | "maisonnette" | "galerijflat" | "portiekflat" => {
            DwellingType::Apartment
        }
        "benedenwoning"
        | "benedenappartement"
        | "gelijkvloersappartement"
        | "appartementbeganegrond"
        | "beganegrond"
        | "parterrewoning"
        | "grondgebondenappartement"
        | "seniorenwoning"
        | "gelijkvloerswoning" => DwellingType::GroundFloorApartment,
        "eengezinswoning"
        | "eengezins"
        | "rijwoning"
        | "tussenwoning"
        | "hoekwoning"
        | "tweeondereenkap"
        | "woonhuis"
        | "grondgebondenwoning" => DwellingType::SingleFamilyHouse,
        "clusterwoning" | "cluster" | "clustereenheid" | "unitincluster" | "clusterunit"
        | "clusterappartement" => DwellingType::ClusterUnit,
        _ => return None,
    })
}

pub(super) fn parse_label(text: &str) -> Option<AgeLabel> {
    Some(match squash(text).as_str() {
        "" | "geen" | "nee" | "n" | "0" | "geenlabel" | "alle" | "iedereen" => AgeLabel::None,
        "jongeren" | "jong" | "jongerenlabel" | "jongerenwoning" | "1827" | "jongeren1827" => {
            AgeLabel::YoungAdults
        }
        "55" | "55plus" | "55pluswoning" | "55woning" | "senioren" | "ouderen"
        | "seniorenlabel" | "55label" => AgeLabel::FiftyFivePlus,
        _ => return None,
    })
}

pub(super) fn parse_history(text: &str) -> Option<History> {
    Some(match squash(text).as_str() {
        "geen" | "nee" | "nooit" | "0" => History::None,
        "opgelost" | "verleden" | "inhetverleden" | "afgelost" | "afgerond" | "eerder" => {
            History::Resolved
        }
        "actueel" | "huidig" | "lopend" | "nu" | "ookactueel" | "alles" => History::Current,
        _ => return None,
    })
}

pub(super) fn parse_contract_form(text: &str) -> Option<ContractForm> {
    let s = squash(text);
    if s.contains("zorgaanbieder") || s.contains("opnaam") {
        Some(ContractForm::LeaseInCareProviderName)
    } else if s.contains("zorg") {
        Some(ContractForm::LeaseWithCareAgreement)
    } else if [
        "regulier",
        "gewoon",
        "gewone",
        "huurovereenkomst",
        "standaard",
        "normaal",
    ]
    .iter()
    .any(|w| s.starts_with(w))
    {
        Some(ContractForm::RegularLease)
    } else {
        None
    }
}

pub(super) fn split_list(text: &str) -> Vec<&str> {
    text.split(['|', ',', ';', '/', '+'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// "Blerick: 2 | Tegelen: 1" (also with `=`, or `,`/`;` between pairs when every piece is a pair).
pub(super) fn parse_placements(text: &str) -> Option<BTreeMap<String, u32>> {
    let pieces: Vec<&str> = if text.contains('|') {
        text.split('|').collect()
    } else {
        let split: Vec<&str> = text.split([',', ';']).collect();
        if split
            .iter()
            .all(|p| p.trim().is_empty() || p.contains([':', '=']))
        {
            split
        } else {
            vec![text]
        }
    };
    let mut out = BTreeMap::new();
    for piece in pieces {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        let at = piece.rfind([':', '='])?;
        let name = piece[..at].trim();
        let count = u32::try_from(parse_int(&piece[at + 1..])?).ok()?;
        if name.is_empty() || name.chars().any(char::is_control) {
            return None;
        }
        let e: &mut u32 = out.entry(name.to_string()).or_insert(0);
        *e = e.checked_add(count)?;
    }
    Some(out)
}
