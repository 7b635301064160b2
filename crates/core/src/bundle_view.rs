//! Readable Dutch for what a coded bundle holds, and the coordinator's choice of cases for one.
//!
//! The association reads a bundle as a person, not as JSON: every enum gets its Dutch wording,
//! money gets a euro sign and a decimal comma. The wording lives here, next to the data, so the
//! page that shows a received bundle and any other reader (a print, a test) say the same thing.

use crate::code::{self, CodeKey};
use crate::date::Date;
use crate::profile::{
    AgeBand, ContractForm, Gender, History, HousingForm, IncomeBand, LivingSituation, Mobility,
    PlacementProfile, ProfileCategory, SafetyPlan,
};
use crate::register::Step;
use crate::workspace::{Case, Workspace};
use serde::Serialize;

/// `€ 1.234,56`: thousands with a dot, cents after a comma, as Dutch readers expect.
pub fn euro(cents: u32) -> String {
    let whole = cents / 100;
    let rest = cents % 100;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("€ {grouped},{rest:02}")
}

/// A number of hours with a decimal comma and no needless zeros: 6 → "6", 2.5 → "2,5".
pub fn hours(h: f64) -> String {
    if !h.is_finite() {
        return "onbekend".into();
    }
    let rounded = (h * 100.0).round() / 100.0;
    let text = format!("{rounded:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    text.replace('.', ",")
}

/// `28-11-2026`.
pub fn date_nl(d: Date) -> String {
    format!("{:02}-{:02}-{:04}", d.day(), d.month(), d.year())
}

/// `2026-11-28T14:05:09` → `28-11-2026 14:05`. Anything else (an older entry, a foreign form)
/// is shown as it is rather than guessed at.
pub fn datetime_nl(at: &str) -> String {
    let (date, time) = at.split_once('T').unwrap_or((at, ""));
    let Ok(d) = Date::parse(date) else {
        return at.to_string();
    };
    if date.len() != 10 {
        return at.to_string();
    }
    let hm: String = time.chars().take(5).collect();
    let valid_time = hm.len() == 5
        && hm.as_bytes()[2] == b':'
        && hm
            .bytes()
            .enumerate()
            .all(|(i, b)| i == 2 || b.is_ascii_digit());
    if valid_time {
        format!("{} {hm}", date_nl(d))
    } else {
        date_nl(d)
    }
}

pub fn gender_dutch(g: Gender) -> &'static str {
    match g {
        Gender::Male => "Man",
        Gender::Female => "Vrouw",
        Gender::Other => "Anders",
        Gender::NotStated => "Niet vermeld",
    }
}

pub fn living_situation_dutch(l: LivingSituation) -> &'static str {
    match l {
        LivingSituation::ShelteredHousing => "Beschermd wonen",
        LivingSituation::SocialShelter => "Maatschappelijke opvang",
        LivingSituation::Other => "Anders",
    }
}

pub fn mobility_dutch(m: Mobility) -> &'static str {
    match m {
        Mobility::None => "Geen beperking",
        Mobility::StepFree => "Gelijkvloerse woning nodig (traplift of lift)",
        Mobility::Wheelchair => "Rolstoeltoegankelijke woning nodig",
    }
}

pub fn history_dutch(h: History) -> &'static str {
    match h {
        History::None => "Geen",
        History::Resolved => "Geweest, opgelost",
        History::Current => "Speelt nu",
    }
}

pub fn contract_form_dutch(c: ContractForm) -> &'static str {
    match c {
        ContractForm::RegularLease => "Gewone huurovereenkomst",
        ContractForm::LeaseWithCareAgreement => "Huurovereenkomst met gekoppelde zorgovereenkomst",
        ContractForm::LeaseInCareProviderName => "Huurovereenkomst op naam van de zorgaanbieder",
    }
}

pub fn housing_form_dutch(h: HousingForm) -> &'static str {
    match h {
        HousingForm::Independent => "Zelfstandig",
        HousingForm::InComplex => "In een complex",
        HousingForm::Cluster => "Clusterwoning",
        HousingForm::NoPreference => "Geen voorkeur",
    }
}

pub fn safety_plan_dutch(s: SafetyPlan) -> &'static str {
    match s {
        SafetyPlan::NotNeeded => "Niet nodig",
        SafetyPlan::Needed => "Nodig, nog niet aanwezig",
        SafetyPlan::Present => "Aanwezig",
    }
}

pub fn income_band_dutch(i: IncomeBand) -> &'static str {
    match i {
        IncomeBand::AtOrBelowLimit => "Op of onder de inkomensgrens voor passend toewijzen",
        IncomeBand::AboveLimit => "Boven de inkomensgrens voor passend toewijzen",
    }
}

pub fn age_band_dutch(a: AgeBand) -> String {
    if a.is_young_adult() {
        format!("{} jaar (jongvolwassene, voorrangsgroep)", a.label())
    } else {
        format!("{} jaar", a.label())
    }
}

/// The meaning of a level in the manner of the Zelfredzaamheid-Matrix.
pub fn level_dutch(level: u8) -> String {
    let meaning = match level {
        1 => "acute problematiek",
        2 => "niet zelfredzaam",
        3 => "beperkt zelfredzaam",
        4 => "voldoende zelfredzaam",
        5 => "volledig zelfredzaam",
        _ => return "onbekend niveau".into(),
    };
    format!("niveau {level} van 5: {meaning}")
}

/// One step-4 category as the association reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CategoryLine {
    pub category: &'static str,
    /// The level (scored categories) or the value (gender, living situation, mobility).
    pub value: String,
    pub note: Option<String>,
}

/// One labelled fact of the profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    pub label: &'static str,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadableRelapsePlan {
    pub signals: String,
    /// (party, what they do).
    pub agreements: Vec<(&'static str, String)>,
}

/// A placement profile in readable Dutch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadableProfile {
    pub categories: Vec<CategoryLine>,
    pub facts: Vec<Line>,
    pub relapse_plan: Option<ReadableRelapsePlan>,
}

fn yes_no(b: bool) -> &'static str {
    if b { "Ja" } else { "Nee" }
}

pub fn readable_profile(p: &PlacementProfile) -> ReadableProfile {
    let s = p.self_reliance;
    let categories = ProfileCategory::ALL
        .iter()
        .map(|&c| {
            let value = match c {
                ProfileCategory::Gender => gender_dutch(p.gender).to_string(),
                ProfileCategory::LivingSituation => {
                    living_situation_dutch(p.living_situation).to_string()
                }
                ProfileCategory::Mobility => mobility_dutch(p.mobility).to_string(),
                ProfileCategory::HouseholdCare => level_dutch(s.household_care),
                ProfileCategory::WorkDayActivities => level_dutch(s.work_day_activities),
                ProfileCategory::SocialNetwork => level_dutch(s.social_network),
                ProfileCategory::SocialSelfReliance => level_dutch(s.social_self_reliance),
                ProfileCategory::FinancesDebts => level_dutch(s.finances_debts),
            };
            CategoryLine {
                category: c.dutch(),
                value,
                note: p
                    .notes
                    .get(&c)
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty()),
            }
        })
        .collect();
    let mut facts = vec![
        Line {
            label: "Zoekgebied",
            value: p.search_area.join(", "),
        },
        Line {
            label: "Uitgesloten buurten",
            value: if p.excluded_neighbourhoods.is_empty() {
                "Geen".into()
            } else {
                p.excluded_neighbourhoods.join(", ")
            },
        },
        Line {
            label: "Woonvorm",
            value: housing_form_dutch(p.housing_form).into(),
        },
        Line {
            label: "Huurachterstand",
            value: history_dutch(p.rent_arrears).into(),
        },
        Line {
            label: "Overlast",
            value: history_dutch(p.nuisance).into(),
        },
        Line {
            label: "Bewindvoering",
            value: yes_no(p.budget_management).into(),
        },
        Line {
            label: "Contractvorm",
            value: contract_form_dutch(p.contract_form).into(),
        },
        Line {
            label: "Ondersteuning",
            value: format!(
                "{} uur per week; 24 uur per dag bereikbaar: {}",
                hours(p.support_hours_per_week),
                yes_no(p.reachable_24_7).to_lowercase()
            ),
        },
        Line {
            label: "Terugvalplan",
            // No plan at all means none of its texts was released for this association: say
            // so, rather than call a complete plan incomplete.
            value: match &p.relapse_plan {
                None => "Niet meegestuurd (niet vrijgegeven)".into(),
                Some(_) if p.relapse_plan_present() => "Aanwezig".into(),
                Some(_) => "Niet volledig".into(),
            },
        },
        Line {
            label: "Veiligheidsplan",
            value: safety_plan_dutch(p.safety_plan).into(),
        },
        Line {
            label: "Huishoudgrootte",
            value: if p.household_size == 1 {
                "1 persoon".into()
            } else {
                format!("{} personen", p.household_size)
            },
        },
        Line {
            label: "Leeftijdsgroep",
            value: age_band_dutch(p.age_band),
        },
        Line {
            label: "Inkomensgroep",
            value: income_band_dutch(p.income_band).into(),
        },
        Line {
            label: "Maximale huur",
            value: format!("{} per maand (kale huur)", euro(p.max_rent_cents)),
        },
    ];
    facts.retain(|l| !l.value.is_empty());
    let relapse_plan = p.relapse_plan.as_ref().map(|plan| ReadableRelapsePlan {
        signals: plan.signals.trim().to_string(),
        agreements: plan
            .agreements
            .iter()
            .map(|a| (a.party.dutch(), a.action.trim().to_string()))
            .collect(),
    });
    ReadableProfile {
        categories,
        facts,
        relapse_plan,
    }
}

/// The leak guard's stable finding kind (`NAME`, `SCAN_PHONE`, …) in Dutch.
pub fn leak_kind_dutch(kind: &str) -> &'static str {
    match kind {
        "NAME" | "SCAN_NAME" => "Naam van de inwoner",
        "SCAN_OTHER_PERSON_NAME" => "Naam van een ander",
        "BSN" | "SCAN_BSN" => "Burgerservicenummer",
        "BIRTH_DATE" => "Geboortedatum",
        "SCAN_DATE" => "Datum",
        "ADDRESS" | "SCAN_STREET_ADDRESS" => "Straat met huisnummer",
        "POSTCODE" | "SCAN_POSTCODE" => "Postcode",
        "PHONE" | "SCAN_PHONE" => "Telefoonnummer",
        "EMAIL" | "SCAN_EMAIL" => "E-mailadres",
        "IBAN" | "SCAN_IBAN" => "Rekeningnummer (IBAN)",
        "SCAN_HEALTH" => "Gezondheid (bijzonder persoonsgegeven)",
        "SCAN_JUSTICE" => "Strafrechtelijk gegeven",
        "SCAN_BELIEF" => "Geloof of levensovertuiging (bijzonder persoonsgegeven)",
        "SCAN_SEXUAL_ORIENTATION" => "Seksuele geaardheid of seksleven (bijzonder persoonsgegeven)",
        "SCAN_ETHNICITY" => "Etnische afkomst (bijzonder persoonsgegeven)",
        "SCAN_POLITICS" => "Politieke opvatting (bijzonder persoonsgegeven)",
        "SCAN_UNION_MEMBERSHIP" => "Lidmaatschap van een vakbond (bijzonder persoonsgegeven)",
        "SCAN_GENETIC" => "Genetisch gegeven (bijzonder persoonsgegeven)",
        "SCAN_BIOMETRIC" => "Biometrisch gegeven (bijzonder persoonsgegeven)",
        "UNREADABLE" => "Onleesbare inhoud",
        _ => "Herleidbaar gegeven",
    }
}

/// How the coordinator recognises a case in a list: the name on their own screen, or the
/// dossier number when no name is filled in yet. Never used in a file, URL or log.
pub fn case_label(case: &Case) -> String {
    let n = &case.dossier.name;
    let name = [
        n.first_names.trim(),
        n.tussenvoegsel.trim(),
        n.surname.trim(),
    ]
    .iter()
    .filter(|p| !p.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ");
    if name.is_empty() {
        format!("Dossier {}", case.dossier.id)
    } else {
        format!("{name} (dossier {})", case.dossier.id)
    }
}

/// One case as the bundle page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BundleCandidate {
    pub id: String,
    pub label: String,
    /// Profile complete and every gate up to step 5 recorded.
    pub ready: bool,
    /// Why not ready, in Dutch (empty when ready).
    pub blockers: Vec<String>,
    /// The associations whose criteria and dwellings fit this profile (ids), best first.
    pub eligible_associations: Vec<String>,
}

/// Every open (not archived) case, with whether it may go into a bundle and to whom it fits.
pub fn bundle_candidates(ws: &Workspace, today: Date) -> Vec<BundleCandidate> {
    ws.cases
        .iter()
        .filter(|c| !c.dossier.archived)
        .map(|case| {
            let id = case.dossier.id.clone();
            let mut blockers = Vec::new();
            if let Err(e) = case.dossier.check_gates(Step::AssociationTalks) {
                blockers.push(e.message);
            }
            match ws.profile(&id, today) {
                Ok(_) => {}
                Err(problems) => {
                    for m in &problems.missing {
                        if !blockers.contains(&m.message) {
                            blockers.push(m.message.clone());
                        }
                    }
                    if !problems.findings.is_empty() {
                        blockers.push(format!(
                            "{} notitie(s) bevatten gegevens die naar de inwoner herleidbaar zijn.",
                            problems.findings.len()
                        ));
                    }
                }
            }
            let ready = blockers.is_empty();
            let eligible_associations = if ready {
                ws.match_case(&id, today)
                    .map(|m| {
                        let mut fits: Vec<_> = m
                            .associations
                            .iter()
                            .filter(|a| a.eligible && a.best_score.is_some())
                            .collect();
                        fits.sort_by_key(|a| std::cmp::Reverse(a.best_score));
                        fits.iter().map(|a| a.association_id.clone()).collect()
                    })
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            BundleCandidate {
                label: case_label(case),
                id,
                ready,
                blockers,
                eligible_associations,
            }
        })
        .collect()
}

/// The code each chosen case will carry in a bundle for `association_id`: the page shows them
/// before anything is written, so the coordinator can say them over the phone.
pub fn planned_codes(
    ws: &Workspace,
    key: &CodeKey,
    association_id: &str,
    case_ids: &[String],
) -> Vec<(String, String)> {
    case_ids
        .iter()
        .filter_map(|id| ws.case(id).ok())
        .map(|c| {
            (
                c.dossier.id.clone(),
                code::derive(key, association_id, c.stable_id()).to_string(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{RelapseAgreement, RelapsePlan, SelfReliance};
    use std::collections::BTreeMap;

    fn profile() -> PlacementProfile {
        let mut notes = BTreeMap::new();
        notes.insert(
            ProfileCategory::SocialNetwork,
            "  Heeft contact met familie.  ".to_string(),
        );
        notes.insert(ProfileCategory::FinancesDebts, "   ".to_string());
        PlacementProfile {
            gender: Gender::Female,
            living_situation: LivingSituation::SocialShelter,
            mobility: Mobility::StepFree,
            self_reliance: SelfReliance {
                household_care: 2,
                work_day_activities: 3,
                social_network: 4,
                social_self_reliance: 5,
                finances_debts: 1,
            },
            notes,
            search_area: vec!["Venlo".into(), "Venray".into()],
            excluded_neighbourhoods: vec![],
            housing_form: HousingForm::Cluster,
            rent_arrears: History::Resolved,
            nuisance: History::Current,
            budget_management: true,
            contract_form: ContractForm::LeaseInCareProviderName,
            support_hours_per_week: 2.5,
            reachable_24_7: false,
            relapse_plan: Some(RelapsePlan {
                signals: "Post blijft liggen.".into(),
                agreements: vec![RelapseAgreement {
                    party: crate::profile::Party::CareProvider,
                    action: "Huisbezoek.".into(),
                }],
            }),
            safety_plan: SafetyPlan::Needed,
            household_size: 3,
            age_band: AgeBand::From23To27,
            income_band: IncomeBand::AboveLimit,
            max_rent_cents: 123_456,
        }
    }

    #[test]
    fn euro_uses_a_dot_for_thousands_and_a_comma_for_cents() {
        assert_eq!(euro(0), "€ 0,00");
        assert_eq!(euro(5), "€ 0,05");
        assert_eq!(euro(65_000), "€ 650,00");
        assert_eq!(euro(123_456), "€ 1.234,56");
        assert_eq!(euro(100_000_000), "€ 1.000.000,00");
        assert_eq!(euro(u32::MAX), "€ 42.949.672,95");
    }

    #[test]
    fn hours_have_a_decimal_comma_and_no_trailing_zeros() {
        assert_eq!(hours(6.0), "6");
        assert_eq!(hours(2.5), "2,5");
        assert_eq!(hours(0.25), "0,25");
        assert_eq!(hours(10.10), "10,1");
        assert_eq!(hours(f64::NAN), "onbekend");
    }

    #[test]
    fn dates_and_times_in_dutch_order() {
        assert_eq!(date_nl(Date::new(2026, 3, 9).unwrap()), "09-03-2026");
        assert_eq!(datetime_nl("2026-11-28T14:05:09"), "28-11-2026 14:05");
        assert_eq!(datetime_nl("2026-11-28"), "28-11-2026");
        assert_eq!(datetime_nl("2026-11-28T1"), "28-11-2026");
        // Not ours: shown as is, never a panic on odd bytes.
        assert_eq!(datetime_nl("gisteren"), "gisteren");
        assert_eq!(datetime_nl("2026-02-30T10:00"), "2026-02-30T10:00");
        assert_eq!(datetime_nl("é"), "é");
        assert_eq!(datetime_nl("2026-11-28Té1:00"), "28-11-2026");
    }

    #[test]
    fn a_profile_reads_as_dutch_with_every_category_and_fact() {
        let r = readable_profile(&profile());
        assert_eq!(r.categories.len(), 8);
        let cat = |name: &str| r.categories.iter().find(|c| c.category == name).unwrap();
        assert_eq!(cat("Geslacht").value, "Vrouw");
        assert_eq!(cat("Woonsituatie").value, "Maatschappelijke opvang");
        assert_eq!(
            cat("Financiën / schulden").value,
            "niveau 1 van 5: acute problematiek"
        );
        assert_eq!(cat("Financiën / schulden").note, None, "blank note dropped");
        assert_eq!(
            cat("Sociaal netwerk").note.as_deref(),
            Some("Heeft contact met familie.")
        );
        assert_eq!(
            cat("Mobiliteit").value,
            "Gelijkvloerse woning nodig (traplift of lift)"
        );
        let fact = |label: &str| {
            r.facts
                .iter()
                .find(|l| l.label == label)
                .map(|l| l.value.clone())
                .unwrap()
        };
        assert_eq!(fact("Zoekgebied"), "Venlo, Venray");
        assert_eq!(fact("Uitgesloten buurten"), "Geen");
        assert_eq!(fact("Woonvorm"), "Clusterwoning");
        assert_eq!(fact("Overlast"), "Speelt nu");
        assert_eq!(
            fact("Ondersteuning"),
            "2,5 uur per week; 24 uur per dag bereikbaar: nee"
        );
        assert_eq!(fact("Terugvalplan"), "Niet volledig");
        let mut without = profile();
        without.relapse_plan = None;
        let r2 = readable_profile(&without);
        assert_eq!(
            r2.facts
                .iter()
                .find(|l| l.label == "Terugvalplan")
                .map(|l| l.value.as_str()),
            Some("Niet meegestuurd (niet vrijgegeven)")
        );
        assert_eq!(fact("Veiligheidsplan"), "Nodig, nog niet aanwezig");
        assert_eq!(fact("Huishoudgrootte"), "3 personen");
        assert_eq!(
            fact("Leeftijdsgroep"),
            "23-27 jaar (jongvolwassene, voorrangsgroep)"
        );
        assert_eq!(fact("Maximale huur"), "€ 1.234,56 per maand (kale huur)");
        let plan = r.relapse_plan.unwrap();
        assert_eq!(
            plan.agreements,
            vec![("Zorgaanbieder", "Huisbezoek.".into())]
        );
    }

    #[test]
    fn every_leak_kind_has_dutch_words() {
        assert_eq!(leak_kind_dutch("BSN"), "Burgerservicenummer");
        assert_eq!(leak_kind_dutch("SCAN_PHONE"), "Telefoonnummer");
        assert_eq!(
            leak_kind_dutch("SCAN_HEALTH"),
            "Gezondheid (bijzonder persoonsgegeven)"
        );
        assert_eq!(leak_kind_dutch("IETS_NIEUWS"), "Herleidbaar gegeven");
    }

    #[test]
    fn levels_outside_the_matrix_are_not_given_a_meaning() {
        assert_eq!(level_dutch(0), "onbekend niveau");
        assert_eq!(level_dutch(6), "onbekend niveau");
        assert_eq!(level_dutch(4), "niveau 4 van 5: voldoende zelfredzaam");
    }
}
