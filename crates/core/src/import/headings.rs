//! The columns of each CSV (accepted headings, requirement, meaning, format, example), the
//! templates made from them, and recognising which kind of file it is.

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

/// One column of an offer CSV: how the importer recognises it and what the import screen,
/// the template and docs/IMPORT.md say about it. This table is the one list of columns; the
/// importer, the export, the template and the screen all read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvColumn {
    pub(super) col: Col,
    /// The heading written on export and in the template, and used in messages.
    pub heading: &'static str,
    /// Every heading the importer accepts for this column, compared in `text::squash` form.
    pub keys: &'static [&'static str],
    /// A file without this column is refused.
    pub required: bool,
    /// What the column holds, in Dutch.
    pub meaning: &'static str,
    /// How a cell is written, and what an empty cell means, in Dutch.
    pub format: &'static str,
    /// The template's example cell.
    pub example: &'static str,
}

impl CsvColumn {
    /// "verplicht" or "niet verplicht", for the import screen.
    pub fn requirement(&self) -> &'static str {
        if self.required {
            "verplicht"
        } else {
            "niet verplicht"
        }
    }
}

/// The two kinds of CSV file, in the order the import screen names them.
pub const CSV_KINDS: [ImportKind; 2] = [ImportKind::Associations, ImportKind::Dwellings];

/// The columns of one kind of CSV file in the order the export writes them; none for JSON.
pub fn csv_columns(kind: ImportKind) -> &'static [CsvColumn] {
    match kind {
        ImportKind::Dwellings => DWELLING_COLUMNS,
        ImportKind::Associations => ASSOCIATION_COLUMNS,
        ImportKind::Json => &[],
    }
}

/// A template for one kind of CSV file: the header row and one example row, in the export's
/// format (`;`, UTF-8 with BOM), so it opens in a spreadsheet and reads back without errors.
/// None for JSON.
pub fn csv_template(kind: ImportKind) -> Option<Vec<u8>> {
    let columns = csv_columns(kind);
    if columns.is_empty() {
        return None;
    }
    let headings: Vec<&str> = columns.iter().map(|c| c.heading).collect();
    let example: Vec<String> = columns.iter().map(|c| c.example.to_string()).collect();
    Some(write_csv(&headings, std::iter::once(example)))
}

pub(super) const DWELLING_COLUMNS: &[CsvColumn] = &[
    CsvColumn {
        col: Col::Id,
        heading: "Woning-id",
        keys: &[
            "id",
            "woningid",
            "woningnummer",
            "woningcode",
            "code",
            "vhe",
            "vhenummer",
        ],
        required: true,
        meaning: "Nummer of code van de woning",
        format: "tekst, uniek in het bestand",
        example: "VB-00001",
    },
    CsvColumn {
        col: Col::Association,
        heading: "Corporatie",
        keys: &[
            "corporatie",
            "corporatieid",
            "woningcorporatie",
            "verhuurder",
            "eigenaar",
        ],
        required: true,
        meaning: "De corporatie die de woning verhuurt",
        format: "id of precieze naam van de corporatie",
        example: "vb-maasdal",
    },
    CsvColumn {
        col: Col::Gemeente,
        heading: "Gemeente",
        keys: &["gemeente"],
        required: true,
        meaning: "Gemeente waarin de woning ligt",
        format: "een van de vijftien deelnemende gemeenten",
        example: "Venlo",
    },
    CsvColumn {
        col: Col::Neighbourhood,
        heading: "Wijk",
        keys: &[
            "wijk",
            "buurt",
            "kern",
            "wijkbuurt",
            "wijkofbuurt",
            "woonwijk",
        ],
        required: true,
        meaning: "Wijk, buurt of kern",
        format: "tekst, zonder |",
        example: "Blerick",
    },
    CsvColumn {
        col: Col::Type,
        heading: "Woningtype",
        keys: &["type", "woningtype", "soort", "soortwoning", "typewoning"],
        required: true,
        meaning: "Soort woning",
        format: "studio, appartement, benedenwoning, eengezinswoning of clusterwoning",
        example: "appartement",
    },
    CsvColumn {
        col: Col::InComplex,
        heading: "In complex",
        keys: &["incomplex", "complex", "wooncomplex", "inwooncomplex"],
        required: false,
        meaning: "Of de woning in een wooncomplex ligt",
        format: "ja of nee; leeg is nee",
        example: "ja",
    },
    CsvColumn {
        col: Col::Rooms,
        heading: "Kamers",
        keys: &["kamers", "aantalkamers", "kamer", "aantalkamer"],
        required: true,
        meaning: "Aantal kamers",
        format: "heel getal van 1 tot en met 20",
        example: "2",
    },
    CsvColumn {
        col: Col::Rent,
        heading: "Netto huur",
        keys: &[
            "huur",
            "nettohuur",
            "kalehuur",
            "huurprijs",
            "nettohuurprijs",
            "kalehuurprijs",
            "huurbedrag",
            "maandhuur",
        ],
        required: true,
        meaning: "Kale huur per maand",
        format: "bedrag in euro, decimale komma",
        example: "612,50",
    },
    CsvColumn {
        col: Col::StepFree,
        heading: "Traploos",
        keys: &[
            "traploos",
            "gelijkvloers",
            "traplooswoning",
            "traplozewoning",
            "nultredenwoning",
            "nultreden",
        ],
        required: false,
        meaning: "Of de woning zonder traplopen bereikbaar is",
        format: "ja of nee; leeg is nee",
        example: "ja",
    },
    CsvColumn {
        col: Col::Wheelchair,
        heading: "Rolstoeltoegankelijk",
        keys: &["rolstoel", "rolstoeltoegankelijk", "rolstoelwoning"],
        required: false,
        meaning: "Of de woning geschikt is voor een rolstoel",
        format: "ja of nee; leeg is nee",
        example: "nee",
    },
    CsvColumn {
        col: Col::Label,
        heading: "Leeftijdslabel",
        keys: &["label", "leeftijdslabel", "leeftijdlabel", "doelgroep"],
        required: false,
        meaning: "Leeftijdsgrens van de woning",
        format: "geen, jongeren (18-27) of 55+; leeg is geen",
        example: "geen",
    },
    CsvColumn {
        col: Col::MinHousehold,
        heading: "Min huishouden",
        keys: &[
            "minhuishouden",
            "minimaalhuishouden",
            "minhuishoudgrootte",
            "minimalehuishoudgrootte",
            "minpersonen",
            "minaantalpersonen",
        ],
        required: false,
        meaning: "Kleinste huishouden, in personen",
        format: "heel getal van 1 tot en met 12; leeg is 1",
        example: "1",
    },
    CsvColumn {
        col: Col::MaxHousehold,
        heading: "Max huishouden",
        keys: &[
            "maxhuishouden",
            "maximaalhuishouden",
            "maxhuishoudgrootte",
            "maximalehuishoudgrootte",
            "maxpersonen",
            "maxaantalpersonen",
        ],
        required: false,
        meaning: "Grootste huishouden, in personen",
        format: "heel getal van 1 tot en met 12, niet onder het minimum; leeg is 12",
        example: "2",
    },
    CsvColumn {
        col: Col::AvailableFrom,
        heading: "Beschikbaar per",
        keys: &[
            "beschikbaarper",
            "beschikbaarvanaf",
            "beschikbaar",
            "datumbeschikbaar",
            "beschikbaarop",
            "opleverdatum",
            "ingangsdatum",
        ],
        required: true,
        meaning: "Datum waarop de woning vrijkomt",
        format: "dd-mm-jjjj of jjjj-mm-dd",
        example: "01-03-2026",
    },
];

pub(super) const ASSOCIATION_COLUMNS: &[CsvColumn] = &[
    CsvColumn {
        col: Col::AssocId,
        heading: "Corporatie-id",
        keys: &["id", "corporatieid", "code", "corporatiecode"],
        required: true,
        meaning: "Code van de corporatie, waarmee woningen naar haar verwijzen",
        format: "tekst, uniek in het bestand",
        example: "vb-maasdal",
    },
    CsvColumn {
        col: Col::Name,
        heading: "Naam",
        keys: &[
            "naam",
            "corporatie",
            "corporatienaam",
            "naamcorporatie",
            "woningcorporatie",
        ],
        required: true,
        meaning: "Naam van de corporatie",
        format: "tekst",
        example: "Voorbeeld Woonstichting Maasdal",
    },
    CsvColumn {
        col: Col::WorkingArea,
        heading: "Werkgebied",
        keys: &["werkgebied", "gemeenten", "werkgebiedgemeenten"],
        required: true,
        meaning: "Gemeenten waar de corporatie verhuurt",
        format: "gemeenten, gescheiden door |",
        example: "Venlo | Beesel | Peel en Maas",
    },
    CsvColumn {
        col: Col::ContractForms,
        heading: "Contractvormen",
        keys: &[
            "contractvormen",
            "contractvorm",
            "geaccepteerdecontractvormen",
            "huurvormen",
        ],
        required: true,
        meaning: "Huurvormen die de corporatie accepteert",
        format: "regulier, zorgovereenkomst en zorgaanbieder, gescheiden door |",
        example: "regulier | zorgovereenkomst",
    },
    CsvColumn {
        col: Col::MaxArrears,
        heading: "Max huurachterstand",
        keys: &[
            "maxhuurachterstand",
            "huurachterstand",
            "maximalehuurachterstand",
        ],
        required: true,
        meaning: "Zwaarste huurachterstand die nog wordt geaccepteerd",
        format: "geen, opgelost of actueel",
        example: "opgelost",
    },
    CsvColumn {
        col: Col::ArrearsBudget,
        heading: "Bewindvoering vereist bij huurachterstand",
        keys: &[
            "bewindvoeringvereistbijhuurachterstand",
            "bewindvoeringvereist",
            "bewindvoering",
            "budgetbeheervereist",
            "budgetbeheer",
        ],
        required: true,
        meaning: "Of bij een huurachterstand bewindvoering nodig is",
        format: "ja of nee; leeg is een fout",
        example: "ja",
    },
    CsvColumn {
        col: Col::MaxNuisance,
        heading: "Max overlast",
        keys: &["maxoverlast", "overlast", "maximaleoverlast"],
        required: true,
        meaning: "Zwaarste overlast die nog wordt geaccepteerd",
        format: "geen, opgelost of actueel",
        example: "opgelost",
    },
    CsvColumn {
        col: Col::NuisancePlan,
        heading: "Veiligheidsplan vereist bij overlast",
        keys: &[
            "veiligheidsplanvereistbijoverlast",
            "veiligheidsplanvereist",
            "veiligheidsplan",
        ],
        required: true,
        meaning: "Of bij overlast een veiligheidsplan nodig is",
        format: "ja of nee; leeg is een fout",
        example: "ja",
    },
    CsvColumn {
        col: Col::RelapsePlan,
        heading: "Terugvalplan vereist",
        keys: &["terugvalplanvereist", "terugvalplan"],
        required: true,
        meaning: "Of een terugvalplan nodig is",
        format: "ja of nee; leeg is een fout",
        example: "ja",
    },
    CsvColumn {
        col: Col::MinSupport,
        heading: "Min uren ondersteuning",
        keys: &[
            "minurenondersteuning",
            "minimaleurenondersteuning",
            "minondersteuning",
            "minimaleondersteuning",
            "urenondersteuning",
            "ondersteuninguren",
            "ondersteuningsuren",
            "minurenbegeleiding",
            "minurenperweek",
        ],
        required: true,
        meaning: "Minimale begeleiding, in uren per week",
        format: "getal van 0 tot en met 168, decimale komma",
        example: "2,5",
    },
    CsvColumn {
        col: Col::MaxPlacements,
        heading: "Max plaatsingen per wijk",
        keys: &[
            "maxplaatsingenperwijk",
            "maxplaatsingen",
            "maximumplaatsingen",
            "plaatsingsmaximum",
        ],
        required: false,
        meaning: "Hoogste aantal plaatsingen per wijk",
        format: "heel getal vanaf 1; leeg is geen maximum",
        example: "3",
    },
    CsvColumn {
        col: Col::Placements,
        heading: "Huidige plaatsingen",
        keys: &["huidigeplaatsingen", "plaatsingen", "plaatsingenperwijk"],
        required: false,
        meaning: "Plaatsingen die er nu per wijk zijn",
        format: "wijk: aantal, gescheiden door |; leeg is geen",
        example: "Blerick: 2 | Venlo-Oost: 3",
    },
    CsvColumn {
        col: Col::Example,
        heading: "Voorbeeld",
        keys: &["voorbeeld"],
        required: false,
        meaning: "Of de corporatie verzonnen voorbeeldgegevens is",
        format: "ja of nee; leeg is nee",
        example: "ja",
    },
];

/// The heading written on export, also used in messages about a missing column.
pub(super) fn heading(col: Col) -> &'static str {
    DWELLING_COLUMNS
        .iter()
        .chain(ASSOCIATION_COLUMNS)
        .find(|c| c.col == col)
        .map_or("", |c| c.heading)
}

pub(super) fn lookup(table: &[CsvColumn], folded: &str) -> Option<Col> {
    table
        .iter()
        .find(|c| c.keys.contains(&folded))
        .map(|c| c.col)
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
    let count = |table: &[CsvColumn], only: &[Col]| {
        folded
            .iter()
            .filter(|h| lookup(table, h).is_some_and(|c| only.contains(&c)))
            .count()
    };
    let d = count(DWELLING_COLUMNS, &dwelling_only);
    let a = count(ASSOCIATION_COLUMNS, &association_only);
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
