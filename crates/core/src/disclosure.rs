//! The disclosure log (verstrekkingenlog): what was shared, with whom, when, on which grondslag.
//!
//! An entry names categories, codes and the bundle id, never a name or a BSN: the log is kept
//! with the dossiers, shown to the resident and exported, so it must itself be safe to show.

use crate::bundle::WrittenBundle;
use crate::vocab::Dutch;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DisclosureKind {
    /// Step 5: a coded profile bundle to a housing association.
    CodedBundle,
    /// Step 6: the identified hand-over to the one association whose match was accepted.
    Handover,
    /// Step 5: an association's reply to a bundle came in (what it answered, by code).
    ReplyReceived,
    /// A transfer to the next party (aanmelding, overdracht), sealed to its key.
    TransferSent,
    /// A transfer from the previous party came in and was taken over.
    TransferReceived,
    /// The resident withdrew consent; the case was erased (`withdrawal`).
    ConsentWithdrawn,
    /// Data received for a step was erased once its purpose was served (an association's
    /// huurgegevens after the lease, `Workspace::erase_huurgegevens`).
    Erased,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct DisclosureEntry {
    /// ISO date-time, passed in (the core has no clock).
    pub at: String,
    /// Step of the work process (5 for a bundle, 6 for the hand-over).
    pub step: u8,
    pub recipient_id: String,
    pub recipient_name: String,
    /// Dutch names of the data categories disclosed.
    pub categories: Vec<String>,
    pub grondslag: String,
    /// The bundle id (hex) or, for a hand-over, the id of that hand-over.
    pub bundle_id: String,
    /// The codes of the residents concerned, as the recipient knows them.
    pub codes: Vec<String>,
    pub kind: DisclosureKind,
    /// Which envelope carried it, so a timeline can tell a koppeling from huurgegevens (both
    /// step 6). Absent in entries logged before this was recorded, and for the old hand-over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<crate::envelope::MessageType>,
}

impl DisclosureKind {
    /// Whether the entry records data of the resident going out (a reply coming in does not).
    pub fn discloses(self) -> bool {
        !matches!(
            self,
            DisclosureKind::ReplyReceived
                | DisclosureKind::TransferReceived
                | DisclosureKind::ConsentWithdrawn
                | DisclosureKind::Erased
        )
    }
}

/// The grondslag of step 5 in the processing register.
pub const STEP_5_GRONDSLAG: &str = "Wmo";

/// The log entry for a bundle that was offered for download.
pub fn entries_for_bundle(written: &WrittenBundle, at: &str) -> DisclosureEntry {
    let mut categories: Vec<String> = written
        .categories
        .iter()
        .map(|c| c.dutch().to_string())
        .collect();
    if written.includes_relapse_plan {
        categories.push("Terugvalafspraken".to_string());
    }
    DisclosureEntry {
        at: at.to_string(),
        step: 5,
        recipient_id: written.recipient_id.clone(),
        recipient_name: written.recipient_name.clone(),
        categories,
        grondslag: STEP_5_GRONDSLAG.to_string(),
        bundle_id: written.bundle_id_hex.clone(),
        // Sorted: the log lists what went out, not the order the coordinator picked cases in.
        codes: {
            let mut codes: Vec<String> = written.codes.iter().map(ToString::to_string).collect();
            codes.sort();
            codes
        },
        kind: DisclosureKind::CodedBundle,
        message: Some(crate::envelope::MessageType::Bundel),
    }
}

const HEADINGS: [&str; 8] = [
    "Datum-tijd",
    "Stap",
    "Ontvanger",
    "Categorieën",
    "Grondslag",
    "Bundel-id",
    "Codes",
    "Soort",
];

/// One CSV cell: quoted when it holds a separator, quote or line break. A cell that a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`: the log
/// must open as text, never as something that executes.
fn cell(s: &str) -> String {
    let neutral = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if neutral.contains([';', '"', '\n', '\r']) || neutral != neutral.trim() {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// The log as a CSV file for a Dutch spreadsheet: UTF-8 with BOM (so Excel reads the é), `;` as
/// separator, CRLF line ends, Dutch headings.
pub fn to_csv(entries: &[DisclosureEntry]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADINGS.join(";"));
    out.push_str("\r\n");
    for e in entries {
        let recipient = if e.recipient_name.is_empty() {
            e.recipient_id.clone()
        } else {
            format!("{} ({})", e.recipient_name, e.recipient_id)
        };
        let row = [
            cell(&e.at),
            cell(&e.step.to_string()),
            cell(&recipient),
            cell(&e.categories.join(", ")),
            cell(&e.grondslag),
            cell(&e.bundle_id),
            cell(&e.codes.join(", ")),
            cell(e.kind.dutch()),
        ];
        out.push_str(&row.join(";"));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry() -> DisclosureEntry {
        DisclosureEntry {
            at: "2026-11-28T10:15:00+01:00".into(),
            step: 5,
            recipient_id: "wonen-limburg".into(),
            recipient_name: "Wonen Limburg".into(),
            categories: vec!["Geslacht".into(), "Financiën / schulden".into()],
            grondslag: "Wmo".into(),
            bundle_id: "00112233445566778899aabbccddeeff".into(),
            codes: vec!["WK-W68Q9-NRZH0-6".into(), "WK-5X8TR-G307G-6".into()],
            kind: DisclosureKind::CodedBundle,
            message: None,
        }
    }

    #[test]
    fn csv_has_bom_headings_and_rows() {
        let csv = to_csv(&[entry()]);
        assert!(csv.starts_with(
            "\u{feff}Datum-tijd;Stap;Ontvanger;Categorieën;Grondslag;Bundel-id;Codes;Soort\r\n"
        ));
        let row = csv.lines().nth(1).unwrap();
        assert_eq!(
            row,
            "2026-11-28T10:15:00+01:00;5;Wonen Limburg (wonen-limburg);Geslacht, Financiën / schulden;Wmo;00112233445566778899aabbccddeeff;WK-W68Q9-NRZH0-6, WK-5X8TR-G307G-6;Gecodeerde profielbundel"
        );
    }

    #[test]
    fn csv_quotes_and_neutralises() {
        let mut e = entry();
        e.recipient_name = "Wonen; \"Zuid\"".into();
        e.grondslag = "=HYPERLINK(\"x\")".into();
        let csv = to_csv(&[e]);
        let row = csv.split("\r\n").nth(1).unwrap();
        assert!(
            row.contains("\"Wonen; \"\"Zuid\"\" (wonen-limburg)\""),
            "{row}"
        );
        assert!(row.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{row}");
        assert_eq!(cell("a\nb"), "\"a\nb\"");
        assert_eq!(cell(" x"), "\" x\"");
        assert_eq!(cell("-1"), "'-1");
    }
}
