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

/// The template of one kind of CSV file (its header row and one example row) as a file to
/// download; none for JSON. The name carries no date: a template does not change with the offer.
pub fn template_file(kind: ImportKind) -> Option<ExportFile> {
    let (name, bytes) = match kind {
        ImportKind::Dwellings => (
            "woonkans-sjabloon-woningen.csv",
            import::csv_template(kind)?,
        ),
        ImportKind::Associations => (
            "woonkans-sjabloon-corporaties.csv",
            import::csv_template(kind)?,
        ),
        ImportKind::Json => return None,
    };
    Some(ExportFile {
        file_name: name.to_string(),
        bytes,
        mime: "text/csv;charset=utf-8",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_csv_files_the_import_reads() {
        for (kind, name) in [
            (ImportKind::Dwellings, "woonkans-sjabloon-woningen.csv"),
            (
                ImportKind::Associations,
                "woonkans-sjabloon-corporaties.csv",
            ),
        ] {
            let file = template_file(kind).expect("a CSV kind has a template");
            assert_eq!(file.file_name, name);
            assert_eq!(file.mime, "text/csv;charset=utf-8");
            let report = import::import_file(&file.bytes).expect("the template is read");
            assert_eq!(report.kind, kind);
            assert_eq!(report.accepted_rows, 1);
            assert!(report.errors.is_empty(), "{:?}", report.errors);
        }
        assert_eq!(template_file(ImportKind::Json), None);
    }
}
