//! The resident withdraws consent (AVG art. 7(3)): all processing of the case stops and this
//! vault erases everything it holds about the resident — dossier, profile, codes, prints, the
//! case's own log. What stays is what the law requires of the vault and holds no identity:
//!
//! - the vault's disclosure log as it was: which recipient got which categories under which
//!   grondslag and code, when (accountability, AVG art. 5(2) and 30); it names no resident, and
//!   with the case gone nobody here can resolve a code back;
//! - one entry recording the withdrawal itself, with its date and the codes it concerns, so the
//!   vault can show that processing stopped and when (art. 5(2));
//! - the replay records of envelopes already opened (ids and dates only), so an old envelope of
//!   this resident is not taken in again.
//!
//! The recipients who received the resident's data must be told (art. 19): the withdrawal names
//! them, from the case's log, before the case is gone.

use std::collections::BTreeSet;

use crate::disclosure::{DisclosureEntry, DisclosureKind};
use crate::error::Result;
use crate::workspace::{Case, Workspace};

/// The grondslag line of the withdrawal's log entry.
pub const WITHDRAWAL_GRONDSLAG: &str = "Toestemming ingetrokken (art. 7 lid 3 AVG)";

/// What a withdrawal leaves to do: the recipients to inform, as the log names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withdrawn {
    pub inform: Vec<String>,
    /// How many afmeldingen wait for the associations that hold the resident's code
    /// (`transfer::afmelding`).
    pub notices: usize,
}

/// The recipients this vault sent the resident's data to, as its log names them, once each:
/// whom to tell when the resident withdraws consent.
pub fn to_inform(case: &Case) -> Vec<String> {
    let names: BTreeSet<String> = case
        .log
        .iter()
        .filter(|e| e.kind.discloses() && !e.recipient_name.trim().is_empty())
        .map(|e| e.recipient_name.clone())
        .collect();
    names.into_iter().collect()
}

impl Workspace {
    /// Withdraws the consent of the resident of case `id` (`at`: the log's ISO time stamp):
    /// erases the case and logs the withdrawal. Refused, with nothing changed, for an unknown
    /// case.
    pub fn withdraw_consent(&mut self, id: &str, at: &str) -> Result<Withdrawn> {
        let case = self.case(id)?;
        let inform = to_inform(case);
        let codes: BTreeSet<String> = case
            .codes
            .values()
            .cloned()
            .chain(case.log.iter().flat_map(|e| e.codes.iter().cloned()))
            .collect();
        let entry = DisclosureEntry {
            at: at.to_string(),
            step: case.dossier.step.number(),
            recipient_id: String::new(),
            recipient_name: String::new(),
            categories: Vec::new(),
            grondslag: WITHDRAWAL_GRONDSLAG.into(),
            bundle_id: String::new(),
            codes: codes.into_iter().collect(),
            kind: DisclosureKind::ConsentWithdrawn,
            message: None,
        };
        let notices = crate::transfer::notices_for(
            case,
            crate::transfer::NoticeReason::ToestemmingIngetrokken,
            at,
        );
        let mut next = self.clone();
        next.delete_case(id)?;
        next.push_log(entry);
        let waiting = notices.len();
        next.push_notices(notices);
        *self = next;
        Ok(Withdrawn {
            inform,
            notices: waiting,
        })
    }

    /// How many withdrawals this vault has recorded, for the monitor.
    pub fn withdrawals(&self) -> usize {
        self.log()
            .iter()
            .filter(|e| e.kind == DisclosureKind::ConsentWithdrawn)
            .count()
    }
}
