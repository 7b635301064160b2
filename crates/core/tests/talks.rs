//! Step 5 per association: the talks recorded after a bundle (viewing, the resident's yes or no
//! with a reason), the status per association, their place in the timeline, and the extra
//! safeguards as a list. Three residents, two associations; dates are days of October 2026.

use std::collections::BTreeSet;
use woonkans_core::date::Date;
use woonkans_core::disclosure::{DisclosureEntry, DisclosureKind};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::register::Step;
use woonkans_core::talks::{RefusalReason, Safeguard, TalkKind, TalkRecord, status};
use woonkans_core::timeline::{What, timeline};
use woonkans_core::workspace::Workspace;

fn day(n: u8) -> Date {
    Date::new(2026, 10, n).unwrap()
}

/// Cases tk0..tk2; tk0 and tk1 went to association A on day 3, tk1 also to B on day 4.
fn world() -> (Workspace, String, String) {
    let mut ws = fixtures::workspace();
    let (a, b) = (
        ws.offer().associations[0].id.clone(),
        ws.offer().associations[1].id.clone(),
    );
    let bundle = |to: &str, on: u8| DisclosureEntry {
        at: format!("{}T09:00:00Z", day(on).iso()),
        step: 5,
        recipient_id: to.into(),
        recipient_name: to.into(),
        categories: Vec::new(),
        grondslag: "Wmo".into(),
        bundle_id: format!("{to}{on}"),
        codes: Vec::new(),
        kind: DisclosureKind::CodedBundle,
        message: None,
    };
    for (i, id) in ["tk0", "tk1", "tk2"].iter().enumerate() {
        let case = fixtures::add_ready_case(&mut ws, id, &RESIDENTS[i]);
        case.dossier.step = Step::AssociationTalks;
        if i < 2 {
            case.codes.insert(a.clone(), format!("CODE-A{i}"));
            case.log.push(bundle(&a, 3));
        }
        if i == 1 {
            case.codes.insert(b.clone(), format!("CODE-B{i}"));
            case.log.push(bundle(&b, 4));
        }
    }
    (ws, a, b)
}

#[test]
fn talks_are_recorded_per_association_and_refused_without_a_bundle_or_reason() {
    let (mut ws, a, b) = world();
    let today = day(20);
    let before = ws.clone();
    let refused = |ws: &mut Workspace, id, to: &str, kind, date, reason| {
        ws.record_talk(id, to, kind, date, reason, today)
            .unwrap_err()
            .code
    };
    // tk0 never went to B; tk2 went nowhere.
    assert_eq!(
        refused(&mut ws, "tk0", &b, TalkKind::ViewingPlanned, day(10), None),
        "TALK_WITHOUT_BUNDLE"
    );
    assert_eq!(
        refused(
            &mut ws,
            "tk2",
            &a,
            TalkKind::ResidentAccepted,
            day(10),
            None
        ),
        "TALK_WITHOUT_BUNDLE"
    );
    // A no needs its reason; a viewing takes none; answers are not in the future.
    assert_eq!(
        refused(&mut ws, "tk1", &a, TalkKind::ResidentRefused, day(10), None),
        "REQUIRED"
    );
    assert_eq!(
        refused(
            &mut ws,
            "tk1",
            &a,
            TalkKind::ViewingPlanned,
            day(10),
            Some(RefusalReason::Location)
        ),
        "REASON_NOT_EXPECTED"
    );
    assert_eq!(
        refused(
            &mut ws,
            "tk1",
            &a,
            TalkKind::ResidentAccepted,
            day(21),
            None
        ),
        "DATE_INVALID"
    );
    let far = Date::from_days_since_epoch(today.days_since_epoch() + 184);
    assert_eq!(
        refused(&mut ws, "tk1", &a, TalkKind::ViewingPlanned, far, None),
        "DATE_INVALID"
    );
    assert_eq!(ws, before, "a refusal changes nothing");

    // tk1: a viewing at A (planned ahead), the resident says no for the location; at B yes.
    ws.record_talk("tk1", &a, TalkKind::ViewingPlanned, day(25), None, today)
        .unwrap();
    ws.record_talk(
        "tk1",
        &a,
        TalkKind::ResidentRefused,
        day(20),
        Some(RefusalReason::Location),
        today,
    )
    .unwrap();
    ws.record_talk("tk1", &b, TalkKind::ResidentAccepted, day(18), None, today)
        .unwrap();

    let s = status(ws.case("tk1").unwrap());
    let ids: Vec<&str> = s.iter().map(|x| x.association_id.as_str()).collect();
    let mut want = vec![a.as_str(), b.as_str()];
    want.sort();
    assert_eq!(ids, want);
    let at_a = s.iter().find(|x| x.association_id == a).unwrap();
    assert_eq!(at_a.sent, Some(day(3)));
    assert_eq!(at_a.answer, None);
    assert_eq!(
        at_a.talks,
        vec![
            TalkRecord {
                association_id: a.clone(),
                kind: TalkKind::ViewingPlanned,
                date: day(25),
                reason: None
            },
            TalkRecord {
                association_id: a.clone(),
                kind: TalkKind::ResidentRefused,
                date: day(20),
                reason: Some(RefusalReason::Location)
            },
        ]
    );
    let at_b = s.iter().find(|x| x.association_id == b).unwrap();
    assert_eq!(at_b.sent, Some(day(4)));
    assert_eq!(at_b.latest().unwrap().kind, TalkKind::ResidentAccepted);
    // The other residents' cases are untouched.
    assert!(ws.case("tk0").unwrap().talks.is_empty());
    assert_eq!(status(ws.case("tk2").unwrap()), Vec::new());

    // The timeline places them by date, after that day's exchanges.
    let talks: Vec<(Date, TalkKind)> = timeline(ws.case("tk1").unwrap())
        .into_iter()
        .filter_map(|m| match m.what {
            What::Talk { kind, .. } => Some((m.date, kind)),
            _ => None,
        })
        .collect();
    assert_eq!(
        talks,
        vec![
            (day(18), TalkKind::ResidentAccepted),
            (day(20), TalkKind::ResidentRefused),
            (day(25), TalkKind::ViewingPlanned),
        ]
    );
}

#[test]
fn safeguards_are_a_list_and_an_archived_case_takes_none() {
    let (mut ws, a, _) = world();
    let agreed: BTreeSet<Safeguard> = [Safeguard::RentByDirectDebit, Safeguard::ContactPerson]
        .into_iter()
        .collect();
    ws.set_safeguards("tk0", agreed.clone()).unwrap();
    assert_eq!(ws.case("tk0").unwrap().safeguards, agreed);
    assert!(ws.case("tk1").unwrap().safeguards.is_empty());
    // Stored as the list's values, readable again.
    let json = serde_json::to_string(ws.case("tk0").unwrap()).unwrap();
    assert!(
        json.contains("\"safeguards\":[\"rentByDirectDebit\",\"contactPerson\"]"),
        "{json}"
    );

    ws.case_mut("tk0").unwrap().dossier.archived = true;
    assert!(ws.set_safeguards("tk0", BTreeSet::new()).is_err());
    assert!(
        ws.record_talk("tk0", &a, TalkKind::ViewingPlanned, day(9), None, day(9))
            .is_err()
    );
    assert_eq!(ws.case("tk0").unwrap().safeguards, agreed);
}
