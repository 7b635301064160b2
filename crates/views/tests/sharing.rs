//! The "gewijzigd na delen" banner and the mark in the dossier list.

use woonkans_core::code::CodeKey;
use woonkans_core::date::Date;
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::profile::HousingForm;
use woonkans_core::sharing::sharing_state;
use woonkans_core::workspace::Workspace;
use woonkans_views::caselist::overview;
use woonkans_views::sharing::sharing_banner;

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

fn bundle(ws: &mut Workspace, association: &str, ids: &[&str], n: u8) {
    let ids: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
    ws.write_bundle(
        &CodeKey::from_bytes([5; 32]),
        association,
        &ids,
        [n; 16],
        today(),
        "2026-11-28T10:00:00",
    )
    .unwrap();
}

fn marks(ws: &Workspace) -> Vec<(String, bool)> {
    overview(ws, today(), false, "")
        .into_iter()
        .map(|r| (r.id, r.changed_after_sharing))
        .collect()
}

#[test]
fn the_banner_names_the_change_the_holders_and_offers_their_bundles() {
    let mut ws = fixtures::workspace();
    for (i, r) in RESIDENTS.iter().take(3).enumerate() {
        fixtures::add_ready_case(&mut ws, &format!("c{i}"), r);
    }
    bundle(&mut ws, "vb-maasdal", &["c0", "c1"], 1);
    bundle(&mut ws, "vb-thuis", &["c1"], 2);
    let state = sharing_state(&ws, "c1", today()).unwrap();
    assert_eq!(sharing_banner(&state), None);

    let before = ws.clone();
    ws.case_mut("c1").unwrap().profile.housing_form = Some(HousingForm::InComplex);
    ws.record_profile_versions(&before, today());
    assert_eq!(
        marks(&ws),
        vec![
            ("c0".to_string(), false),
            ("c1".to_string(), true),
            ("c2".to_string(), false)
        ]
    );

    let banner = sharing_banner(&sharing_state(&ws, "c1", today()).unwrap()).unwrap();
    assert_eq!(banner.title, "Gewijzigd na delen");
    assert!(banner.intro.contains("versie 2"), "{}", banner.intro);
    assert_eq!(
        banner.changes,
        vec!["Woonvorm: Geen voorkeur → In een complex".to_string()]
    );
    let holders: Vec<&str> = banner.holders.iter().map(|h| h.text.as_str()).collect();
    assert_eq!(
        holders,
        vec![
            "Voorbeeld Woonstichting Maasdal heeft versie 1 (bundel van 28-11-2026).",
            "Voorbeeld Stichting Thuis in Limburg heeft versie 1 (bundel van 28-11-2026).",
        ]
    );
    let offers: Vec<(&str, &str)> = banner
        .bundles
        .iter()
        .map(|b| (b.association_id.as_str(), b.label.as_str()))
        .collect();
    assert_eq!(
        offers,
        vec![
            (
                "vb-maasdal",
                "Nieuwe bundel voor Voorbeeld Woonstichting Maasdal"
            ),
            (
                "vb-thuis",
                "Nieuwe bundel voor Voorbeeld Stichting Thuis in Limburg"
            ),
        ]
    );
    assert_eq!(banner.handover_note, None);

    bundle(&mut ws, "vb-maasdal", &["c1"], 3);
    bundle(&mut ws, "vb-thuis", &["c1"], 4);
    assert!(marks(&ws).iter().all(|(_, m)| !m));
    assert_eq!(
        sharing_banner(&sharing_state(&ws, "c1", today()).unwrap()),
        None
    );
}
