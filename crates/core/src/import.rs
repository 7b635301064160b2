//! Importing and exporting the housing offer: the versioned JSON format and the CSV files that
//! spreadsheets write (see docs/IMPORT.md for the exact rules and the accepted headings).
//!
//! An import never touches the loaded offer: it returns the part it read plus a line-numbered
//! error for every bad row; the caller merges it with [`Offer::merge`]. Errors name the line and
//! the column, never a value from the file.

use crate::date::Date;
use crate::error::{Error, Result};
use crate::offer::{
    AgeLabel, Criteria, Dwelling, DwellingType, HousingAssociation, MAX_HOUSEHOLD, Offer,
    official_gemeente,
};
use crate::profile::{ContractForm, History};
use crate::text::squash;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// The `format` value of a Woonkans offer file.
pub const FORMAT: &str = "woonkans-aanbod";
/// The newest version of the JSON format this build reads and writes.
pub const VERSION: u32 = 1;
/// Files above this size are refused before they are read.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ImportKind {
    /// A complete offer in the JSON format.
    Json,
    /// A CSV of dwellings.
    Dwellings,
    /// A CSV of associations with their criteria.
    Associations,
}

/// A bad row: its physical line in the file (1-based), the column heading as written in the
/// file when one cell is at fault, and a Dutch message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct RowError {
    pub line: usize,
    pub column: Option<String>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields))]
pub struct ImportReport {
    pub kind: ImportKind,
    /// What was read: for a dwellings CSV only dwellings, for an associations CSV only
    /// associations. Merge it with [`Offer::merge`].
    pub offer_part: Offer,
    /// Rows (or, for JSON, entries) that were read without error.
    pub accepted_rows: usize,
    pub errors: Vec<RowError>,
    /// Headings that are not Woonkans columns and were skipped.
    pub ignored_columns: Vec<String>,
}

fn file_error(code: &'static str, message: impl Into<String>) -> Error {
    Error::new(code, message)
}

// ---------------------------------------------------------------------------------------------
// Text decoding

/// Windows-1252 bytes 0x80..=0x9F; the five unassigned bytes become U+FFFD.
const CP1252_HIGH: [char; 32] = [
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

fn decode_utf16(bytes: &[u8], little_endian: bool) -> String {
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

fn binary() -> Error {
    file_error(
        "IMPORT_NOT_TEXT",
        "Dit is geen tekstbestand. Sla het aanbod in de spreadsheet op als CSV (puntkomma- of kommagescheiden) of kies een Woonkans-aanbodbestand (JSON).",
    )
}

fn refuse_nul(bytes: &[u8]) -> Result<()> {
    if bytes.is_empty() {
        return Err(file_error("IMPORT_EMPTY", "Het bestand is leeg."));
    }
    if bytes.contains(&0) {
        return Err(binary());
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Values

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

fn parse_int(text: &str) -> Option<u64> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn parse_type(text: &str) -> Option<DwellingType> {
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

fn parse_label(text: &str) -> Option<AgeLabel> {
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

fn parse_history(text: &str) -> Option<History> {
    Some(match squash(text).as_str() {
        "geen" | "nee" | "nooit" | "0" => History::None,
        "opgelost" | "verleden" | "inhetverleden" | "afgelost" | "afgerond" | "eerder" => {
            History::Resolved
        }
        "actueel" | "huidig" | "lopend" | "nu" | "ookactueel" | "alles" => History::Current,
        _ => return None,
    })
}

fn parse_contract_form(text: &str) -> Option<ContractForm> {
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

fn split_list(text: &str) -> Vec<&str> {
    text.split(['|', ',', ';', '/', '+'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// "Blerick: 2 | Tegelen: 1" (also with `=`, or `,`/`;` between pairs when every piece is a pair).
fn parse_placements(text: &str) -> Option<BTreeMap<String, u32>> {
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

// ---------------------------------------------------------------------------------------------
// Headings

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Col {
    // Dwellings
    Id,
    Association,
    Gemeente,
    Neighbourhood,
    Type,
    InComplex,
    Rooms,
    Rent,
    StepFree,
    Wheelchair,
    Label,
    MinHousehold,
    MaxHousehold,
    AvailableFrom,
    // Associations
    AssocId,
    Name,
    WorkingArea,
    ContractForms,
    MaxArrears,
    ArrearsBudget,
    MaxNuisance,
    NuisancePlan,
    RelapsePlan,
    MinSupport,
    MaxPlacements,
    Placements,
    Example,
}

const COLUMN_COUNT: usize = Col::Example as usize + 1;
/// Column index in the file per `Col`.
type Columns = [Option<usize>; COLUMN_COUNT];

const DWELLING_HEADINGS: &[(Col, &[&str])] = &[
    (
        Col::Id,
        &[
            "id",
            "woningid",
            "woningnummer",
            "woningcode",
            "code",
            "vhe",
            "vhenummer",
        ],
    ),
    (
        Col::Association,
        &[
            "corporatie",
            "corporatieid",
            "woningcorporatie",
            "verhuurder",
            "eigenaar",
        ],
    ),
    (Col::Gemeente, &["gemeente"]),
    (
        Col::Neighbourhood,
        &[
            "wijk",
            "buurt",
            "kern",
            "wijkbuurt",
            "wijkofbuurt",
            "woonwijk",
        ],
    ),
    (
        Col::Type,
        &["type", "woningtype", "soort", "soortwoning", "typewoning"],
    ),
    (
        Col::InComplex,
        &["incomplex", "complex", "wooncomplex", "inwooncomplex"],
    ),
    (
        Col::Rooms,
        &["kamers", "aantalkamers", "kamer", "aantalkamer"],
    ),
    (
        Col::Rent,
        &[
            "huur",
            "nettohuur",
            "kalehuur",
            "huurprijs",
            "nettohuurprijs",
            "kalehuurprijs",
            "huurbedrag",
            "maandhuur",
        ],
    ),
    (
        Col::StepFree,
        &[
            "traploos",
            "gelijkvloers",
            "traplooswoning",
            "nultredenwoning",
            "nultreden",
        ],
    ),
    (
        Col::Wheelchair,
        &["rolstoel", "rolstoeltoegankelijk", "rolstoelwoning"],
    ),
    (
        Col::Label,
        &["label", "leeftijdslabel", "leeftijdlabel", "doelgroep"],
    ),
    (
        Col::MinHousehold,
        &[
            "minhuishouden",
            "minimaalhuishouden",
            "minhuishoudgrootte",
            "minimalehuishoudgrootte",
            "minpersonen",
            "minaantalpersonen",
        ],
    ),
    (
        Col::MaxHousehold,
        &[
            "maxhuishouden",
            "maximaalhuishouden",
            "maxhuishoudgrootte",
            "maximalehuishoudgrootte",
            "maxpersonen",
            "maxaantalpersonen",
        ],
    ),
    (
        Col::AvailableFrom,
        &[
            "beschikbaarper",
            "beschikbaarvanaf",
            "beschikbaar",
            "datumbeschikbaar",
            "beschikbaarop",
            "opleverdatum",
            "ingangsdatum",
        ],
    ),
];

const ASSOCIATION_HEADINGS: &[(Col, &[&str])] = &[
    (
        Col::AssocId,
        &["id", "corporatieid", "code", "corporatiecode"],
    ),
    (
        Col::Name,
        &[
            "naam",
            "corporatie",
            "corporatienaam",
            "naamcorporatie",
            "woningcorporatie",
        ],
    ),
    (
        Col::WorkingArea,
        &["werkgebied", "gemeenten", "werkgebiedgemeenten"],
    ),
    (
        Col::ContractForms,
        &[
            "contractvormen",
            "contractvorm",
            "geaccepteerdecontractvormen",
            "huurvormen",
        ],
    ),
    (
        Col::MaxArrears,
        &[
            "maxhuurachterstand",
            "huurachterstand",
            "maximalehuurachterstand",
        ],
    ),
    (
        Col::ArrearsBudget,
        &[
            "bewindvoeringvereistbijhuurachterstand",
            "bewindvoeringvereist",
            "bewindvoering",
            "budgetbeheervereist",
            "budgetbeheer",
        ],
    ),
    (
        Col::MaxNuisance,
        &["maxoverlast", "overlast", "maximaleoverlast"],
    ),
    (
        Col::NuisancePlan,
        &[
            "veiligheidsplanvereistbijoverlast",
            "veiligheidsplanvereist",
            "veiligheidsplan",
        ],
    ),
    (Col::RelapsePlan, &["terugvalplanvereist", "terugvalplan"]),
    (
        Col::MinSupport,
        &[
            "minurenondersteuning",
            "minimaleurenondersteuning",
            "minondersteuning",
            "minimaleondersteuning",
            "urenondersteuning",
            "ondersteuninguren",
            "minurenbegeleiding",
            "minurenperweek",
        ],
    ),
    (
        Col::MaxPlacements,
        &[
            "maxplaatsingenperwijk",
            "maxplaatsingen",
            "maximumplaatsingen",
            "plaatsingsmaximum",
        ],
    ),
    (
        Col::Placements,
        &["huidigeplaatsingen", "plaatsingen", "plaatsingenperwijk"],
    ),
    (Col::Example, &["voorbeeld"]),
];

/// The heading written on export, also used in messages about a missing column.
fn heading(col: Col) -> &'static str {
    match col {
        Col::Id => "Woning-id",
        Col::Association => "Corporatie",
        Col::Gemeente => "Gemeente",
        Col::Neighbourhood => "Wijk",
        Col::Type => "Woningtype",
        Col::InComplex => "In complex",
        Col::Rooms => "Kamers",
        Col::Rent => "Netto huur",
        Col::StepFree => "Traploos",
        Col::Wheelchair => "Rolstoeltoegankelijk",
        Col::Label => "Leeftijdslabel",
        Col::MinHousehold => "Min huishouden",
        Col::MaxHousehold => "Max huishouden",
        Col::AvailableFrom => "Beschikbaar per",
        Col::AssocId => "Corporatie-id",
        Col::Name => "Naam",
        Col::WorkingArea => "Werkgebied",
        Col::ContractForms => "Contractvormen",
        Col::MaxArrears => "Max huurachterstand",
        Col::ArrearsBudget => "Bewindvoering vereist bij huurachterstand",
        Col::MaxNuisance => "Max overlast",
        Col::NuisancePlan => "Veiligheidsplan vereist bij overlast",
        Col::RelapsePlan => "Terugvalplan vereist",
        Col::MinSupport => "Min uren ondersteuning",
        Col::MaxPlacements => "Max plaatsingen per wijk",
        Col::Placements => "Huidige plaatsingen",
        Col::Example => "Voorbeeld",
    }
}

const DWELLING_COLUMNS: [Col; 14] = [
    Col::Id,
    Col::Association,
    Col::Gemeente,
    Col::Neighbourhood,
    Col::Type,
    Col::InComplex,
    Col::Rooms,
    Col::Rent,
    Col::StepFree,
    Col::Wheelchair,
    Col::Label,
    Col::MinHousehold,
    Col::MaxHousehold,
    Col::AvailableFrom,
];
const DWELLING_REQUIRED: [Col; 8] = [
    Col::Id,
    Col::Association,
    Col::Gemeente,
    Col::Neighbourhood,
    Col::Type,
    Col::Rooms,
    Col::Rent,
    Col::AvailableFrom,
];
const ASSOCIATION_COLUMNS: [Col; 13] = [
    Col::AssocId,
    Col::Name,
    Col::WorkingArea,
    Col::ContractForms,
    Col::MaxArrears,
    Col::ArrearsBudget,
    Col::MaxNuisance,
    Col::NuisancePlan,
    Col::RelapsePlan,
    Col::MinSupport,
    Col::MaxPlacements,
    Col::Placements,
    Col::Example,
];
const ASSOCIATION_REQUIRED: [Col; 10] = [
    Col::AssocId,
    Col::Name,
    Col::WorkingArea,
    Col::ContractForms,
    Col::MaxArrears,
    Col::ArrearsBudget,
    Col::MaxNuisance,
    Col::NuisancePlan,
    Col::RelapsePlan,
    Col::MinSupport,
];

fn lookup(table: &[(Col, &[&str])], folded: &str) -> Option<Col> {
    table
        .iter()
        .find(|(_, names)| names.contains(&folded))
        .map(|(c, _)| *c)
}

/// Which kind of CSV a header row is, by the columns only one kind has.
fn detect_kind(folded: &[String]) -> Option<ImportKind> {
    let dwelling_only = [
        Col::Rent,
        Col::Rooms,
        Col::Type,
        Col::AvailableFrom,
        Col::Neighbourhood,
        Col::Gemeente,
    ];
    let association_only = [
        Col::WorkingArea,
        Col::ContractForms,
        Col::MaxArrears,
        Col::MaxNuisance,
        Col::RelapsePlan,
        Col::MinSupport,
    ];
    let count = |table: &[(Col, &[&str])], only: &[Col]| {
        folded
            .iter()
            .filter(|h| lookup(table, h).is_some_and(|c| only.contains(&c)))
            .count()
    };
    let d = count(DWELLING_HEADINGS, &dwelling_only);
    let a = count(ASSOCIATION_HEADINGS, &association_only);
    match (d, a) {
        (d, a) if d >= 2 && d >= a => Some(ImportKind::Dwellings),
        (_, a) if a >= 2 => Some(ImportKind::Associations),
        _ => None,
    }
}

/// The separator of a header line: the most frequent of `;`, `,` and tab outside quotes.
fn detect_separator(line: &str) -> Option<u8> {
    let mut in_quotes = false;
    let mut counts = [0usize; 3];
    for c in line.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ';' if !in_quotes => counts[0] += 1,
            ',' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))?;
    (counts[best] > 0).then_some([b';', b',', b'\t'][best])
}

// ---------------------------------------------------------------------------------------------
// CSV import

fn no_header() -> Error {
    file_error(
        "IMPORT_NO_HEADER",
        "Er is geen herkenbare kopregel gevonden. De eerste regel moet de kolomnamen bevatten, zoals Woning-id, Corporatie, Gemeente, Wijk, Woningtype, Kamers, Netto huur en Beschikbaar per (woningen) of Corporatie-id, Naam, Werkgebied en Contractvormen (corporaties). Zie de importhandleiding.",
    )
}

struct Row<'r> {
    line: usize,
    record: &'r csv::StringRecord,
    columns: &'r Columns,
    headings: &'r [String],
    errors: Vec<RowError>,
}

impl Row<'_> {
    fn cell(&self, col: Col) -> &str {
        self.columns[col as usize]
            .and_then(|i| self.record.get(i))
            .map_or("", str::trim)
    }

    fn present(&self, col: Col) -> bool {
        self.columns[col as usize].is_some()
    }

    fn fail(&mut self, col: Col, message: &str) {
        let column = self.columns[col as usize]
            .and_then(|i| self.headings.get(i))
            .cloned()
            .or_else(|| Some(heading(col).to_string()));
        self.errors.push(RowError {
            line: self.line,
            column,
            message: message.to_string(),
        });
    }

    fn text(&mut self, col: Col, what: &str) -> String {
        let v = self.cell(col).to_string();
        if v.is_empty() {
            self.fail(col, &format!("{what} ontbreekt."));
        } else if v.chars().any(char::is_control) || v.contains('|') {
            self.fail(col, &format!("{what} bevat een ongeldig teken (zoals |)."));
        }
        v
    }

    /// Yes/no; an empty cell is `default` when given (where "nee" is the safe reading), an error
    /// otherwise.
    fn yes_no(&mut self, col: Col, default: Option<bool>) -> bool {
        let v = self.cell(col).to_string();
        if v.is_empty() {
            if let Some(d) = default {
                return d;
            }
            self.fail(col, "Vul ja of nee in; leeg is hier niet toegestaan.");
            return false;
        }
        parse_yes_no(&v).unwrap_or_else(|| {
            self.fail(col, "Vul ja of nee in (ook j/n, x, 1/0, waar/onwaar).");
            false
        })
    }

    fn int(&mut self, col: Col, lo: u64, hi: u64, default: Option<u64>, what: &str) -> u64 {
        let v = self.cell(col).to_string();
        if v.is_empty()
            && let Some(d) = default
        {
            return d;
        }
        match parse_int(&v) {
            Some(n) if (lo..=hi).contains(&n) => n,
            _ => {
                self.fail(
                    col,
                    &format!("{what} moet een heel getal van {lo} tot en met {hi} zijn."),
                );
                lo
            }
        }
    }

    fn history(&mut self, col: Col, what: &str) -> History {
        let v = self.cell(col).to_string();
        parse_history(&v).unwrap_or_else(|| {
            self.fail(col, &format!("{what}: vul geen, opgelost of actueel in."));
            History::None
        })
    }
}

/// Physical line numbers from byte offsets. The CSV reader reports a record's start before it
/// skips blank lines, so the count is taken from the first byte that is not a line end.
struct LineCounter<'t> {
    text: &'t [u8],
    pos: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            pos: 0,
            line: 1,
        }
    }

    /// Offsets must not decrease between calls (records come in order).
    fn line_at(&mut self, byte: usize) -> usize {
        let mut target = byte.min(self.text.len());
        while target < self.text.len() && matches!(self.text[target], b'\r' | b'\n') {
            target += 1;
        }
        if target >= self.pos {
            self.line += self.text[self.pos..target]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.pos = target;
        }
        self.line
    }
}

/// Imports a CSV of dwellings or of associations (detected from the header). Bad rows are
/// reported and skipped; good rows are kept.
pub fn import_csv(bytes: &[u8]) -> Result<ImportReport> {
    let text = decode_text(bytes)?;
    // The header is the first non-blank line, unless that is Excel's "sep=;" hint.
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let (mut header_index, mut header_line) = lines.next().ok_or_else(no_header)?;
    let mut separator = None;
    if let Some(hint) = header_line.trim().strip_prefix("sep=") {
        separator = match hint.trim() {
            ";" => Some(b';'),
            "," => Some(b','),
            "\\t" | "" => Some(b'\t'),
            _ => None,
        };
        (header_index, header_line) = lines.next().ok_or_else(no_header)?;
    }
    let separator = separator
        .or_else(|| detect_separator(header_line))
        .ok_or_else(no_header)?;
    let header_line_number = header_index + 1;

    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut lines = LineCounter::new(&text);
    let header = loop {
        match records.next() {
            Some(Ok(r)) => {
                let line = r.position().map_or(0, |p| lines.line_at(p.byte() as usize));
                if line >= header_line_number {
                    break r;
                }
            }
            Some(Err(_)) | None => return Err(no_header()),
        }
    };
    let headings: Vec<String> = header.iter().map(|h| h.trim().to_string()).collect();
    let folded: Vec<String> = headings.iter().map(|h| squash(h)).collect();
    let kind = detect_kind(&folded).ok_or_else(no_header)?;
    let (table, required): (&[(Col, &[&str])], &[Col]) = match kind {
        ImportKind::Associations => (ASSOCIATION_HEADINGS, &ASSOCIATION_REQUIRED),
        _ => (DWELLING_HEADINGS, &DWELLING_REQUIRED),
    };
    let mut columns: Columns = [None; COLUMN_COUNT];
    let mut ignored_columns = Vec::new();
    for (i, f) in folded.iter().enumerate() {
        match lookup(table, f) {
            Some(col) => {
                if columns[col as usize].replace(i).is_some() {
                    return Err(file_error(
                        "IMPORT_DUPLICATE_COLUMN",
                        format!(
                            "De kolom '{}' staat twee keer in de kopregel.",
                            heading(col)
                        ),
                    ));
                }
            }
            None if headings[i].is_empty() => {}
            None => ignored_columns.push(headings[i].clone()),
        }
    }
    let missing: Vec<&str> = required
        .iter()
        .filter(|c| columns[**c as usize].is_none())
        .map(|c| heading(*c))
        .collect();
    if !missing.is_empty() {
        return Err(file_error(
            "IMPORT_MISSING_COLUMNS",
            format!(
                "De kopregel mist {}: {}.",
                if missing.len() == 1 {
                    "de kolom"
                } else {
                    "de kolommen"
                },
                missing.join(", ")
            ),
        ));
    }

    let mut report = ImportReport {
        kind,
        offer_part: Offer::default(),
        accepted_rows: 0,
        errors: Vec::new(),
        ignored_columns,
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.errors.push(RowError {
                    line: e.position().map_or(0, |p| lines.line_at(p.byte() as usize)),
                    column: None,
                    message: "Deze regel kan niet worden gelezen (controleer de aanhalingstekens)."
                        .into(),
                });
                break;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record
            .position()
            .map_or(0, |p| lines.line_at(p.byte() as usize));
        let mut row = Row {
            line,
            record: &record,
            columns: &columns,
            headings: &headings,
            errors: Vec::new(),
        };
        if record
            .iter()
            .skip(headings.len())
            .any(|f| !f.trim().is_empty())
        {
            row.errors.push(RowError {
                line,
                column: None,
                message: "Deze regel heeft meer gevulde kolommen dan de kopregel.".into(),
            });
        }
        let id_col = if kind == ImportKind::Associations {
            Col::AssocId
        } else {
            Col::Id
        };
        let id = row.cell(id_col).to_string();
        if let Some(first) = seen.get(&id).filter(|_| !id.is_empty()) {
            let msg =
                format!("Dit id staat al op regel {first}; elke regel moet een eigen id hebben.");
            row.fail(id_col, &msg);
        }
        match kind {
            ImportKind::Associations => {
                let a = read_association(&mut row);
                if row.errors.is_empty() {
                    report.offer_part.associations.push(a);
                }
            }
            _ => {
                let d = read_dwelling(&mut row);
                if row.errors.is_empty() {
                    report.offer_part.dwellings.push(d);
                }
            }
        }
        if row.errors.is_empty() {
            report.accepted_rows += 1;
            seen.insert(id, line);
        } else {
            report.errors.append(&mut row.errors);
        }
    }
    // Every row passed its own checks; this only guards the invariants in one place.
    report.offer_part.validate_parts()?;
    Ok(report)
}

fn read_dwelling(row: &mut Row<'_>) -> Dwelling {
    let id = row.text(Col::Id, "Het woning-id");
    let association_id = row.text(Col::Association, "De corporatie");
    let gemeente_text = row.cell(Col::Gemeente).to_string();
    let gemeente = match official_gemeente(&gemeente_text) {
        Some(g) => g.to_string(),
        None => {
            if gemeente_text.is_empty() {
                row.fail(Col::Gemeente, "De gemeente ontbreekt.");
            } else {
                row.fail(
                    Col::Gemeente,
                    "Onbekende gemeente: alleen de vijftien gemeenten van Noord- en Midden-Limburg.",
                );
            }
            String::new()
        }
    };
    let neighbourhood = row.text(Col::Neighbourhood, "De wijk");
    let dwelling_type = parse_type(row.cell(Col::Type)).unwrap_or_else(|| {
        row.fail(
            Col::Type,
            "Onbekend woningtype: gebruik studio, appartement, benedenwoning, eengezinswoning of clusterwoning.",
        );
        DwellingType::Apartment
    });
    let in_complex = row.yes_no(Col::InComplex, Some(false));
    let rooms = row.int(Col::Rooms, 1, 20, None, "Het aantal kamers") as u8;
    let rent_text = row.cell(Col::Rent).to_string();
    let rent_cents = parse_amount_cents(&rent_text).unwrap_or_else(|| {
        row.fail(
            Col::Rent,
            "De huur is geen bedrag in euro's (bijvoorbeeld 712,50 of € 1.234,56).",
        );
        0
    });
    let step_free = row.yes_no(Col::StepFree, Some(false));
    let wheelchair = row.yes_no(Col::Wheelchair, Some(false));
    let age_label = parse_label(row.cell(Col::Label)).unwrap_or_else(|| {
        row.fail(
            Col::Label,
            "Onbekend leeftijdslabel: gebruik geen, jongeren (18-27) of 55+.",
        );
        AgeLabel::None
    });
    let max = u64::from(MAX_HOUSEHOLD);
    let min_household = row.int(
        Col::MinHousehold,
        1,
        max,
        Some(1),
        "De minimale huishoudgrootte",
    ) as u8;
    let max_household = row.int(
        Col::MaxHousehold,
        1,
        max,
        Some(max),
        "De maximale huishoudgrootte",
    ) as u8;
    if min_household > max_household && row.present(Col::MinHousehold) {
        row.fail(
            Col::MinHousehold,
            "De minimale huishoudgrootte is groter dan de maximale.",
        );
    }
    let available_from = match Date::parse(row.cell(Col::AvailableFrom)) {
        Ok(d) => d,
        Err(_) => {
            row.fail(
                Col::AvailableFrom,
                "Geen geldige datum: gebruik dd-mm-jjjj of jjjj-mm-dd.",
            );
            Date::from_days_since_epoch(0)
        }
    };
    Dwelling {
        id,
        association_id,
        gemeente,
        neighbourhood,
        dwelling_type,
        in_complex,
        rooms,
        rent_cents,
        step_free,
        wheelchair,
        age_label,
        min_household,
        max_household,
        available_from,
    }
}

fn read_association(row: &mut Row<'_>) -> HousingAssociation {
    let id = row.text(Col::AssocId, "Het corporatie-id");
    let name = row.text(Col::Name, "De naam");
    let mut working_area = Vec::new();
    let area_text = row.cell(Col::WorkingArea).to_string();
    for g in split_list(&area_text) {
        match official_gemeente(g) {
            Some(c) if !working_area.iter().any(|w| w == c) => working_area.push(c.to_string()),
            Some(_) => {}
            None => {
                row.fail(
                    Col::WorkingArea,
                    "Het werkgebied bevat een onbekende gemeente: alleen de vijftien gemeenten van Noord- en Midden-Limburg, gescheiden door | of komma.",
                );
                break;
            }
        }
    }
    if area_text.is_empty() {
        row.fail(Col::WorkingArea, "Het werkgebied ontbreekt.");
    }
    let mut accepted_contract_forms = Vec::new();
    let forms_text = row.cell(Col::ContractForms).to_string();
    for f in split_list(&forms_text) {
        match parse_contract_form(f) {
            Some(c) if !accepted_contract_forms.contains(&c) => accepted_contract_forms.push(c),
            Some(_) => {}
            None => {
                row.fail(
                    Col::ContractForms,
                    "Onbekende contractvorm: gebruik regulier, zorgovereenkomst of zorgaanbieder.",
                );
                break;
            }
        }
    }
    if forms_text.is_empty() {
        row.fail(Col::ContractForms, "Vul minstens één contractvorm in.");
    }
    accepted_contract_forms.sort();
    let max_rent_arrears = row.history(Col::MaxArrears, "Max huurachterstand");
    let arrears_requires_budget_management = row.yes_no(Col::ArrearsBudget, None);
    let max_nuisance = row.history(Col::MaxNuisance, "Max overlast");
    let nuisance_requires_safety_plan = row.yes_no(Col::NuisancePlan, None);
    let relapse_plan_required = row.yes_no(Col::RelapsePlan, None);
    let min_support_hours = match parse_decimal(row.cell(Col::MinSupport)) {
        Some(h) if (0.0..=168.0).contains(&h) => h,
        _ => {
            row.fail(
                Col::MinSupport,
                "Het minimum aantal uren ondersteuning per week moet een getal van 0 tot en met 168 zijn.",
            );
            0.0
        }
    };
    let max_placements_per_neighbourhood = if row.cell(Col::MaxPlacements).is_empty() {
        None
    } else {
        Some(row.int(
            Col::MaxPlacements,
            1,
            u64::from(u32::MAX),
            None,
            "Het maximum aantal plaatsingen per wijk",
        ) as u32)
    };
    let placements_text = row.cell(Col::Placements).to_string();
    let current_placements = if placements_text.is_empty() {
        BTreeMap::new()
    } else {
        parse_placements(&placements_text).unwrap_or_else(|| {
            row.fail(
                Col::Placements,
                "Schrijf de huidige plaatsingen als 'wijk: aantal', gescheiden door |, bijvoorbeeld 'Blerick: 2 | Tegelen: 1'.",
            );
            BTreeMap::new()
        })
    };
    let example = row.yes_no(Col::Example, Some(false));
    HousingAssociation {
        id,
        name,
        working_area,
        criteria: Criteria {
            accepted_contract_forms,
            max_rent_arrears,
            arrears_requires_budget_management,
            max_nuisance,
            nuisance_requires_safety_plan,
            relapse_plan_required,
            min_support_hours,
            max_placements_per_neighbourhood,
            current_placements,
        },
        example,
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

#[derive(Deserialize)]
struct JsonHead {
    format: Option<String>,
    version: Option<u64>,
}

#[derive(Deserialize)]
struct JsonBody {
    #[serde(default)]
    associations: Vec<HousingAssociation>,
    #[serde(default)]
    dwellings: Vec<Dwelling>,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    format: &'static str,
    version: u32,
    associations: &'a [HousingAssociation],
    dwellings: &'a [Dwelling],
}

fn json_error(e: &serde_json::Error) -> Error {
    // serde's own message can quote the input; only the position is passed on.
    let what = match e.classify() {
        serde_json::error::Category::Data => "een gegeven heeft niet de verwachte vorm",
        serde_json::error::Category::Eof => "het bestand houdt onverwacht op",
        _ => "dit is geen geldige JSON",
    };
    file_error(
        "IMPORT_JSON_INVALID",
        format!(
            "Het aanbodbestand klopt niet op regel {}, kolom {}: {what}.",
            e.line(),
            e.column()
        ),
    )
}

/// Imports a complete offer in the Woonkans JSON format. All or nothing: a JSON file comes from
/// Woonkans or another program, not from hand-typed rows.
pub fn import_json(text: &str) -> Result<ImportReport> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(file_error("IMPORT_EMPTY", "Het bestand is leeg."));
    }
    let head: JsonHead = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    if head.format.as_deref() != Some(FORMAT) {
        return Err(file_error(
            "IMPORT_FORMAT_UNKNOWN",
            "Dit is geen Woonkans-aanbodbestand: het veld \"format\" moet \"woonkans-aanbod\" zijn.",
        ));
    }
    match head.version {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) if v > u64::from(VERSION) => {
            return Err(file_error(
                "IMPORT_VERSION_NEWER",
                "Dit aanbodbestand is gemaakt met een nieuwere versie van Woonkans. Werk Woonkans bij om het te openen.",
            ));
        }
        _ => {
            return Err(file_error(
                "IMPORT_VERSION_UNKNOWN",
                "De versie van dit aanbodbestand ontbreekt of is ongeldig.",
            ));
        }
    }
    let body: JsonBody = serde_json::from_str(text).map_err(|e| json_error(&e))?;
    let mut offer = Offer {
        associations: body.associations,
        dwellings: body.dwellings,
    };
    offer.normalise();
    offer.validate_parts()?;
    if !offer.associations.is_empty() {
        offer.validate()?;
    }
    Ok(ImportReport {
        kind: ImportKind::Json,
        accepted_rows: offer.associations.len() + offer.dwellings.len(),
        offer_part: offer,
        errors: Vec::new(),
        ignored_columns: Vec::new(),
    })
}

/// Imports any offer file: JSON when its first character is `{`, CSV otherwise.
pub fn import_file(bytes: &[u8]) -> Result<ImportReport> {
    let text = decode_text(bytes)?;
    if text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .starts_with('{')
    {
        import_json(&text)
    } else {
        import_csv(bytes)
    }
}

/// The offer in the versioned JSON format.
pub fn export_json(offer: &Offer) -> String {
    let out = JsonOut {
        format: FORMAT,
        version: VERSION,
        associations: &offer.associations,
        dwellings: &offer.dwellings,
    };
    // Plain data with string keys: serialisation cannot fail.
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// CSV export

fn euros(cents: u32) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

fn decimal(v: f64) -> String {
    // Display gives the shortest text that reads back to the same number.
    format!("{v}").replace('.', ",")
}

fn yes_no(b: bool) -> &'static str {
    if b { "ja" } else { "nee" }
}

fn history(h: History) -> &'static str {
    match h {
        History::None => "geen",
        History::Resolved => "opgelost",
        History::Current => "actueel",
    }
}

fn contract(c: ContractForm) -> &'static str {
    match c {
        ContractForm::RegularLease => "regulier",
        ContractForm::LeaseWithCareAgreement => "zorgovereenkomst",
        ContractForm::LeaseInCareProviderName => "zorgaanbieder",
    }
}

fn dutch_date(d: Date) -> String {
    format!("{:02}-{:02}-{:04}", d.day(), d.month(), d.year())
}

fn write_csv(headings: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        // Writing to a Vec cannot fail.
        let _ = w.write_record(headings);
        for r in rows {
            let _ = w.write_record(&r);
        }
        let _ = w.flush();
    }
    out
}

/// The dwellings as a CSV for spreadsheets: `;`, decimal comma, UTF-8 with BOM.
pub fn export_dwellings_csv(offer: &Offer) -> Vec<u8> {
    let headings: Vec<&str> = DWELLING_COLUMNS.iter().map(|c| heading(*c)).collect();
    write_csv(
        &headings,
        offer.dwellings.iter().map(|d| {
            vec![
                d.id.clone(),
                d.association_id.clone(),
                d.gemeente.clone(),
                d.neighbourhood.clone(),
                d.dwelling_type.dutch().to_string(),
                yes_no(d.in_complex).to_string(),
                d.rooms.to_string(),
                euros(d.rent_cents),
                yes_no(d.step_free).to_string(),
                yes_no(d.wheelchair).to_string(),
                d.age_label.dutch().to_string(),
                d.min_household.to_string(),
                d.max_household.to_string(),
                dutch_date(d.available_from),
            ]
        }),
    )
}

/// The associations with their criteria as a CSV for spreadsheets.
pub fn export_associations_csv(offer: &Offer) -> Vec<u8> {
    let headings: Vec<&str> = ASSOCIATION_COLUMNS.iter().map(|c| heading(*c)).collect();
    write_csv(
        &headings,
        offer.associations.iter().map(|a| {
            let c = &a.criteria;
            vec![
                a.id.clone(),
                a.name.clone(),
                a.working_area.join(" | "),
                c.accepted_contract_forms
                    .iter()
                    .map(|f| contract(*f))
                    .collect::<Vec<_>>()
                    .join(" | "),
                history(c.max_rent_arrears).to_string(),
                yes_no(c.arrears_requires_budget_management).to_string(),
                history(c.max_nuisance).to_string(),
                yes_no(c.nuisance_requires_safety_plan).to_string(),
                yes_no(c.relapse_plan_required).to_string(),
                decimal(c.min_support_hours),
                c.max_placements_per_neighbourhood
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                c.current_placements
                    .iter()
                    .map(|(n, k)| format!("{n}: {k}"))
                    .collect::<Vec<_>>()
                    .join(" | "),
                yes_no(a.example).to_string(),
            ]
        }),
    )
}

/// The offer as the two CSV files for spreadsheets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferCsvFiles {
    pub associations: Vec<u8>,
    pub dwellings: Vec<u8>,
}

/// `export_associations_csv` and `export_dwellings_csv` together.
pub fn export_csv(offer: &Offer) -> OfferCsvFiles {
    OfferCsvFiles {
        associations: export_associations_csv(offer),
        dwellings: export_dwellings_csv(offer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        let ok = [
            ("712,50", 71_250),
            ("712.50", 71_250),
            ("712,5", 71_250),
            ("€ 1.234,56", 123_456),
            ("1,234.56", 123_456),
            ("1.234", 123_400),
            ("1,234", 123_400),
            ("1.234.567", 123_456_700),
            ("712", 71_200),
            ("712,-", 71_200),
            ("€712", 71_200),
            ("EUR 712,00", 71_200),
            ("0", 0),
            ("1\u{A0}234,56", 123_456),
            // One separator with exactly three digits after it groups thousands.
            ("712,505", 71_250_500),
        ];
        for (s, want) in ok {
            assert_eq!(parse_amount_cents(s), Some(want), "{s}");
        }
        for s in [
            "",
            "€",
            "abc",
            "-5",
            "12,345,6",
            "1.23.4",
            "1.2345",
            "1,2,3.4.5",
            "7 1 2x",
            "99999999999",
            ",5",
            "1.234,5.6",
        ] {
            assert_eq!(parse_amount_cents(s), None, "{s}");
        }
    }

    #[test]
    fn decimals_and_yes_no() {
        assert_eq!(parse_decimal("2,5"), Some(2.5));
        assert_eq!(parse_decimal("2.5"), Some(2.5));
        assert_eq!(parse_decimal("1,234"), Some(1.234));
        assert_eq!(parse_decimal("4"), Some(4.0));
        assert_eq!(parse_decimal("1.2.3"), None);
        assert_eq!(parse_decimal(","), None);
        assert_eq!(parse_decimal("-1"), None);
        for y in ["ja", "J", "x", "1", "Waar", "yes", "TRUE"] {
            assert_eq!(parse_yes_no(y), Some(true), "{y}");
        }
        for n in ["nee", "N", "0", "onwaar", "no", "false"] {
            assert_eq!(parse_yes_no(n), Some(false), "{n}");
        }
        assert_eq!(parse_yes_no("misschien"), None);
    }

    #[test]
    fn windows_1252_table() {
        assert_eq!(
            decode_windows_1252(&[0x80, 0xEB, 0xE9, 0x92, 0x81]),
            "€ëé’\u{FFFD}"
        );
    }

    #[test]
    fn placements_text() {
        let m = parse_placements("Blerick: 2 | Tegelen=1").unwrap();
        assert_eq!(m.get("Blerick"), Some(&2));
        assert_eq!(m.get("Tegelen"), Some(&1));
        let m = parse_placements("Blerick: 2, Tegelen: 1").unwrap();
        assert_eq!(m.len(), 2);
        let m = parse_placements("Kapel, Oost: 3").unwrap();
        assert_eq!(m.get("Kapel, Oost"), Some(&3));
        assert!(parse_placements("Blerick").is_none());
        assert!(parse_placements("Blerick: twee").is_none());
    }

    #[test]
    fn separators() {
        assert_eq!(detect_separator("a;b;c"), Some(b';'));
        assert_eq!(detect_separator("a,b,c"), Some(b','));
        assert_eq!(detect_separator("\"a,b\";c"), Some(b';'));
        assert_eq!(detect_separator("a\tb"), Some(b'\t'));
        assert_eq!(detect_separator("abc"), None);
    }
}
