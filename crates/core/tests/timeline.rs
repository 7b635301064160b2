//! A case over time: two residents walked through the envelopes on different days, and what each
//! vault's timeline and waiting say on each day. The expected timelines are written out from the
//! scenario below, not read from the log they are derived from.

use woonkans_core::code::CodeKey;
use woonkans_core::date::Date;
use woonkans_core::disclosure::DisclosureKind;
use woonkans_core::envelope::MessageType;
use woonkans_core::fixtures::{self, RESIDENTS, introduce, role_vault};
use woonkans_core::keys::{Fingerprint, Role};
use woonkans_core::register::{Gate, Step};
use woonkans_core::reply::{AnswerKind, CodeAnswer};
use woonkans_core::timeline::{Moment, Norms, WaitingFor, What, timeline, waiting};
use woonkans_core::workspace::Workspace;

/// Day `n` counted from 1 October 2026 (day 1), past the month's end too.
fn day(n: u8) -> Date {
    let first = Date::new(2026, 10, 1).unwrap().days_since_epoch();
    Date::from_days_since_epoch(first + i64::from(n) - 1)
}

/// The log's time stamp on day `n`.
fn at(n: u8) -> String {
    format!("{}T10:00:00Z", day(n).iso())
}

fn fp(ws: &Workspace) -> Fingerprint {
    ws.parties().keys().unwrap().card().fingerprint()
}

const IDS: [&str; 2] = ["tl-aa01", "tl-bb02"];
const ZORG: &str = "De Brug Zorg";
const WMO: &str = "Wmo Venlo";

struct World {
    zorg: Workspace,
    wmo: Workspace,
    regie: Workspace,
    a: (String, Workspace),
    b: (String, Workspace),
    key: CodeKey,
}

/// Both residents registered on day 1, aanmelding opened day 2, gates 3→4 and the overdracht on
/// day 5, opened by the coordinator on day 6, each with a complete profile.
fn to_coordinator() -> World {
    let mut zorg = role_vault(Role::Zorgaanbieder, ZORG, 21, day(1));
    let mut wmo = role_vault(Role::WmoConsulent, WMO, 22, day(1));
    let mut regie = role_vault(Role::Regisseur, "Ketenregie Noord-Limburg", 23, day(1));
    introduce(&mut zorg, &mut wmo, day(1));
    introduce(&mut wmo, &mut regie, day(1));
    introduce(&mut zorg, &mut regie, day(1));
    for (i, id) in IDS.iter().enumerate() {
        let mut d = fixtures::dossier(id, &RESIDENTS[i]);
        d.gates.clear();
        d.step = Step::Orientation;
        d.record_gate(Gate::ConsentToRegister, day(1), "Zorgaanbieder")
            .unwrap();
        zorg.add_case(id).unwrap();
        zorg.case_mut(id).unwrap().dossier = d;
        let f = zorg
            .seal_aanmelding(id, fp(&wmo), [i as u8 + 1; 16], [7; 32], day(1), &at(1))
            .unwrap();
        wmo.open_aanmelding(&f.bytes, &at(2)).unwrap();
        let full = fixtures::dossier(id, &RESIDENTS[i]);
        let d = &mut wmo.case_mut(id).unwrap().dossier;
        d.birth_date = full.birth_date;
        d.bsn = full.bsn;
        d.gender = full.gender;
        d.household_size = 1;
        d.living_situation = full.living_situation;
        d.income = full.income;
        d.record_gate(Gate::EligibilityAndSupportPlan, day(5), "Wmo-consulent")
            .unwrap();
        d.record_gate(Gate::ConsentToShareWithCoordinator, day(5), "Wmo-consulent")
            .unwrap();
        let f = wmo
            .seal_overdracht(
                id,
                fp(&regie),
                [i as u8 + 9; 32],
                [i as u8 + 30; 16],
                [9; 32],
                day(5),
                &at(5),
            )
            .unwrap();
        regie.open_overdracht(&f.bytes, &at(6)).unwrap();
        regie.case_mut(id).unwrap().profile = fixtures::ready_draft();
    }
    let ids: Vec<String> = regie
        .offer()
        .associations
        .iter()
        .map(|a| a.id.clone())
        .collect();
    let a = fixtures::association_vault(&mut regie, &ids[0], day(1));
    let b = fixtures::association_vault(&mut regie, &ids[1], day(1));
    World {
        zorg,
        wmo,
        regie,
        a: (ids[0].clone(), a),
        b: (ids[1].clone(), b),
        key: CodeKey::from_bytes([5; 32]),
    }
}

fn gate(date: Date, gate: Gate) -> Moment {
    Moment {
        date,
        step: gate.from_step(),
        what: What::Gate(gate),
    }
}

fn exchange(
    date: Date,
    step: Step,
    kind: DisclosureKind,
    message: MessageType,
    party: &str,
) -> Moment {
    Moment {
        date,
        step,
        what: What::Exchange {
            kind,
            message: Some(message),
            party: party.to_string(),
        },
    }
}

fn name_of(w: &World, association: &(String, Workspace)) -> String {
    w.regie
        .offer()
        .association(&association.0)
        .unwrap()
        .name
        .clone()
}

#[test]
fn each_vault_tells_the_case_s_days_and_how_long_it_waits() {
    let mut w = to_coordinator();
    let norms = Norms::default();

    // Day 8: taken over on day 6, no bundle yet.
    for id in IDS {
        let wait = waiting(w.regie.case(id).unwrap(), &norms, day(8)).unwrap();
        assert_eq!(wait.waiting_for, WaitingFor::FirstBundle);
        assert_eq!(
            (wait.since, wait.days, wait.over_norm()),
            (day(6), 2, false)
        );
    }
    assert_eq!(
        w.regie.waiting(IDS[0], day(8)),
        waiting(w.regie.case(IDS[0]).unwrap(), &norms, day(8))
    );
    // The norms are the coordinator's: only a vault that sends bundles waits.
    use woonkans_core::timeline::tracks_waiting;
    assert!(tracks_waiting(Some(Role::Regisseur)) && tracks_waiting(None));
    for other in [
        Role::Zorgaanbieder,
        Role::WmoConsulent,
        Role::Woningcorporatie,
    ] {
        assert!(!tracks_waiting(Some(other)), "{other:?}");
    }
    assert_eq!(w.wmo.waiting(IDS[0], day(8)), None);
    assert_eq!(waiting(w.zorg.case(IDS[0]).unwrap(), &norms, day(30)), None);
    assert_eq!(w.regie.waiting("no-such-case", day(8)), None);

    // Day 10: both residents to association A, only the first to B.
    let both: Vec<String> = IDS.iter().map(|s| s.to_string()).collect();
    let (to_a, _) = w
        .regie
        .seal_bundle(&w.key, &w.a.0, &both, [40; 16], [41; 32], day(10), &at(10))
        .unwrap();
    let (to_b, _) = w
        .regie
        .seal_bundle(
            &w.key,
            &w.b.0,
            &both[..1],
            [42; 16],
            [43; 32],
            day(10),
            &at(10),
        )
        .unwrap();
    let a_index = w.a.1.open_bundle(&to_a.bytes, &at(11)).unwrap();
    w.b.1.open_bundle(&to_b.bytes, &at(11)).unwrap();

    // Day 30 without replies: 20 days, six past the norm of fourteen.
    let wait = waiting(w.regie.case(IDS[0]).unwrap(), &norms, day(30)).unwrap();
    assert_eq!(wait.waiting_for, WaitingFor::Replies);
    assert_eq!((wait.since, wait.days, wait.days_over()), (day(10), 20, 6));

    // Day 15: A answers about both; B stays silent.
    let received = w.a.1.parties().inbox()[a_index].clone();
    let answers: Vec<CodeAnswer> = received
        .bundle()
        .unwrap()
        .profiles
        .iter()
        .map(|p| CodeAnswer {
            code: p.code,
            answer: AnswerKind::Interest,
            dwelling_id: None,
            reason: None,
        })
        .collect();
    let reply =
        w.a.1
            .seal_reply(
                &received.envelope_id,
                answers,
                [44; 16],
                [45; 32],
                day(15),
                &at(15),
            )
            .unwrap();
    w.regie
        .open_reply(&reply.bytes, Some(&w.key), &at(15))
        .unwrap();
    // The first still waits for B since day 10; the second, sent to A only, waits for nobody.
    let wait = waiting(w.regie.case(IDS[0]).unwrap(), &norms, day(30)).unwrap();
    assert_eq!(
        (wait.waiting_for, wait.since),
        (WaitingFor::Replies, day(10))
    );
    assert_eq!(
        waiting(w.regie.case(IDS[1]).unwrap(), &norms, day(30)),
        None
    );
    // Norms are the vault's own: with 30 days for a reply, day 30 is within it.
    let patient = Norms {
        days_to_reply: 30,
        ..norms
    };
    assert!(
        !waiting(w.regie.case(IDS[0]).unwrap(), &patient, day(30))
            .unwrap()
            .over_norm()
    );

    // Day 20: the first resident's match with A accepted; the koppeling waits.
    woonkans_core::routeplanner::accept_match(&mut w.regie, IDS[0], &w.a.0, None, day(20), "Regie")
        .unwrap();
    let wait = waiting(w.regie.case(IDS[0]).unwrap(), &norms, day(40)).unwrap();
    assert_eq!(wait.waiting_for, WaitingFor::Koppeling);
    assert_eq!((wait.since, wait.days_over()), (day(20), 10));

    // Day 22: the koppeling goes to A and the care provider; nothing waits any more.
    let files = w
        .regie
        .seal_koppeling(
            IDS[0],
            Some(fp(&w.zorg)),
            [[50; 16], [51; 16]],
            [52; 32],
            day(22),
            &at(22),
        )
        .unwrap();
    w.zorg.open_koppeling(&files[1].bytes, &at(23)).unwrap();
    assert_eq!(
        waiting(w.regie.case(IDS[0]).unwrap(), &norms, day(40)),
        None
    );

    let (a_name, b_name) = (name_of(&w, &w.a), name_of(&w, &w.b));
    // A sent entry names the recipient with its role; a received one the sender's organisation.
    let wmo_party = format!("{WMO} (wmo-consulent)");
    let zorg_party = format!("{ZORG} (zorgaanbieder)");
    let a_party = format!("{a_name} (woningcorporatie)");
    let regie_party = "Ketenregie Noord-Limburg".to_string();
    use DisclosureKind::*;
    use MessageType::*;
    let expected = vec![
        gate(day(1), Gate::ConsentToRegister),
        gate(day(5), Gate::EligibilityAndSupportPlan),
        gate(day(5), Gate::ConsentToShareWithCoordinator),
        exchange(
            day(6),
            Step::PlacementProfile,
            TransferReceived,
            Overdracht,
            WMO,
        ),
        exchange(
            day(10),
            Step::AssociationTalks,
            CodedBundle,
            Bundel,
            &a_name,
        ),
        exchange(
            day(10),
            Step::AssociationTalks,
            CodedBundle,
            Bundel,
            &b_name,
        ),
        exchange(
            day(15),
            Step::AssociationTalks,
            ReplyReceived,
            Reactie,
            &a_name,
        ),
        gate(day(20), Gate::MatchAccepted),
        exchange(day(22), Step::Agreement, TransferSent, Koppeling, &a_party),
        exchange(
            day(22),
            Step::Agreement,
            TransferSent,
            Koppeling,
            &zorg_party,
        ),
    ];
    assert_eq!(timeline(w.regie.case(IDS[0]).unwrap()), expected);

    // The second resident's: the same start, one bundle, one reply, no match.
    let second = timeline(w.regie.case(IDS[1]).unwrap());
    assert_eq!(second[..5], expected[..5]);
    assert_eq!(second[5..], expected[6..7]);

    // Every vault's timeline has one moment per gate and per log entry, in date order.
    for ws in [&w.zorg, &w.wmo, &w.regie] {
        for id in IDS {
            let case = ws.case(id).unwrap();
            let moments = timeline(case);
            assert_eq!(moments.len(), case.dossier.gates.len() + case.log.len());
            assert!(moments.windows(2).all(|p| p[0].date <= p[1].date));
        }
    }
    // The care provider's view of the first resident: its own steps and the koppeling.
    assert_eq!(
        timeline(w.zorg.case(IDS[0]).unwrap()),
        vec![
            gate(day(1), Gate::ConsentToRegister),
            exchange(
                day(1),
                Step::WmoReport,
                TransferSent,
                Aanmelding,
                &wmo_party
            ),
            exchange(
                day(23),
                Step::Agreement,
                TransferReceived,
                Koppeling,
                &regie_party
            ),
        ]
    );
}

#[test]
fn norms_out_of_range_are_refused_and_change_nothing() {
    let mut ws = fixtures::workspace();
    let before = ws.settings().norms;
    for bad in [0, 366] {
        let norms = Norms {
            days_to_reply: bad,
            ..Norms::default()
        };
        assert_eq!(ws.set_norms(norms).unwrap_err().code, "NORM_INVALID");
        assert_eq!(ws.settings().norms, before);
    }
    let good = Norms {
        days_to_first_bundle: 1,
        days_to_reply: 365,
        days_to_koppeling: 7,
    };
    ws.set_norms(good).unwrap();
    assert_eq!(ws.settings().norms, good);
}

#[test]
fn an_ended_match_returns_the_case_to_step_5_with_its_history() {
    use woonkans_core::routeplanner::{accept_match, end_match};
    use woonkans_core::workspace::{EndedMatch, MatchEndReason};
    let mut ws = fixtures::workspace();
    let (a, b) = (
        ws.offer().associations[0].id.clone(),
        ws.offer().associations[1].id.clone(),
    );
    for (i, id) in ["em0", "em1", "em2"].iter().enumerate() {
        let case = fixtures::add_ready_case(&mut ws, id, &RESIDENTS[i]);
        // As if bundles went to both associations.
        case.codes.insert(a.clone(), format!("CODE-A{i}"));
        case.codes.insert(b.clone(), format!("CODE-B{i}"));
        case.dossier.step = Step::AssociationTalks;
    }
    let untouched = ws.case("em0").unwrap().clone();
    // Nothing to end yet.
    assert_eq!(
        end_match(&mut ws, "em1", MatchEndReason::Other, day(12))
            .unwrap_err()
            .code,
        "MATCH_NOT_ACCEPTED"
    );
    accept_match(&mut ws, "em1", &a, Some("VM-0003"), day(10), "Regie").unwrap();
    assert_eq!(ws.case("em1").unwrap().dossier.step, Step::Agreement);
    let (in_caseload, _) = ws.caseload(day(11)).unwrap();
    assert!(!in_caseload.contains(&"em1".to_string()));
    // A date before the acceptance: refused, nothing changed.
    let before = ws.clone();
    assert_eq!(
        end_match(&mut ws, "em1", MatchEndReason::RefusedByResident, day(9))
            .unwrap_err()
            .code,
        "DATE_BEFORE_MATCH"
    );
    assert_eq!(ws, before);

    end_match(&mut ws, "em1", MatchEndReason::RefusedByResident, day(12)).unwrap();
    let case = ws.case("em1").unwrap();
    assert_eq!(case.accepted, None);
    assert_eq!(case.dossier.step, Step::AssociationTalks);
    assert!(case.dossier.gate_record(Gate::MatchAccepted).is_none());
    assert_eq!(
        case.ended_matches,
        vec![EndedMatch {
            association_id: a.clone(),
            dwelling_id: Some("VM-0003".into()),
            accepted_on: day(10),
            ended_on: day(12),
            reason: MatchEndReason::RefusedByResident,
        }]
    );
    // Back in the caseload, the codes kept, and a new match can be accepted.
    let (in_caseload, _) = ws.caseload(day(13)).unwrap();
    assert!(in_caseload.contains(&"em1".to_string()));
    assert_eq!(case.codes.len(), 2);
    accept_match(&mut ws, "em1", &b, None, day(14), "Regie").unwrap();

    let tail: Vec<(Date, What)> = timeline(ws.case("em1").unwrap())
        .into_iter()
        .filter(|m| m.date >= day(10))
        .map(|m| (m.date, m.what))
        .collect();
    assert_eq!(
        tail,
        vec![
            (day(10), What::Gate(Gate::MatchAccepted)),
            (
                day(12),
                What::MatchEnded {
                    association_id: a.clone(),
                    reason: MatchEndReason::RefusedByResident,
                }
            ),
            (day(14), What::Gate(Gate::MatchAccepted)),
        ]
    );
    assert_eq!(ws.case("em0").unwrap(), &untouched);
}
