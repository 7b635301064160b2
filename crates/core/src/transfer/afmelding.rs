//! *Afmelding*: the coordinator tells each association that received a resident's coded profile
//! to erase what it holds under that code, when the resident withdrew consent (AVG art. 19: a
//! controller informs every recipient of an erasure) or when the case closed and the association
//! does not house the resident (art. 5(1)(e): kept no longer than needed).
//!
//! The payload is codes, nothing else, not even the reason: whether a resident withdrew or was
//! housed elsewhere is itself something about the resident, and the association needs neither
//! to erase. What the coordinator still has to send waits as a [`PendingNotice`] (association
//! id, code, reason, time), which holds no more than the case's log already does. The
//! association erases, under those codes, the profiles in the bundles it keeps (the rest of each
//! bundle stays readable), the koppeling and the huurgegevens, and logs the erasure by code.

use super::{check_header, unreadable};
use crate::date::Date;
use crate::disclosure::{DisclosureEntry, DisclosureKind};
use crate::envelope::MessageType;
use crate::error::{Error, Result};
use crate::keys::Role;
use crate::parties::{Receipt, SealedFile};
use crate::prints::IdentifierPrints;
use crate::workspace::{Case, Workspace};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

pub const AFMELDING_FORMAT: &str = "woonkans-afmelding";

/// The grondslag line of the association's erasure.
pub const AFMELDING_GRONDSLAG: &str = "Gewist na afmelding door de regisseur (art. 17 AVG)";

/// What the log says the afmelding carried.
pub const AFMELDING_CATEGORY: &str = "Codes van inwoners (afmelding)";

/// Why the coordinator asks an association to erase; kept in the coordinator's vault only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeReason {
    /// The resident withdrew consent (art. 7(3) AVG).
    ToestemmingIngetrokken,
    /// The case closed and this association does not house the resident.
    ZaakAfgesloten,
    /// The accepted match with this association ended without a lease, after its koppeling
    /// went: the case goes on, but this association no longer needs what it holds.
    MatchBeeindigd,
}

impl NoticeReason {
    pub const ALL: [NoticeReason; 3] = [
        NoticeReason::ToestemmingIngetrokken,
        NoticeReason::ZaakAfgesloten,
        NoticeReason::MatchBeeindigd,
    ];
}

impl NoticeReason {
    /// The grondslag of the sending, in the coordinator's log.
    pub fn grondslag(self) -> &'static str {
        match self {
            NoticeReason::ToestemmingIngetrokken => {
                "Melding van wissen aan ontvangers na intrekken toestemming (art. 19 AVG)"
            }
            NoticeReason::ZaakAfgesloten => {
                "Zaak afgesloten: niet langer bewaren dan nodig (art. 5 lid 1 onder e AVG)"
            }
            NoticeReason::MatchBeeindigd => {
                "Match beëindigd zonder huurovereenkomst: niet langer bewaren dan nodig (art. 5 \
                 lid 1 onder e AVG)"
            }
        }
    }
}

impl crate::vocab::Dutch for NoticeReason {
    fn dutch(&self) -> &'static str {
        match self {
            NoticeReason::ToestemmingIngetrokken => "toestemming ingetrokken",
            NoticeReason::ZaakAfgesloten => "zaak afgesloten",
            NoticeReason::MatchBeeindigd => "match beëindigd",
        }
    }
}

/// The afmelding's payload: which codes, nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Afmelding {
    format: String,
    version: u64,
    codes: Vec<String>,
}

/// The most codes one afmelding may carry: far above a region's yearly withdrawals and closings,
/// and a bound for the reader.
const MAX_CODES: usize = 1000;

impl Afmelding {
    /// Reads a payload back: the header, at least one code, every code valid (kept in its
    /// canonical notation), none twice.
    pub fn parse(bytes: &[u8]) -> Result<Afmelding> {
        let a: Afmelding = serde_json::from_slice(bytes).map_err(|_| unreadable())?;
        check_header(&a.format, a.version, AFMELDING_FORMAT)?;
        if a.codes.is_empty() || a.codes.len() > MAX_CODES {
            return Err(unreadable());
        }
        let mut seen = BTreeSet::new();
        let mut codes = Vec::with_capacity(a.codes.len());
        for code in &a.codes {
            let canonical = crate::code::parse(code)
                .map_err(|_| unreadable())?
                .to_string();
            if !seen.insert(canonical.clone()) {
                return Err(unreadable());
            }
            codes.push(canonical);
        }
        Ok(Afmelding { codes, ..a })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        crate::bundle::canonical_json(&serde_json::to_value(self).expect("plain data"))
    }

    pub fn codes(&self) -> &[String] {
        &self.codes
    }
}

/// An afmelding the coordinator still has to send: one association, one code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingNotice {
    pub association_id: String,
    pub code: String,
    pub reason: NoticeReason,
    /// When the withdrawal or the closing was recorded (ISO date-time, or the closing's date).
    pub at: String,
}

/// The afmeldingen a withdrawal (or, with `ZaakAfgesloten`, a closing) leaves: one per
/// association that received the case's coded profile in a bundle, with the code that
/// association knows it by. A closed case's own association (where it was placed) keeps it.
/// An ended match needs the vault's cards to tell who got a koppeling: see
/// [`Workspace::ended_match_notices`]; here it gives none.
pub fn notices_for(case: &Case, reason: NoticeReason, at: &str) -> Vec<PendingNotice> {
    let housing = case
        .outcome
        .as_ref()
        .and_then(|o| o.association_id.as_deref());
    let told = |association_id: &str| match reason {
        NoticeReason::ToestemmingIngetrokken => true,
        NoticeReason::ZaakAfgesloten => housing != Some(association_id),
        NoticeReason::MatchBeeindigd => false,
    };
    pending(case, told, reason, at)
}

fn pending(
    case: &Case,
    told: impl Fn(&str) -> bool,
    reason: NoticeReason,
    at: &str,
) -> Vec<PendingNotice> {
    case.shared
        .keys()
        .filter(|a| told(a))
        .filter_map(|association_id| {
            case.codes.get(association_id).map(|code| PendingNotice {
                association_id: association_id.clone(),
                code: code.clone(),
                reason,
                at: at.to_string(),
            })
        })
        .collect()
}

/// What opening an afmelding erased in the association's vault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Erasure {
    /// The codes of the afmelding this vault held something under.
    pub erased: Vec<String>,
    /// The codes of the afmelding this vault held nothing under (erased before, or never
    /// received).
    pub unknown: usize,
}

impl Workspace {
    /// The afmelding an ended match leaves: for the association of the accepted match of case
    /// `case_id`, when a koppeling went to one of its cards. Before the koppeling it holds no
    /// more than the bundle's other recipients, who keep the profile while the case goes on.
    pub fn ended_match_notices(&self, case_id: &str, at: &str) -> Result<Vec<PendingNotice>> {
        let case = self.case(case_id)?;
        let Some(accepted) = case.accepted.as_ref() else {
            return Ok(Vec::new());
        };
        let cards: BTreeSet<String> = self
            .parties()
            .contacts()
            .contacts()
            .iter()
            .filter(|c| c.association_id.as_deref() == Some(accepted.association_id.as_str()))
            .map(|c| c.card.fingerprint().to_string())
            .collect();
        let koppeling_went = case.log.iter().any(|e| {
            e.kind == DisclosureKind::TransferSent
                && e.message == Some(MessageType::Koppeling)
                && cards.contains(&e.recipient_id)
        });
        Ok(pending(
            case,
            |a| koppeling_went && a == accepted.association_id,
            NoticeReason::MatchBeeindigd,
            at,
        ))
    }

    /// The coordinator seals every afmelding waiting for `association_id` into one envelope to
    /// that association's confirmed card; they leave the waiting list and the sending is logged.
    pub fn seal_afmelding(
        &mut self,
        association_id: &str,
        envelope_id: [u8; 16],
        random: [u8; 32],
        today: Date,
        at: &str,
    ) -> Result<SealedFile> {
        self.may_send(MessageType::Afmelding)?;
        let waiting: Vec<PendingNotice> = self
            .parties()
            .notices()
            .iter()
            .filter(|n| n.association_id == association_id)
            .cloned()
            .collect();
        let codes: Vec<String> = waiting
            .iter()
            .map(|n| n.code.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if codes.is_empty() {
            return Err(no_notice());
        }
        let card = self.association_contact(association_id)?.card.clone();
        let payload = Afmelding {
            format: AFMELDING_FORMAT.into(),
            version: super::VERSION,
            codes,
        }
        .to_bytes();
        // Codes only, by type; the guard still reads the exact bytes against every resident the
        // vault knows, as it does for every file that leaves.
        let known: Vec<crate::known::Known> =
            self.cases().iter().map(|c| c.dossier.known()).collect();
        let known: Vec<&crate::known::Known> = known.iter().collect();
        let prints: Vec<&IdentifierPrints> =
            self.cases().iter().filter_map(|c| c.prints()).collect();
        crate::leakguard::guard_caseload(&payload, &known, &prints)
            .map_err(|r| r.to_error_for("De afmelding"))?;
        let sealed = self.seal_to(
            MessageType::Afmelding,
            &card,
            envelope_id,
            random,
            today,
            &payload,
        )?;
        let name = self
            .offer()
            .association(association_id)
            .map_or_else(|| card.identity.organisation.clone(), |a| a.name.clone());
        let mut next = self.clone();
        next.take_notices(association_id);
        next.log_notices(
            at,
            association_id,
            &name,
            &crate::code::hex(&envelope_id),
            AFMELDING_CATEGORY,
            &waiting,
        );
        *self = next;
        Ok(sealed)
    }

    /// For an association this vault sends nothing to (no key card, bundles given by hand):
    /// the user told it otherwise, and says so; the waiting afmeldingen leave the list and the
    /// log records that it was done outside the app.
    pub fn notice_given_otherwise(
        &mut self,
        association_id: &str,
        confirmed: bool,
        at: &str,
    ) -> Result<()> {
        if !confirmed {
            return Err(Error::new(
                "CONFIRMATION_MISSING",
                "Vink eerst aan dat u de corporatie op een andere manier hebt gevraagd te wissen.",
            ));
        }
        let mut next = self.clone();
        let taken = next.take_notices(association_id);
        if taken.is_empty() {
            return Err(no_notice());
        }
        let name = next
            .offer()
            .association(association_id)
            .map_or_else(|| association_id.to_string(), |a| a.name.clone());
        next.log_notices(
            at,
            association_id,
            &name,
            "",
            &format!("{AFMELDING_CATEGORY}, buiten de app gemeld"),
            &taken,
        );
        *self = next;
        Ok(())
    }

    /// Logs afmeldingen that went to `association_id`: one entry per reason, with its codes and
    /// grondslag. A closed case no longer counts the association among those holding its
    /// profile (a new bundle shares it again), so the case's sharing status stays true.
    fn log_notices(
        &mut self,
        at: &str,
        association_id: &str,
        name: &str,
        envelope_id: &str,
        category: &str,
        notices: &[PendingNotice],
    ) {
        for reason in NoticeReason::ALL {
            let codes: Vec<String> = notices
                .iter()
                .filter(|n| n.reason == reason)
                .map(|n| n.code.clone())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            if codes.is_empty() {
                continue;
            }
            let mut e = entry(
                at,
                association_id,
                name,
                envelope_id,
                vec![category.to_string()],
                codes.clone(),
                DisclosureKind::TransferSent,
            );
            e.grondslag = reason.grondslag().into();
            // A withdrawn case is gone; a closed case or one whose match ended stays, and its
            // log says the afmelding went.
            if reason != NoticeReason::ToestemmingIngetrokken {
                for case in self.cases.iter_mut() {
                    if case
                        .codes
                        .get(association_id)
                        .is_some_and(|c| codes.contains(c))
                    {
                        case.shared.remove(association_id);
                        case.log.push(e.clone());
                    }
                }
            }
            self.push_log(e);
        }
    }

    /// The association's side: an afmelding from a confirmed coordinator. Under each of its
    /// codes this vault erases the profile in every kept bundle, the koppeling and the
    /// huurgegevens, and logs the erasure by code. Codes it holds nothing under are counted,
    /// not refused: they may have been erased before.
    pub fn open_afmelding(&mut self, bytes: &[u8], at: &str) -> Result<Erasure> {
        self.may_receive(MessageType::Afmelding)?;
        let opened = self.open_transfer(bytes, MessageType::Afmelding, Some(Role::Regisseur))?;
        let afmelding = Afmelding::parse(&opened.payload)?;
        let codes: BTreeSet<String> = afmelding.codes.iter().cloned().collect();
        let mut next = self.clone();
        let mut erased = BTreeSet::new();
        let mut categories = BTreeSet::new();
        for code in next.erase_profiles(&codes)? {
            categories.insert("Plaatsingsprofiel (gecodeerd)".to_string());
            erased.insert(code);
        }
        for code in next.erase_koppelingen(&codes) {
            categories.insert(super::KOPPELING_CATEGORY.to_string());
            erased.insert(code);
        }
        for code in &codes {
            if next.remove_huurgegevens(code) > 0 {
                categories.insert("Huurgegevens".to_string());
                erased.insert(code.clone());
            }
        }
        let organisation = format!("{} (regisseur)", opened.sender.card.identity.organisation);
        if !erased.is_empty() {
            next.push_log(entry(
                at,
                &opened.sender.fingerprint().to_string(),
                &organisation,
                &opened.id,
                categories.into_iter().collect(),
                erased.iter().cloned().collect(),
                DisclosureKind::Erased,
            ));
        }
        next.push_receipt(Receipt {
            id: opened.id,
            kind: MessageType::Afmelding,
            sender: opened.sender.fingerprint(),
            date: opened.date,
            at: at.into(),
        });
        *self = next;
        Ok(Erasure {
            unknown: codes.len() - erased.len(),
            erased: erased.into_iter().collect(),
        })
    }
}

fn no_notice() -> Error {
    Error::new(
        "NOTICE_NOT_FOUND",
        "Voor deze corporatie staat geen afmelding klaar.",
    )
}

fn entry(
    at: &str,
    party_id: &str,
    party_name: &str,
    envelope_id: &str,
    categories: Vec<String>,
    codes: Vec<String>,
    kind: DisclosureKind,
) -> DisclosureEntry {
    DisclosureEntry {
        at: at.into(),
        step: crate::register::Step::PlacementProfile.number(),
        recipient_id: party_id.into(),
        recipient_name: party_name.into(),
        categories,
        grondslag: AFMELDING_GRONDSLAG.into(),
        bundle_id: envelope_id.into(),
        codes,
        kind,
        message: Some(MessageType::Afmelding),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(codes: &[&str]) -> Vec<u8> {
        serde_json::to_vec(&serde_json::json!({
            "format": AFMELDING_FORMAT,
            "version": 1,
            "codes": codes,
        }))
        .unwrap()
    }

    fn a_code(n: u64) -> String {
        crate::code::derive(
            &crate::code::CodeKey::from_bytes([9; 32]),
            "wonen-x",
            &n.to_string(),
        )
        .to_string()
    }

    #[test]
    fn the_reader_keeps_codes_canonical_and_refuses_the_rest() {
        let code = a_code(1);
        // Another notation of the same code reads as the code.
        let spaced: String = code.chars().flat_map(|c| [c, ' ']).collect();
        let a = Afmelding::parse(&payload(&[&spaced.to_lowercase()])).unwrap();
        assert_eq!(a.codes(), std::slice::from_ref(&code));
        assert_eq!(Afmelding::parse(&a.to_bytes()).unwrap(), a);
        for bad in [
            payload(&[]),
            payload(&["geen code"]),
            payload(&[&code, &code.to_lowercase()]),
        ] {
            assert_eq!(
                Afmelding::parse(&bad).unwrap_err().code,
                "TRANSFER_UNREADABLE"
            );
        }
        let mut extra: serde_json::Value = serde_json::from_slice(&payload(&[&code])).unwrap();
        extra["naam"] = "Jansen".into();
        let err = Afmelding::parse(&serde_json::to_vec(&extra).unwrap()).unwrap_err();
        assert!(!err.message.contains("Jansen"));
        // Not even a reason travels: it would say something about the resident.
        let mut reason: serde_json::Value = serde_json::from_slice(&payload(&[&code])).unwrap();
        reason["reason"] = "toestemming-ingetrokken".into();
        assert!(Afmelding::parse(&serde_json::to_vec(&reason).unwrap()).is_err());
    }
}
