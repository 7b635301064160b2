//! Fictitious ready cases, one home for every test that needs a case at step 5: a resident's
//! dossier with every gate up to step 4 recorded and a complete, clean placement-profile draft,
//! so the case can be profiled, matched and put into a bundle.
//!
//! Every resident here is made up: common Dutch names, birth dates and BSNs that pass the
//! 11-test (9999…, like the numbers the tests used before). A test changes what it asserts on
//! after calling a builder.

use crate::date::Date;
use crate::dossier::{Dossier, Income, IncomeSource, PersonName};
use crate::keys::{Identity, KeyCard, Role};
use crate::profile::{
    Assessment, ContractForm, Gender, History, HousingForm, LivingSituation, Mobility, Party,
    ProfileDraft, RelapseAgreement, RelapsePlan, SCORED, SafetyPlan,
};
use crate::region::Region;
use crate::register::Gate;
use crate::sample::sample_offer;
use crate::workspace::{Case, Workspace};

/// A fictitious resident: who a ready case is about.
#[derive(Clone, Copy)]
pub struct Resident {
    pub first_names: &'static str,
    pub tussenvoegsel: &'static str,
    pub surname: &'static str,
    pub bsn: &'static str,
    /// Year, month, day; every resident is in the 23-27 age band at the end of 2026.
    pub born: (i32, u8, u8),
    pub gender: Gender,
    pub living_situation: LivingSituation,
    pub income: Income,
}

impl Resident {
    pub fn birth_date(&self) -> Date {
        Date::new(self.born.0, self.born.1, self.born.2).expect("a valid fixture date")
    }

    pub fn name(&self) -> PersonName {
        PersonName {
            first_names: self.first_names.into(),
            tussenvoegsel: self.tussenvoegsel.into(),
            surname: self.surname.into(),
            call_name: String::new(),
        }
    }
}

/// Five distinct residents; tests take different ones so no test depends on one person.
pub const RESIDENTS: [Resident; 5] = [
    Resident {
        first_names: "Anna",
        tussenvoegsel: "de",
        surname: "Vries",
        bsn: "999994669",
        born: (2001, 3, 12),
        gender: Gender::Female,
        living_situation: LivingSituation::ShelteredHousing,
        income: Income {
            yearly_amount_euros: 18_000,
            source: IncomeSource::Benefits,
        },
    },
    Resident {
        first_names: "Noël Johannes",
        tussenvoegsel: "van der",
        surname: "Berg",
        bsn: "999993653",
        born: (2000, 6, 21),
        gender: Gender::Male,
        living_situation: LivingSituation::ShelteredHousing,
        income: Income {
            yearly_amount_euros: 18_000,
            source: IncomeSource::Benefits,
        },
    },
    Resident {
        first_names: "Robin",
        tussenvoegsel: "",
        surname: "Smits",
        bsn: "999990019",
        born: (1999, 12, 5),
        gender: Gender::Other,
        living_situation: LivingSituation::SocialShelter,
        income: Income {
            yearly_amount_euros: 16_000,
            source: IncomeSource::Wajong,
        },
    },
    Resident {
        first_names: "Fatima",
        tussenvoegsel: "el",
        surname: "Amrani",
        bsn: "999991772",
        born: (2002, 9, 30),
        gender: Gender::Female,
        living_situation: LivingSituation::SocialShelter,
        income: Income {
            yearly_amount_euros: 17_500,
            source: IncomeSource::Work,
        },
    },
    Resident {
        first_names: "Lou",
        tussenvoegsel: "",
        surname: "Peeters",
        bsn: "999995157",
        born: (2001, 11, 8),
        gender: Gender::NotStated,
        living_situation: LivingSituation::Other,
        income: Income {
            yearly_amount_euros: 17_000,
            source: IncomeSource::StudentFinance,
        },
    },
];

/// An empty workspace of the Noord-Limburg coordinator with the sample offer.
pub fn workspace() -> Workspace {
    let mut ws = Workspace::new(sample_offer());
    ws.settings.region = Some(Region::NoordLimburg);
    ws
}

/// Records the gates up to step 4: the mandate on 1 September 2026, the eligibility and the
/// consent to share on 1 October 2026.
pub fn record_gates_to_step_4(dossier: &mut Dossier) {
    let date = |m| Date::new(2026, m, 1).expect("a valid fixture date");
    for (gate, at, actor) in [
        (Gate::ConsentToRegister, date(9), "Zorgaanbieder"),
        (Gate::EligibilityAndSupportPlan, date(10), "Wmo-consulent"),
        (
            Gate::ConsentToShareWithCoordinator,
            date(10),
            "Wmo-consulent",
        ),
    ] {
        dossier
            .record_gate(gate, at, actor)
            .expect("the gates in their order");
    }
}

/// The documents the lease needs, received on 15 September 2026; the bewindvoering ruling too
/// under bewindvoering, otherwise not applicable.
pub fn documents_in(dossier: &mut Dossier) {
    use crate::dossier::{DocumentKind, DocumentStatus};
    let received = Date::new(2026, 9, 15).expect("a valid fixture date");
    for kind in DocumentKind::ALL {
        let ruled = dossier.budget_management;
        let entry = dossier.documents.get_mut(kind);
        if kind == DocumentKind::BewindvoeringRuling && !ruled {
            entry.status = DocumentStatus::NotApplicable;
        } else {
            entry.status = DocumentStatus::Received;
            entry.date = Some(received);
        }
    }
}

/// The dossier of `resident` in Venlo, a household of one, without gates.
pub fn dossier(id: &str, resident: &Resident) -> Dossier {
    let mut x = Dossier::new(id);
    x.name = resident.name();
    x.gemeente = "Venlo".into();
    x.birth_date = Some(resident.birth_date());
    x.bsn = Some(resident.bsn.into());
    x.gender = Some(resident.gender);
    x.household_size = 1;
    x.living_situation = Some(resident.living_situation);
    x.income = Some(resident.income);
    x
}

/// A complete placement-profile draft without free text that identifies: every score 3, Venlo,
/// no history, a lease with a care agreement, 6 hours of support a week, reachable day and night,
/// a relapse plan with the care provider and the association, no safety plan needed.
pub fn ready_draft() -> ProfileDraft {
    let mut draft = ProfileDraft::default();
    for c in SCORED {
        draft.assessments.insert(
            c,
            Assessment {
                level: Some(3),
                note: String::new(),
            },
        );
    }
    draft.mobility = Some(Mobility::None);
    draft.search_area = vec!["Venlo".into()];
    draft.housing_form = Some(HousingForm::NoPreference);
    draft.rent_arrears = Some(History::None);
    draft.nuisance = Some(History::None);
    draft.budget_management = Some(false);
    draft.contract_form = Some(ContractForm::LeaseWithCareAgreement);
    draft.support_hours_per_week = Some(6.0);
    draft.reachable_24_7 = Some(true);
    draft.relapse_plan = RelapsePlan {
        signals: "Post blijft liggen.".into(),
        agreements: vec![
            RelapseAgreement {
                party: Party::CareProvider,
                action: "Huisbezoek binnen twee werkdagen.".into(),
            },
            RelapseAgreement {
                party: Party::HousingAssociation,
                action: "Meldt een huurachterstand na een maand.".into(),
            },
        ],
    };
    draft.safety_plan = Some(SafetyPlan::NotNeeded);
    draft
}

/// Adds the ready case of `resident` under `id`: the dossier with the gates up to step 4
/// ([`record_gates_to_step_4`]) and the [`ready_draft`]. Returns the case for a test's changes.
pub fn add_ready_case<'a>(ws: &'a mut Workspace, id: &str, resident: &Resident) -> &'a mut Case {
    let case = ws.add_case(id).expect("a new case id");
    case.dossier = dossier(id, resident);
    record_gates_to_step_4(&mut case.dossier);
    case.profile = ready_draft();
    case
}

/// The coordinator's ready case of `resident` under `id`, as an overdracht on `today` makes it:
/// the step-4 facts and identifier prints of the resident's dossier (gates up to step 4), the
/// [`ready_draft`], and nothing of the identity. For tests of a coordinator's vault.
pub fn add_coordinator_case<'a>(
    ws: &'a mut Workspace,
    id: &str,
    resident: &Resident,
    birth_date: Option<Date>,
    today: Date,
) -> &'a mut Case {
    let mut full = dossier(id, resident);
    if birth_date.is_some() {
        full.birth_date = birth_date;
    }
    record_gates_to_step_4(&mut full);
    let region = ws.region().expect("the vault's region");
    let limits = ws.settings().rent_limits_on(today);
    let o = crate::transfer::Overdracht::of(&full, today, region, &limits, [7; 32])
        .expect("the resident's overdracht");
    let case = ws.add_case(id).expect("a new case id");
    case.dossier = o.step4_dossier(id);
    case.in_care_since = o.facts().in_care_since;
    case.overdracht = Some(o);
    case.profile = ready_draft();
    case
}

/// A step-4 row as a coordinator types it from a report: a woman in the social shelter of
/// `gemeente`, aged `age_band`, alone, income at or below the limit, no debts, gates dated
/// `today`. Tests change what they need.
pub fn typed_intake(
    gemeente: &str,
    age_band: crate::profile::AgeBand,
    today: Date,
) -> crate::transfer::TypedIntake {
    crate::transfer::TypedIntake {
        gender: Some(crate::profile::Gender::Female),
        living_situation: crate::profile::LivingSituation::SocialShelter,
        age_band,
        gemeente: gemeente.into(),
        household_size: 1,
        income_band: crate::profile::IncomeBand::AtOrBelowLimit,
        has_debts: false,
        budget_management: false,
        young_rent_limit: false,
        care_provider: None,
        wmo_consultant: None,
        mandate_date: today,
        support_plan_date: today,
        recorded_by: "Wmo-consulent Venlo, rapport".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Keys: vaults that know each other, for the envelope tests of every crate.

/// The coordinator's organisation in the envelope fixtures.
pub const COORDINATOR: &str = "Ketenregie Noord-Limburg";

/// 64 fixed "random" bytes, different per seed.
pub fn fixed_random(seed: u8) -> [u8; 64] {
    std::array::from_fn(|i| seed.wrapping_mul(37).wrapping_add(i as u8))
}

/// Gives the coordinator's vault its keys (role Regisseur).
pub fn coordinator_keys(ws: &mut Workspace, today: Date) {
    ws.create_keys(
        Identity {
            role: Role::Regisseur,
            organisation: COORDINATOR.into(),
            organisation_id: "ketenregie-noord".into(),
            region: Some(Region::NoordLimburg),
        },
        today,
        fixed_random(1),
    )
    .expect("the coordinator's keys");
}

/// Imports `card` into `ws` and confirms it with the fingerprint read back, as two people on
/// the phone do; links an association's card to `association_id` of the offer.
pub fn import_and_confirm(
    ws: &mut Workspace,
    card: &str,
    association_id: Option<&str>,
    today: Date,
) {
    let fp = KeyCard::parse(card.as_bytes(), None)
        .expect("a key card")
        .fingerprint();
    ws.import_card(card.as_bytes(), association_id, today)
        .expect("the card imports");
    ws.confirm_contact(fp, &fp.to_string())
        .expect("the fingerprint confirms");
    if let Some(id) = association_id {
        ws.link_contact(fp, id).expect("the card links");
    }
}

/// The vault of association `association_id` of the coordinator's offer, with its own keys
/// (role Woningcorporatie, each association its own); the coordinator (which must have keys) and
/// it know each other.
pub fn association_vault(
    coordinator: &mut Workspace,
    association_id: &str,
    today: Date,
) -> Workspace {
    let name = coordinator
        .offer()
        .association(association_id)
        .expect("an association of the offer")
        .name
        .clone();
    let mut association = Workspace::new(sample_offer());
    association.set_region(Some(Region::NoordLimburg));
    association
        .choose_role(Role::Woningcorporatie)
        .expect("a new vault takes a role");
    let seed = association_id
        .bytes()
        .fold(2u8, |a, b| a.wrapping_mul(31).wrapping_add(b))
        | 2;
    association
        .create_keys(
            Identity {
                role: Role::Woningcorporatie,
                organisation: name,
                organisation_id: association_id.into(),
                region: Some(Region::NoordLimburg),
            },
            today,
            fixed_random(seed),
        )
        .expect("the association's keys");
    let (_, card) = association.own_card_file().expect("its card");
    import_and_confirm(coordinator, &card, Some(association_id), today);
    let (_, card) = coordinator.own_card_file().expect("the coordinator's card");
    import_and_confirm(&mut association, &card, None, today);
    association
}

/// The coordinator's keys and a vault for every association of its offer that knows it:
/// (association id, its vault).
pub fn every_association(coordinator: &mut Workspace, today: Date) -> Vec<(String, Workspace)> {
    coordinator_keys(coordinator, today);
    let ids: Vec<String> = coordinator
        .offer()
        .associations
        .iter()
        .map(|a| a.id.clone())
        .collect();
    ids.into_iter()
        .map(|id| {
            let vault = association_vault(coordinator, &id, today);
            (id, vault)
        })
        .collect()
}

/// A new vault of `role` for `organisation` in Noord-Limburg, with its own keys (`seed`).
pub fn role_vault(role: Role, organisation: &str, seed: u8, today: Date) -> Workspace {
    let mut ws = workspace();
    ws.choose_role(role).expect("a new vault takes a role");
    ws.create_keys(
        Identity {
            role,
            organisation: organisation.into(),
            organisation_id: organisation.to_lowercase().replace(' ', "-"),
            region: Some(Region::NoordLimburg),
        },
        today,
        fixed_random(seed),
    )
    .expect("the vault's keys");
    ws
}

/// `a` and `b` import and confirm each other's key cards.
pub fn introduce(a: &mut Workspace, b: &mut Workspace, today: Date) {
    let (_, card) = a.own_card_file().expect("a's card");
    import_and_confirm(b, &card, None, today);
    let (_, card) = b.own_card_file().expect("b's card");
    import_and_confirm(a, &card, None, today);
}

// ---------------------------------------------------------------------------------------------
// The chain of roles: one resident's way from the care provider to the coordinator in envelopes.

/// The care provider's dossier `id` of resident `i` in `zorg`: step-1 data (an address in
/// Venlo, a phone, an e-mail, the care provider's person) and the mandate, dated `today`.
pub fn registered(zorg: &mut Workspace, id: &str, i: usize, today: Date) {
    let mut d = dossier(id, &RESIDENTS[i]);
    d.address.street = "Kerkstraat".to_string();
    d.address.house_number = 10 + i as u32;
    d.address.postcode = "5911 AB".into();
    d.address.place = "Venlo".into();
    d.phones = vec![format!("06-1234567{i}")];
    d.email = Some(format!("bewoner{i}@example.nl"));
    d.care_provider = Some(crate::dossier::Contact {
        organisation: "De Brug Zorg".into(),
        person: "Sanne Verhoeven".into(),
    });
    d.record_gate(Gate::ConsentToRegister, today, "Zorgaanbieder De Brug")
        .expect("the mandate");
    zorg.add_case(id).expect("a new dossier");
    zorg.case_mut(id).expect("the dossier").dossier = d;
}

/// What the Wmo consultant adds to dossier `id` of resident `i` at step 3 (identity, income, a
/// health note, an IBAN, the consultant) and the gates into step 4, dated `today`.
pub fn investigated(wmo: &mut Workspace, id: &str, i: usize, today: Date) {
    let full = dossier(id, &RESIDENTS[i]);
    let d = &mut wmo.case_mut(id).expect("the Wmo dossier").dossier;
    d.birth_date = full.birth_date;
    d.bsn = full.bsn;
    d.gender = full.gender;
    d.household_size = 1;
    d.living_situation = full.living_situation;
    d.income = full.income;
    d.health = "Diabetes type 2, goed ingesteld.".into();
    d.iban = Some("NL91ABNA0417164300".into());
    d.wmo_consultant = Some(crate::dossier::Contact {
        organisation: "Wmo Venlo".into(),
        person: "Ruud Hendriks".into(),
    });
    for gate in [
        Gate::EligibilityAndSupportPlan,
        Gate::ConsentToShareWithCoordinator,
    ] {
        d.record_gate(gate, today, "Wmo-consulent Venlo")
            .expect("a gate into step 4");
    }
}

/// The care provider, the Wmo consultant and the coordinator of Noord-Limburg, each its own
/// vault with keys; the care provider and the Wmo consultant, and the Wmo consultant and the
/// coordinator, have confirmed each other's cards. Every step goes through the real envelopes.
pub struct Chain {
    pub zorg: Workspace,
    pub wmo: Workspace,
    pub regie: Workspace,
    /// The date every step is recorded on.
    pub today: Date,
}

fn fingerprint(ws: &Workspace) -> crate::keys::Fingerprint {
    ws.parties()
        .keys()
        .expect("a vault with keys")
        .card()
        .fingerprint()
}

impl Chain {
    pub fn new(today: Date) -> Chain {
        let mut zorg = role_vault(Role::Zorgaanbieder, "De Brug Zorg", 11, today);
        let mut wmo = role_vault(Role::WmoConsulent, "Wmo Venlo", 12, today);
        let mut regie = role_vault(Role::Regisseur, "Ketenregie Noord-Limburg", 13, today);
        introduce(&mut zorg, &mut wmo, today);
        introduce(&mut wmo, &mut regie, today);
        Chain {
            zorg,
            wmo,
            regie,
            today,
        }
    }

    /// Resident `i` registered at the care provider, taken in by the Wmo consultant through the
    /// aanmelding, and investigated up to the gates into step 4.
    pub fn at_wmo(&mut self, id: &str, i: usize) {
        registered(&mut self.zorg, id, i, self.today);
        let f = self
            .zorg
            .seal_aanmelding(
                id,
                fingerprint(&self.wmo),
                [i as u8 + 1; 16],
                [7; 32],
                self.today,
                "t",
            )
            .expect("the aanmelding");
        self.wmo
            .open_aanmelding(&f.bytes, "t")
            .expect("the aanmelding opens");
        investigated(&mut self.wmo, id, i, self.today);
    }

    /// The Wmo consultant's overdracht of resident `i`, opened by the coordinator.
    pub fn hand_over(&mut self, id: &str, i: usize) {
        let f = self
            .wmo
            .seal_overdracht(
                id,
                fingerprint(&self.regie),
                [i as u8 + 9; 32],
                [i as u8 + 30; 16],
                [9; 32],
                self.today,
                "t",
            )
            .expect("the overdracht");
        self.regie
            .open_overdracht(&f.bytes, "t")
            .expect("the overdracht opens");
    }

    /// Resident `i` all the way: the coordinator holds the case at step 4.
    pub fn to_coordinator(&mut self, id: &str, i: usize) {
        self.at_wmo(id, i);
        self.hand_over(id, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_resident_is_distinct_valid_and_ready() {
        let mut ws = workspace();
        let today = Date::new(2026, 11, 28).unwrap();
        for (i, r) in RESIDENTS.iter().enumerate() {
            assert!(crate::validate::bsn(r.bsn).is_ok(), "{i}");
            add_ready_case(&mut ws, &format!("fixture{i}"), r);
            assert!(ws.profile(&format!("fixture{i}"), today).is_ok(), "{i}");
        }
        let bsns: std::collections::BTreeSet<_> = RESIDENTS.iter().map(|r| r.bsn).collect();
        assert_eq!(bsns.len(), RESIDENTS.len());
    }
}
