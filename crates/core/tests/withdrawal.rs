//! A resident withdraws consent: in the Wmo consultant's vault (which holds the identity) and in
//! the coordinator's (which holds codes, prints and the profile), nothing of that resident stays
//! but the log the law requires; the other residents' cases are untouched.

use woonkans_core::code::CodeKey;
use woonkans_core::date::Date;
use woonkans_core::disclosure::DisclosureKind;
use woonkans_core::fixtures::{self, RESIDENTS, introduce, role_vault};
use woonkans_core::keys::{Fingerprint, Role};
use woonkans_core::register::Gate;
use woonkans_core::withdrawal::WITHDRAWAL_GRONDSLAG;
use woonkans_core::workspace::Workspace;

fn today() -> Date {
    Date::new(2026, 11, 2).unwrap()
}

fn fp(ws: &Workspace) -> Fingerprint {
    ws.parties().keys().unwrap().card().fingerprint()
}

const IDS: [&str; 3] = ["wd-aa01", "wd-bb02", "wd-cc03"];

/// Every string in a JSON value, keys excluded.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

/// The Wmo consultant's and the coordinator's vaults with three residents, each sent on as an
/// overdracht and put in a bundle to one association.
fn vaults() -> (Workspace, Workspace, String) {
    let mut zorg = role_vault(Role::Zorgaanbieder, "De Brug Zorg", 31, today());
    let mut wmo = role_vault(Role::WmoConsulent, "Wmo Venlo", 32, today());
    let mut regie = role_vault(Role::Regisseur, "Ketenregie Noord-Limburg", 33, today());
    introduce(&mut zorg, &mut wmo, today());
    introduce(&mut wmo, &mut regie, today());
    for (i, id) in IDS.iter().enumerate() {
        let mut d = fixtures::dossier(id, &RESIDENTS[i]);
        d.gates.clear();
        d.phones = vec![format!("06-2345678{i}")];
        d.email = Some(format!(
            "bewoner.{}@example.nl",
            RESIDENTS[i].surname.to_lowercase()
        ));
        d.address.street = format!("Straat{i}laan");
        d.address.house_number = 7;
        d.address.postcode = "5912 BC".into();
        d.address.place = "Venlo".into();
        d.record_gate(Gate::ConsentToRegister, today(), "Zorgaanbieder")
            .unwrap();
        zorg.add_case(id).unwrap();
        zorg.case_mut(id).unwrap().dossier = d;
        let f = zorg
            .seal_aanmelding(
                id,
                fp(&wmo),
                [i as u8 + 1; 16],
                [7; 32],
                today(),
                "2026-11-02T09:00:00Z",
            )
            .unwrap();
        wmo.open_aanmelding(&f.bytes, "2026-11-02T10:00:00Z")
            .unwrap();
        let full = fixtures::dossier(id, &RESIDENTS[i]);
        let d = &mut wmo.case_mut(id).unwrap().dossier;
        d.birth_date = full.birth_date;
        d.bsn = full.bsn;
        d.gender = full.gender;
        d.household_size = 1;
        d.living_situation = full.living_situation;
        d.income = full.income;
        d.health = format!("Gezondheid van {}", RESIDENTS[i].surname);
        d.iban = Some("NL91ABNA0417164300".into());
        for g in [
            Gate::EligibilityAndSupportPlan,
            Gate::ConsentToShareWithCoordinator,
        ] {
            d.record_gate(g, today(), "Wmo-consulent").unwrap();
        }
        let f = wmo
            .seal_overdracht(
                id,
                fp(&regie),
                [i as u8 + 9; 32],
                [i as u8 + 30; 16],
                [9; 32],
                today(),
                "2026-11-02T11:00:00Z",
            )
            .unwrap();
        regie
            .open_overdracht(&f.bytes, "2026-11-02T12:00:00Z")
            .unwrap();
        regie.case_mut(id).unwrap().profile = fixtures::ready_draft();
    }
    let association = regie.offer().associations[0].id.clone();
    let _ = fixtures::association_vault(&mut regie, &association, today());
    let all: Vec<String> = IDS.iter().map(|s| s.to_string()).collect();
    regie
        .seal_bundle(
            &CodeKey::from_bytes([4; 32]),
            &association,
            &all,
            [40; 16],
            [41; 32],
            today(),
            "2026-11-03T09:00:00Z",
        )
        .unwrap();
    (wmo, regie, association)
}

/// Withdraws resident 1's consent in `ws` and checks what stays: every string that occurred
/// only in that case is gone from the stored vault (its codes may stay, in the log only); the
/// log is the old log plus one withdrawal entry; the other cases are as they were.
fn withdraw_and_check(mut ws: Workspace, expect_inform: &[&str]) {
    let id = IDS[1];
    let before = ws.clone();
    let case_json = serde_json::to_value(ws.case(id).unwrap()).unwrap();
    let mut case_strings = Vec::new();
    strings(&case_json, &mut case_strings);
    let codes: Vec<String> = ws.case(id).unwrap().codes.values().cloned().collect();

    let done = ws.withdraw_consent(id, "2026-11-20T14:00:00Z").unwrap();
    assert_eq!(done.inform, expect_inform);
    assert!(ws.case(id).is_err());

    // The other cases and the earlier log, exactly as they were.
    for other in [IDS[0], IDS[2]] {
        assert_eq!(ws.case(other).unwrap(), before.case(other).unwrap());
    }
    let (last, earlier) = ws.log().split_last().unwrap();
    assert_eq!(earlier, before.log());
    assert_eq!(last.kind, DisclosureKind::ConsentWithdrawn);
    assert_eq!(last.grondslag, WITHDRAWAL_GRONDSLAG);
    assert!(last.recipient_name.is_empty() && last.categories.is_empty());
    for code in &codes {
        assert!(last.codes.contains(code), "the withdrawal names its codes");
    }

    // Nothing that was only in that case remains anywhere in what the vault stores.
    let mut rest = before.clone();
    rest.delete_case(id).unwrap();
    let rest_json = serde_json::to_string(&rest).unwrap();
    let after = serde_json::to_string(&ws).unwrap();
    let mut checked = 0;
    for s in case_strings.iter().filter(|s| s.len() >= 4) {
        if rest_json.contains(s.as_str()) || codes.contains(s) {
            continue; // shared with another case or the log (a gemeente, a date, a code)
        }
        checked += 1;
        assert!(
            !after.contains(s.as_str()),
            "still in the vault: a value of the case"
        );
    }
    assert!(
        checked > 5,
        "the check looked at the case's own values ({checked})"
    );
    assert!(!after.contains(id));
    assert_eq!(ws.monitor().consent_withdrawn, 1);
}

#[test]
fn a_withdrawal_erases_the_case_and_keeps_only_the_log_the_law_requires() {
    let (wmo, regie, association) = vaults();
    let r = &RESIDENTS[1];
    // The Wmo consultant held the identity and the health note.
    let held = serde_json::to_string(&wmo).unwrap();
    assert!(held.contains(r.bsn) && held.contains(&format!("Gezondheid van {}", r.surname)));
    withdraw_and_check(wmo, &["Ketenregie Noord-Limburg (regisseur)"]);
    // The coordinator informs the association that got the coded profile.
    let name = regie
        .offer()
        .association(&association)
        .unwrap()
        .name
        .clone();
    withdraw_and_check(regie, &[name.as_str()]);
}

#[test]
fn an_unknown_case_is_refused_and_nothing_changes() {
    let (mut wmo, _, _) = vaults();
    let before = wmo.clone();
    assert_eq!(
        wmo.withdraw_consent("no-such-case", "2026-11-20T14:00:00Z")
            .unwrap_err()
            .code,
        "CASE_NOT_FOUND"
    );
    assert_eq!(wmo, before);
}
