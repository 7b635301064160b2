//! Writing the offer as the CSV files the importer reads back.

use super::*;

pub(super) fn euros(cents: u32) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

pub(super) fn decimal(v: f64) -> String {
    // Display gives the shortest text that reads back to the same number.
    format!("{v}").replace('.', ",")
}

/// The CSV format's yes/no (what the importer reads back), not a screen label.
pub(super) fn yes_no(b: bool) -> &'static str {
    if b { "ja" } else { "nee" }
}

pub(super) fn history(h: History) -> &'static str {
    match h {
        History::None => "geen",
        History::Resolved => "opgelost",
        History::Current => "actueel",
    }
}

pub(super) fn contract(c: ContractForm) -> &'static str {
    match c {
        ContractForm::RegularLease => "regulier",
        ContractForm::LeaseWithCareAgreement => "zorgovereenkomst",
        ContractForm::LeaseInCareProviderName => "zorgaanbieder",
    }
}

pub(super) fn write_csv(headings: &[&str], rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
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
    let headings: Vec<&str> = DWELLING_COLUMNS.iter().map(|c| c.heading).collect();
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
                crate::vocab::date(d.available_from),
            ]
        }),
    )
}

/// The associations with their criteria as a CSV for spreadsheets.
pub fn export_associations_csv(offer: &Offer) -> Vec<u8> {
    let headings: Vec<&str> = ASSOCIATION_COLUMNS.iter().map(|c| c.heading).collect();
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
