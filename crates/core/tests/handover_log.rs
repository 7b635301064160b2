//! The processing log of a hand-over names only the documents that actually went: a received
//! document, never one still requested or marked not applicable.

use woonkans_core::date::Date;
use woonkans_core::dossier::{DocumentKind, DocumentStatus, MissingDocumentsReason};
use woonkans_core::fixtures::{self, RESIDENTS};
use woonkans_core::handover::{HandoverConfirmation, handed_over_categories};
use woonkans_core::register::Category;
use woonkans_core::vocab::Dutch;
use woonkans_core::workspace::Workspace;

fn today() -> Date {
    Date::new(2026, 11, 28).unwrap()
}

const DOCUMENTS: [(DocumentKind, Category); 4] = [
    (DocumentKind::LandlordStatement, Category::LandlordStatement),
    (DocumentKind::BrpExtract, Category::BrpExtract),
    (DocumentKind::IncomeStatement, Category::IncomeStatement),
    (
        DocumentKind::BewindvoeringRuling,
        Category::BewindvoeringRuling,
    ),
];

/// A hand-over-ready case of `resident` whose documents have `statuses`, in `DOCUMENTS` order,
/// handed over (with the reason "the association accepts it" when one is missing).
fn handed_over(resident: usize, statuses: [DocumentStatus; 4]) -> Workspace {
    let (ws, handed) = hand_over(
        resident,
        statuses,
        Some(MissingDocumentsReason::AssociationAccepts),
    );
    handed.unwrap();
    ws
}

fn hand_over(
    resident: usize,
    statuses: [DocumentStatus; 4],
    reason: Option<MissingDocumentsReason>,
) -> (
    Workspace,
    woonkans_core::Result<woonkans_core::handover::Handover>,
) {
    let mut ws = fixtures::workspace();
    let association = "vb-maasdal";
    let case = fixtures::add_ready_case(&mut ws, "c1", &RESIDENTS[resident]);
    let d = &mut case.dossier;
    d.address.street = "Kerkstraat".into();
    d.address.house_number = 3;
    d.address.postcode = "5911 AB".into();
    d.address.place = "Venlo".into();
    d.phones = vec!["0612345678".into()];
    // The ruling is there only under bewindvoering; otherwise it is not applicable.
    d.budget_management = statuses[3] != DocumentStatus::NotApplicable;
    for ((kind, _), status) in DOCUMENTS.iter().zip(statuses) {
        let entry = d.documents.get_mut(*kind);
        entry.status = status;
        entry.date = (status != DocumentStatus::NotApplicable).then(today);
    }
    d.documents.missing_reason = reason;
    ws.write_bundle(
        &woonkans_core::code::CodeKey::from_bytes([3; 32]),
        association,
        &["c1".into()],
        [1; 16],
        today(),
        "2026-11-28T10:00:00",
    )
    .unwrap();
    woonkans_core::routeplanner::accept_match(&mut ws, "c1", association, None, today(), "Inwoner")
        .unwrap();
    let handed = ws.handover(
        "c1",
        HandoverConfirmation {
            grondslag_confirmed: true,
            confirmed_by: "Ketenregisseur".into(),
            date: today(),
        },
        "h1",
        "2026-11-28T11:00:00",
    );
    (ws, handed)
}

#[test]
fn the_log_lists_only_received_documents() {
    use DocumentStatus::{NotApplicable as Na, Received as Rc, Requested as Rq};
    // Every status for every document, over several residents.
    let cases: [[DocumentStatus; 4]; 5] = [
        [Rc, Rc, Rc, Rc],
        [Rc, Rc, Rq, Na],
        [Na, Rc, Rc, Rq],
        [Rq, Rq, Rq, Rq],
        [Na, Rq, Rc, Na],
    ];
    for (i, statuses) in cases.into_iter().enumerate() {
        let ws = handed_over(i, statuses);
        let entry = ws.log().last().unwrap();
        assert_eq!(entry.step, 6);
        let case_entry = ws.case("c1").unwrap().log.last().unwrap();
        assert_eq!(entry, case_entry);
        for ((_, category), status) in DOCUMENTS.iter().zip(statuses) {
            let listed = entry.categories.iter().any(|c| c == category.dutch());
            assert_eq!(
                listed,
                status == Rc,
                "case {i}: {} with status {status:?}",
                category.dutch()
            );
        }
        // The identifying categories always go.
        for c in [Category::Naw, Category::Bsn, Category::PlacementProfile] {
            assert!(entry.categories.iter().any(|x| x == c.dutch()), "case {i}");
        }
        // A document the lease needs is missing: the line with the reason follows the
        // categories, and without a reason the hand-over is refused with nothing logged.
        let missing = statuses[..3].contains(&Rq) || statuses[3] == Rq;
        let mut expected: Vec<String> = handed_over_categories(&ws.case("c1").unwrap().dossier)
            .iter()
            .map(|c| c.dutch().to_string())
            .collect();
        if missing {
            expected.push(
                "Documenten niet compleet: de corporatie gaat akkoord zonder dit document".into(),
            );
        }
        assert_eq!(expected, entry.categories, "case {i}");
        let (ws, refused) = hand_over(i, statuses, None);
        if missing {
            assert_eq!(refused.unwrap_err().code, "DOCUMENTS_INCOMPLETE");
            assert!(ws.log().iter().all(|e| e.step != 6), "case {i}");
        } else {
            assert!(refused.is_ok(), "case {i}");
        }
    }
}
