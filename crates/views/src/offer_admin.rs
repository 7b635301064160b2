//! What the offer page (Aanbod & criteria) shows and how its forms become offer changes: Dutch
//! labels, euro and decimal formatting, dwelling filters and paging, export files, import
//! previews, and the edit forms for an association's criteria, a dwelling and the score weights.
//!
//! Every change goes through the offer's own validation ([`Offer::validate`]) and returns a new
//! offer; the loaded one is never touched, so a refused edit loses nothing. Error messages name
//! the field, never the value typed.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;
use woonkans_core::date::Date;
use woonkans_core::error::{Error, Result};
use woonkans_core::import::{self, ImportKind, ImportReport, parse_amount_cents, parse_decimal};
use woonkans_core::matching::{ComponentKind, Weights};
use woonkans_core::offer::{
    AgeLabel, Criteria, Dwelling, DwellingType, HousingAssociation, MergeCounts, MergeMode,
    MergeSummary, Offer,
};
use woonkans_core::profile::{ContractForm, History};
use woonkans_core::region::canonical_gemeente;
use woonkans_core::rentlimits::RentLimits;

/// Rows per page in the dwellings table.
pub const PAGE_SIZE: usize = 50;

// ---------------------------------------------------------------------------------------------
// Labels and numbers

/// The serde name of an enum value, used as the value of a select option.
pub fn key_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The enum value of a select option's value; `None` for anything else.
pub fn from_key<T: DeserializeOwned>(key: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(key.to_string())).ok()
}

pub fn contract_form_dutch(c: ContractForm) -> &'static str {
    match c {
        ContractForm::RegularLease => "gewone huurovereenkomst",
        ContractForm::LeaseWithCareAgreement => "huurovereenkomst met zorgovereenkomst",
        ContractForm::LeaseInCareProviderName => "huurovereenkomst op naam van de zorgaanbieder",
    }
}

pub const CONTRACT_FORMS: [ContractForm; 3] = [
    ContractForm::RegularLease,
    ContractForm::LeaseWithCareAgreement,
    ContractForm::LeaseInCareProviderName,
];

pub const HISTORIES: [History; 3] = [History::None, History::Resolved, History::Current];

pub fn history_dutch(h: History) -> &'static str {
    match h {
        History::None => "geen",
        History::Resolved => "opgelost",
        History::Current => "actueel",
    }
}

/// The label of a dwelling's age label in a table ("geen", "jongeren 18-27", "55+").
pub fn age_label_dutch(l: AgeLabel) -> &'static str {
    match l {
        AgeLabel::None => "geen",
        AgeLabel::YoungAdults => "jongeren (18-27)",
        AgeLabel::FiftyFivePlus => "55+",
    }
}

/// Groups thousands with a dot: 1234567 → "1.234.567".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Euro cents in the Dutch manner: "€ 1.234,56".
pub fn euro(cents: u32) -> String {
    format!("€ {},{:02}", grouped(u64::from(cents / 100)), cents % 100)
}

/// Whole euros in the Dutch manner: "€ 29.400".
pub fn whole_euros(euros: u32) -> String {
    format!("€ {}", grouped(u64::from(euros)))
}

/// A number with a decimal comma and at most `decimals` decimals, trailing zeros dropped:
/// 2.5 → "2,5", 2.0 → "2", 0.333 → "0,33" (two decimals).
pub fn decimal_comma(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let mut s = format!("{v:.decimals$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    s.replace('.', ",")
}

/// A date as the Dutch write it: "03-05-2027".
pub fn dutch_date(d: Date) -> String {
    format!("{:02}-{:02}-{:04}", d.day(), d.month(), d.year())
}

/// Short Dutch summary of an association's Woonkans criteria, one line per criterion.
pub fn criteria_summary(c: &Criteria) -> Vec<String> {
    let forms: Vec<&str> = c
        .accepted_contract_forms
        .iter()
        .map(|f| contract_form_dutch(*f))
        .collect();
    let arrears = match c.max_rent_arrears {
        History::None => "Huurachterstand in het verleden: niet geaccepteerd".to_string(),
        h => format!(
            "Huurachterstand: tot en met {}{}",
            history_dutch(h),
            if c.arrears_requires_budget_management {
                ", met bewindvoering"
            } else {
                ""
            }
        ),
    };
    let nuisance = match c.max_nuisance {
        History::None => "Overlast in het verleden: niet geaccepteerd".to_string(),
        h => format!(
            "Overlast: tot en met {}{}",
            history_dutch(h),
            if c.nuisance_requires_safety_plan {
                ", met veiligheidsplan"
            } else {
                ""
            }
        ),
    };
    let relapse = if c.relapse_plan_required {
        "Terugvalplan vereist"
    } else {
        "Terugvalplan niet vereist"
    };
    let support = if c.min_support_hours > 0.0 {
        format!(
            "Minimaal {} uur ondersteuning per week",
            decimal_comma(c.min_support_hours, 2)
        )
    } else {
        "Geen minimum aan ondersteuning".to_string()
    };
    let placements = match c.max_placements_per_neighbourhood {
        Some(m) => {
            let full = c
                .current_placements
                .keys()
                .filter(|k| c.placements_in(k) >= m)
                .count();
            let mut s = format!("Maximaal {m} Woonkans-plaatsing(en) per wijk");
            if full > 0 {
                s.push_str(&format!(" ({full} wijk(en) vol)"));
            }
            s
        }
        None => "Geen maximum aantal plaatsingen per wijk".to_string(),
    };
    vec![
        format!("Contractvormen: {}", forms.join(", ")),
        arrears,
        nuisance,
        relapse.to_string(),
        support,
        placements,
    ]
}

// ---------------------------------------------------------------------------------------------
// Filters and paging

/// The filters of the dwellings table; empty text and `None` mean "all".
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DwellingFilter {
    pub gemeente: String,
    pub dwelling_type: Option<DwellingType>,
    pub association_id: String,
    /// Only dwellings available on this date.
    pub available_on: Option<Date>,
}

impl DwellingFilter {
    pub fn matches(&self, d: &Dwelling) -> bool {
        (self.gemeente.is_empty() || d.gemeente == self.gemeente)
            && self.dwelling_type.is_none_or(|t| d.dwelling_type == t)
            && (self.association_id.is_empty() || d.association_id == self.association_id)
            && self.available_on.is_none_or(|on| d.available_from <= on)
    }
}

/// The dwellings that pass the filter, in offer order.
pub fn filter_dwellings<'a>(offer: &'a Offer, filter: &DwellingFilter) -> Vec<&'a Dwelling> {
    offer
        .dwellings
        .iter()
        .filter(|d| filter.matches(d))
        .collect()
}

/// One page of a list: the 0-based page actually shown (clamped), the number of pages (at
/// least 1) and the index range of its rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageSlice {
    pub page: usize,
    pub pages: usize,
    pub start: usize,
    pub end: usize,
}

pub fn page_slice(total: usize, page: usize, per_page: usize) -> PageSlice {
    let per_page = per_page.max(1);
    let pages = total.div_ceil(per_page).max(1);
    let page = page.min(pages - 1);
    let start = (page * per_page).min(total);
    let end = (start + per_page).min(total);
    PageSlice {
        page,
        pages,
        start,
        end,
    }
}

/// The gemeenten that occur in the offer's dwellings, in the order of the regions' lists.
pub fn gemeenten_in(offer: &Offer) -> Vec<&'static str> {
    woonkans_core::region::all_gemeenten()
        .filter(|g| offer.dwellings.iter().any(|d| d.gemeente == *g))
        .collect()
}

/// Number of dwellings per association id.
pub fn dwelling_counts(offer: &Offer) -> BTreeMap<&str, usize> {
    let mut counts = BTreeMap::new();
    for d in &offer.dwellings {
        *counts.entry(d.association_id.as_str()).or_insert(0) += 1;
    }
    counts
}

/// The association's name, or its id when it is not in the offer.
pub fn association_name<'a>(offer: &'a Offer, id: &'a str) -> &'a str {
    offer.association(id).map_or(id, |a| a.name.as_str())
}

// ---------------------------------------------------------------------------------------------
// Export

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

// ---------------------------------------------------------------------------------------------
// Import

pub fn import_kind_dutch(kind: ImportKind) -> &'static str {
    match kind {
        ImportKind::Json => "aanbod (JSON)",
        ImportKind::Dwellings => "woningen (CSV)",
        ImportKind::Associations => "corporaties met criteria (CSV)",
    }
}

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

// ---------------------------------------------------------------------------------------------
// Edit forms

/// A form error: the form field's key (the offer's camelCase field name) and a Dutch message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

fn field_error(field: &str, message: &str) -> FieldError {
    FieldError {
        field: field.into(),
        message: message.into(),
    }
}

/// The last name in a validation path: "woningen[3].minHousehold" → "minHousehold",
/// "corporaties[0].workingArea[2]" → "workingArea".
pub fn field_key(path: &str) -> String {
    let last = path.rsplit('.').next().unwrap_or(path);
    last.split('[').next().unwrap_or(last).to_string()
}

fn from_validation(e: Error) -> Vec<FieldError> {
    vec![FieldError {
        field: e.field.as_deref().map(field_key).unwrap_or_default(),
        message: e.message,
    }]
}

/// The association edit form, as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct CriteriaForm {
    pub name: String,
    pub working_area: Vec<String>,
    pub contract_forms: Vec<ContractForm>,
    pub max_rent_arrears: History,
    pub arrears_requires_budget_management: bool,
    pub max_nuisance: History,
    pub nuisance_requires_safety_plan: bool,
    pub relapse_plan_required: bool,
    pub min_support_hours: String,
    /// Empty for no maximum.
    pub max_placements: String,
    /// One neighbourhood a line: "Wijknaam: aantal".
    pub current_placements: String,
}

impl CriteriaForm {
    pub fn of(a: &HousingAssociation) -> CriteriaForm {
        let c = &a.criteria;
        CriteriaForm {
            name: a.name.clone(),
            working_area: a.working_area.clone(),
            contract_forms: c.accepted_contract_forms.clone(),
            max_rent_arrears: c.max_rent_arrears,
            arrears_requires_budget_management: c.arrears_requires_budget_management,
            max_nuisance: c.max_nuisance,
            nuisance_requires_safety_plan: c.nuisance_requires_safety_plan,
            relapse_plan_required: c.relapse_plan_required,
            min_support_hours: decimal_comma(c.min_support_hours, 2),
            max_placements: c
                .max_placements_per_neighbourhood
                .map(|m| m.to_string())
                .unwrap_or_default(),
            current_placements: c
                .current_placements
                .iter()
                .map(|(n, k)| format!("{n}: {k}"))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

fn parse_placements(text: &str) -> Option<BTreeMap<String, u32>> {
    let mut out: BTreeMap<String, u32> = BTreeMap::new();
    for line in text.split(['\n', ';']) {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (name, count) = line.rsplit_once(':')?;
        let name = name.trim();
        let count: u32 = count.trim().parse().ok()?;
        if name.is_empty() {
            return None;
        }
        let e = out.entry(name.to_string()).or_insert(0);
        *e = e.saturating_add(count);
    }
    Some(out)
}

/// The ticked values, in the order they had before the edit (a spreadsheet's order is the
/// coordinator's), with newly ticked ones after them in the order of the form; no duplicates.
fn keep_order<T: PartialEq + Clone, U: PartialEq<T> + Into<T> + Copy>(
    before: &[T],
    ticked: &[U],
) -> Vec<T> {
    let mut out: Vec<T> = before
        .iter()
        .filter(|b| ticked.iter().any(|t| *t == **b))
        .cloned()
        .collect();
    for t in ticked {
        if !out.iter().any(|o| *t == *o) {
            out.push((*t).into());
        }
    }
    out
}

/// The offer with association `id` changed as the form says, or every form error.
pub fn apply_criteria(
    offer: &Offer,
    id: &str,
    form: &CriteriaForm,
) -> std::result::Result<Offer, Vec<FieldError>> {
    let Some(index) = offer.associations.iter().position(|a| a.id == id) else {
        return Err(vec![field_error(
            "",
            "Deze woningcorporatie staat niet (meer) in het aanbod.",
        )]);
    };
    let mut errors = Vec::new();
    let hours = parse_decimal(&form.min_support_hours);
    if hours.is_none() {
        errors.push(field_error(
            "minSupportHours",
            "Vul het minimum aantal uren ondersteuning per week in als getal, bijvoorbeeld 2 of 2,5.",
        ));
    }
    let max_placements = if form.max_placements.trim().is_empty() {
        Some(None)
    } else {
        form.max_placements.trim().parse::<u32>().ok().map(Some)
    };
    if max_placements.is_none() {
        errors.push(field_error(
            "maxPlacementsPerNeighbourhood",
            "Vul het maximum aantal plaatsingen per wijk in als heel getal, of laat het leeg.",
        ));
    }
    let placements = parse_placements(&form.current_placements);
    if placements.is_none() {
        errors.push(field_error(
            "currentPlacements",
            "Schrijf bij de huidige plaatsingen elke wijk op een eigen regel als ‘Wijknaam: aantal’.",
        ));
    }
    if form.working_area.is_empty() {
        errors.push(field_error(
            "workingArea",
            "Kies minstens één gemeente voor het werkgebied.",
        ));
    }
    if form.contract_forms.is_empty() {
        errors.push(field_error(
            "acceptedContractForms",
            "Kies minstens één contractvorm die de corporatie accepteert.",
        ));
    }
    if form.name.trim().is_empty() {
        errors.push(field_error("name", "Vul de naam van de corporatie in."));
    }
    let (Some(hours), Some(max_placements), Some(placements)) = (hours, max_placements, placements)
    else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut next = offer.clone();
    let a = &mut next.associations[index];
    a.name = form.name.trim().to_string();
    if form
        .working_area
        .iter()
        .any(|w| canonical_gemeente(w).is_none())
    {
        return Err(vec![field_error(
            "workingArea",
            "Een gemeente in het werkgebied is geen deelnemende gemeente van Noord- of Midden-Limburg.",
        )]);
    }
    let ticked: Vec<&str> = form
        .working_area
        .iter()
        .filter_map(|w| canonical_gemeente(w))
        .collect();
    a.working_area = keep_order(&a.working_area, &ticked);
    a.criteria = Criteria {
        accepted_contract_forms: keep_order(
            &a.criteria.accepted_contract_forms,
            &form.contract_forms,
        ),
        max_rent_arrears: form.max_rent_arrears,
        arrears_requires_budget_management: form.arrears_requires_budget_management,
        max_nuisance: form.max_nuisance,
        nuisance_requires_safety_plan: form.nuisance_requires_safety_plan,
        relapse_plan_required: form.relapse_plan_required,
        min_support_hours: hours,
        max_placements_per_neighbourhood: max_placements,
        current_placements: placements,
    };
    next.normalise();
    next.validate().map_err(from_validation)?;
    Ok(next)
}

/// The dwelling edit form, as typed. Select values are keys ([`key_of`]).
#[derive(Clone, Debug, PartialEq)]
pub struct DwellingForm {
    pub association_id: String,
    pub gemeente: String,
    pub neighbourhood: String,
    pub dwelling_type: String,
    pub in_complex: bool,
    pub rooms: String,
    pub rent: String,
    pub step_free: bool,
    pub wheelchair: bool,
    pub age_label: String,
    pub min_household: String,
    pub max_household: String,
    /// ISO (from a date input) or Dutch dd-mm-jjjj.
    pub available_from: String,
}

impl DwellingForm {
    pub fn of(d: &Dwelling) -> DwellingForm {
        DwellingForm {
            association_id: d.association_id.clone(),
            gemeente: d.gemeente.clone(),
            neighbourhood: d.neighbourhood.clone(),
            dwelling_type: key_of(&d.dwelling_type),
            in_complex: d.in_complex,
            rooms: d.rooms.to_string(),
            rent: format!("{},{:02}", d.rent_cents / 100, d.rent_cents % 100),
            step_free: d.step_free,
            wheelchair: d.wheelchair,
            age_label: key_of(&d.age_label),
            min_household: d.min_household.to_string(),
            max_household: d.max_household.to_string(),
            available_from: d.available_from.iso(),
        }
    }
}

fn small_number(text: &str) -> Option<u8> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// The offer with dwelling `id` changed as the form says, or every form error.
pub fn apply_dwelling(
    offer: &Offer,
    id: &str,
    form: &DwellingForm,
) -> std::result::Result<Offer, Vec<FieldError>> {
    let Some(index) = offer.dwellings.iter().position(|d| d.id == id) else {
        return Err(vec![field_error(
            "",
            "Deze woning staat niet (meer) in het aanbod.",
        )]);
    };
    let mut errors = Vec::new();
    if offer.association(&form.association_id).is_none() {
        errors.push(field_error(
            "associationId",
            "Kies de corporatie van de woning.",
        ));
    }
    let gemeente = canonical_gemeente(&form.gemeente);
    if gemeente.is_none() {
        errors.push(field_error(
            "gemeente",
            "Kies een deelnemende gemeente van Noord- of Midden-Limburg.",
        ));
    }
    let dwelling_type: Option<DwellingType> = from_key(&form.dwelling_type);
    if dwelling_type.is_none() {
        errors.push(field_error("dwellingType", "Kies het woningtype."));
    }
    let rooms = small_number(&form.rooms).filter(|r| *r >= 1);
    if rooms.is_none() {
        errors.push(field_error(
            "rooms",
            "Vul het aantal kamers in als heel getal van 1 of meer.",
        ));
    }
    let rent = parse_amount_cents(&form.rent);
    if rent.is_none() {
        errors.push(field_error(
            "rent",
            "Vul de netto huur per maand in euro in, bijvoorbeeld 612,50.",
        ));
    }
    let age_label: Option<AgeLabel> = from_key(&form.age_label);
    if age_label.is_none() {
        errors.push(field_error("ageLabel", "Kies het leeftijdslabel."));
    }
    let min_household = small_number(&form.min_household);
    if min_household.is_none() {
        errors.push(field_error(
            "minHousehold",
            "Vul de minimale huishoudgrootte in als heel getal.",
        ));
    }
    let max_household = small_number(&form.max_household);
    if max_household.is_none() {
        errors.push(field_error(
            "maxHousehold",
            "Vul de maximale huishoudgrootte in als heel getal.",
        ));
    }
    let available = Date::parse(&form.available_from).ok();
    if available.is_none() {
        errors.push(field_error(
            "availableFrom",
            "Vul de datum in vanaf wanneer de woning beschikbaar is (dd-mm-jjjj).",
        ));
    }
    let (
        Some(gemeente),
        Some(dwelling_type),
        Some(rooms),
        Some(rent_cents),
        Some(age_label),
        Some(min_household),
        Some(max_household),
        Some(available_from),
    ) = (
        gemeente,
        dwelling_type,
        rooms,
        rent,
        age_label,
        min_household,
        max_household,
        available,
    )
    else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut next = offer.clone();
    let d = &mut next.dwellings[index];
    *d = Dwelling {
        id: d.id.clone(),
        association_id: form.association_id.clone(),
        gemeente: gemeente.to_string(),
        neighbourhood: form.neighbourhood.trim().to_string(),
        dwelling_type,
        in_complex: form.in_complex,
        rooms,
        rent_cents,
        step_free: form.step_free,
        wheelchair: form.wheelchair,
        age_label,
        min_household,
        max_household,
        available_from,
    };
    next.validate().map_err(from_validation)?;
    Ok(next)
}

/// The serde key of each weight, in the order of the components.
pub const WEIGHT_KEYS: [&str; 6] = [
    "area",
    "housingForm",
    "rentHeadroom",
    "supportFit",
    "spreading",
    "sizeFit",
];

/// The weights as (key, Dutch component name, value), in the order of the components.
pub fn weight_fields(w: &Weights) -> [(&'static str, &'static str, u32); 6] {
    let values = [
        w.area,
        w.housing_form,
        w.rent_headroom,
        w.support_fit,
        w.spreading,
        w.size_fit,
    ];
    std::array::from_fn(|i| (WEIGHT_KEYS[i], ComponentKind::ALL[i].dutch(), values[i]))
}

/// The six weights as typed, in the order of the components, checked to be whole numbers from
/// 0 to 100 that add up to 100 ([`Weights::validate`]).
pub fn parse_weights(texts: &[String; 6]) -> std::result::Result<Weights, Vec<FieldError>> {
    let mut values = [0u32; 6];
    let mut errors = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        match t.trim().parse::<u32>() {
            Ok(v) if v <= 100 => values[i] = v,
            _ => errors.push(FieldError {
                field: WEIGHT_KEYS[i].into(),
                message: format!(
                    "Vul bij ‘{}’ een heel getal van 0 tot en met 100 in.",
                    ComponentKind::ALL[i].dutch()
                ),
            }),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let w = Weights {
        area: values[0],
        housing_form: values[1],
        rent_headroom: values[2],
        support_fit: values[3],
        spreading: values[4],
        size_fit: values[5],
    };
    w.validate().map_err(from_validation)?;
    Ok(w)
}

/// The rent-limit table as (Dutch label, amount) rows.
pub fn rent_limit_rows(r: &RentLimits) -> Vec<(&'static str, String)> {
    vec![
        (
            "Kwaliteitskortingsgrens (jongeren tot 23 jaar)",
            euro(r.kwaliteitskortingsgrens_cents),
        ),
        (
            "Lage aftoppingsgrens (1 of 2 personen)",
            euro(r.aftoppingsgrens_laag_cents),
        ),
        (
            "Hoge aftoppingsgrens (3 of meer personen)",
            euro(r.aftoppingsgrens_hoog_cents),
        ),
        ("Liberalisatiegrens", euro(r.liberalisatiegrens_cents)),
        (
            "Inkomensgrens passend toewijzen, eenpersoonshuishouden (per jaar)",
            whole_euros(r.income_limit_single),
        ),
        (
            "Inkomensgrens passend toewijzen, meerpersoonshuishouden (per jaar)",
            whole_euros(r.income_limit_multi),
        ),
        (
            "Inkomensgrens eenpersoonshuishouden, AOW-leeftijd (per jaar)",
            whole_euros(r.income_limit_single_aow),
        ),
        (
            "Inkomensgrens meerpersoonshuishouden, AOW-leeftijd (per jaar)",
            whole_euros(r.income_limit_multi_aow),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use woonkans_core::sample::sample_offer;

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn money_and_decimals_are_dutch() {
        assert_eq!(euro(0), "€ 0,00");
        assert_eq!(euro(49_820), "€ 498,20");
        assert_eq!(euro(123_456_789), "€ 1.234.567,89");
        assert_eq!(whole_euros(29_400), "€ 29.400");
        assert_eq!(whole_euros(999), "€ 999");
        assert_eq!(decimal_comma(2.5, 2), "2,5");
        assert_eq!(decimal_comma(2.0, 2), "2");
        assert_eq!(decimal_comma(1.0 / 3.0, 2), "0,33");
        assert_eq!(decimal_comma(22.5, 1), "22,5");
        assert_eq!(decimal_comma(-0.0001, 2), "0");
        assert_eq!(decimal_comma(f64::NAN, 2), "–");
        assert_eq!(decimal_comma(30.0, 0), "30");
        assert_eq!(dutch_date(date(2027, 5, 3)), "03-05-2027");
    }

    #[test]
    fn keys_round_trip() {
        for t in DwellingType::ALL {
            assert_eq!(from_key::<DwellingType>(&key_of(&t)), Some(t));
        }
        for h in HISTORIES {
            assert_eq!(from_key::<History>(&key_of(&h)), Some(h));
        }
        assert_eq!(
            key_of(&DwellingType::GroundFloorApartment),
            "groundFloorApartment"
        );
        assert_eq!(from_key::<DwellingType>("villa"), None);
    }

    #[test]
    fn criteria_summary_names_every_criterion() {
        let offer = sample_offer();
        for a in &offer.associations {
            let lines = criteria_summary(&a.criteria);
            assert_eq!(lines.len(), 6);
            assert!(lines[0].starts_with("Contractvormen: "));
        }
        let mut c = offer.associations[0].criteria.clone();
        c.max_rent_arrears = History::Resolved;
        c.arrears_requires_budget_management = true;
        c.max_nuisance = History::None;
        c.relapse_plan_required = true;
        c.min_support_hours = 2.5;
        c.max_placements_per_neighbourhood = Some(2);
        c.current_placements = BTreeMap::from([("Blerick".into(), 2), ("Tegelen".into(), 1)]);
        let lines = criteria_summary(&c);
        assert_eq!(
            lines[1],
            "Huurachterstand: tot en met opgelost, met bewindvoering"
        );
        assert_eq!(lines[2], "Overlast in het verleden: niet geaccepteerd");
        assert_eq!(lines[3], "Terugvalplan vereist");
        assert_eq!(lines[4], "Minimaal 2,5 uur ondersteuning per week");
        assert_eq!(
            lines[5],
            "Maximaal 2 Woonkans-plaatsing(en) per wijk (1 wijk(en) vol)"
        );
    }

    #[test]
    fn filters_combine_and_pages_clamp() {
        let offer = sample_offer();
        let all = filter_dwellings(&offer, &DwellingFilter::default());
        assert_eq!(all.len(), offer.dwellings.len());
        let venlo = DwellingFilter {
            gemeente: "Venlo".into(),
            ..Default::default()
        };
        let v = filter_dwellings(&offer, &venlo);
        assert!(!v.is_empty() && v.iter().all(|d| d.gemeente == "Venlo"));
        let studio_venlo = DwellingFilter {
            dwelling_type: Some(DwellingType::Studio),
            ..venlo.clone()
        };
        let s = filter_dwellings(&offer, &studio_venlo);
        assert!(s.len() < v.len());
        assert!(s.iter().all(|d| d.dwelling_type == DwellingType::Studio));
        let on = date(2026, 6, 1);
        let avail = filter_dwellings(
            &offer,
            &DwellingFilter {
                available_on: Some(on),
                ..Default::default()
            },
        );
        assert!(avail.iter().all(|d| d.available_from <= on));
        assert!(avail.len() < all.len() && !avail.is_empty());

        assert_eq!(
            page_slice(480, 0, 50),
            PageSlice {
                page: 0,
                pages: 10,
                start: 0,
                end: 50
            }
        );
        assert_eq!(
            page_slice(480, 9, 50),
            PageSlice {
                page: 9,
                pages: 10,
                start: 450,
                end: 480
            }
        );
        assert_eq!(page_slice(480, 99, 50).page, 9);
        assert_eq!(
            page_slice(0, 3, 50),
            PageSlice {
                page: 0,
                pages: 1,
                start: 0,
                end: 0
            }
        );
        assert_eq!(page_slice(5, 0, 0).pages, 5);
    }

    #[test]
    fn exports_are_named_by_date_and_read_back() {
        let offer = sample_offer();
        let today = date(2026, 11, 28);
        let json = export(&offer, ExportKind::Json, today);
        assert_eq!(json.file_name, "woonkans-aanbod-2026-11-28.json");
        let back = import::import_file(&json.bytes).unwrap();
        assert_eq!(back.offer_part, offer);
        let d = export(&offer, ExportKind::DwellingsCsv, today);
        assert_eq!(d.file_name, "woonkans-woningen-2026-11-28.csv");
        let back = import::import_file(&d.bytes).unwrap();
        assert_eq!(back.kind, ImportKind::Dwellings);
        assert_eq!(back.offer_part.dwellings, offer.dwellings);
        let a = export(&offer, ExportKind::AssociationsCsv, today);
        assert_eq!(a.file_name, "woonkans-corporaties-2026-11-28.csv");
        assert_eq!(
            import::import_file(&a.bytes).unwrap().kind,
            ImportKind::Associations
        );
    }

    #[test]
    fn size_check_matches_the_import() {
        assert!(check_import_size(import::MAX_BYTES as f64).is_ok());
        let e = check_import_size(import::MAX_BYTES as f64 + 1.0).unwrap_err();
        let big = vec![b'a'; import::MAX_BYTES + 1];
        let from_import = import::import_file(&big).unwrap_err();
        assert_eq!((e.code, e.message), (from_import.code, from_import.message));
    }

    #[test]
    fn preview_counts_both_choices_without_changing_anything() {
        let offer = sample_offer();
        let before = offer.clone();
        let mut part = Offer::default();
        let mut changed = offer.dwellings[0].clone();
        changed.rent_cents += 100;
        let mut new = offer.dwellings[1].clone();
        new.id = "NIEUW-1".into();
        part.dwellings = vec![changed, new, offer.dwellings[2].clone()];
        let report = ImportReport {
            kind: ImportKind::Dwellings,
            offer_part: part,
            accepted_rows: 3,
            errors: vec![],
            ignored_columns: vec![],
        };
        let p = import_preview(&offer, &report);
        assert_eq!(offer, before);
        let add = p.add_and_update.unwrap();
        assert_eq!((add.dwellings.added, add.dwellings.updated), (1, 1));
        assert_eq!(add.dwellings.unchanged, offer.dwellings.len() - 1);
        let rep = p.replace.unwrap();
        assert_eq!(rep.dwellings.removed, offer.dwellings.len() - 2);
        let lines = merge_summary_lines(&rep);
        assert!(lines[1].starts_with("Woningen: 1 toegevoegd, 1 bijgewerkt, 1 ongewijzigd, "));
        assert!(lines[1].ends_with(" verwijderd"));
        assert!(!merge_summary_lines(&add)[1].contains("verwijderd"));
    }

    #[test]
    fn criteria_form_round_trips_and_edits() {
        let offer = sample_offer();
        let a = &offer.associations[0];
        let form = CriteriaForm::of(a);
        let same = apply_criteria(&offer, &a.id, &form).unwrap();
        assert_eq!(same, offer, "an untouched form changes nothing");

        let mut form = CriteriaForm::of(a);
        form.min_support_hours = "3,5".into();
        form.max_placements = "4".into();
        form.current_placements = "Blerick: 2\n\nTegelen : 1; blerick: 1".into();
        form.contract_forms = vec![
            ContractForm::LeaseInCareProviderName,
            ContractForm::RegularLease,
        ];
        form.working_area = vec!["venray".into(), "Venlo".into()];
        let next = apply_criteria(&offer, &a.id, &form).unwrap();
        let c = &next.associations[0].criteria;
        assert_eq!(c.min_support_hours, 3.5);
        assert_eq!(c.max_placements_per_neighbourhood, Some(4));
        assert_eq!(c.placements_in("Blerick"), 3);
        assert_eq!(c.placements_in("Tegelen"), 1);
        assert_eq!(
            c.accepted_contract_forms,
            vec![
                ContractForm::RegularLease,
                ContractForm::LeaseInCareProviderName
            ]
        );
        assert_eq!(next.associations[0].working_area, vec!["Venlo", "Venray"]);
        assert_eq!(offer.associations[0], *a, "the input offer is untouched");
    }

    #[test]
    fn criteria_form_reports_every_bad_field_without_values() {
        let offer = sample_offer();
        let a = &offer.associations[0];
        let mut form = CriteriaForm::of(a);
        form.min_support_hours = "veel uren".into();
        form.max_placements = "drie".into();
        form.current_placements = "Blerick twee".into();
        form.contract_forms.clear();
        form.working_area.clear();
        form.name = "  ".into();
        let errors = apply_criteria(&offer, &a.id, &form).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "minSupportHours",
                "maxPlacementsPerNeighbourhood",
                "currentPlacements",
                "workingArea",
                "acceptedContractForms",
                "name"
            ]
        );
        for e in &errors {
            assert!(!e.message.contains("veel") && !e.message.contains("drie"));
            assert!(!e.message.contains("Blerick"));
        }
        // Values that parse but break the offer's own rules come back from its validation.
        let mut form = CriteriaForm::of(a);
        form.min_support_hours = "200".into();
        let errors = apply_criteria(&offer, &a.id, &form).unwrap_err();
        assert_eq!(errors[0].field, "minSupportHours");
        let mut form = CriteriaForm::of(a);
        form.max_placements = "0".into();
        let errors = apply_criteria(&offer, &a.id, &form).unwrap_err();
        assert_eq!(errors[0].field, "maxPlacementsPerNeighbourhood");
        let mut form = CriteriaForm::of(a);
        form.working_area = vec!["Maastricht".into()];
        assert_eq!(
            apply_criteria(&offer, &a.id, &form).unwrap_err()[0].field,
            "workingArea"
        );
        assert_eq!(
            apply_criteria(&offer, "bestaat-niet", &CriteriaForm::of(a)).unwrap_err()[0].field,
            ""
        );
    }

    #[test]
    fn dwelling_form_round_trips_and_validates() {
        let offer = sample_offer();
        let d = &offer.dwellings[5];
        let form = DwellingForm::of(d);
        assert_eq!(apply_dwelling(&offer, &d.id, &form).unwrap(), offer);

        let mut form = DwellingForm::of(d);
        form.rent = "€ 612,50".into();
        form.rooms = "3".into();
        form.gemeente = "bergen l".into();
        form.neighbourhood = " Centrum ".into();
        form.available_from = "01-02-2027".into();
        form.wheelchair = true;
        form.step_free = true;
        let next = apply_dwelling(&offer, &d.id, &form).unwrap();
        let e = &next.dwellings[5];
        assert_eq!(e.rent_cents, 61_250);
        assert_eq!(e.rooms, 3);
        assert_eq!(e.gemeente, "Bergen (L.)");
        assert_eq!(e.neighbourhood, "Centrum");
        assert_eq!(e.available_from, date(2027, 2, 1));
        assert!(e.wheelchair && e.step_free);

        let mut form = DwellingForm::of(d);
        form.rent = "veel".into();
        form.rooms = "0".into();
        form.gemeente = "Maastricht".into();
        form.dwelling_type = "villa".into();
        form.age_label = "".into();
        form.min_household = "x".into();
        form.max_household = "-1".into();
        form.available_from = "morgen".into();
        form.association_id = "onbekend".into();
        let errors = apply_dwelling(&offer, &d.id, &form).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "associationId",
                "gemeente",
                "dwellingType",
                "rooms",
                "rent",
                "ageLabel",
                "minHousehold",
                "maxHousehold",
                "availableFrom"
            ]
        );
        assert!(errors.iter().all(|e| !e.message.contains("Maastricht")));

        let mut form = DwellingForm::of(d);
        form.min_household = "3".into();
        form.max_household = "2".into();
        let errors = apply_dwelling(&offer, &d.id, &form).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "minHousehold");
        assert_eq!(
            errors[0].message,
            "De minimale huishoudgrootte is groter dan de maximale."
        );
        let mut form = DwellingForm::of(d);
        form.neighbourhood = "  ".into();
        assert_eq!(
            apply_dwelling(&offer, &d.id, &form).unwrap_err()[0].field,
            "neighbourhood"
        );
    }

    #[test]
    fn weights_parse_and_must_add_up() {
        let texts = |v: [&str; 6]| v.map(String::from);
        assert_eq!(
            parse_weights(&texts(["30", "20", "20", "15", "10", "5"])).unwrap(),
            Weights::default()
        );
        let errors = parse_weights(&texts(["30", "20", "20", "15", "10", "6"])).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "gewichten");
        assert!(errors[0].message.contains("100"));
        let errors = parse_weights(&texts(["dertig", "20", "101", "15", "-1", "5"])).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["area", "rentHeadroom", "spreading"]);
        assert!(errors[0].message.contains("Voorkeursgemeente"));
        let fields = weight_fields(&Weights::default());
        assert_eq!(fields[0], ("area", "Voorkeursgemeente", 30));
        assert_eq!(fields[5].2, 5);
    }

    #[test]
    fn rent_limits_in_euro() {
        let rows = rent_limit_rows(&woonkans_core::rentlimits::current());
        assert_eq!(rows.len(), 8);
        assert!(rows.iter().all(|(_, v)| v.starts_with("€ ")));
        assert!(rows[0].1.contains(','));
    }

    #[test]
    fn field_keys_drop_paths_and_indices() {
        assert_eq!(field_key("woningen[3].minHousehold"), "minHousehold");
        assert_eq!(field_key("corporaties[0].workingArea[2]"), "workingArea");
        assert_eq!(
            field_key("corporaties[0].criteria.currentPlacements[1]"),
            "currentPlacements"
        );
        assert_eq!(field_key("gewichten"), "gewichten");
    }
}
