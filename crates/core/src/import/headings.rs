//! The accepted column headings of each CSV, and recognising which kind of file it is.

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Col {
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

pub(super) const COLUMN_COUNT: usize = Col::Example as usize + 1;
/// Column index in the file per `Col`.
pub(super) type Columns = [Option<usize>; COLUMN_COUNT];

pub(super) const DWELLING_HEADINGS: &[(Col, &[&str])] = &[
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

pub(super) const ASSOCIATION_HEADINGS: &[(Col, &[&str])] = &[
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
pub(super) fn heading(col: Col) -> &'static str {
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

pub(super) const DWELLING_COLUMNS: [Col; 14] = [
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
pub(super) const DWELLING_REQUIRED: [Col; 8] = [
    Col::Id,
    Col::Association,
    Col::Gemeente,
    Col::Neighbourhood,
    Col::Type,
    Col::Rooms,
    Col::Rent,
    Col::AvailableFrom,
];
pub(super) const ASSOCIATION_COLUMNS: [Col; 13] = [
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
pub(super) const ASSOCIATION_REQUIRED: [Col; 10] = [
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

pub(super) fn lookup(table: &[(Col, &[&str])], folded: &str) -> Option<Col> {
    table
        .iter()
        .find(|(_, names)| names.contains(&folded))
        .map(|(c, _)| *c)
}

/// Which kind of CSV a header row is, by the columns only one kind has.
pub(super) fn detect_kind(folded: &[String]) -> Option<ImportKind> {
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
pub(super) fn detect_separator(line: &str) -> Option<u8> {
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
