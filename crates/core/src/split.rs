//! Splitting a vault made before roles. Such a vault is a coordinator's that held every step's
//! data: names, BSNs, addresses, income and health next to the profiles. The split makes it the
//! coordinator's vault PARTIES.md describes, without losing what the Wmo consultant needs:
//!
//! 1. `split_plan` says what happens to each case: a case past the gates into step 4 stays as a
//!    step-4 case (its overdracht is made from the dossier now, prints included); every other
//!    case (before step 4, archived, or whose step-4 view cannot be made) leaves the vault.
//! 2. `seal_teruggave` puts every case's dossier (steps 1-3 and the gates) in one envelope for a
//!    confirmed Wmo consultant, who opens it with `open_teruggave` into its own dossiers.
//! 3. Only then, and only with the user's explicit confirmation, `finish_split` drops the
//!    identity and the step-3 data: kept cases keep their profile, codes, replies and log on a
//!    dossier part with the step-4 row's values only; leaving cases are erased. The vault's role
//!    becomes Regisseur.

use crate::date::Date;
use crate::disclosure::{DisclosureEntry, DisclosureKind};
use crate::dossier::Dossier;
use crate::envelope::MessageType;
use crate::error::{Error, Result};
use crate::keys::{Fingerprint, Role};
use crate::parties::{Receipt, SealedFile};
use crate::register::Step;
use crate::transfer::Overdracht;
use crate::vocab::Dutch;
use crate::workspace::Workspace;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const FORMAT: &str = "woonkans-teruggave";
pub const VERSION: u64 = 1;

/// What the split does with the cases of a vault made before roles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SplitPlan {
    /// Cases past the gates into step 4: they stay, without identity.
    pub keeps: Vec<String>,
    /// Cases that leave this vault after the teruggave (before step 4, archived, or without a
    /// valid step-4 view).
    pub leaves: Vec<String>,
}

/// The teruggave that was sealed: which cases it carried, so the split cannot drop a case that
/// was added or changed after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SplitExport {
    pub envelope_id: String,
    pub at: String,
    /// (case id, SHA-256 of its dossier as sent).
    pub cases: Vec<(String, String)>,
}

/// The dossiers of a vault made before roles, for the Wmo consultant.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Teruggave {
    format: String,
    version: u64,
    dossiers: Vec<Dossier>,
}

fn dossier_digest(d: &Dossier) -> String {
    let bytes = crate::bundle::canonical_json(&serde_json::to_value(d).expect("plain data"));
    crate::code::hex(&Sha256::digest(&bytes))
}

fn not_split_vault() -> Error {
    Error::new(
        "SPLIT_NOT_NEEDED",
        "Deze kluis heeft al een rol; er is niets te splitsen.",
    )
}

fn overdracht_of(ws: &Workspace, d: &Dossier, today: Date, salt: [u8; 32]) -> Result<Overdracht> {
    Overdracht::of(
        d,
        today,
        ws.region()?,
        &ws.settings().rent_limits_on(today),
        salt,
    )
}

/// A salt per case from the caller's random bytes: the prints of two cases never share one.
fn salt_for(random: &[u8; 32], case_id: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"woonkans/splits-zout/v1\0");
    h.update(random);
    h.update(case_id.as_bytes());
    h.finalize().into()
}

/// The dossiers of a teruggave's payload; `TRANSFER_UNREADABLE` for anything else.
pub fn parse_teruggave(bytes: &[u8]) -> Result<Vec<Dossier>> {
    let unreadable = || {
        Error::new(
            "TRANSFER_UNREADABLE",
            "De inhoud van deze envelop is geen leesbare teruggave. Er is niets ingelezen.",
        )
    };
    let t: Teruggave = serde_json::from_slice(bytes).map_err(|_| unreadable())?;
    if t.format != FORMAT || t.version != VERSION {
        return Err(unreadable());
    }
    Ok(t.dossiers)
}

impl Workspace {
    /// Whether this is a vault made before roles that holds cases: it must be split.
    pub fn needs_split(&self) -> bool {
        self.role().is_none() && !self.cases().is_empty()
    }

    pub fn split_plan(&self, today: Date) -> Result<SplitPlan> {
        if !self.needs_split() {
            return Err(not_split_vault());
        }
        let mut plan = SplitPlan::default();
        for c in self.cases() {
            let id = c.dossier.id.clone();
            if overdracht_of(self, &c.dossier, today, [0; 32]).is_ok() {
                plan.keeps.push(id);
            } else {
                plan.leaves.push(id);
            }
        }
        Ok(plan)
    }

    /// Every case's dossier in one envelope to a confirmed Wmo consultant's card, logged. The
    /// vault keeps everything until `finish_split`.
    pub fn seal_teruggave(
        &mut self,
        recipient: Fingerprint,
        envelope_id: [u8; 16],
        random: [u8; 32],
        today: Date,
        at: &str,
    ) -> Result<SealedFile> {
        if !self.needs_split() {
            return Err(not_split_vault());
        }
        self.parties().keys().ok_or_else(|| {
            Error::new(
                "KEYS_MISSING",
                "Deze kluis heeft nog geen sleutels. Maak ze bij ‘Sleutels en adresboek’.",
            )
        })?;
        let contact = self
            .parties()
            .contacts()
            .trusted(recipient)
            .filter(|c| c.card.identity.role == Role::WmoConsulent)
            .ok_or_else(|| {
                Error::new(
                    "CONTACT_MISSING",
                    "Kies een Wmo-consulent met een bevestigde sleutelkaart in uw adresboek.",
                )
            })?
            .card
            .clone();
        let dossiers: Vec<Dossier> = self.cases().iter().map(|c| c.dossier.clone()).collect();
        let payload = crate::bundle::canonical_json(
            &serde_json::to_value(Teruggave {
                format: FORMAT.into(),
                version: VERSION,
                dossiers: dossiers.clone(),
            })
            .expect("plain data"),
        );
        // Identified on purpose, the whole caseload: only the outgoing characters are checked.
        crate::leakguard::guard_others(&payload, &crate::known::Known::default(), &[])
            .map_err(|r| r.to_error_for("De teruggave"))?;
        let sealed = self.seal_to(
            MessageType::Teruggave,
            &contact,
            envelope_id,
            random,
            today,
            &payload,
        )?;
        let entry = |codes: Vec<String>| DisclosureEntry {
            at: at.into(),
            step: Step::Investigation.number(),
            recipient_id: contact.fingerprint().to_string(),
            recipient_name: format!(
                "{} ({})",
                contact.identity.organisation,
                Role::WmoConsulent.dutch().to_lowercase()
            ),
            categories: vec!["Het hele dossier van stap 1 tot en met 3 (teruggave)".into()],
            grondslag: crate::register::row(Step::Investigation)
                .grondslag_text
                .into(),
            bundle_id: crate::code::hex(&envelope_id),
            codes,
            kind: DisclosureKind::TransferSent,
            message: Some(MessageType::Teruggave),
        };
        let mut next = self.clone();
        for d in &dossiers {
            next.case_mut(&d.id)?.log.push(entry(Vec::new()));
        }
        next.push_log(entry(Vec::new()));
        next.settings_mut().split_export = Some(SplitExport {
            envelope_id: crate::code::hex(&envelope_id),
            at: at.into(),
            cases: dossiers
                .iter()
                .map(|d| (d.id.clone(), dossier_digest(d)))
                .collect(),
        });
        *self = next;
        Ok(sealed)
    }

    /// Drops the identity and step-3 data after the teruggave, on explicit confirmation. Refused
    /// (nothing changes) without the confirmation, without a teruggave, or when a case was added
    /// or changed after it. `random` makes the kept cases' print salts.
    pub fn finish_split(
        &mut self,
        confirmed: bool,
        random: [u8; 32],
        today: Date,
    ) -> Result<SplitPlan> {
        if !self.needs_split() {
            return Err(not_split_vault());
        }
        if !confirmed {
            return Err(Error::new(
                "CONFIRMATION_MISSING",
                "Bevestig eerst dat de Wmo-consulent de teruggave heeft ontvangen en geopend.",
            )
            .at("bevestiging"));
        }
        let export = self.settings().split_export.clone().ok_or_else(|| {
            Error::new(
                "SPLIT_NOT_EXPORTED",
                "Maak eerst de teruggave voor de Wmo-consulent; zonder die gaat er niets weg.",
            )
        })?;
        let sent_all = self.cases().iter().all(|c| {
            export
                .cases
                .iter()
                .any(|(id, digest)| *id == c.dossier.id && *digest == dossier_digest(&c.dossier))
        });
        if !sent_all {
            return Err(Error::new(
                "SPLIT_EXPORT_OUTDATED",
                "Na de teruggave is een dossier toegevoegd of gewijzigd. Maak de teruggave opnieuw, zodat niets verloren gaat.",
            ));
        }
        let plan = self.split_plan(today)?;
        let mut next = self.clone();
        for id in &plan.keeps {
            let case = next.case_mut(id)?;
            let o = overdracht_of(self, &case.dossier, today, salt_for(&random, id))?;
            let step = case.dossier.step;
            case.dossier = o.step4_dossier(id);
            case.dossier.step = step.max(Step::PlacementProfile);
            case.overdracht = Some(o);
        }
        for id in &plan.leaves {
            next.delete_case(id)?;
        }
        next.settings_mut().split_export = None;
        next.choose_role(Role::Regisseur).or_else(|_| {
            // `choose_role` refuses a vault with cases; the split is the one place that may.
            next.settings_mut().role = Some(Role::Regisseur);
            Ok::<(), Error>(())
        })?;
        *self = next;
        Ok(plan)
    }

    /// The Wmo consultant's side: the dossiers of a split vault become its own. Refused as a
    /// whole when one of their numbers is taken already.
    pub fn open_teruggave(&mut self, bytes: &[u8], at: &str) -> Result<Vec<String>> {
        if self.role() != Some(Role::WmoConsulent) {
            return Err(Error::new(
                "ROLE_NOT_ALLOWED",
                "Een teruggave hoort bij een kluis van een Wmo-consulent.",
            ));
        }
        let opened = self.open_transfer(bytes, MessageType::Teruggave, None)?;
        let dossiers = parse_teruggave(&opened.payload)?;
        let entry = DisclosureEntry {
            at: at.into(),
            step: Step::Investigation.number(),
            recipient_id: opened.sender.fingerprint().to_string(),
            recipient_name: opened.sender.card.identity.organisation.clone(),
            categories: vec!["Het hele dossier van stap 1 tot en met 3 (teruggave)".into()],
            grondslag: crate::register::row(Step::Investigation)
                .grondslag_text
                .into(),
            bundle_id: opened.id.clone(),
            codes: Vec::new(),
            kind: DisclosureKind::TransferReceived,
            message: Some(MessageType::Teruggave),
        };
        let mut next = self.clone();
        let mut ids = Vec::new();
        for mut d in dossiers {
            let id = d.id.clone();
            next.add_case(&id).map_err(|_| {
                Error::new(
                    "CASE_ID_TAKEN",
                    "Een dossiernummer uit deze teruggave bestaat al in deze kluis. Er is niets ingelezen.",
                )
            })?;
            // The Wmo consultant works on steps 2 and 3; a later step is the coordinator's.
            d.step = d.step.min(Step::Investigation);
            d.archived = false;
            let case = next.case_mut(&id)?;
            case.dossier = d;
            case.log.push(entry.clone());
            ids.push(id);
        }
        next.push_log(entry);
        next.push_receipt(Receipt {
            id: opened.id,
            kind: MessageType::Teruggave,
            sender: opened.sender.fingerprint(),
            date: opened.date,
            at: at.into(),
        });
        *self = next;
        Ok(ids)
    }
}
