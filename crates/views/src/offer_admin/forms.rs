//! The edit forms for an association's criteria, a dwelling and the score weights, and the
//! rent limits table. Each form turns typed text into a new, validated offer or refuses with
//! one message per field (never the value typed).

use super::*;

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
            min_support_hours: vocab::decimal(c.min_support_hours, 2),
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

/// The dwelling edit form, as typed. Select values are keys ([`key`]).
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
            dwelling_type: key(&d.dwelling_type),
            in_complex: d.in_complex,
            rooms: d.rooms.to_string(),
            rent: format!("{},{:02}", d.rent_cents / 100, d.rent_cents % 100),
            step_free: d.step_free,
            wheelchair: d.wheelchair,
            age_label: key(&d.age_label),
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
pub fn rent_limit_rows(r: &RentLimits) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = vec![
        (
            format!(
                "Kwaliteitskortingsgrens (jongerengrens, 18 tot en met {} jaar)",
                r.young_max_age
            ),
            vocab::euro(r.kwaliteitskortingsgrens_cents),
        ),
        (
            "Lage aftoppingsgrens (1 of 2 personen)".to_string(),
            vocab::euro(r.aftoppingsgrens_laag_cents),
        ),
        (
            "Hoge aftoppingsgrens (3 of meer personen)".to_string(),
            vocab::euro(r.aftoppingsgrens_hoog_cents),
        ),
        (
            "Liberalisatiegrens".to_string(),
            vocab::euro(r.liberalisatiegrens_cents),
        ),
        (
            "Inkomensgrens passend toewijzen, eenpersoonshuishouden (per jaar)".to_string(),
            vocab::whole_euros(r.income_limit_single),
        ),
        (
            "Inkomensgrens passend toewijzen, meerpersoonshuishouden (per jaar)".to_string(),
            vocab::whole_euros(r.income_limit_multi),
        ),
        (
            "Inkomensgrens eenpersoonshuishouden, AOW-leeftijd (per jaar)".to_string(),
            vocab::whole_euros(r.income_limit_single_aow),
        ),
        (
            "Inkomensgrens meerpersoonshuishouden, AOW-leeftijd (per jaar)".to_string(),
            vocab::whole_euros(r.income_limit_multi_aow),
        ),
    ];
    for (label, limit) in [
        (
            "Inkomensgrens sociale huurwoning (DAEB), eenpersoonshuishouden (per jaar)",
            r.daeb_income_limit_single,
        ),
        (
            "Inkomensgrens sociale huurwoning (DAEB), meerpersoonshuishouden (per jaar)",
            r.daeb_income_limit_multi,
        ),
    ] {
        if limit > 0 {
            rows.push((label.to_string(), vocab::whole_euros(limit)));
        }
    }
    rows
}

/// Which table counts when: "Deze tabel geldt voor een peildatum in 2026. …".
pub fn rent_limits_note(shown_year: i32) -> String {
    let years: Vec<String> = woonkans_core::rentlimits::shipped()
        .iter()
        .map(|t| t.year.to_string())
        .collect();
    format!(
        "Deze tabel geldt voor profielen en overdrachten met een peildatum in {shown_year}. Meegeleverd met de app: {}; voor een peildatum in een ander jaar geldt de tabel van dat jaar, na het laatste jaar de nieuwste.",
        vocab::list_and(&years)
    )
}
