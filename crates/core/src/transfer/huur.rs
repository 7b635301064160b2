//! Step 6, *huurgegevens*: the lease data the resident hands over, sent by the care provider
//! (with the resident) to the association that accepted the match (PARTIES.md, "Roles").
//!
//! The association knows the resident only by the code of the coded bundle, so the payload
//! carries that code next to the identity the lease needs. It carries exactly the step-6 row of
//! the register minus the placement profile (the association already holds the coded profile
//! under the code), and nothing of step 3: no health, no income amount, no finances.

use super::{check_header, role_refuses, unreadable};
use crate::date::Date;
use crate::disclosure::{DisclosureEntry, DisclosureKind};
use crate::dossier::{Address, DocumentKind, DocumentStatus, Dossier, PersonName, redacted};
use crate::envelope::MessageType;
use crate::error::{Error, Result};
use crate::handover::{AssociationRef, HandoverConfirmation, HandoverDocument, ResidentContact};
use crate::keys::{Fingerprint, Role};
use crate::parties::{Receipt, SealedFile};
use crate::profile::Gender;
use crate::register::{Category, Gate, Step, row};
use crate::validate;
use crate::vocab::Dutch;
use crate::workspace::{AcceptedMatch, Workspace};
use serde::{Deserialize, Serialize};
use std::fmt;

pub const HUURGEGEVENS_FORMAT: &str = "woonkans-huurgegevens";

/// The keys of the payload that identify the resident on purpose; everything else is checked
/// as a file without identity would be.
const IDENTITY_KEYS: [&str; 9] = [
    "code",
    "association",
    "name",
    "address",
    "gemeente",
    "contact",
    "birthDate",
    "gender",
    "bsn",
];

/// The lease data for one association, for one resident known there by `code`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Huurgegevens {
    format: String,
    version: u64,
    code: String,
    association: AssociationRef,
    name: PersonName,
    /// Postcode in the form "1234 AB".
    address: Address,
    gemeente: String,
    contact: ResidentContact,
    birth_date: Date,
    gender: Gender,
    /// Nine digits.
    bsn: String,
    /// The step-3 documents the resident hands over for the lease (received ones only).
    documents: Vec<HandoverDocument>,
    /// Why the hand-over goes while a document the lease needs is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    missing_documents: Option<crate::dossier::MissingDocumentsReason>,
    grondslag: String,
    doel: String,
    confirmation: HandoverConfirmation,
}

impl fmt::Debug for Huurgegevens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(
            f,
            "Huurgegevens",
            &[
                "code",
                "association",
                "name",
                "address",
                "gemeente",
                "contact",
                "birth_date",
                "gender",
                "bsn",
                "documents",
                "missing_documents",
                "confirmation",
            ],
        )
    }
}

/// What the care provider types at step 6 with the resident: the values of the step-6 row that
/// its step-1 dossier does not hold. Text as typed, so the core says what is wrong with it.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct LeaseInput {
    pub birth_date: String,
    pub gender: Option<Gender>,
    pub bsn: String,
    /// The documents the resident hands over now.
    pub documents: Vec<DocumentKind>,
    /// Why the huurgegevens may go while a document is still missing; kept only while one is.
    pub missing_reason: Option<crate::dossier::MissingDocumentsReason>,
}

impl fmt::Debug for LeaseInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(
            f,
            "LeaseInput",
            &["birth_date", "gender", "bsn", "documents", "missing_reason"],
        )
    }
}

fn association_id_ok(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn match_missing() -> Error {
    crate::register::gate_missing_error(Step::Agreement, &[Gate::MatchAccepted])
}

/// The accepted match as a koppeling recorded it: only then does the care provider know the
/// code the association uses.
fn koppeling_match(accepted: Option<&AcceptedMatch>) -> Result<(&AcceptedMatch, &str)> {
    let accepted = accepted.ok_or_else(match_missing)?;
    let code = accepted.code.as_deref().ok_or_else(match_missing)?;
    Ok((accepted, code))
}

impl Huurgegevens {
    /// The huurgegevens of a care provider's dossier whose match came in by koppeling, after the
    /// explicit confirmation of the grondslag. Refused (`DOSSIER_INCOMPLETE`) while a value of
    /// the row is missing or invalid.
    pub fn of(
        dossier: &Dossier,
        accepted: Option<&AcceptedMatch>,
        confirmation: HandoverConfirmation,
    ) -> Result<Huurgegevens> {
        if dossier.archived {
            return Err(crate::dossier::archived_error());
        }
        let (accepted, code) = koppeling_match(accepted)?;
        if !confirmation.grondslag_confirmed {
            return Err(Error::new(
                "CONFIRMATION_MISSING",
                format!(
                    "Bevestig eerst dat de gegevens worden overgedragen voor de huurovereenkomst, op de grondslag '{}'.",
                    crate::handover::GRONDSLAG
                ),
            )
            .at("bevestiging.grondslag"));
        }
        let confirmed_by = confirmation.confirmed_by.trim().to_string();
        if confirmed_by.is_empty() {
            return Err(Error::new(
                "CONFIRMATION_MISSING",
                "Vul in wie de overdracht bevestigt.",
            )
            .at("bevestiging.door"));
        }
        if confirmation.date < accepted.date {
            return Err(Error::new(
                "CONFIRMATION_DATE_INVALID",
                "De bevestiging kan niet vóór de aanvaarding van de match liggen.",
            )
            .at("bevestiging.datum"));
        }
        let incomplete = |field: &str| {
            Error::new(
                "DOSSIER_INCOMPLETE",
                format!(
                    "Het dossier is nog niet compleet voor de huurgegevens. Controleer: {field}."
                ),
            )
            .at(field)
        };
        if dossier.name.surname.trim().is_empty() || dossier.name.first_names.trim().is_empty() {
            return Err(incomplete("naam"));
        }
        let birth_date = dossier
            .birth_date
            .ok_or_else(|| incomplete("geboortedatum"))?;
        let gender = dossier.gender.ok_or_else(|| incomplete("geslacht"))?;
        let bsn = validate::bsn(dossier.bsn.as_deref().unwrap_or_default())
            .map_err(|_| incomplete("bsn"))?;
        let mut address = dossier.address.clone();
        if address.street.trim().is_empty() || address.place.trim().is_empty() {
            return Err(incomplete("adres"));
        }
        address.postcode =
            validate::postcode(&address.postcode).map_err(|_| incomplete("adres.postcode"))?;
        let phones = dossier
            .phones
            .iter()
            .map(|p| validate::phone(p))
            .collect::<Result<Vec<_>>>()
            .map_err(|_| incomplete("telefoon"))?;
        let email = match dossier.email.as_deref().filter(|e| !e.trim().is_empty()) {
            Some(e) => Some(validate::email(e).map_err(|_| incomplete("email"))?),
            None => None,
        };
        let gemeente = crate::region::canonical_gemeente(&dossier.gemeente)
            .map(str::to_string)
            .unwrap_or_else(|| dossier.gemeente.trim().to_string());
        let association_name = accepted
            .association_name
            .as_deref()
            .map(str::trim)
            .unwrap_or_default();
        if !association_id_ok(&accepted.association_id) || association_name.is_empty() {
            return Err(match_missing());
        }
        let missing_documents = dossier
            .documents
            .ready_for_lease(dossier.budget_management)?;
        let documents = dossier
            .documents
            .entries()
            .into_iter()
            .filter(|(_, e)| e.status == DocumentStatus::Received)
            .map(|(kind, e)| HandoverDocument {
                document: kind,
                label: kind.dutch().to_string(),
                status: e.status,
                date: e.date,
            })
            .collect();
        Ok(Huurgegevens {
            format: HUURGEGEVENS_FORMAT.into(),
            version: super::VERSION,
            code: code.to_string(),
            association: AssociationRef {
                id: accepted.association_id.clone(),
                name: association_name.to_string(),
            },
            name: dossier.name.clone(),
            address,
            gemeente,
            contact: ResidentContact { phones, email },
            birth_date,
            gender,
            bsn,
            documents,
            missing_documents,
            grondslag: crate::handover::GRONDSLAG.into(),
            doel: row(Step::Agreement).doel.into(),
            confirmation: HandoverConfirmation {
                confirmed_by,
                ..confirmation
            },
        })
    }

    /// Reads huurgegevens back, refusing an unknown field at any depth: the value must write
    /// back to exactly what was read.
    pub fn parse(bytes: &[u8]) -> Result<Huurgegevens> {
        let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|_| unreadable())?;
        let h: Huurgegevens = serde_json::from_value(value.clone()).map_err(|_| unreadable())?;
        check_header(&h.format, h.version, HUURGEGEVENS_FORMAT)?;
        crate::code::parse(&h.code).map_err(|_| unreadable())?;
        if validate::bsn(&h.bsn).ok().as_deref() != Some(h.bsn.as_str())
            || !association_id_ok(&h.association.id)
            || !h.confirmation.grondslag_confirmed
            || h.documents
                .iter()
                .any(|d| d.status != DocumentStatus::Received || d.label != d.document.dutch())
        {
            return Err(unreadable());
        }
        if serde_json::to_value(&h).ok().as_ref() != Some(&value) {
            return Err(unreadable());
        }
        Ok(h)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        crate::bundle::canonical_json(&serde_json::to_value(self).expect("plain data"))
    }

    /// The categories of the step-6 row this file carries: the identity, and each document
    /// actually handed over.
    pub fn categories(&self) -> Vec<Category> {
        let mut c = vec![
            Category::Naw,
            Category::Contact,
            Category::BirthDate,
            Category::Gender,
            Category::Bsn,
        ];
        c.extend(self.documents.iter().map(|d| match d.document {
            DocumentKind::LandlordStatement => Category::LandlordStatement,
            DocumentKind::BrpExtract => Category::BrpExtract,
            DocumentKind::IncomeStatement => Category::IncomeStatement,
            DocumentKind::BewindvoeringRuling => Category::BewindvoeringRuling,
        }));
        c
    }

    fn labels(&self) -> Vec<String> {
        // A hand-over without every document says so in both parties' logs.
        self.categories()
            .iter()
            .map(|c| c.dutch().to_string())
            .chain(self.missing_documents.map(|r| r.log_label()))
            .collect()
    }

    /// Why the hand-over went without every document the lease needs, if it did.
    pub fn missing_documents(&self) -> Option<crate::dossier::MissingDocumentsReason> {
        self.missing_documents
    }

    pub fn code(&self) -> &str {
        &self.code
    }
    pub fn association(&self) -> &AssociationRef {
        &self.association
    }
    pub fn name(&self) -> &PersonName {
        &self.name
    }
    pub fn address(&self) -> &Address {
        &self.address
    }
    pub fn gemeente(&self) -> &str {
        &self.gemeente
    }
    pub fn contact(&self) -> &ResidentContact {
        &self.contact
    }
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }
    pub fn gender(&self) -> Gender {
        self.gender
    }
    pub fn bsn(&self) -> &str {
        &self.bsn
    }
    pub fn documents(&self) -> &[HandoverDocument] {
        &self.documents
    }
    pub fn grondslag(&self) -> &str {
        &self.grondslag
    }
    pub fn doel(&self) -> &str {
        &self.doel
    }
    pub fn confirmation(&self) -> &HandoverConfirmation {
        &self.confirmation
    }
}

/// Huurgegevens an association received, kept by the code they are about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedHuurgegevens {
    pub envelope_id: String,
    pub sender: Fingerprint,
    pub organisation: String,
    pub at: String,
    pub huurgegevens: Huurgegevens,
}

impl Workspace {
    /// The care provider types, with the resident, the step-6 values its dossier lacks. Only
    /// after the koppeling brought the accepted match: before that there is no lease to enter
    /// them for.
    pub fn record_lease_data(
        &mut self,
        case_id: &str,
        input: LeaseInput,
        today: Date,
    ) -> Result<()> {
        self.may_send(MessageType::Huurgegevens)?;
        let case = self.case(case_id)?;
        crate::routeplanner::editable(case)?;
        koppeling_match(case.accepted.as_ref())?;
        let birth_date = Date::parse(input.birth_date.trim()).map_err(|_| {
            Error::new("DATE_INVALID", "Vul de geboortedatum in als dd-mm-jjjj.")
                .at("geboortedatum")
        })?;
        if birth_date >= today {
            return Err(Error::new(
                "DATE_INVALID",
                "De geboortedatum moet in het verleden liggen.",
            )
            .at("geboortedatum"));
        }
        let gender = input
            .gender
            .ok_or_else(|| Error::new("REQUIRED", "Kies het geslacht.").at("geslacht"))?;
        let bsn = validate::bsn(&input.bsn).map_err(|e| e.at("bsn"))?;
        let mut next = self.clone();
        let d = &mut next.case_mut(case_id)?.dossier;
        d.birth_date = Some(birth_date);
        d.gender = Some(gender);
        d.bsn = Some(bsn);
        for kind in DocumentKind::ALL {
            let handed = input.documents.contains(&kind);
            let entry = d.documents.get_mut(kind);
            if handed && entry.status != DocumentStatus::Received {
                entry.status = DocumentStatus::Received;
                entry.date = Some(today);
            } else if !handed && entry.status != DocumentStatus::NotApplicable {
                entry.status = DocumentStatus::Requested;
                entry.date = None;
            }
        }
        d.documents
            .choose_missing_reason(d.budget_management, input.missing_reason);
        *self = next;
        Ok(())
    }

    /// The care provider's huurgegevens of a case to the confirmed card of the association that
    /// accepted the match. Named on purpose, so the whole file is guarded against the other
    /// residents of this vault, and its parts without identity as a file without identity is.
    #[allow(clippy::too_many_arguments)]
    pub fn seal_huurgegevens(
        &mut self,
        case_id: &str,
        association: Fingerprint,
        confirmation: HandoverConfirmation,
        envelope_id: [u8; 16],
        random: [u8; 32],
        at: &str,
    ) -> Result<SealedFile> {
        self.may_send(MessageType::Huurgegevens)?;
        let case = self.case(case_id)?;
        let (accepted, _) = koppeling_match(case.accepted.as_ref())?;
        let card = self.recipient(association, Role::Woningcorporatie)?;
        // Only the association of the accepted match: its card carries the id the offer (and so
        // the koppeling) knows it by. Another association would read the data before refusing it.
        if card.identity.organisation_id != accepted.association_id {
            return Err(Error::new(
                "HUURGEGEVENS_WRONG_ASSOCIATION",
                format!(
                    "De huurgegevens gaan alleen naar de corporatie waarmee de match is aanvaard{}. \
                     Kies die corporatie als ontvanger.",
                    accepted
                        .association_name
                        .as_deref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default()
                ),
            ));
        }
        let date = confirmation.date;
        let h = Huurgegevens::of(&case.dossier, case.accepted.as_ref(), confirmation)?;
        let payload = h.to_bytes();
        let own = case.dossier.known();
        let others = self.others_known(case_id);
        let what = "Het bestand met huurgegevens";
        crate::leakguard::guard_others(&payload, &own, &others)
            .map_err(|r| r.to_error_for(what))?;
        let mut rest: serde_json::Value =
            serde_json::from_slice(&payload).map_err(|_| unreadable())?;
        if let Some(map) = rest.as_object_mut() {
            for key in IDENTITY_KEYS {
                map.remove(key);
            }
        }
        crate::leakguard::guard_anonymous(&crate::bundle::canonical_json(&rest), &own, &others)
            .map_err(|r| r.to_error_for(what))?;
        let labels = h.labels();
        let mut next = self.clone();
        let file = next.send_transfer(
            case_id,
            MessageType::Huurgegevens,
            Step::Agreement,
            labels,
            &payload,
            &card,
            envelope_id,
            random,
            date,
            at,
        )?;
        *self = next;
        Ok(file)
    }

    /// The association erases the huurgegevens it holds about `code` (every version a care
    /// provider sent), once the lease is made or the placement did not go on: they were given
    /// for the lease only. One log entry records the erasure by code, with no value of the
    /// resident. Refused when there are none.
    pub fn erase_huurgegevens(&mut self, code: &str, at: &str) -> Result<()> {
        if self.role() != Some(Role::Woningcorporatie) {
            return Err(role_refuses(MessageType::Huurgegevens));
        }
        let Some(kept) = self.parties().huurgegevens_for(code) else {
            return Err(Error::new(
                "HUURGEGEVENS_NOT_FOUND",
                "Er zijn geen huurgegevens met deze code in deze kluis.",
            ));
        };
        let entry = DisclosureEntry {
            at: at.to_string(),
            step: Step::Agreement.number(),
            recipient_id: kept.sender.to_string(),
            recipient_name: kept.organisation.clone(),
            categories: kept.huurgegevens.labels(),
            grondslag: crate::handover::GRONDSLAG.into(),
            bundle_id: kept.envelope_id.clone(),
            codes: vec![code.to_string()],
            kind: DisclosureKind::Erased,
            message: Some(MessageType::Huurgegevens),
        };
        let mut next = self.clone();
        next.remove_huurgegevens(code);
        next.push_log(entry);
        *self = next;
        Ok(())
    }

    /// The association opens huurgegevens from a confirmed care provider, about a code it holds
    /// from a bundle or a koppeling, and keeps them by that code. Returns the code.
    pub fn open_huurgegevens(&mut self, bytes: &[u8], at: &str) -> Result<String> {
        self.may_receive(MessageType::Huurgegevens)?;
        if self.role() != Some(Role::Woningcorporatie) {
            return Err(role_refuses(MessageType::Huurgegevens));
        }
        let opened =
            self.open_transfer(bytes, MessageType::Huurgegevens, Some(Role::Zorgaanbieder))?;
        let h = Huurgegevens::parse(&opened.payload)?;
        let code = h.code().to_string();
        let in_bundle = self.parties().inbox().iter().any(|b| {
            b.bundle()
                .is_ok_and(|v| v.profiles.iter().any(|p| p.code.to_string() == code))
        });
        let in_koppeling = self
            .parties()
            .koppelingen()
            .iter()
            .any(|k| k.koppeling.code == code);
        if !in_bundle && !in_koppeling {
            return Err(Error::new(
                "HUURGEGEVENS_UNKNOWN_CODE",
                "Deze huurgegevens gaan over een code die in geen bundel of koppeling van deze kluis staat. Er is niets ingelezen.",
            ));
        }
        let entry = DisclosureEntry {
            at: at.into(),
            step: Step::Agreement.number(),
            recipient_id: opened.sender.fingerprint().to_string(),
            recipient_name: opened.sender.card.identity.organisation.clone(),
            categories: h.labels(),
            grondslag: row(Step::Agreement).grondslag_text.into(),
            bundle_id: opened.id.clone(),
            codes: vec![code.clone()],
            kind: DisclosureKind::TransferReceived,
            message: Some(MessageType::Huurgegevens),
        };
        let mut next = self.clone();
        next.push_log(entry);
        next.push_huurgegevens(ReceivedHuurgegevens {
            envelope_id: opened.id.clone(),
            sender: opened.sender.fingerprint(),
            organisation: opened.sender.card.identity.organisation.clone(),
            at: at.into(),
            huurgegevens: h,
        });
        next.push_receipt(Receipt {
            id: opened.id,
            kind: MessageType::Huurgegevens,
            sender: opened.sender.fingerprint(),
            date: opened.date,
            at: at.into(),
        });
        *self = next;
        Ok(code)
    }
}
