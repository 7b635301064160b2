//! Step 5 per association, over time: what the coordinator records of the talks after a bundle
//! went out — a viewing planned, the resident's yes or no to what was offered (a no with a reason
//! from a fixed list) — and the extra safeguards agreed for the placement (the seed's step 5) as
//! a structured list. No free text: nothing here adds personal data to the case.
//!
//! The status per association (`status`) is derived from the log (bundle sent, reply received),
//! the replies and these records; it is never stored a second time.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use crate::date::Date;
use crate::disclosure::DisclosureKind;
use crate::error::{Error, Result};
use crate::reply::CodeAnswer;
use crate::workspace::{Case, Workspace};

/// What happened in the talks with one association.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum TalkKind {
    /// A viewing of a dwelling is planned, on the record's date.
    ViewingPlanned,
    /// The resident wants what the association offered.
    ResidentAccepted,
    /// The resident does not want it, for the record's reason.
    ResidentRefused,
}

impl TalkKind {
    pub const ALL: [TalkKind; 3] = [
        TalkKind::ViewingPlanned,
        TalkKind::ResidentAccepted,
        TalkKind::ResidentRefused,
    ];
}

/// Why a resident turned an offer down: a fixed list, so the reason is countable and holds no
/// free text about the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RefusalReason {
    /// The dwelling itself does not suit (size, stairs, condition).
    DwellingUnsuitable,
    /// The neighbourhood or place does not suit.
    Location,
    /// The rent or the costs are too high.
    TooExpensive,
    /// The resident prefers another offer.
    PrefersOtherOffer,
    /// The resident is not ready to move yet.
    NotReadyYet,
    Other,
}

impl RefusalReason {
    pub const ALL: [RefusalReason; 6] = [
        RefusalReason::DwellingUnsuitable,
        RefusalReason::Location,
        RefusalReason::TooExpensive,
        RefusalReason::PrefersOtherOffer,
        RefusalReason::NotReadyYet,
        RefusalReason::Other,
    ];
}

/// One record of the talks with an association.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TalkRecord {
    pub association_id: String,
    pub kind: TalkKind,
    /// The day of the viewing (planned), or of the resident's answer.
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RefusalReason>,
}

/// The extra safeguards the seed's step 5 lets the parties agree for a placement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Safeguard {
    /// A care agreement linked to the lease (a two- or three-party agreement).
    LinkedCareAgreement,
    /// The rent is paid by automatic transfer or through the budget manager.
    RentByDirectDebit,
    /// Agreements on behaviour and living together (intentieverklaring, gedragsafspraken).
    BehaviourAgreements,
    /// A fixed contact at the care provider the association can call.
    ContactPerson,
    /// Evaluation moments of resident, care provider and association.
    Evaluations,
    /// A relapse plan known to all three.
    RelapsePlanShared,
}

impl Safeguard {
    pub const ALL: [Safeguard; 6] = [
        Safeguard::LinkedCareAgreement,
        Safeguard::RentByDirectDebit,
        Safeguard::BehaviourAgreements,
        Safeguard::ContactPerson,
        Safeguard::Evaluations,
        Safeguard::RelapsePlanShared,
    ];
}

/// Where the talks with one association stand, oldest fact first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssociationStatus {
    pub association_id: String,
    /// The latest bundle that carried this case's profile to it.
    pub sent: Option<Date>,
    /// Its latest answer, when one came in.
    pub answer: Option<(Date, CodeAnswer)>,
    /// The records, in the order they were made.
    pub talks: Vec<TalkRecord>,
}

impl AssociationStatus {
    /// The latest record, if any.
    pub fn latest(&self) -> Option<&TalkRecord> {
        self.talks.last()
    }
}

/// The status per association that received this case's profile, in the order the codes were
/// issued (by association id).
pub fn status(case: &Case) -> Vec<AssociationStatus> {
    case.codes
        .keys()
        .map(|association| {
            let sent = case
                .log
                .iter()
                .filter(|e| e.kind == DisclosureKind::CodedBundle && &e.recipient_id == association)
                .filter_map(|e| Date::parse(e.at.get(..10)?).ok())
                .max();
            let answer = case
                .replies
                .get(association)
                .map(|r| (r.date, r.answer.clone()));
            AssociationStatus {
                association_id: association.clone(),
                sent,
                answer,
                talks: case
                    .talks
                    .iter()
                    .filter(|t| &t.association_id == association)
                    .cloned()
                    .collect(),
            }
        })
        .collect()
}

/// How far after `today` a viewing may be planned: half a year. Further is a typing error.
const MAX_DAYS_AHEAD: i64 = 183;

impl Workspace {
    /// Records a step of the talks with `association_id` about case `id`. Refused when the
    /// association never received the profile, when a refusal has no reason (or another record
    /// has one), when a resident's answer is dated after `today`, or a viewing more than half a
    /// year ahead.
    pub fn record_talk(
        &mut self,
        id: &str,
        association_id: &str,
        kind: TalkKind,
        date: Date,
        reason: Option<RefusalReason>,
        today: Date,
    ) -> Result<()> {
        let case = self.case(id)?;
        crate::routeplanner::editable(case)?;
        if !case.codes.contains_key(association_id) {
            return Err(Error::new(
                "TALK_WITHOUT_BUNDLE",
                "Deze corporatie heeft het profiel nog niet in een bundel ontvangen.",
            )
            .at("corporatie"));
        }
        match (kind, reason) {
            (TalkKind::ResidentRefused, None) => {
                return Err(Error::new("REQUIRED", "Kies waarom de inwoner nee zegt.").at("reden"));
            }
            (TalkKind::ResidentRefused, Some(_)) | (_, None) => {}
            (_, Some(_)) => {
                return Err(Error::new(
                    "REASON_NOT_EXPECTED",
                    "Een reden hoort alleen bij een nee van de inwoner.",
                )
                .at("reden"));
            }
        }
        let ahead = date.days_since_epoch() - today.days_since_epoch();
        let too_late = match kind {
            TalkKind::ViewingPlanned => ahead > MAX_DAYS_AHEAD,
            _ => ahead > 0,
        };
        if too_late {
            return Err(Error::new(
                "DATE_INVALID",
                "Deze datum ligt te ver in de toekomst: een antwoord van de inwoner ligt niet na vandaag, een bezichtiging hoogstens een half jaar vooruit.",
            )
            .at("datum"));
        }
        self.case_mut(id)?.talks.push(TalkRecord {
            association_id: association_id.to_string(),
            kind,
            date,
            reason,
        });
        Ok(())
    }

    /// Replaces the extra safeguards agreed for case `id`.
    pub fn set_safeguards(&mut self, id: &str, safeguards: BTreeSet<Safeguard>) -> Result<()> {
        crate::routeplanner::case_to_edit(self, id)?.safeguards = safeguards;
        Ok(())
    }
}
