//! The CSV templates the import screen offers, the round trip of the sample offer through both
//! formats, and docs/IMPORT.md against the columns the importer accepts: the doc is read here,
//! so a column added, renamed or made optional in `import/headings.rs` fails this test until the
//! doc says so too.

use std::collections::BTreeSet;
use woonkans_core::import::{
    CSV_KINDS, ImportKind, csv_columns, csv_template, export_associations_csv,
    export_dwellings_csv, export_json, import_csv, import_json,
};
use woonkans_core::offer::{MergeMode, Offer};
use woonkans_core::sample::sample_offer;
use woonkans_core::text::squash;

const DOC: &str = include_str!("../../../docs/IMPORT.md");

#[test]
fn templates_read_back_without_errors() {
    let mut offer = Offer::default();
    for kind in CSV_KINDS {
        let bytes = csv_template(kind).expect("a CSV kind has a template");
        assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 with BOM");
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 2, "a header row and one example row: {text}");
        let report = import_csv(&bytes).expect("the template is read");
        assert_eq!(report.kind, kind);
        assert!(report.errors.is_empty(), "{kind:?}: {:?}", report.errors);
        assert!(report.ignored_columns.is_empty(), "{kind:?}");
        assert_eq!(report.accepted_rows, 1);
        offer = offer
            .merge(&report.offer_part, MergeMode::AddAndUpdate)
            .expect("the two templates make a valid offer together")
            .0;
    }
    // The example dwelling belongs to the example association.
    assert_eq!(offer.associations.len(), 1);
    assert_eq!(offer.dwellings.len(), 1);
    assert_eq!(offer.dwellings[0].association_id, offer.associations[0].id);
    assert!(
        offer.associations[0].example,
        "the template marks itself as invented"
    );
    assert_eq!(csv_template(ImportKind::Json), None);
}

#[test]
fn sample_offer_round_trips_through_csv_and_json() {
    let offer = sample_offer();
    assert!(!offer.associations.is_empty() && !offer.dwellings.is_empty());

    let associations = import_csv(&export_associations_csv(&offer)).unwrap();
    let dwellings = import_csv(&export_dwellings_csv(&offer)).unwrap();
    assert!(associations.errors.is_empty() && dwellings.errors.is_empty());
    let from_csv = Offer::default()
        .merge(&associations.offer_part, MergeMode::AddAndUpdate)
        .unwrap()
        .0
        .merge(&dwellings.offer_part, MergeMode::AddAndUpdate)
        .unwrap()
        .0;
    assert_eq!(from_csv.associations, offer.associations);
    assert_eq!(from_csv.dwellings, offer.dwellings);

    let json = import_json(&export_json(&offer)).unwrap();
    assert!(json.errors.is_empty());
    assert_eq!(json.offer_part.associations, offer.associations);
    assert_eq!(json.offer_part.dwellings, offer.dwellings);
}

/// A column as docs/IMPORT.md describes it.
#[derive(Debug)]
struct DocColumn {
    heading: String,
    also: Vec<String>,
    required: bool,
    example: String,
}

/// The rows of the first table after `section` (a `###` heading), split on unescaped `|`.
fn doc_table(section: &str) -> Vec<Vec<String>> {
    let at = DOC
        .find(&format!("\n### {section}\n"))
        .unwrap_or_else(|| panic!("docs/IMPORT.md has no section {section}"));
    DOC[at..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.replace("\\|", "\u{0}")
                .trim()
                .trim_matches('|')
                .split('|')
                .map(|c| c.replace('\u{0}', "|").trim().trim_matches('`').to_string())
                .collect()
        })
        .collect()
}

fn doc_columns(section: &str) -> Vec<DocColumn> {
    doc_table(section)
        .into_iter()
        .map(|cells| {
            assert_eq!(
                cells.len(),
                6,
                "column | also accepted | required | meaning | format | example: {cells:?}"
            );
            DocColumn {
                heading: cells[0].clone(),
                also: cells[1]
                    .split(", ")
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect(),
                required: cells[2].starts_with("yes"),
                example: cells[5].clone(),
            }
        })
        .collect()
}

#[test]
fn import_doc_lists_exactly_the_accepted_columns() {
    for (kind, section) in [
        (ImportKind::Dwellings, "Dwellings"),
        (ImportKind::Associations, "Associations and their criteria"),
    ] {
        let doc = doc_columns(section);
        let core = csv_columns(kind);
        let doc_headings: Vec<&str> = doc.iter().map(|c| c.heading.as_str()).collect();
        let core_headings: Vec<&str> = core.iter().map(|c| c.heading).collect();
        assert_eq!(
            doc_headings, core_headings,
            "{section}: columns and their order"
        );
        for (d, c) in doc.iter().zip(core) {
            let written: BTreeSet<String> = std::iter::once(&d.heading)
                .chain(&d.also)
                .map(|h| squash(h))
                .collect();
            let accepted: BTreeSet<String> = c.keys.iter().map(|k| k.to_string()).collect();
            assert_eq!(
                written, accepted,
                "{section}: headings accepted for {}",
                c.heading
            );
            assert_eq!(
                d.required, c.required,
                "{section}: is {} required",
                c.heading
            );
            assert_eq!(d.example, c.example, "{section}: example of {}", c.heading);
        }
    }
}

/// The JSON Schema of docs/IMPORT.md.
fn doc_schema() -> serde_json::Value {
    let at = DOC
        .find("\n### JSON Schema\n")
        .expect("docs/IMPORT.md has a JSON Schema");
    let block = &DOC[at..];
    let start = block.find("```json\n").expect("the schema block") + "```json\n".len();
    let end = start + block[start..].find("\n```").expect("the schema block ends");
    serde_json::from_str(&block[start..end]).expect("the schema is JSON")
}

fn keys(v: &serde_json::Value) -> BTreeSet<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

fn strings(v: &serde_json::Value) -> BTreeSet<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn import_doc_schema_names_exactly_the_exported_fields() {
    let schema = doc_schema();
    let mut offer = sample_offer();
    // Every optional field present, so the export writes each one.
    offer.associations[0].example = true;
    offer.associations[0]
        .criteria
        .max_placements_per_neighbourhood = Some(2);
    offer.associations[0]
        .criteria
        .current_placements
        .insert("Blerick".into(), 1);
    let exported: serde_json::Value = serde_json::from_str(&export_json(&offer)).unwrap();
    let association = &exported["associations"][0];
    for (name, def, object) in [
        ("offer", &schema, &exported),
        ("association", &schema["$defs"]["association"], association),
        (
            "criteria",
            &schema["$defs"]["criteria"],
            &association["criteria"],
        ),
        (
            "dwelling",
            &schema["$defs"]["dwelling"],
            &exported["dwellings"][0],
        ),
    ] {
        assert_eq!(keys(&def["properties"]), keys(object), "{name}: fields");
        let required = strings(&def["required"]);
        assert!(
            required.is_subset(&keys(object)),
            "{name}: required fields are written"
        );
    }
}
