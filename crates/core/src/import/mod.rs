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
use crate::vocab::Dutch;
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct RowError {
    pub line: usize,
    pub column: Option<String>,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
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

pub(super) fn file_error(code: &'static str, message: impl Into<String>) -> Error {
    Error::new(code, message)
}

mod csv_export;
mod csv_import;
mod decode;
mod headings;
mod json;
mod values;

pub use csv_export::*;
pub use csv_import::*;
pub use decode::*;
use headings::*;
pub use headings::{CSV_KINDS, CsvColumn, csv_columns, csv_template};
pub use json::*;
pub use values::*;

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
