//! *Overdracht aan een andere regisseur*: a caseload, or one case, moves from one coordinator's
//! vault to another's, with its profile, codes, replies, talks, safeguards and log, so the work
//! survives illness and job changes (PARTIES.md, "Roles").
//!
//! Both vaults are a coordinator's, so the payload is the coordinator's own rows (steps 4 and 5
//! and the koppeling of step 6) and nothing more. It is made as a view, not as a copy: each
//! case's dossier part is rebuilt through `coordinator::CoordinatorDossier`, which has no field
//! for a value of another row. The exact bytes then pass the guard with
//! the identifier prints of every case of the sending vault.
//!
//! The cases leave the sending vault's work at once (no second coordinator keeps working on
//! them) but are kept aside, unreadable for every other operation, until the user confirms that
//! the other coordinator opened the envelope; only then are they erased. Until then the user
//! can take them back, for an envelope that got lost.

use super::{check_header, check_reference, unreadable};
use crate::date::Date;
use crate::disclosure::{DisclosureEntry, DisclosureKind};
use crate::dossier::redacted;
use crate::envelope::MessageType;
use crate::error::{Error, Result};
use crate::keys::{Fingerprint, Role};
use crate::parties::{Receipt, SealedFile};
use crate::prints::IdentifierPrints;
use crate::register::Step;
use crate::workspace::{Case, Workspace};
use serde::{Deserialize, Serialize};
use std::fmt;

pub const CASELOAD_FORMAT: &str = "woonkans-overdracht-regisseur";

/// What the log says moved, in both vaults.
pub const CASELOAD_CATEGORIES: [&str; 3] = [
    "Stap-4-gegevens en plaatsingsprofiel",
    "Codes, bundels, reacties en gesprekken met corporaties",
    "Verwerkingslog van de zaak",
];

/// The cases one coordinator hands another.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseloadTransfer {
    format: String,
    version: u64,
    cases: Vec<Case>,
}

impl fmt::Debug for CaseloadTransfer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(f, "CaseloadTransfer", &["cases"])
    }
}

impl CaseloadTransfer {
    /// The view of `cases` for another coordinator. Every case must have come in as an
    /// overdracht or been typed from a report (a coordinator's case always has); anything else
    /// is refused before a byte is written.
    pub fn of(cases: &[&Case]) -> Result<CaseloadTransfer> {
        if cases.is_empty() {
            return Err(Error::new(
                "CASELOAD_EMPTY",
                "Kies minstens één zaak om over te dragen.",
            ));
        }
        let cases = cases
            .iter()
            .map(|c| {
                if c.overdracht.is_none() {
                    return Err(not_a_coordinator_case());
                }
                Ok(Case {
                    dossier: crate::coordinator::part(&c.dossier),
                    ..(*c).clone()
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(CaseloadTransfer {
            format: CASELOAD_FORMAT.into(),
            version: super::VERSION,
            cases,
        })
    }

    /// Reads a payload back with every check: the header, each case a coordinator's (its
    /// overdracht readable, its dossier part nothing but the step-4 values), valid codes, no
    /// dossier number twice.
    pub fn parse(bytes: &[u8]) -> Result<CaseloadTransfer> {
        let t: CaseloadTransfer = serde_json::from_slice(bytes).map_err(|_| unreadable())?;
        check_header(&t.format, t.version, CASELOAD_FORMAT)?;
        if t.cases.is_empty() {
            return Err(unreadable());
        }
        let mut ids = std::collections::BTreeSet::new();
        for case in &t.cases {
            check_reference(&case.dossier.id)?;
            if !ids.insert(case.dossier.id.as_str()) {
                return Err(unreadable());
            }
            let overdracht = case.overdracht.as_ref().ok_or_else(unreadable)?;
            super::Overdracht::parse(&overdracht.to_bytes())?;
            if !crate::coordinator::holds_only_its_row(&case.dossier) {
                return Err(Error::new(
                    "CASELOAD_NOT_ANONYMOUS",
                    "Deze overdracht bevat gegevens die een regisseur niet mag hebben. Er is niets ingelezen.",
                ));
            }
            for code in case.codes.values() {
                crate::code::parse(code).map_err(|_| unreadable())?;
            }
        }
        Ok(t)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        crate::bundle::canonical_json(&serde_json::to_value(self).expect("plain data"))
    }

    pub fn cases(&self) -> &[Case] {
        &self.cases
    }
}

fn not_a_coordinator_case() -> Error {
    Error::new(
        "CASELOAD_NOT_COORDINATOR_CASE",
        "Alleen zaken die als overdracht of uit een rapport in deze kluis kwamen, kunnen naar een andere regisseur.",
    )
}

/// Cases handed to another coordinator and kept aside until the user confirms that the other
/// coordinator opened the envelope. Nothing else in the app reads them.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MovedOut {
    pub envelope_id: String,
    /// The receiving coordinator's organisation, as its key card names it.
    pub to: String,
    pub to_fingerprint: String,
    pub on: Date,
    pub at: String,
    pub cases: Vec<Case>,
}

impl fmt::Debug for MovedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(f, "MovedOut", &["cases"])
    }
}

impl Workspace {
    /// The coordinator hands `case_ids` to another coordinator's confirmed card. The cases
    /// leave this vault's work at once and wait aside (`moved_out`) until
    /// [`Workspace::erase_moved`] or [`Workspace::take_back_moved`].
    #[allow(clippy::too_many_arguments)]
    pub fn seal_caseload(
        &mut self,
        case_ids: &[String],
        recipient: Fingerprint,
        envelope_id: [u8; 16],
        random: [u8; 32],
        today: Date,
        at: &str,
    ) -> Result<SealedFile> {
        self.may_send(MessageType::OverdrachtRegisseur)?;
        let card = self.recipient(recipient, Role::Regisseur)?;
        if self
            .parties()
            .keys()
            .is_some_and(|k| k.card().fingerprint() == card.fingerprint())
        {
            return Err(Error::new(
                "CASELOAD_TO_SELF",
                "Dit is de sleutelkaart van deze kluis zelf. Kies de andere regisseur.",
            ));
        }
        let mut chosen = Vec::with_capacity(case_ids.len());
        for id in case_ids {
            if chosen.iter().any(|c: &&Case| c.dossier.id == *id) {
                continue;
            }
            chosen.push(self.case(id)?);
        }
        let transfer = CaseloadTransfer::of(&chosen)?;
        let payload = transfer.to_bytes();
        // Every resident this vault knows of by prints, moved or not: none may be in the file.
        let prints: Vec<&IdentifierPrints> =
            self.cases().iter().filter_map(|c| c.prints()).collect();
        let known: Vec<crate::known::Known> = chosen
            .iter()
            .map(|c| crate::known::Known {
                // The professionals travel by name on purpose.
                contact_names: Vec::new(),
                ..c.dossier.known()
            })
            .collect();
        let known: Vec<&crate::known::Known> = known.iter().collect();
        crate::leakguard::guard_caseload(&payload, &known, &prints)
            .map_err(|r| r.to_error_for("De overdracht aan de andere regisseur"))?;
        let sealed = self.seal_to(
            MessageType::OverdrachtRegisseur,
            &card,
            envelope_id,
            random,
            today,
            &payload,
        )?;
        let envelope_hex = crate::code::hex(&envelope_id);
        let mut next = self.clone();
        // What waits aside is what was sent (the view, through the coordinator's type), so the
        // parties record never holds more of a case than the cases record may.
        let mut moved = Vec::with_capacity(transfer.cases.len());
        for mut case in transfer.cases {
            let entry = entry(
                at,
                &card.fingerprint().to_string(),
                &format!("{} (regisseur)", card.identity.organisation),
                &envelope_hex,
                DisclosureKind::TransferSent,
            );
            case.log.push(entry.clone());
            next.push_log(entry);
            next.delete_case(&case.dossier.id)?;
            moved.push(case);
        }
        next.push_moved_out(MovedOut {
            envelope_id: envelope_hex,
            to: card.identity.organisation.clone(),
            to_fingerprint: card.fingerprint().to_string(),
            on: today,
            at: at.into(),
            cases: moved,
        });
        *self = next;
        Ok(sealed)
    }

    /// After the other coordinator confirmed the envelope was opened: the cases kept aside for
    /// it are erased. The log entries of the sending stay in this vault's log.
    pub fn erase_moved(&mut self, envelope_id: &str, confirmed: bool) -> Result<usize> {
        if !confirmed {
            return Err(Error::new(
                "CONFIRMATION_MISSING",
                "Vink eerst aan dat de andere regisseur de overdracht heeft geopend.",
            )
            .at("overgedragen-bevestiging"));
        }
        let moved = self.take_moved_out(envelope_id)?;
        Ok(moved.cases.len())
    }

    /// An envelope that never arrived: its cases come back to this vault's work, with the
    /// sending still in their log. Refused when a dossier number is in use again.
    pub fn take_back_moved(&mut self, envelope_id: &str) -> Result<Vec<String>> {
        let mut next = self.clone();
        let moved = next.take_moved_out(envelope_id)?;
        let mut ids = Vec::new();
        for case in moved.cases {
            if next.case(&case.dossier.id).is_ok() {
                return Err(Error::new(
                    "CASE_ID_TAKEN",
                    "Een van deze dossiernummers is in deze kluis weer in gebruik. Er is niets teruggezet.",
                ));
            }
            ids.push(case.dossier.id.clone());
            next.cases.push(case);
        }
        *self = next;
        Ok(ids)
    }

    /// The other coordinator's side: the cases come in as they were, each with a log entry of
    /// the receiving. Refused as a whole (nothing read) when a case belongs to another region or
    /// a dossier number is already in this vault.
    pub fn open_caseload(&mut self, bytes: &[u8], at: &str) -> Result<Vec<String>> {
        self.may_receive(MessageType::OverdrachtRegisseur)?;
        let opened = self.open_transfer(
            bytes,
            MessageType::OverdrachtRegisseur,
            Some(Role::Regisseur),
        )?;
        let transfer = CaseloadTransfer::parse(&opened.payload)?;
        let region = self.region()?;
        let mut next = self.clone();
        let mut ids = Vec::new();
        for mut case in transfer.cases {
            let facts_region = case.overdracht.as_ref().map(|o| o.facts().region);
            if facts_region != Some(region) {
                return Err(Error::new(
                    "REGION_MISMATCH",
                    format!(
                        "Deze overdracht bevat een zaak van een andere regio dan {}. Er is niets ingelezen.",
                        region.name()
                    ),
                ));
            }
            if next.case(&case.dossier.id).is_ok() {
                return Err(Error::new(
                    "CASE_ID_TAKEN",
                    "Een zaak uit deze overdracht heeft een dossiernummer dat al in deze kluis staat. Er is niets ingelezen.",
                ));
            }
            let entry = entry(
                at,
                &opened.sender.fingerprint().to_string(),
                &format!("{} (regisseur)", opened.sender.card.identity.organisation),
                &opened.id,
                DisclosureKind::TransferReceived,
            );
            case.log.push(entry.clone());
            next.push_log(entry);
            ids.push(case.dossier.id.clone());
            next.cases.push(case);
        }
        next.push_receipt(Receipt {
            id: opened.id,
            kind: MessageType::OverdrachtRegisseur,
            sender: opened.sender.fingerprint(),
            date: opened.date,
            at: at.into(),
        });
        *self = next;
        Ok(ids)
    }
}

fn entry(
    at: &str,
    party_id: &str,
    party_name: &str,
    envelope_id: &str,
    kind: DisclosureKind,
) -> DisclosureEntry {
    DisclosureEntry {
        at: at.into(),
        step: Step::PlacementProfile.number(),
        recipient_id: party_id.into(),
        recipient_name: party_name.into(),
        categories: CASELOAD_CATEGORIES.iter().map(|c| c.to_string()).collect(),
        grondslag: crate::register::row(Step::PlacementProfile)
            .grondslag_text
            .into(),
        bundle_id: envelope_id.into(),
        codes: Vec::new(),
        kind,
        message: Some(MessageType::OverdrachtRegisseur),
    }
}
