//! Readable Dutch for what a coded bundle holds, and the coordinator's choice of cases for one.
//!
//! The association reads a bundle as a person, not as JSON: every enum gets its Dutch wording,
//! money gets a euro sign and a decimal comma. The wording lives here, next to the data, so the
//! page that shows a received bundle and any other reader (a print, a test) say the same thing.

use serde::Serialize;
use std::collections::BTreeSet;
use woonkans_core::code::{self, CodeKey};
use woonkans_core::date::Date;
use woonkans_core::profile::{PlacementProfile, ProfileCategory};
use woonkans_core::register::Step;
use woonkans_core::vocab::{self, Dutch};
use woonkans_core::workspace::{Case, Workspace};

/// The placement profile as the resident reads it before it is shared (regie van de inwoner):
/// the printed page's heading, explanation and closing lines.
pub const PROFILE_PRINT_TITLE: &str = "Uw bemiddelingsprofiel";
pub const PROFILE_PRINT_INTRO: &str = "Dit is het profiel dat de regisseur aan woningcorporaties \
     wil laten zien, zodat zij kunnen nagaan of zij een passende woning voor u hebben. Elke \
     corporatie ziet het onder een eigen code, zonder uw naam, adres, geboortedatum of BSN. Lees \
     het rustig door: klopt het, en mag het zo gedeeld worden? Wat u wilt veranderen of \
     weglaten, bespreekt u met de regisseur. Er gaat niets naar een corporatie voordat u \
     toestemming hebt gegeven.";
pub const PROFILE_PRINT_SIGN: [&str; 2] = [
    "Gelezen en besproken op: ____________________",
    "Handtekening inwoner: ____________________",
];
pub const PROFILE_PRINT_BUTTON: &str = "Afdrukken voor de inwoner";

/// "Dossiernummer … · afgedrukt op …": what the printed profile says it is about, without a
/// name (the coordinator's vault holds none).
pub fn profile_print_subtitle(case: &Case, today: Date) -> String {
    let reference = case
        .overdracht
        .as_ref()
        .map_or(case.dossier.id.as_str(), |o| o.reference());
    format!(
        "Dossiernummer {reference} · afgedrukt op {}",
        vocab::date(today)
    )
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

pub fn readable_profile(p: &PlacementProfile) -> ReadableProfile {
    let categories = ProfileCategory::ALL
        .iter()
        .map(|&c| CategoryLine {
            category: c.dutch(),
            value: vocab::category_value(p, c),
            note: p
                .notes
                .get(&c)
                .map(|n| n.trim().to_string())
                .filter(|n| !n.is_empty()),
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
            value: p.housing_form.dutch().into(),
        },
        Line {
            label: "Huurachterstand",
            value: p.rent_arrears.dutch().into(),
        },
        Line {
            label: "Overlast",
            value: p.nuisance.dutch().into(),
        },
        Line {
            label: "Bewindvoering",
            value: vocab::yes_no(p.budget_management).into(),
        },
        Line {
            label: "Contractvorm",
            value: p.contract_form.dutch().into(),
        },
        Line {
            label: "Ondersteuning",
            value: format!(
                "{} uur per week; 24 uur per dag bereikbaar: {}",
                vocab::hours(p.support_hours_per_week),
                vocab::yes_no(p.reachable_24_7).to_lowercase()
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
            value: p.safety_plan.dutch().into(),
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
            value: p.age_band.dutch().into(),
        },
        Line {
            label: "Inkomensgroep",
            value: p.income_band.dutch().into(),
        },
        Line {
            label: "Maximale huur",
            value: format!("{} per maand (kale huur)", vocab::euro(p.max_rent_cents)),
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

/// The chosen cases that go into the bundle: ready ones only, in the order of the list (a case
/// that became unready after it was ticked is not sent).
pub fn chosen_ids(chosen: &BTreeSet<String>, candidates: &[BundleCandidate]) -> Vec<String> {
    candidates
        .iter()
        .filter(|c| c.ready && chosen.contains(&c.id))
        .map(|c| c.id.clone())
        .collect()
}

/// What the bundle form still needs, as (element id, Dutch message): an association, and at
/// least one ready case (the message sits at the first ready case's box, or at the list).
pub fn form_errors(
    association: &str,
    ids: &[String],
    candidates: &[BundleCandidate],
) -> Vec<(String, String)> {
    let mut found = Vec::new();
    if association.is_empty() {
        found.push((
            "corporatie".to_string(),
            "Kies een woningcorporatie.".to_string(),
        ));
    }
    if ids.is_empty() {
        let at = candidates
            .iter()
            .find(|c| c.ready)
            .map(|c| format!("dossier-{}", c.id))
            .unwrap_or_else(|| "dossiers".into());
        found.push((at, "Kies minstens één dossier voor de bundel.".to_string()));
    }
    found
}

/// Every open (not archived) case, with whether it may go into a bundle and to whom it fits.
pub fn bundle_candidates(ws: &Workspace, today: Date) -> Vec<BundleCandidate> {
    ws.cases()
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
                        let n = problems.findings.len();
                        blockers.push(format!(
                            "{} gegevens die naar de inwoner herleidbaar zijn.",
                            if n == 1 {
                                "1 notitie bevat".to_string()
                            } else {
                                format!("{n} notities bevatten")
                            }
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
    use std::collections::BTreeMap;
    use woonkans_core::profile::{
        AgeBand, ContractForm, Gender, History, HousingForm, IncomeBand, LivingSituation, Mobility,
        RelapseAgreement, RelapsePlan, SafetyPlan, SelfReliance,
    };

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
                    party: woonkans_core::profile::Party::CareProvider,
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
}

#[cfg(test)]
mod form_tests {
    use super::*;

    fn candidate(id: &str, ready: bool) -> BundleCandidate {
        BundleCandidate {
            id: id.into(),
            label: String::new(),
            ready,
            blockers: Vec::new(),
            eligible_associations: Vec::new(),
        }
    }

    #[test]
    fn only_ready_ticked_cases_go_in_list_order_and_the_form_says_what_is_missing() {
        let list = [
            candidate("b", true),
            candidate("a", false),
            candidate("c", true),
        ];
        let ticked: BTreeSet<String> = ["c", "a", "b"].map(String::from).into();
        assert_eq!(chosen_ids(&ticked, &list), ["b", "c"]);
        assert!(form_errors("vb-maasdal", &["b".into()], &list).is_empty());
        let both = form_errors("", &[], &list);
        assert_eq!(
            both,
            [
                (
                    "corporatie".to_string(),
                    "Kies een woningcorporatie.".to_string()
                ),
                (
                    "dossier-b".to_string(),
                    "Kies minstens één dossier voor de bundel.".to_string()
                ),
            ]
        );
        let none_ready = form_errors("vb-maasdal", &[], &[candidate("a", false)]);
        assert_eq!(none_ready[0].0, "dossiers");
    }
}
