//! The embedded sample data: a realistic but clearly fictitious housing offer for both regions,
//! so the app works on first start. Every association is an invented example (`example: true`,
//! names beginning with "Voorbeeld"); neighbourhood names are real place names, used only to make
//! the data look familiar.
//!
//! Generated, not stored: a fixed-seed splitmix64 stream drives every choice, so the same offer
//! comes out on every machine and every build. The same generator, with another size or seed,
//! feeds the benchmarks (`synthetic_offer`, `synthetic_profiles`).

use crate::assign::splitmix64;
use crate::date::Date;
use crate::offer::{AgeLabel, Criteria, Dwelling, DwellingType, HousingAssociation, Offer};
use crate::profile::{
    AgeBand, ContractForm, Gender, History, HousingForm, IncomeBand, LivingSituation, Mobility,
    Party, PlacementProfile, RelapseAgreement, RelapsePlan, SafetyPlan, SelfReliance,
};
use crate::region::{MIDDEN_LIMBURG, NOORD_LIMBURG, all_gemeenten};
use crate::rentlimits;
use std::collections::BTreeMap;

/// Number of dwellings in the embedded sample.
pub const SAMPLE_DWELLINGS: usize = 480;
const SAMPLE_SEED: u64 = 0x576F_6F6E_6B61_6E73; // "Woonkans"

/// A tiny deterministic random stream (splitmix64 over a counter).
struct Rng {
    seed: u64,
    k: u64,
}

impl Rng {
    fn new(seed: u64) -> Self {
        Rng { seed, k: 0 }
    }
    fn next(&mut self) -> u64 {
        self.k += 1;
        splitmix64(self.seed, self.k)
    }
    /// Uniform in 0..n (n > 0); the modulo bias is irrelevant for sample data.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn range(&mut self, lo: u64, hi_inclusive: u64) -> u64 {
        lo + self.below(hi_inclusive - lo + 1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Neighbourhoods (wijken, kernen) per gemeente.
pub fn neighbourhoods(gemeente: &str) -> &'static [&'static str] {
    match gemeente {
        "Venlo" => &[
            "Blerick",
            "Tegelen",
            "Venlo-Oost",
            "Hagerhof",
            "Venlo-Zuid",
            "Belfeld",
            "Arcen",
            "Steyl",
        ],
        "Venray" => &[
            "Venray-Centrum",
            "Brabantsepoort",
            "Landweert",
            "Oostrum",
            "Ysselsteyn",
        ],
        "Horst aan de Maas" => &["Horst", "Sevenum", "America", "Grubbenvorst", "Hegelsom"],
        "Peel en Maas" => &["Panningen", "Helden", "Maasbree", "Baarlo", "Kessel"],
        "Beesel" => &["Reuver", "Beesel", "Offenbeek"],
        "Bergen (L.)" => &["Bergen", "Well", "Afferden", "Siebengewald"],
        "Gennep" => &["Gennep-Centrum", "Heijen", "Ottersum", "Milsbeek"],
        "Mook en Middelaar" => &["Mook", "Molenhoek", "Middelaar"],
        "Roermond" => &[
            "Donderberg",
            "Kapel in 't Zand",
            "Roermond-Centrum",
            "Maasniel",
            "Herten",
            "Swalmen",
            "Asenray",
        ],
        "Weert" => &[
            "Weert-Centrum",
            "Fatima",
            "Leuken",
            "Moesel",
            "Keent",
            "Stramproy",
            "Altweerterheide",
        ],
        "Leudal" => &["Heythuysen", "Haelen", "Horn", "Roggel", "Baexem", "Neer"],
        "Maasgouw" => &["Maasbracht", "Thorn", "Wessem", "Linne", "Heel"],
        "Nederweert" => &["Nederweert", "Nederweert-Eind", "Ospel", "Leveroy"],
        "Roerdalen" => &[
            "Vlodrop",
            "Herkenbosch",
            "Melick",
            "Sint Odiliënberg",
            "Posterholt",
        ],
        "Echt-Susteren" => &[
            "Echt",
            "Susteren",
            "Pey",
            "Maria Hoop",
            "Koningsbosch",
            "Nieuwstadt",
        ],
        _ => &["Centrum"],
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_string()).collect()
}

fn associations() -> Vec<HousingAssociation> {
    use ContractForm::*;
    let a = |id: &str,
             name: &str,
             area: &[&str],
             forms: &[ContractForm],
             arrears: (History, bool),
             nuisance: (History, bool),
             relapse: bool,
             hours: f64,
             max: Option<u32>,
             current: &[(&str, u32)]| HousingAssociation {
        id: id.to_string(),
        name: name.to_string(),
        working_area: strings(area),
        criteria: Criteria {
            accepted_contract_forms: forms.to_vec(),
            max_rent_arrears: arrears.0,
            arrears_requires_budget_management: arrears.1,
            max_nuisance: nuisance.0,
            nuisance_requires_safety_plan: nuisance.1,
            relapse_plan_required: relapse,
            min_support_hours: hours,
            max_placements_per_neighbourhood: max,
            current_placements: current
                .iter()
                .map(|(n, c)| ((*n).to_string(), *c))
                .collect::<BTreeMap<_, _>>(),
        },
        example: true,
    };
    vec![
        a(
            "vb-maasdal",
            "Voorbeeld Woonstichting Maasdal",
            &["Venlo", "Beesel", "Peel en Maas"],
            &[RegularLease, LeaseWithCareAgreement],
            (History::Resolved, true),
            (History::Resolved, true),
            true,
            2.0,
            Some(3),
            &[
                ("Blerick", 2),
                ("Venlo-Oost", 3),
                ("Tegelen", 1),
                ("Reuver", 1),
            ],
        ),
        a(
            "vb-peelrand",
            "Voorbeeld Wonen Peelrand",
            &["Venray", "Horst aan de Maas", "Gennep", "Bergen (L.)"],
            &[
                RegularLease,
                LeaseWithCareAgreement,
                LeaseInCareProviderName,
            ],
            (History::Current, true),
            (History::Resolved, false),
            true,
            1.0,
            None,
            &[],
        ),
        a(
            "vb-heuvelland",
            "Voorbeeld Woningvereniging Heuvelland Noord",
            &["Mook en Middelaar", "Gennep", "Bergen (L.)"],
            &[LeaseWithCareAgreement, LeaseInCareProviderName],
            (History::None, false),
            (History::None, false),
            true,
            4.0,
            Some(2),
            &[("Molenhoek", 2), ("Heijen", 1)],
        ),
        a(
            "vb-roerstreek",
            "Voorbeeld Woonstichting Roerstreek",
            &["Roermond", "Roerdalen", "Maasgouw"],
            &[RegularLease, LeaseWithCareAgreement],
            (History::Resolved, false),
            (History::Resolved, true),
            false,
            3.0,
            Some(4),
            &[("Donderberg", 4), ("Kapel in 't Zand", 2), ("Maasniel", 1)],
        ),
        a(
            "vb-kempenland",
            "Voorbeeld Woonbedrijf Kempenland",
            &["Weert", "Nederweert", "Leudal"],
            &[RegularLease, LeaseInCareProviderName],
            (History::Resolved, true),
            (History::Current, true),
            true,
            2.5,
            None,
            &[],
        ),
        a(
            "vb-grensmaas",
            "Voorbeeld Woonstichting Grensmaas",
            &["Echt-Susteren", "Maasgouw", "Roerdalen", "Roermond"],
            &[
                RegularLease,
                LeaseWithCareAgreement,
                LeaseInCareProviderName,
            ],
            (History::Current, false),
            (History::Resolved, true),
            false,
            0.0,
            Some(5),
            &[("Echt", 2), ("Susteren", 5), ("Pey", 1)],
        ),
        // Works across both regions but lists no dwellings yet: still selectable on policy in
        // step 4, before any dwelling is known.
        a(
            "vb-thuis",
            "Voorbeeld Stichting Thuis in Limburg",
            &["Venlo", "Venray", "Roermond", "Weert", "Leudal"],
            &[LeaseInCareProviderName],
            (History::Current, true),
            (History::Current, true),
            true,
            6.0,
            None,
            &[],
        ),
    ]
}

/// The invented associations; the last one has no dwellings.
pub fn sample_associations() -> Vec<HousingAssociation> {
    associations()
}

/// Relative size of the stock per gemeente (roughly the number of inhabitants).
fn gemeente_weight(g: &str) -> u64 {
    match g {
        "Venlo" => 10,
        "Roermond" => 6,
        "Weert" => 5,
        "Venray" => 4,
        "Horst aan de Maas" | "Peel en Maas" | "Leudal" | "Echt-Susteren" => 4,
        "Maasgouw" | "Roerdalen" | "Gennep" | "Nederweert" => 2,
        _ => 1,
    }
}

fn dwelling(rng: &mut Rng, k: usize, assocs: &[HousingAssociation]) -> Dwelling {
    let gemeenten: Vec<&str> = all_gemeenten().collect();
    // The first fifteen dwellings visit every gemeente once, so any size covers all of them.
    let gemeente = if k < gemeenten.len() {
        gemeenten[k]
    } else {
        let total: u64 = gemeenten.iter().map(|g| gemeente_weight(g)).sum();
        let mut x = rng.below(total);
        let mut chosen = gemeenten[0];
        for g in &gemeenten {
            let w = gemeente_weight(g);
            if x < w {
                chosen = g;
                break;
            }
            x -= w;
        }
        chosen
    };
    let owners: Vec<&HousingAssociation> = assocs
        .iter()
        .filter(|a| a.id != "vb-thuis" && a.working_area.iter().any(|g| g == gemeente))
        .collect();
    let association_id = if owners.is_empty() {
        assocs[0].id.clone()
    } else {
        rng.pick(&owners).id.clone()
    };
    let neighbourhood = (*rng.pick(neighbourhoods(gemeente))).to_string();
    // Each of the first five of every 40 dwellings takes one type in turn, so every type occurs
    // whatever the size; the rest follow a realistic mix.
    let dwelling_type = if k % 40 < 5 {
        DwellingType::ALL[k % 40]
    } else {
        match rng.below(100) {
            0..=17 => DwellingType::Studio,
            18..=54 => DwellingType::Apartment,
            55..=71 => DwellingType::GroundFloorApartment,
            72..=89 => DwellingType::SingleFamilyHouse,
            _ => DwellingType::ClusterUnit,
        }
    };
    let (rooms, in_complex, rent_lo, rent_hi, max_household) = match dwelling_type {
        DwellingType::Studio => (1, rng.chance(80), 38_000, 52_000, 1),
        DwellingType::Apartment => (rng.range(2, 4) as u8, rng.chance(60), 55_000, 78_000, 3),
        DwellingType::GroundFloorApartment => {
            (rng.range(2, 3) as u8, rng.chance(50), 58_000, 76_000, 2)
        }
        DwellingType::SingleFamilyHouse => (rng.range(3, 5) as u8, false, 68_000, 93_000, 6),
        DwellingType::ClusterUnit => (rng.range(1, 2) as u8, true, 42_000, 65_000, 1),
    };
    let rent_cents = rng.range(rent_lo, rent_hi) as u32;
    let step_free_chance = match dwelling_type {
        DwellingType::GroundFloorApartment => 100,
        DwellingType::ClusterUnit => 70,
        DwellingType::Apartment => 50,
        DwellingType::Studio => 40,
        DwellingType::SingleFamilyHouse => 10,
    };
    let step_free = rng.chance(step_free_chance);
    let wheelchair = step_free && rng.chance(15);
    let age_label = match (dwelling_type, rng.below(100)) {
        (DwellingType::Studio | DwellingType::ClusterUnit, 0..=34) => AgeLabel::YoungAdults,
        (DwellingType::GroundFloorApartment | DwellingType::Apartment, 0..=19) => {
            AgeLabel::FiftyFivePlus
        }
        _ => AgeLabel::None,
    };
    let min_household = if dwelling_type == DwellingType::SingleFamilyHouse && rng.chance(40) {
        2
    } else {
        1
    };
    let max_household = if dwelling_type == DwellingType::Apartment {
        rng.range(2, u64::from(max_household)) as u8
    } else {
        max_household
    };
    let start = Date::new(2026, 1, 1).map_or(20_454, Date::days_since_epoch);
    let available_from = Date::from_days_since_epoch(start + rng.below(730) as i64);
    Dwelling {
        id: format!("VB-{:05}", k + 1),
        association_id,
        gemeente: gemeente.to_string(),
        neighbourhood,
        dwelling_type,
        in_complex,
        rooms,
        rent_cents,
        step_free,
        wheelchair,
        age_label,
        min_household,
        max_household,
        available_from,
    }
}

/// An offer of the sample's associations with `dwellings` generated dwellings.
pub fn synthetic_offer(dwellings: usize, seed: u64) -> Offer {
    let associations = associations();
    let mut rng = Rng::new(seed);
    let dwellings = (0..dwellings)
        .map(|k| dwelling(&mut rng, k, &associations))
        .collect();
    Offer {
        associations,
        dwellings,
    }
}

/// The embedded sample offer: seven invented associations, 480 dwellings in all fifteen gemeenten.
pub fn sample_offer() -> Offer {
    synthetic_offer(SAMPLE_DWELLINGS, SAMPLE_SEED)
}

/// `n` generated placement profiles, for benchmarks and examples. Search areas stay within one
/// region; maximum rents come from the shipped rent-limit table.
pub fn synthetic_profiles(n: usize, seed: u64) -> Vec<PlacementProfile> {
    let mut rng = Rng::new(seed ^ 0x7072_6F66_696C_6573);
    let limits = rentlimits::current();
    (0..n)
        .map(|_| {
            let region: &[&str] = if rng.chance(55) {
                &NOORD_LIMBURG
            } else {
                &MIDDEN_LIMBURG
            };
            let mut search_area: Vec<String> = Vec::new();
            for _ in 0..rng.range(1, 4) {
                let g = (*rng.pick(region)).to_string();
                if !search_area.contains(&g) {
                    search_area.push(g);
                }
            }
            let excluded_neighbourhoods = (0..rng.below(3))
                .map(|_| (*rng.pick(neighbourhoods(&search_area[0]))).to_string())
                .collect();
            let age_band = *rng.pick(&AgeBand::ALL);
            let household_size = match rng.below(10) {
                0..=6 => 1,
                7..=8 => 2,
                _ => rng.range(3, 4) as u8,
            };
            let income_band = if rng.chance(85) {
                IncomeBand::AtOrBelowLimit
            } else {
                IncomeBand::AboveLimit
            };
            let level = |rng: &mut Rng| rng.range(1, 5) as u8;
            let relapse_plan = rng.chance(65).then(|| RelapsePlan {
                signals: "Post blijft liggen, afspraken worden gemist.".to_string(),
                agreements: vec![
                    RelapseAgreement {
                        party: Party::CareProvider,
                        action: "Binnen twee werkdagen een huisbezoek.".to_string(),
                    },
                    RelapseAgreement {
                        party: Party::HousingAssociation,
                        action: "Meldt een achterstand na één maand.".to_string(),
                    },
                ],
            });
            PlacementProfile {
                gender: *rng.pick(&[Gender::Male, Gender::Female, Gender::Other]),
                living_situation: *rng.pick(&[
                    LivingSituation::ShelteredHousing,
                    LivingSituation::SocialShelter,
                ]),
                mobility: match rng.below(20) {
                    0..=15 => Mobility::None,
                    16..=18 => Mobility::StepFree,
                    _ => Mobility::Wheelchair,
                },
                self_reliance: SelfReliance {
                    household_care: level(&mut rng),
                    work_day_activities: level(&mut rng),
                    social_network: level(&mut rng),
                    social_self_reliance: level(&mut rng),
                    finances_debts: level(&mut rng),
                },
                notes: BTreeMap::new(),
                search_area,
                excluded_neighbourhoods,
                housing_form: *rng.pick(&[
                    HousingForm::Independent,
                    HousingForm::InComplex,
                    HousingForm::Cluster,
                    HousingForm::NoPreference,
                ]),
                rent_arrears: *rng.pick(&[
                    History::None,
                    History::None,
                    History::Resolved,
                    History::Current,
                ]),
                nuisance: *rng.pick(&[
                    History::None,
                    History::None,
                    History::Resolved,
                    History::Current,
                ]),
                budget_management: rng.chance(40),
                contract_form: *rng.pick(&[
                    ContractForm::RegularLease,
                    ContractForm::LeaseWithCareAgreement,
                    ContractForm::LeaseInCareProviderName,
                ]),
                support_hours_per_week: rng.range(1, 16) as f64 / 2.0,
                reachable_24_7: rng.chance(30),
                relapse_plan,
                safety_plan: *rng.pick(&[
                    SafetyPlan::NotNeeded,
                    SafetyPlan::Needed,
                    SafetyPlan::Present,
                ]),
                household_size,
                age_band,
                income_band,
                max_rent_cents: limits.max_rent_cents(household_size, age_band, income_band),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_is_valid_and_deterministic() {
        let o = sample_offer();
        o.validate().unwrap();
        assert_eq!(o, sample_offer());
        assert_eq!(o.dwellings.len(), SAMPLE_DWELLINGS);
    }
}
