//! Before an import: the size check, the preview of what merging or replacing would do, and
//! the summary after.

use super::*;

/// Refuses a file by its size before it is read (a huge file would be read into memory first),
/// with the same code and message as the import itself.
pub fn check_import_size(size: f64) -> Result<()> {
    if size > import::MAX_BYTES as f64 {
        return Err(Error::new(
            "IMPORT_TOO_LARGE",
            "Het bestand is te groot (meer dan 50 MB).",
        ));
    }
    Ok(())
}

/// What each merge choice would do with an import, computed before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    pub add_and_update: Result<MergeSummary>,
    pub replace: Result<MergeSummary>,
}

pub fn import_preview(current: &Offer, report: &ImportReport) -> ImportPreview {
    let summary = |mode| current.merge(&report.offer_part, mode).map(|(_, s)| s);
    ImportPreview {
        add_and_update: summary(MergeMode::AddAndUpdate),
        replace: summary(MergeMode::Replace),
    }
}

fn counts_text(what: &str, c: &MergeCounts) -> String {
    let mut s = format!(
        "{what}: {} toegevoegd, {} bijgewerkt, {} ongewijzigd",
        c.added, c.updated, c.unchanged
    );
    if c.removed > 0 {
        s.push_str(&format!(", {} verwijderd", c.removed));
    }
    s
}

/// The merge summary in Dutch: one line for the associations, one for the dwellings.
pub fn merge_summary_lines(s: &MergeSummary) -> [String; 2] {
    [
        counts_text("Corporaties", &s.associations),
        counts_text("Woningen", &s.dwellings),
    ]
}
