//! What a vault holds about other parties (its keys, the contact book, the envelopes it took in)
//! and the workspace's operations that send or receive an envelope: the bundle per association,
//! the association's reply, the step-6 hand-over.
//!
//! Every sending checks first that the recipient has a confirmed key card, then makes the payload
//! through the same writer as before (minimiser and leak guard on the exact bytes), then seals.
//! Every receiving runs `envelope::open` (nothing is kept from a refused file) and refuses an
//! envelope id it already processed.

use crate::bundle::{self, VerifiedBundle, WriteError, WrittenBundle};
use crate::code::{self, CodeKey};
use crate::date::Date;
use crate::disclosure::{DisclosureEntry, DisclosureKind};
use crate::envelope::{self, MessageType, Sealing};
use crate::error::{Error, Result};
use crate::handover::{Handover, HandoverConfirmation};
use crate::keys::{Contact, ContactBook, Fingerprint, Identity, Imported, KeyCard, OwnKeys, Role};
use crate::reply::{CodeAnswer, Reply};
use crate::workspace::Workspace;
use serde::{Deserialize, Serialize};

/// An envelope this vault opened and acted on: the replay record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Receipt {
    pub id: String,
    pub kind: MessageType,
    pub sender: Fingerprint,
    pub date: Date,
    /// When this vault processed it (ISO date-time from the caller).
    pub at: String,
}

/// A bundle an association received: kept as the verified payload, so it can be answered later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedBundle {
    pub envelope_id: String,
    pub sender: Fingerprint,
    pub organisation: String,
    pub at: String,
    /// The bundle's canonical JSON, as it came out of the envelope.
    pub payload: String,
    /// When the reply went out, if it did.
    #[serde(default)]
    pub replied: Option<String>,
}

impl ReceivedBundle {
    pub fn bundle(&self) -> Result<VerifiedBundle> {
        bundle::verify_bundle(self.payload.as_bytes())
    }
}

/// The answer of one association about one case, on the coordinator's side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedAnswer {
    pub date: Date,
    pub at: String,
    pub envelope_id: String,
    pub answer: CodeAnswer,
}

/// Keys, contacts and what came in. Stored as its own vault record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Parties {
    #[serde(default)]
    keys: Option<OwnKeys>,
    #[serde(default)]
    contacts: ContactBook,
    #[serde(default)]
    received: Vec<Receipt>,
    #[serde(default)]
    inbox: Vec<ReceivedBundle>,
    /// Koppelingen an association received (`transfer`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    koppelingen: Vec<crate::transfer::ReceivedKoppeling>,
    /// Huurgegevens an association received (`transfer`), in the order they came in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    huurgegevens: Vec<crate::transfer::ReceivedHuurgegevens>,
    /// Cases handed to another coordinator, kept aside until the user confirms the other
    /// coordinator opened the envelope (`transfer::caseload`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    moved_out: Vec<crate::transfer::MovedOut>,
    /// Afmeldingen a coordinator still has to send after a withdrawal or a closing
    /// (`transfer::afmelding`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    notices: Vec<crate::transfer::PendingNotice>,
}

impl Parties {
    pub fn keys(&self) -> Option<&OwnKeys> {
        self.keys.as_ref()
    }
    pub fn contacts(&self) -> &ContactBook {
        &self.contacts
    }
    pub fn received(&self) -> &[Receipt] {
        &self.received
    }
    pub fn inbox(&self) -> &[ReceivedBundle] {
        &self.inbox
    }
    pub fn koppelingen(&self) -> &[crate::transfer::ReceivedKoppeling] {
        &self.koppelingen
    }

    /// Cases handed to another coordinator and not yet erased here, oldest first.
    pub fn moved_out(&self) -> &[crate::transfer::MovedOut] {
        &self.moved_out
    }

    /// Afmeldingen waiting to be sent, in the order the withdrawals and closings made them.
    pub fn notices(&self) -> &[crate::transfer::PendingNotice] {
        &self.notices
    }

    pub fn huurgegevens(&self) -> &[crate::transfer::ReceivedHuurgegevens] {
        &self.huurgegevens
    }
    /// The latest huurgegevens about `code`: a care provider may send corrected ones.
    pub fn huurgegevens_for(&self, code: &str) -> Option<&crate::transfer::ReceivedHuurgegevens> {
        self.huurgegevens
            .iter()
            .rev()
            .find(|h| h.huurgegevens.code() == code)
    }

    fn own(&self) -> Result<&OwnKeys> {
        self.keys.as_ref().ok_or_else(|| {
            Error::new(
                "KEYS_MISSING",
                "Deze kluis heeft nog geen sleutels. Maak ze bij ‘Sleutels en adresboek’.",
            )
        })
    }

    fn already(&self, id: &str) -> Option<&Receipt> {
        self.received.iter().find(|r| r.id == id)
    }
}

/// A sealed envelope, ready to download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedFile {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// What opening a reply did on the coordinator's side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyReceipt {
    pub association_id: String,
    pub association_name: String,
    /// (case id, answer) for every code that belongs to a case of this vault.
    pub answered: Vec<(String, CodeAnswer)>,
    /// Codes that belong to no case here (a deleted case, a mistaken reply).
    pub unknown: usize,
}

pub(crate) fn already_processed(r: &Receipt) -> Error {
    Error::new(
        "ENVELOPE_ALREADY_PROCESSED",
        format!(
            "Deze envelop is al verwerkt op {}. Er is niets opnieuw ingelezen.",
            crate::vocab::date(
                r.at.get(..10)
                    .and_then(|d| Date::parse(d).ok())
                    .unwrap_or(r.date)
            )
        ),
    )
}

impl Workspace {
    /// Seals `payload` as one envelope of `kind` to `card`, signed with this vault's keys: the one
    /// way every sending makes its file (the caller has run the payload's guard).
    pub(crate) fn seal_to(
        &self,
        kind: MessageType,
        card: &KeyCard,
        id: [u8; 16],
        random: [u8; 32],
        date: Date,
        payload: &[u8],
    ) -> Result<SealedFile> {
        let bytes = envelope::seal(
            self.parties.own()?,
            &Sealing {
                kind,
                id,
                date,
                payload,
                recipients: vec![card],
                random,
            },
        )?;
        Ok(SealedFile {
            file_name: envelope::file_name(kind, date, &id),
            bytes,
        })
    }

    pub(crate) fn push_receipt(&mut self, receipt: Receipt) {
        self.parties.received.push(receipt);
    }

    pub(crate) fn push_koppeling(&mut self, k: crate::transfer::ReceivedKoppeling) {
        self.parties.koppelingen.push(k);
    }

    /// Removes every huurgegevens about `code`; returns how many there were.
    pub(crate) fn remove_huurgegevens(&mut self, code: &str) -> usize {
        let before = self.parties.huurgegevens.len();
        self.parties
            .huurgegevens
            .retain(|h| h.huurgegevens.code() != code);
        before - self.parties.huurgegevens.len()
    }

    pub(crate) fn push_notices(&mut self, notices: Vec<crate::transfer::PendingNotice>) {
        self.parties.notices.extend(notices);
    }

    /// Removes the waiting afmeldingen `drop` picks.
    pub(crate) fn drop_notices(&mut self, drop: impl Fn(&crate::transfer::PendingNotice) -> bool) {
        self.parties.notices.retain(|n| !drop(n));
    }

    /// Removes the afmeldingen waiting for `association_id` and returns them.
    pub(crate) fn take_notices(
        &mut self,
        association_id: &str,
    ) -> Vec<crate::transfer::PendingNotice> {
        let (taken, kept) = std::mem::take(&mut self.parties.notices)
            .into_iter()
            .partition(|n| n.association_id == association_id);
        self.parties.notices = kept;
        taken
    }

    /// Removes the koppelingen about any of `codes`; returns the codes that had one.
    pub(crate) fn erase_koppelingen(
        &mut self,
        codes: &std::collections::BTreeSet<String>,
    ) -> Vec<String> {
        let mut erased = Vec::new();
        self.parties.koppelingen.retain(|k| {
            let code = crate::code::parse(&k.koppeling.code)
                .map_or_else(|_| k.koppeling.code.clone(), |c| c.to_string());
            let hit = codes.contains(&code);
            if hit {
                erased.push(code);
            }
            !hit
        });
        erased
    }

    /// Removes the profiles of any of `codes` from the kept bundles (a bundle left without a
    /// profile goes); returns the codes that had one.
    pub(crate) fn erase_profiles(
        &mut self,
        codes: &std::collections::BTreeSet<String>,
    ) -> Result<Vec<String>> {
        let mut erased = Vec::new();
        let mut kept = Vec::with_capacity(self.parties.inbox.len());
        for mut b in std::mem::take(&mut self.parties.inbox) {
            let (payload, removed) = bundle::without_profiles(b.payload.as_bytes(), codes)?;
            erased.extend(removed);
            if let Some(payload) = payload {
                b.payload = String::from_utf8(payload).map_err(|_| envelope_damaged())?;
                kept.push(b);
            }
        }
        self.parties.inbox = kept;
        erased.sort();
        erased.dedup();
        Ok(erased)
    }

    pub(crate) fn push_moved_out(&mut self, m: crate::transfer::MovedOut) {
        self.parties.moved_out.push(m);
    }

    /// Removes the cases kept aside for the envelope `envelope_id` and returns them.
    pub(crate) fn take_moved_out(
        &mut self,
        envelope_id: &str,
    ) -> Result<crate::transfer::MovedOut> {
        let i = self
            .parties
            .moved_out
            .iter()
            .position(|m| m.envelope_id == envelope_id)
            .ok_or_else(|| {
                Error::new(
                    "MOVED_NOT_FOUND",
                    "Deze overdracht staat niet (meer) in deze kluis.",
                )
            })?;
        Ok(self.parties.moved_out.remove(i))
    }

    pub(crate) fn push_huurgegevens(&mut self, h: crate::transfer::ReceivedHuurgegevens) {
        self.parties.huurgegevens.push(h);
    }

    pub(crate) fn push_log(&mut self, entry: DisclosureEntry) {
        self.log.push(entry);
    }

    pub fn parties(&self) -> &Parties {
        &self.parties
    }

    /// The vault's first keys. `random`: 64 bytes from the browser's random source.
    pub fn create_keys(&mut self, identity: Identity, today: Date, random: [u8; 64]) -> Result<()> {
        if self.parties.keys.is_some() {
            return Err(Error::new(
                "KEYS_EXIST",
                "Deze kluis heeft al sleutels. Kies ‘Nieuwe sleutels maken’ als u ze wilt vervangen.",
            ));
        }
        self.parties.keys = Some(OwnKeys::new(identity, today, random)?);
        Ok(())
    }

    /// Replaces the keys (a lost laptop, a departing colleague). Returns the confirmed contacts,
    /// who must receive the new key card: envelopes sealed to the old key can no longer be opened
    /// here, and envelopes signed by the new key are refused until they confirm it.
    pub fn renew_keys(&mut self, today: Date, random: [u8; 64]) -> Result<Vec<Contact>> {
        let identity = self.parties.own()?.identity.clone();
        self.parties.keys = Some(OwnKeys::new(identity, today, random)?);
        Ok(self
            .parties
            .contacts
            .contacts()
            .iter()
            .filter(|c| c.confirmed)
            .cloned()
            .collect())
    }

    /// The own key card as a file: (file name, text).
    pub fn own_card_file(&self) -> Result<(String, String)> {
        let keys = self.parties.own()?;
        let card = keys.card();
        Ok((card.file_name(), card.to_file(keys)?))
    }

    /// Imports another party's card (unconfirmed). An association's card is linked to the
    /// association of the offer with the card's id or name, unless `association_id` says which.
    pub fn import_card(
        &mut self,
        bytes: &[u8],
        association_id: Option<&str>,
        today: Date,
    ) -> Result<Imported> {
        let card = KeyCard::parse(bytes, None)?;
        let link = match association_id {
            Some(id) => {
                self.offer.association(id).ok_or_else(no_association)?;
                Some(id.to_string())
            }
            None if card.identity.role == Role::Woningcorporatie => self
                .offer
                .associations
                .iter()
                .find(|a| {
                    a.id == card.identity.organisation_id
                        || crate::text::fold(&a.name)
                            == crate::text::fold(&card.identity.organisation)
                })
                .map(|a| a.id.clone()),
            None => None,
        };
        self.parties
            .contacts
            .import(card, link, today, self.parties.keys.as_ref())
    }

    pub fn confirm_contact(&mut self, fingerprint: Fingerprint, typed: &str) -> Result<()> {
        self.parties.contacts.confirm(fingerprint, typed)
    }

    pub fn link_contact(&mut self, fingerprint: Fingerprint, association_id: &str) -> Result<()> {
        self.offer
            .association(association_id)
            .ok_or_else(no_association)?;
        self.parties
            .contacts
            .link_association(fingerprint, association_id)
    }

    pub fn remove_contact(&mut self, fingerprint: Fingerprint) -> Result<()> {
        self.parties.contacts.remove(fingerprint)
    }

    /// The confirmed card a bundle or hand-over for this association is sealed to, or the message
    /// that says how to get one.
    pub fn association_contact(&self, association_id: &str) -> Result<&Contact> {
        let association = self
            .offer
            .association(association_id)
            .ok_or_else(no_association)?;
        self.parties
            .contacts
            .for_association(association_id)
            .ok_or_else(|| {
                Error::new(
                    "CONTACT_MISSING",
                    format!(
                        "Er is nog geen bevestigde sleutelkaart van {}. Vraag de corporatie om haar sleutelkaart, importeer die bij ‘Sleutels en adresboek’ en bevestig de vingerafdruk met haar aan de telefoon.",
                        association.name
                    ),
                )
            })
    }

    /// The coded bundle for one association, sealed to that association's confirmed key and
    /// signed by this vault. The bundle writer (leak guard on the exact plaintext) runs first;
    /// nothing changes unless the envelope is made.
    #[allow(clippy::too_many_arguments)]
    pub fn seal_bundle(
        &mut self,
        key: &CodeKey,
        association_id: &str,
        case_ids: &[String],
        envelope_id: [u8; 16],
        random: [u8; 32],
        today: Date,
        at: &str,
    ) -> std::result::Result<(SealedFile, WrittenBundle), WriteError> {
        // No keys: said before anything else.
        self.parties.own()?;
        let card = self.association_contact(association_id)?.card.clone();
        let mut next = self.clone();
        let written = next.write_bundle(key, association_id, case_ids, envelope_id, today, at)?;
        let sealed = self.seal_to(
            MessageType::Bundel,
            &card,
            envelope_id,
            random,
            today,
            &written.bytes,
        )?;
        *self = next;
        Ok((sealed, written))
    }

    /// The association's side: opens a bundle envelope with this vault's key, checks the sender
    /// is a confirmed coordinator and the bundle verifies, and keeps it to answer. Opening the
    /// same envelope again returns the one kept.
    pub fn open_bundle(&mut self, bytes: &[u8], at: &str) -> Result<usize> {
        let own = self.parties.own()?;
        let opened =
            envelope::open_expecting(bytes, own, &self.parties.contacts, MessageType::Bundel)?;
        if opened.sender.card.identity.role != Role::Regisseur {
            return Err(Error::new(
                "ENVELOPE_SENDER_ROLE",
                "Deze bundel komt niet van een regisseur. Alleen de regisseur deelt gecodeerde profielen.",
            ));
        }
        bundle::verify_bundle(&opened.payload)?;
        if let Some(i) = self
            .parties
            .inbox
            .iter()
            .position(|b| b.envelope_id == opened.id)
        {
            return Ok(i);
        }
        let payload = String::from_utf8(opened.payload).map_err(|_| envelope_damaged())?;
        self.parties.received.push(Receipt {
            id: opened.id.clone(),
            kind: opened.kind,
            sender: opened.sender.fingerprint(),
            date: opened.date,
            at: at.into(),
        });
        self.parties.inbox.push(ReceivedBundle {
            envelope_id: opened.id,
            sender: opened.sender.fingerprint(),
            organisation: opened.sender.card.identity.organisation.clone(),
            at: at.into(),
            payload,
            replied: None,
        });
        Ok(self.parties.inbox.len() - 1)
    }

    /// The association's reply to a received bundle, sealed to the coordinator who sent it.
    #[allow(clippy::too_many_arguments)]
    pub fn seal_reply(
        &mut self,
        envelope_id: &str,
        answers: Vec<CodeAnswer>,
        reply_id: [u8; 16],
        random: [u8; 32],
        today: Date,
        at: &str,
    ) -> Result<SealedFile> {
        // No keys: said before anything else.
        self.parties.own()?;
        let index = self
            .parties
            .inbox
            .iter()
            .position(|b| b.envelope_id == envelope_id)
            .ok_or_else(|| {
                Error::new(
                    "BUNDLE_NOT_FOUND",
                    "Deze bundel staat niet (meer) in deze kluis.",
                )
            })?;
        let received = &self.parties.inbox[index];
        let verified = received.bundle()?;
        for a in &answers {
            if !verified.profiles.iter().any(|p| p.code == a.code) {
                return Err(Error::new(
                    "REPLY_UNKNOWN_CODE",
                    "Een antwoord gaat over een code die niet in deze bundel staat.",
                )
                .at(a.code.to_string()));
            }
        }
        let coordinator = self
            .parties
            .contacts
            .trusted(received.sender)
            .ok_or_else(|| {
                Error::new(
                    "CONTACT_MISSING",
                    "De sleutelkaart van de regisseur die deze bundel stuurde staat niet meer bevestigd in uw adresboek.",
                )
            })?
            .card
            .clone();
        let reply = Reply::new(&verified.bundle_id, &verified.recipient.id, today, answers)?;
        let payload = reply.to_bytes();
        // The reply has no free text, but it leaves the vault: the guard's character and shape
        // checks still run on its exact bytes.
        crate::leakguard::guard(&payload, &[], &[]).map_err(|r| r.to_error())?;
        let sealed = self.seal_to(
            MessageType::Reactie,
            &coordinator,
            reply_id,
            random,
            today,
            &payload,
        )?;
        self.parties.inbox[index].replied = Some(at.into());
        Ok(sealed)
    }

    /// The coordinator's side: opens a reply, puts each answer on its case and in the log. A reply
    /// processed before is refused as such, and nothing changes.
    pub fn open_reply(
        &mut self,
        bytes: &[u8],
        key: Option<&CodeKey>,
        at: &str,
    ) -> Result<ReplyReceipt> {
        let own = self.parties.own()?;
        let opened =
            envelope::open_expecting(bytes, own, &self.parties.contacts, MessageType::Reactie)?;
        if let Some(r) = self.parties.already(&opened.id) {
            return Err(already_processed(r));
        }
        let reply = Reply::parse(&opened.payload)?;
        let association_id = opened.sender.association_id.clone().ok_or_else(|| {
            Error::new(
                "CONTACT_NOT_LINKED",
                "De sleutelkaart van deze corporatie is aan geen corporatie uit het aanbod gekoppeld. Koppel haar bij ‘Sleutels en adresboek’.",
            )
        })?;
        if opened.sender.card.identity.role != Role::Woningcorporatie
            || reply.association_id != association_id
        {
            return Err(Error::new(
                "REPLY_OTHER_ASSOCIATION",
                "Deze reactie gaat over een bundel voor een andere corporatie dan de afzender. Er is niets ingelezen.",
            ));
        }
        if !self.log.iter().any(|e| {
            e.kind == DisclosureKind::CodedBundle
                && e.recipient_id == association_id
                && e.bundle_id == reply.bundle_id
        }) {
            return Err(Error::new(
                "REPLY_UNKNOWN_BUNDLE",
                "Deze reactie hoort bij geen bundel die deze kluis aan deze corporatie stuurde. Er is niets ingelezen.",
            ));
        }
        let association_name = self
            .offer
            .association(&association_id)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| opened.sender.card.identity.organisation.clone());
        let mut answered = Vec::new();
        let mut unknown = 0;
        for a in &reply.answers {
            match self.resolve_code(key, &association_id, a.code) {
                Some(id) => answered.push((id.to_string(), a.clone())),
                None => unknown += 1,
            }
        }
        let entry = |codes: Vec<String>| DisclosureEntry {
            at: at.into(),
            step: 5,
            recipient_id: association_id.clone(),
            recipient_name: association_name.clone(),
            categories: vec!["Reactie op de bundel".into()],
            grondslag: crate::disclosure::STEP_5_GRONDSLAG.into(),
            bundle_id: opened.id.clone(),
            codes,
            kind: DisclosureKind::ReplyReceived,
            message: Some(MessageType::Reactie),
        };
        for (id, a) in &answered {
            let case = self.case_mut(id)?;
            case.replies.insert(
                association_id.clone(),
                ReceivedAnswer {
                    date: reply.date,
                    at: at.into(),
                    envelope_id: opened.id.clone(),
                    answer: a.clone(),
                },
            );
            case.log.push(entry(vec![a.code.to_string()]));
        }
        let mut codes: Vec<String> = reply.answers.iter().map(|a| a.code.to_string()).collect();
        codes.sort();
        self.log.push(entry(codes));
        self.parties.received.push(Receipt {
            id: opened.id,
            kind: MessageType::Reactie,
            sender: opened.sender.fingerprint(),
            date: opened.date,
            at: at.into(),
        });
        Ok(ReplyReceipt {
            association_id,
            association_name,
            answered,
            unknown,
        })
    }

    /// The step-6 hand-over of a vault made before roles, sealed to the accepted association's
    /// confirmed key. With roles, the care provider's huurgegevens carry step 6 (`transfer`).
    pub fn seal_handover(
        &mut self,
        id: &str,
        confirmation: HandoverConfirmation,
        envelope_id: [u8; 16],
        random: [u8; 32],
        at: &str,
    ) -> Result<(SealedFile, Handover)> {
        // No keys: said before anything else.
        self.parties.own()?;
        let association_id = self
            .case(id)?
            .accepted
            .as_ref()
            .map(|a| a.association_id.clone())
            .ok_or_else(|| {
                Error::new("GATE_MISSING", "Leg eerst vast dat de match is aanvaard.")
            })?;
        let card = self.association_contact(&association_id)?.card.clone();
        let date = confirmation.date;
        let mut next = self.clone();
        let made = next.handover(id, confirmation, &code::hex(&envelope_id), at)?;
        let sealed = self.seal_to(
            MessageType::Huurgegevens,
            &card,
            envelope_id,
            random,
            date,
            made.to_json().as_bytes(),
        )?;
        *self = next;
        Ok((sealed, made))
    }
}

fn no_association() -> Error {
    Error::new(
        "ASSOCIATION_NOT_FOUND",
        "Deze woningcorporatie staat niet in het aanbod.",
    )
}

fn envelope_damaged() -> Error {
    Error::new(
        "ENVELOPE_DAMAGED",
        "Deze envelop is beschadigd of na het versturen gewijzigd. Er is niets ingelezen.",
    )
}
