//! The offer as a file to download (JSON, or CSV in the import's own format).

use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Json,
    DwellingsCsv,
    AssociationsCsv,
}

/// A file to download: a name without personal data, the bytes and the MIME type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub mime: &'static str,
}

pub fn export(offer: &Offer, kind: ExportKind, today: Date) -> ExportFile {
    let day = today.iso();
    match kind {
        ExportKind::Json => ExportFile {
            file_name: format!("woonkans-aanbod-{day}.json"),
            bytes: import::export_json(offer).into_bytes(),
            mime: "application/json",
        },
        ExportKind::DwellingsCsv => ExportFile {
            file_name: format!("woonkans-woningen-{day}.csv"),
            bytes: import::export_dwellings_csv(offer),
            mime: "text/csv;charset=utf-8",
        },
        ExportKind::AssociationsCsv => ExportFile {
            file_name: format!("woonkans-corporaties-{day}.csv"),
            bytes: import::export_associations_csv(offer),
            mime: "text/csv;charset=utf-8",
        },
    }
}
