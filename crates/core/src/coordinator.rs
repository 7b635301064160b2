//! What a coordinator's vault may hold of a resident's dossier, as a type: the step-4 row's
//! values, the professionals, the gates and where the case stands. There is no field for a name,
//! BSN, address, phone, e-mail, birth date, income, IBAN, step-3 text or health. The cases a
//! coordinator's vault stores (`Workspace::cases_record`) pass through it, so they cannot carry
//! one whatever a code path put in memory, and reading refuses a stored case that does.

use crate::date::Date;
use crate::dossier::{Contact, Dossier, GateRecord};
use crate::error::{Error, Result};
use crate::profile::{Gender, LivingSituation};
use crate::register::Step;
use crate::role::Role;
use crate::workspace::{Case, Workspace};

/// The dossier part of a coordinator's case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoordinatorDossier {
    id: String,
    gemeente: String,
    gender: Option<Gender>,
    living_situation: Option<LivingSituation>,
    in_care_since: Option<Date>,
    household_size: u8,
    has_debts: bool,
    budget_management: bool,
    care_provider: Option<Contact>,
    wmo_consultant: Option<Contact>,
    gates: Vec<GateRecord>,
    step: Step,
    archived: bool,
}

impl From<&Dossier> for CoordinatorDossier {
    /// Field by field: whatever else `d` holds is left behind.
    fn from(d: &Dossier) -> CoordinatorDossier {
        CoordinatorDossier {
            id: d.id.clone(),
            gemeente: d.gemeente.clone(),
            gender: d.gender,
            living_situation: d.living_situation,
            in_care_since: d.in_care_since,
            household_size: d.household_size,
            has_debts: d.has_debts,
            budget_management: d.budget_management,
            care_provider: d.care_provider.clone(),
            wmo_consultant: d.wmo_consultant.clone(),
            gates: d.gates.clone(),
            step: d.step,
            archived: d.archived,
        }
    }
}

impl CoordinatorDossier {
    pub fn into_dossier(self) -> Dossier {
        let mut d = Dossier::new(self.id);
        d.gemeente = self.gemeente;
        d.gender = self.gender;
        d.living_situation = self.living_situation;
        d.in_care_since = self.in_care_since;
        d.household_size = self.household_size;
        d.has_debts = self.has_debts;
        d.budget_management = self.budget_management;
        d.care_provider = self.care_provider;
        d.wmo_consultant = self.wmo_consultant;
        d.gates = self.gates;
        d.step = self.step;
        d.archived = self.archived;
        d
    }
}

/// `d` as a coordinator may hold it: the step-4 values only.
pub fn part(d: &Dossier) -> Dossier {
    CoordinatorDossier::from(d).into_dossier()
}

/// Whether `d` holds nothing a coordinator may not.
pub fn holds_only_its_row(d: &Dossier) -> bool {
    part(d) == *d
}

fn not_coordinator_data() -> Error {
    Error::new(
        "STORED_CASE_NOT_ANONYMOUS",
        "De opgeslagen zaken van deze regisseurskluis bevatten gegevens die een regisseur niet mag hebben. Ze zijn niet geopend.",
    )
}

impl Workspace {
    /// The cases as the vault stores them. A coordinator's vault writes each dossier part
    /// through [`CoordinatorDossier`], so no identity reaches its storage whatever is in memory;
    /// other roles store the dossier whole.
    pub fn cases_record(&self) -> Vec<Case> {
        let coordinator = self.role() == Some(Role::Regisseur);
        self.cases()
            .iter()
            .map(|c| {
                let mut c = c.clone();
                if coordinator {
                    c.dossier = part(&c.dossier);
                }
                c
            })
            .collect()
    }
}

/// Reads the stored cases of a vault of `role`. A coordinator's case holding any value its
/// [`CoordinatorDossier`] has no field for is refused, not stripped: it should never have been
/// written, and the user must learn of it (the record then counts as damaged and autosave
/// leaves it alone).
pub fn read_cases_record(role: Option<Role>, bytes: &[u8]) -> Result<Vec<Case>> {
    let cases: Vec<Case> = serde_json::from_slice(bytes).map_err(|_| {
        Error::new(
            "STORED_CASES_UNREADABLE",
            "De opgeslagen dossiers konden niet worden gelezen.",
        )
    })?;
    if role == Some(Role::Regisseur) && !cases.iter().all(|c| holds_only_its_row(&c.dossier)) {
        return Err(not_coordinator_data());
    }
    Ok(cases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::{self, RESIDENTS};

    fn coordinator_with_cases() -> Workspace {
        let mut ws = fixtures::role_vault(
            Role::Regisseur,
            "Ketenregie",
            13,
            crate::date::Date::new(2026, 11, 2).unwrap(),
        );
        for (i, r) in RESIDENTS.iter().take(3).enumerate() {
            let full = fixtures::dossier(&format!("rz{i}"), r);
            ws.add_case(&format!("rz{i}")).unwrap();
            ws.case_mut(&format!("rz{i}")).unwrap().dossier = part(&full);
        }
        ws
    }

    #[test]
    fn a_coordinator_s_stored_cases_round_trip() {
        let ws = coordinator_with_cases();
        let bytes = serde_json::to_vec(&ws.cases_record()).unwrap();
        let read = read_cases_record(Some(Role::Regisseur), &bytes).unwrap();
        assert!(read.as_slice() == ws.cases());
        // A record written whole before the type existed, identity empty, still reads.
        let whole = serde_json::to_vec(ws.cases()).unwrap();
        assert!(
            read_cases_record(Some(Role::Regisseur), &whole)
                .unwrap()
                .as_slice()
                == ws.cases()
        );
    }

    #[test]
    fn a_name_in_memory_never_reaches_a_coordinator_s_storage() {
        let mut ws = coordinator_with_cases();
        for (i, r) in RESIDENTS.iter().take(3).enumerate() {
            // As if a code path had put the whole dossier in.
            ws.case_mut(&format!("rz{i}")).unwrap().dossier =
                fixtures::dossier(&format!("rz{i}"), r);
        }
        let text = serde_json::to_string(&ws.cases_record()).unwrap();
        for r in RESIDENTS.iter().take(3) {
            assert!(!text.contains(r.surname), "{}", r.surname);
            assert!(!text.contains(r.bsn));
        }
        assert!(!text.contains("Diabetes") && !text.contains("NL91"));
        // What is stored reads back as a coordinator's.
        assert!(read_cases_record(Some(Role::Regisseur), text.as_bytes()).is_ok());
    }

    #[test]
    fn a_stored_coordinator_case_with_identity_is_refused_not_stripped() {
        let mut ws = coordinator_with_cases();
        ws.case_mut("rz1").unwrap().dossier = fixtures::dossier("rz1", &RESIDENTS[1]);
        let whole = serde_json::to_vec(ws.cases()).unwrap();
        assert_eq!(
            read_cases_record(Some(Role::Regisseur), &whole)
                .err()
                .unwrap()
                .code,
            "STORED_CASE_NOT_ANONYMOUS"
        );
        // One value is enough: a BSN alone.
        let mut one = coordinator_with_cases();
        one.case_mut("rz2").unwrap().dossier.bsn = Some(RESIDENTS[2].bsn.into());
        let bytes = serde_json::to_vec(one.cases()).unwrap();
        assert!(read_cases_record(Some(Role::Regisseur), &bytes).is_err());
        // Another role's vault keeps its dossiers whole.
        let mut wmo = fixtures::role_vault(
            Role::WmoConsulent,
            "Wmo",
            12,
            crate::date::Date::new(2026, 11, 2).unwrap(),
        );
        wmo.add_case("w1").unwrap();
        wmo.case_mut("w1").unwrap().dossier = fixtures::dossier("w1", &RESIDENTS[0]);
        let bytes = serde_json::to_vec(&wmo.cases_record()).unwrap();
        assert!(
            read_cases_record(Some(Role::WmoConsulent), &bytes)
                .unwrap()
                .as_slice()
                == wmo.cases()
        );
    }
}
