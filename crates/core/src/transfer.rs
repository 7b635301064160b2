//! The files one party hands the next (PARTIES.md, "Files between parties"): what each carries,
//! made only through the minimiser's views of its register row, and read back with every check.
//!
//! - *aanmelding* (step 1 → 2, care provider → Wmo access team): the step-2 view (NAW and
//!   contact), the care provider as contact, and the recorded mandate (gate 1 → 2).
//! - *overdracht* (step 3 → 4, Wmo consultant → coordinator): the step-4 view (generalised facts,
//!   no name, BSN, address, birth date, income amount or health), whether the young people's rent
//!   limit applies, the professional contacts, the recorded gates and the identifier prints.
//!
//! A payload type has private construction: a value is made from a dossier by the functions
//! here (which run the minimiser and so check the gates), or read from bytes by `parse`, which
//! refuses unknown fields. There is no way to put a field of another row in.

use crate::date::Date;
use crate::dossier::{Contact, Dossier, GateRecord};
use crate::error::{Error, Result};
use crate::minimise::{self, Step2View, Step4View, StepView};
use crate::prints::IdentifierPrints;
use crate::region::Region;
use crate::register::{Category, Derived, Gate, Step};
use crate::rentlimits::RentLimits;
use serde::{Deserialize, Serialize};

mod afmelding;
mod caseload;
mod huur;
pub use afmelding::{
    AFMELDING_CATEGORY, AFMELDING_FORMAT, AFMELDING_GRONDSLAG, Afmelding, Erasure, NoticeReason,
    PendingNotice, notices_for,
};
pub use caseload::{CASELOAD_CATEGORIES, CASELOAD_FORMAT, CaseloadTransfer, MovedOut};
pub use huur::{HUURGEGEVENS_FORMAT, Huurgegevens, LeaseInput, ReceivedHuurgegevens};

pub const AANMELDING_FORMAT: &str = "woonkans-aanmelding";
pub const OVERDRACHT_FORMAT: &str = "woonkans-overdracht";
pub const KOPPELING_FORMAT: &str = "woonkans-koppeling";
pub const VERSION: u64 = 1;
/// What a koppeling discloses, for the log of both sides.
const KOPPELING_CATEGORY: &str =
    "Koppeling: code, corporatie, zorgaanbieder en afgesproken waarborgen";
/// A case reference is the sender's random local id: short, letters and digits.
const MAX_REFERENCE_CHARS: usize = 40;

/// After a match is accepted (gate 5 → 6), the coordinator tells the two parties of step 6 about
/// each other: the association learns which care provider supports the resident it knows by its
/// code; the care provider learns which association and dwelling its resident (by the care
/// provider's own dossier number) was matched with. No value of the resident's identity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Koppeling {
    format: String,
    version: u64,
    /// The code the association knows the resident by.
    pub code: String,
    pub association_id: String,
    pub association_name: String,
    pub dwelling_id: Option<String>,
    pub accepted: Date,
    /// For the association: the care provider (organisation and person).
    pub care_provider: Option<Contact>,
    /// For the care provider: its own dossier number of the resident.
    pub reference: Option<String>,
    /// The extra safeguards agreed at step 5 (seed, step 5), for both: the association and the
    /// care provider each keep their part of them. A fixed list, so no free text travels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub safeguards: Vec<crate::talks::Safeguard>,
}

impl Koppeling {
    pub fn parse(bytes: &[u8]) -> Result<Koppeling> {
        let k: Koppeling = serde_json::from_slice(bytes).map_err(|_| unreadable())?;
        check_header(&k.format, k.version, KOPPELING_FORMAT)?;
        crate::code::parse(&k.code).map_err(|_| unreadable())?;
        if let Some(r) = &k.reference {
            check_reference(r)?;
        }
        // One copy is for one party: the association's names the care provider, the care
        // provider's its own dossier number, never both.
        if k.reference.is_some() == k.care_provider.is_some() && k.reference.is_some() {
            return Err(unreadable());
        }
        Ok(k)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        crate::bundle::canonical_json(&serde_json::to_value(self).expect("plain data"))
    }
}

/// The step-4 row as the coordinator types it from a Wmo consultant's report: nothing more can
/// be typed, because there is no field for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypedIntake {
    pub gender: Option<crate::profile::Gender>,
    pub living_situation: crate::profile::LivingSituation,
    pub age_band: crate::profile::AgeBand,
    pub gemeente: String,
    pub household_size: u8,
    pub income_band: crate::profile::IncomeBand,
    pub has_debts: bool,
    pub budget_management: bool,
    pub young_rent_limit: bool,
    pub care_provider: Option<Contact>,
    pub wmo_consultant: Option<Contact>,
    /// The resident's mandate to register (gate 1 → 2), as the report dates it.
    pub mandate_date: Date,
    /// Support plan signed and consent to hand over to the coordinator (gates 3 → 4).
    pub support_plan_date: Date,
    /// Whose report the coordinator typed from; recorded as the gates' actor.
    pub recorded_by: String,
}

/// The care provider's registration of a resident with the Wmo access team.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Aanmelding {
    format: String,
    version: u64,
    reference: String,
    resident: Step2View,
    care_provider: Option<Contact>,
    mandate: GateRecord,
}

/// The Wmo consultant's hand-over of a case to the coordinator: the step-4 row and no more.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Overdracht {
    format: String,
    version: u64,
    reference: String,
    facts: Step4View,
    young_rent_limit: bool,
    care_provider: Option<Contact>,
    wmo_consultant: Option<Contact>,
    gates: Vec<GateRecord>,
    prints: IdentifierPrints,
}

impl StepView for Aanmelding {
    const STEP: Step = Step::WmoReport;
    const CATEGORIES: &'static [Category] = Step2View::CATEGORIES;
}

impl StepView for Overdracht {
    const STEP: Step = Step::PlacementProfile;
    const CATEGORIES: &'static [Category] = Step4View::CATEGORIES;
    const DERIVED: &'static [Derived] = Step4View::DERIVED;
}

impl std::fmt::Debug for Aanmelding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::dossier::redacted(f, "Aanmelding", &["reference", "resident", "care_provider"])
    }
}

impl std::fmt::Debug for Overdracht {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::dossier::redacted(f, "Overdracht", &["reference", "facts", "prints"])
    }
}

fn check_reference(reference: &str) -> Result<()> {
    let ok = !reference.is_empty()
        && reference.chars().count() <= MAX_REFERENCE_CHARS
        && reference
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(Error::new(
            "TRANSFER_INVALID",
            "Het dossiernummer in dit bestand is ongeldig. Er is niets ingelezen.",
        )
        .at("referentie"))
    }
}

fn check_header(format: &str, version: u64, expected: &str) -> Result<()> {
    if format != expected {
        return Err(Error::new(
            "TRANSFER_WRONG_KIND",
            "Dit bestand is een ander soort overdracht dan verwacht. Er is niets ingelezen.",
        ));
    }
    if version > VERSION {
        return Err(Error::new(
            "TRANSFER_NEWER_VERSION",
            "Dit bestand is gemaakt met een nieuwere versie van Woonkans. Werk de app bij en probeer het opnieuw.",
        ));
    }
    if version == 0 {
        return Err(unreadable());
    }
    Ok(())
}

fn unreadable() -> Error {
    Error::new(
        "TRANSFER_UNREADABLE",
        "De inhoud van deze envelop is geen leesbare overdracht. Er is niets ingelezen.",
    )
}

fn gate_record(dossier: &Dossier, gate: Gate) -> Result<GateRecord> {
    dossier
        .gate_record(gate)
        .cloned()
        .ok_or_else(|| crate::register::gate_missing_error(gate.to_step(), &[gate]))
}

impl Aanmelding {
    /// The aanmelding of a dossier whose mandate (gate 1 → 2) is recorded.
    pub fn of(dossier: &Dossier) -> Result<Aanmelding> {
        let resident = minimise::step2_view(dossier)?;
        Ok(Aanmelding {
            format: AANMELDING_FORMAT.into(),
            version: VERSION,
            reference: dossier.id.clone(),
            resident,
            care_provider: dossier.care_provider.clone(),
            mandate: gate_record(dossier, Gate::ConsentToRegister)?,
        })
    }

    pub fn parse(bytes: &[u8]) -> Result<Aanmelding> {
        let a: Aanmelding = serde_json::from_slice(bytes).map_err(|_| unreadable())?;
        check_header(&a.format, a.version, AANMELDING_FORMAT)?;
        check_reference(&a.reference)?;
        if a.mandate.gate != Gate::ConsentToRegister {
            return Err(unreadable());
        }
        Ok(a)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        crate::bundle::canonical_json(&serde_json::to_value(self).expect("plain data"))
    }

    pub fn reference(&self) -> &str {
        &self.reference
    }

    /// The Wmo side's new dossier: the step-2 data, the care provider, and the mandate as the
    /// recorded gate 1 → 2, at step 2.
    pub fn into_dossier(self, id: &str) -> Dossier {
        let mut d = Dossier::new(id);
        d.name = self.resident.name;
        d.address = self.resident.address;
        d.gemeente = self.resident.gemeente;
        d.phones = self.resident.phones;
        d.email = self.resident.email;
        d.care_provider = self.care_provider;
        d.gates = vec![self.mandate];
        d.step = Step::WmoReport;
        d
    }
}

impl Overdracht {
    /// The overdracht of a dossier whose gates into step 4 are recorded (support plan signed,
    /// consent to transfer). `salt` is 32 fresh random bytes for this case's identifier prints.
    pub fn of(
        dossier: &Dossier,
        reference_date: Date,
        region: Region,
        rent_limits: &RentLimits,
        salt: [u8; 32],
    ) -> Result<Overdracht> {
        let facts = minimise::step4_view(dossier, reference_date, region, rent_limits)?;
        let young_rent_limit = dossier
            .birth_date
            .is_some_and(|b| rent_limits.young_limit_applies(b.age_on(reference_date)));
        let mut known = dossier.known();
        // The professionals travel by name in the clear; only the resident's values are hashed.
        known.contact_names.clear();
        Ok(Overdracht {
            format: OVERDRACHT_FORMAT.into(),
            version: VERSION,
            reference: dossier.id.clone(),
            facts,
            young_rent_limit,
            care_provider: dossier.care_provider.clone(),
            wmo_consultant: dossier.wmo_consultant.clone(),
            gates: dossier.gates.clone(),
            prints: IdentifierPrints::new(&known, salt),
        })
    }

    pub fn parse(bytes: &[u8]) -> Result<Overdracht> {
        let o: Overdracht = serde_json::from_slice(bytes).map_err(|_| unreadable())?;
        check_header(&o.format, o.version, OVERDRACHT_FORMAT)?;
        check_reference(&o.reference)?;
        // The step-4 gates must have been recorded by the sender: an overdracht before the
        // consent to transfer is no overdracht.
        for gate in crate::register::required_gates(Step::PlacementProfile) {
            if !o.gates.iter().any(|g| g.gate == *gate) {
                return Err(crate::register::gate_missing_error(
                    Step::PlacementProfile,
                    &[*gate],
                ));
            }
        }
        Ok(o)
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        crate::bundle::canonical_json(&serde_json::to_value(self).expect("plain data"))
    }

    pub fn reference(&self) -> &str {
        &self.reference
    }
    pub fn facts(&self) -> &Step4View {
        &self.facts
    }
    pub fn young_rent_limit(&self) -> bool {
        self.young_rent_limit
    }
    pub fn care_provider(&self) -> Option<&Contact> {
        self.care_provider.as_ref()
    }
    pub fn wmo_consultant(&self) -> Option<&Contact> {
        self.wmo_consultant.as_ref()
    }
    pub fn gates(&self) -> &[GateRecord] {
        &self.gates
    }
    pub fn prints(&self) -> &IdentifierPrints {
        &self.prints
    }

    /// The step-4 row as a coordinator types it from the Wmo consultant's report, where the
    /// consultant does not use the app (PARTIES.md): the same facts, checked as a received view
    /// is, with the gates the report records and no identifier prints (this vault never sees an
    /// identifying value, so there is nothing to hash).
    pub fn typed(reference: &str, typed: TypedIntake) -> Result<Overdracht> {
        check_reference(reference)?;
        let gemeente = crate::region::canonical_gemeente(&typed.gemeente).ok_or_else(|| {
            Error::new(
                "GEMEENTE_UNKNOWN",
                "Kies een deelnemende gemeente van Woonkans.",
            )
            .at("gemeente")
        })?;
        let region = Region::of_gemeente(gemeente).ok_or_else(|| {
            Error::new(
                "GEMEENTE_UNKNOWN",
                "Kies een deelnemende gemeente van Woonkans.",
            )
            .at("gemeente")
        })?;
        if typed.household_size == 0 || typed.household_size > crate::dossier::MAX_HOUSEHOLD_SIZE {
            return Err(Error::new(
                "HOUSEHOLD_SIZE_INVALID",
                "De huishoudgrootte moet tussen 1 en 12 personen liggen.",
            )
            .at("huishoudgrootte"));
        }
        if typed.young_rent_limit && !typed.age_band.is_young_adult() {
            return Err(Error::new(
                "YOUNG_LIMIT_AGE",
                "De huurgrens voor jongeren geldt alleen in de leeftijdsgroep 18-22.",
            )
            .at("jongerengrens"));
        }
        let actor = typed.recorded_by.trim();
        if actor.is_empty() {
            return Err(Error::new(
                "REQUIRED",
                "Vul in uit wiens rapport de gegevens komen (bijvoorbeeld ‘Wmo-consulent Venlo, rapport’).",
            )
            .at("vastgelegdDoor"));
        }
        if typed.support_plan_date < typed.mandate_date {
            return Err(Error::new(
                "GATE_ORDER",
                "Het ondersteuningsplan kan niet vóór de aanmelding getekend zijn.",
            )
            .at("datumOndersteuningsplan"));
        }
        let gate = |gate, date| GateRecord {
            gate,
            date,
            actor: actor.to_string(),
        };
        Ok(Overdracht {
            format: OVERDRACHT_FORMAT.into(),
            version: VERSION,
            reference: reference.into(),
            facts: Step4View {
                gender: typed.gender,
                living_situation: Some(typed.living_situation),
                // Recorded on the case's timeline by the coordinator, when the report gives it.
                in_care_since: None,
                age_band: typed.age_band,
                young_adult: typed.age_band.is_young_adult(),
                gemeente,
                region,
                household_size: typed.household_size,
                income_band: Some(typed.income_band),
                has_debts: typed.has_debts,
                budget_management: typed.budget_management,
            },
            young_rent_limit: typed.young_rent_limit,
            care_provider: typed.care_provider,
            wmo_consultant: typed.wmo_consultant,
            gates: vec![
                gate(Gate::ConsentToRegister, typed.mandate_date),
                gate(Gate::EligibilityAndSupportPlan, typed.support_plan_date),
                gate(Gate::ConsentToShareWithCoordinator, typed.support_plan_date),
            ],
            prints: IdentifierPrints::new(&crate::known::Known::default(), [0; 32]),
        })
    }

    /// The coordinator's dossier part of the case: only values of the step-4 row (gemeente,
    /// gender, living situation, household, debts, budget management), the professionals, the
    /// gates, at step 4. Every identity field stays empty.
    pub fn step4_dossier(&self, id: &str) -> Dossier {
        let f = &self.facts;
        let mut d = Dossier::new(id);
        d.gemeente = f.gemeente.to_string();
        d.gender = f.gender;
        d.living_situation = f.living_situation;
        d.household_size = f.household_size;
        d.has_debts = f.has_debts;
        d.budget_management = f.budget_management;
        d.care_provider = self.care_provider.clone();
        d.wmo_consultant = self.wmo_consultant.clone();
        d.gates = self.gates.clone();
        d.step = Step::PlacementProfile;
        d
    }

    /// The facts the placement profile is built on.
    pub fn derived_facts(&self) -> Result<crate::profile::DerivedFacts> {
        minimise::facts_of_view(&self.facts, self.young_rent_limit)
    }
}

// ------------------------------------------------------------------ sending and receiving

use crate::disclosure::{DisclosureEntry, DisclosureKind};
use crate::envelope::{self, MessageType};
use crate::keys::{Fingerprint, Role};
use crate::parties::{Receipt, SealedFile};
use crate::vocab::Dutch;
use crate::workspace::Workspace;

fn role_refuses(kind: MessageType) -> Error {
    Error::new(
        "ROLE_NOT_ALLOWED",
        format!("Een {} hoort niet bij de rol van deze kluis.", kind.dutch()),
    )
}

fn sender_role(expected: Role, kind: MessageType) -> Error {
    Error::new(
        "ENVELOPE_SENDER_ROLE",
        format!(
            "Deze {} komt niet van een {}. Er is niets ingelezen.",
            kind.dutch(),
            expected.dutch().to_lowercase()
        ),
    )
}

/// The Dutch names of a row's categories and generalised forms, for the log.
fn row_labels<V: StepView>() -> Vec<String> {
    V::CATEGORIES
        .iter()
        .map(|c| c.dutch().to_string())
        .chain(V::DERIVED.iter().map(|d| d.dutch().to_string()))
        .collect()
}

impl Workspace {
    fn may_send(&self, kind: MessageType) -> Result<()> {
        match self.role() {
            Some(r) if r.sends().contains(&kind) => Ok(()),
            _ => Err(role_refuses(kind)),
        }
    }

    fn may_receive(&self, kind: MessageType) -> Result<()> {
        match self.role() {
            Some(r) if r.receives().contains(&kind) => Ok(()),
            _ => Err(role_refuses(kind)),
        }
    }

    /// The confirmed contact `fingerprint`, of role `role`.
    fn recipient(&self, fingerprint: Fingerprint, role: Role) -> Result<crate::keys::KeyCard> {
        let contact = self.parties().contacts().trusted(fingerprint).ok_or_else(|| {
            Error::new(
                "CONTACT_MISSING",
                "Deze ontvanger staat niet bevestigd in uw adresboek. Importeer de sleutelkaart bij ‘Sleutels en adresboek’ en bevestig de vingerafdruk.",
            )
        })?;
        if contact.card.identity.role != role {
            return Err(Error::new(
                "CONTACT_WRONG_ROLE",
                format!("Deze ontvanger is geen {}.", role.dutch().to_lowercase()),
            ));
        }
        Ok(contact.card.clone())
    }

    /// Seals `payload` to `card` after the last checks on its exact bytes, and logs the sending
    /// on the case and in the vault's log.
    #[allow(clippy::too_many_arguments)]
    fn send_transfer(
        &mut self,
        case_id: &str,
        kind: MessageType,
        step: Step,
        categories: Vec<String>,
        payload: &[u8],
        card: &crate::keys::KeyCard,
        envelope_id: [u8; 16],
        random: [u8; 32],
        today: Date,
        at: &str,
    ) -> Result<SealedFile> {
        let sealed = self.seal_to(kind, card, envelope_id, random, today, payload)?;
        let entry = DisclosureEntry {
            at: at.into(),
            step: step.number(),
            recipient_id: card.fingerprint().to_string(),
            recipient_name: format!(
                "{} ({})",
                card.identity.organisation,
                card.identity.role.dutch().to_lowercase()
            ),
            categories,
            grondslag: crate::register::row(step).grondslag_text.into(),
            bundle_id: crate::code::hex(&envelope_id),
            codes: Vec::new(),
            kind: DisclosureKind::TransferSent,
            message: Some(kind),
        };
        self.case_mut(case_id)?.log.push(entry.clone());
        self.push_log(entry);
        Ok(sealed)
    }

    /// The care provider's aanmelding of a case to a Wmo consultant's confirmed card.
    pub fn seal_aanmelding(
        &mut self,
        case_id: &str,
        recipient: Fingerprint,
        envelope_id: [u8; 16],
        random: [u8; 32],
        today: Date,
        at: &str,
    ) -> Result<SealedFile> {
        self.may_send(MessageType::Aanmelding)?;
        let card = self.recipient(recipient, Role::WmoConsulent)?;
        let payload = Aanmelding::of(&self.case(case_id)?.dossier)?.to_bytes();
        // Identified on purpose: the guard's character whitelist and the other residents of
        // this vault are what can still go wrong.
        self.guard_identified(case_id, &payload)?;
        let mut next = self.clone();
        let file = next.send_transfer(
            case_id,
            MessageType::Aanmelding,
            Step::WmoReport,
            row_labels::<Aanmelding>(),
            &payload,
            &card,
            envelope_id,
            random,
            today,
            at,
        )?;
        *self = next;
        Ok(file)
    }

    /// The Wmo consultant's overdracht of a case to a coordinator's confirmed card: only after
    /// the gates into step 4, and only the step-4 row. `salt` makes the case's identifier prints.
    #[allow(clippy::too_many_arguments)]
    pub fn seal_overdracht(
        &mut self,
        case_id: &str,
        recipient: Fingerprint,
        salt: [u8; 32],
        envelope_id: [u8; 16],
        random: [u8; 32],
        today: Date,
        at: &str,
    ) -> Result<SealedFile> {
        self.may_send(MessageType::Overdracht)?;
        let card = self.recipient(recipient, Role::Regisseur)?;
        let dossier = &self.case(case_id)?.dossier;
        let region = crate::region::canonical_gemeente(&dossier.gemeente)
            .and_then(Region::of_gemeente)
            .or(self.settings().region)
            .ok_or_else(|| {
                self.region()
                    .err()
                    .unwrap_or_else(|| Error::new("REGION_MISSING", "Kies eerst de regio."))
            })?;
        let limits = self.settings().rent_limits_on(today);
        let overdracht = Overdracht::of(dossier, today, region, &limits, salt)?;
        let payload = overdracht.to_bytes();
        let known = dossier.known();
        crate::leakguard::guard_anonymous(&payload, &known, &self.others_known(case_id))
            .map_err(|r| r.to_error_for("De overdracht"))?;
        let mut next = self.clone();
        let file = next.send_transfer(
            case_id,
            MessageType::Overdracht,
            Step::PlacementProfile,
            row_labels::<Overdracht>(),
            &payload,
            &card,
            envelope_id,
            random,
            today,
            at,
        )?;
        *self = next;
        Ok(file)
    }

    fn others_known(&self, case_id: &str) -> Vec<crate::known::Known> {
        self.cases()
            .iter()
            .filter(|c| c.dossier.id != case_id)
            .map(|c| c.dossier.known())
            .collect()
    }

    /// An identified file about one resident: it may hold that resident's values, but no value
    /// of any other resident of this vault and no character outside the whitelist.
    fn guard_identified(&self, case_id: &str, payload: &[u8]) -> Result<()> {
        let others = self.others_known(case_id);
        let own = self.case(case_id)?.dossier.known();
        crate::leakguard::guard_others(payload, &own, &others)
            .map_err(|r| r.to_error_for("De aanmelding"))
    }

    /// The Wmo consultant's side: opens an aanmelding from a confirmed care provider and makes
    /// the dossier at step 2. The same envelope twice is refused as processed.
    pub fn open_aanmelding(&mut self, bytes: &[u8], at: &str) -> Result<String> {
        self.may_receive(MessageType::Aanmelding)?;
        let opened =
            self.open_transfer(bytes, MessageType::Aanmelding, Some(Role::Zorgaanbieder))?;
        let aanmelding = Aanmelding::parse(&opened.payload)?;
        let id = aanmelding.reference().to_string();
        let mut next = self.clone();
        next.add_case(&id).map_err(|_| {
            Error::new(
                "CASE_ID_TAKEN",
                "Er is al een dossier met dit dossiernummer in deze kluis. Er is niets ingelezen.",
            )
        })?;
        let entry = DisclosureEntry {
            at: at.into(),
            step: Step::WmoReport.number(),
            recipient_id: opened.sender.fingerprint().to_string(),
            recipient_name: opened.sender.card.identity.organisation.clone(),
            categories: row_labels::<Aanmelding>(),
            grondslag: crate::register::row(Step::WmoReport).grondslag_text.into(),
            bundle_id: opened.id.clone(),
            codes: Vec::new(),
            kind: DisclosureKind::TransferReceived,
            message: Some(MessageType::Aanmelding),
        };
        let case = next.case_mut(&id)?;
        case.dossier = aanmelding.into_dossier(&id);
        case.log.push(entry.clone());
        next.push_log(entry);
        next.push_receipt(Receipt {
            id: opened.id,
            kind: MessageType::Aanmelding,
            sender: opened.sender.fingerprint(),
            date: opened.date,
            at: at.into(),
        });
        *self = next;
        Ok(id)
    }

    /// The coordinator's side: opens an overdracht from a confirmed Wmo consultant and makes the
    /// case at step 4 from it. The case holds the overdracht (facts, contacts, gates, prints) and
    /// nothing of the resident's identity: its dossier part gets only the step-4 row's values.
    /// A later overdracht of the same case from the same Wmo consultant updates its facts
    /// (`update_from_overdracht`). The same envelope twice is refused as processed.
    pub fn open_overdracht(&mut self, bytes: &[u8], at: &str) -> Result<String> {
        self.may_receive(MessageType::Overdracht)?;
        let opened =
            self.open_transfer(bytes, MessageType::Overdracht, Some(Role::WmoConsulent))?;
        let overdracht = Overdracht::parse(&opened.payload)?;
        let region = self.region()?;
        if overdracht.facts().region != region {
            return Err(Error::new(
                "REGION_MISMATCH",
                format!(
                    "Deze overdracht hoort bij {}; deze kluis werkt voor {}. Er is niets ingelezen.",
                    overdracht.facts().region.name(),
                    region.name()
                ),
            ));
        }
        let id = overdracht.reference().to_string();
        let entry = DisclosureEntry {
            at: at.into(),
            step: Step::PlacementProfile.number(),
            recipient_id: opened.sender.fingerprint().to_string(),
            recipient_name: opened.sender.card.identity.organisation.clone(),
            categories: row_labels::<Overdracht>(),
            grondslag: crate::register::row(Step::PlacementProfile)
                .grondslag_text
                .into(),
            bundle_id: opened.id.clone(),
            codes: Vec::new(),
            kind: DisclosureKind::TransferReceived,
            message: Some(MessageType::Overdracht),
        };
        let mut next = self.clone();
        if self.case(&id).is_ok() {
            next.update_from_overdracht(&id, overdracht, &opened.sender.fingerprint())?;
        } else {
            next.add_case(&id)?;
            let case = next.case_mut(&id)?;
            case.dossier = overdracht.step4_dossier(&id);
            // The coordinator may correct it on the timeline; the overdracht keeps what came.
            case.in_care_since = overdracht.facts().in_care_since;
            case.overdracht = Some(overdracht);
        }
        let case = next.case_mut(&id)?;
        case.log.push(entry.clone());
        next.push_log(entry);
        next.push_receipt(Receipt {
            id: opened.id,
            kind: MessageType::Overdracht,
            sender: opened.sender.fingerprint(),
            date: opened.date,
            at: at.into(),
        });
        *self = next;
        Ok(id)
    }
}

impl Workspace {
    /// A later overdracht of a case this vault already holds, from the Wmo consultant who sent
    /// the first: the resident's circumstances changed while waiting (household, income band,
    /// age band, the entry date). The step-4 facts are replaced; the profile, codes, replies,
    /// talks and log stay, and the gates the coordinator recorded after step 4 too. The profile
    /// is derived from the facts, so "gewijzigd na delen" shows what associations hold is older.
    fn update_from_overdracht(
        &mut self,
        id: &str,
        overdracht: Overdracht,
        sender: &Fingerprint,
    ) -> Result<()> {
        let taken = || {
            Error::new(
                "CASE_ID_TAKEN",
                "Er is al een dossier met dit dossiernummer in deze kluis. Er is niets ingelezen.",
            )
        };
        let case = self.case(id)?;
        let from_same_sender = case.overdracht.is_some()
            && case.log.iter().any(|e| {
                e.kind == DisclosureKind::TransferReceived
                    && e.message == Some(MessageType::Overdracht)
                    && e.recipient_id == sender.to_string()
            });
        if !from_same_sender {
            return Err(taken());
        }
        if case.dossier.archived || case.outcome.is_some() {
            return Err(Error::new(
                "CASE_CLOSED",
                "Deze zaak is afgesloten; een bijgewerkte overdracht wordt niet ingelezen. Er is niets ingelezen.",
            ));
        }
        let case = self.case_mut(id)?;
        let mut part = overdracht.step4_dossier(id);
        // What the coordinator recorded since (a later step, its gates) stays.
        part.step = case.dossier.step;
        for g in &case.dossier.gates {
            if !part.has_gate(g.gate) {
                part.gates.push(g.clone());
            }
        }
        case.dossier = part;
        if let Some(since) = overdracht.facts().in_care_since {
            case.in_care_since = Some(since);
        }
        case.overdracht = Some(overdracht);
        Ok(())
    }

    /// A coordinator's case from the step-4 row typed from a Wmo consultant's report (no Wmo
    /// consultant in the app). Only a Regisseur vault; the case starts at step 4 like one from
    /// an overdracht, and is logged as received from the report.
    pub fn add_typed_case(&mut self, id: &str, typed: TypedIntake, at: &str) -> Result<()> {
        if self.role() != Some(Role::Regisseur) {
            return Err(Error::new(
                "ROLE_NOT_ALLOWED",
                "Stap-4-gegevens typen hoort bij de kluis van de regisseur.",
            ));
        }
        let by = typed.recorded_by.trim().to_string();
        let overdracht = Overdracht::typed(id, typed)?;
        let region = self.region()?;
        if overdracht.facts().region != region {
            return Err(Error::new(
                "REGION_MISMATCH",
                format!(
                    "Deze gemeente hoort bij {}; deze kluis werkt voor {}.",
                    overdracht.facts().region.name(),
                    region.name()
                ),
            )
            .at("gemeente"));
        }
        let mut next = self.clone();
        next.add_case(id)?;
        let entry = DisclosureEntry {
            at: at.into(),
            step: Step::PlacementProfile.number(),
            recipient_id: String::new(),
            recipient_name: by,
            categories: row_labels::<Overdracht>(),
            grondslag: crate::register::row(Step::PlacementProfile)
                .grondslag_text
                .into(),
            bundle_id: String::new(),
            codes: Vec::new(),
            kind: DisclosureKind::TransferReceived,
            message: Some(MessageType::Teruggave),
        };
        let case = next.case_mut(id)?;
        case.dossier = overdracht.step4_dossier(id);
        case.overdracht = Some(overdracht);
        case.log.push(entry.clone());
        next.push_log(entry);
        *self = next;
        Ok(())
    }
}

/// A koppeling an association received: the care provider of a resident it knows by code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedKoppeling {
    pub envelope_id: String,
    pub at: String,
    pub koppeling: Koppeling,
}

impl Workspace {
    /// The coordinator's koppeling after an accepted match: one envelope to the association
    /// (code, care provider) and, when the care provider's card is given, one to the care
    /// provider (its dossier number, the association and dwelling). Each guarded on its exact
    /// bytes with the case's prints and values, logged on the case.
    #[allow(clippy::too_many_arguments)]
    pub fn seal_koppeling(
        &mut self,
        case_id: &str,
        care_provider: Option<Fingerprint>,
        envelope_ids: [[u8; 16]; 2],
        random: [u8; 32],
        today: Date,
        at: &str,
    ) -> Result<Vec<SealedFile>> {
        self.may_send(MessageType::Koppeling)?;
        let case = self.case(case_id)?;
        let accepted = case.accepted.clone().ok_or_else(|| {
            crate::register::gate_missing_error(Step::Agreement, &[Gate::MatchAccepted])
        })?;
        let code = case
            .codes
            .get(&accepted.association_id)
            .cloned()
            .ok_or_else(|| {
                Error::new(
                    "MATCH_WITHOUT_BUNDLE",
                    "Deze corporatie heeft het profiel nog niet in een bundel ontvangen.",
                )
            })?;
        let association_card = self
            .association_contact(&accepted.association_id)?
            .card
            .clone();
        let care_card = care_provider
            .map(|fp| self.recipient(fp, Role::Zorgaanbieder))
            .transpose()?;
        let association_name = self
            .offer()
            .association(&accepted.association_id)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| association_card.identity.organisation.clone());
        let base = Koppeling {
            format: KOPPELING_FORMAT.into(),
            version: VERSION,
            code,
            association_id: accepted.association_id.clone(),
            association_name,
            dwelling_id: accepted.dwelling_id.clone(),
            accepted: accepted.date,
            care_provider: None,
            reference: None,
            safeguards: case.safeguards.iter().copied().collect(),
        };
        let for_association = Koppeling {
            care_provider: case.dossier.care_provider.clone(),
            ..base.clone()
        };
        let for_care = Koppeling {
            reference: Some(
                case.overdracht
                    .as_ref()
                    .map_or(case_id, |o| o.reference())
                    .to_string(),
            ),
            ..base
        };
        let mut known = case.dossier.known();
        // The care provider's person travels by name on purpose.
        known.contact_names.clear();
        let prints: Vec<&IdentifierPrints> = case.prints().into_iter().collect();
        let guard = |payload: &[u8]| {
            crate::leakguard::guard_with_prints(payload, &[], &[&known], &prints)
                .map_err(|r| r.to_error_for("De koppeling"))
        };
        let mut sends = vec![(
            for_association.to_bytes(),
            association_card,
            envelope_ids[0],
        )];
        if let Some(card) = care_card {
            sends.push((for_care.to_bytes(), card, envelope_ids[1]));
        }
        for (payload, _, _) in &sends {
            guard(payload)?;
        }
        let mut next = self.clone();
        let mut files = Vec::new();
        for (payload, card, id) in &sends {
            files.push(next.send_transfer(
                case_id,
                MessageType::Koppeling,
                Step::Agreement,
                vec![KOPPELING_CATEGORY.into()],
                payload,
                card,
                *id,
                random,
                today,
                at,
            )?);
        }
        *self = next;
        Ok(files)
    }

    /// An association or a care provider opens the coordinator's koppeling. The association
    /// keeps it with the bundle that carried the code; the care provider records the accepted
    /// match on its own dossier. Returns the code (association) or the dossier id (care
    /// provider).
    pub fn open_koppeling(&mut self, bytes: &[u8], at: &str) -> Result<String> {
        self.may_receive(MessageType::Koppeling)?;
        let opened = self.open_transfer(bytes, MessageType::Koppeling, Some(Role::Regisseur))?;
        let k = Koppeling::parse(&opened.payload)?;
        let mut next = self.clone();
        let result = match (self.role(), &k.reference) {
            (Some(Role::Woningcorporatie), None) => {
                let known_code = self.parties().inbox().iter().any(|b| {
                    b.sender == opened.sender.fingerprint()
                        && b.bundle()
                            .is_ok_and(|v| v.profiles.iter().any(|p| p.code.to_string() == k.code))
                });
                if !known_code {
                    return Err(Error::new(
                        "KOPPELING_UNKNOWN_CODE",
                        "Deze koppeling gaat over een code die in geen bundel van deze regisseur staat. Er is niets ingelezen.",
                    ));
                }
                let code = k.code.clone();
                next.push_koppeling(ReceivedKoppeling {
                    envelope_id: opened.id.clone(),
                    at: at.into(),
                    koppeling: k,
                });
                code
            }
            (Some(Role::Zorgaanbieder), Some(reference)) => {
                let id = reference.clone();
                let entry = DisclosureEntry {
                    at: at.into(),
                    step: Step::Agreement.number(),
                    recipient_id: opened.sender.fingerprint().to_string(),
                    recipient_name: opened.sender.card.identity.organisation.clone(),
                    categories: vec![KOPPELING_CATEGORY.into()],
                    grondslag: crate::register::row(Step::Agreement).grondslag_text.into(),
                    bundle_id: opened.id.clone(),
                    codes: vec![k.code.clone()],
                    kind: DisclosureKind::TransferReceived,
                    message: Some(MessageType::Koppeling),
                };
                let case = next.case_mut(&id).map_err(|_| {
                    Error::new(
                        "CASE_NOT_FOUND",
                        "Deze koppeling gaat over een dossier dat niet in deze kluis staat. Er is niets ingelezen.",
                    )
                })?;
                case.accepted = Some(crate::workspace::AcceptedMatch {
                    association_id: k.association_id.clone(),
                    dwelling_id: k.dwelling_id.clone(),
                    date: k.accepted,
                    code: Some(k.code.clone()),
                    association_name: Some(k.association_name.clone()),
                });
                case.safeguards = k.safeguards.iter().copied().collect();
                case.log.push(entry.clone());
                next.push_log(entry);
                id
            }
            _ => {
                return Err(Error::new(
                    "KOPPELING_NOT_FOR_ROLE",
                    "Deze koppeling is bestemd voor een andere partij. Er is niets ingelezen.",
                ));
            }
        };
        next.push_receipt(Receipt {
            id: opened.id,
            kind: MessageType::Koppeling,
            sender: opened.sender.fingerprint(),
            date: opened.date,
            at: at.into(),
        });
        *self = next;
        Ok(result)
    }
}

/// What opening a received envelope did, whatever its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Received {
    /// A dossier or case made or updated here (aanmelding, overdracht, a care provider's
    /// koppeling): its id.
    Case(String),
    /// The dossiers of a teruggave.
    Cases(Vec<String>),
    /// An association's koppeling: the code it is about.
    Koppeling(String),
    /// A bundle kept in the association's inbox, by index.
    Bundle(usize),
    /// A reply's answers put on the cases.
    Reply(crate::parties::ReplyReceipt),
    /// Huurgegevens an association kept: the code they are about.
    Huurgegevens(String),
    /// An afmelding: what the association erased.
    Afmelding(afmelding::Erasure),
}

impl Workspace {
    /// Opens any envelope this vault's role receives, by the type its header states; every
    /// check of the specific opening runs. Another role's type is refused by name.
    pub fn open_received(
        &mut self,
        bytes: &[u8],
        key: Option<&crate::code::CodeKey>,
        at: &str,
    ) -> Result<Received> {
        let own = self.parties().keys().ok_or_else(keys_missing)?;
        let Some(kind) = envelope::kind_of(bytes) else {
            // Not an envelope: let the full opening say what it is instead.
            envelope::open(bytes, own, self.parties().contacts())?;
            return Err(unreadable());
        };
        let receives = self.role().map_or(
            // A vault made before roles is the coordinator's, as it always was.
            &[MessageType::Reactie][..],
            |r| r.receives(),
        );
        if !receives.contains(&kind) {
            return Err(Error::new(
                "ROLE_NOT_ALLOWED",
                format!(
                    "Deze envelop bevat een {}; die is voor een andere partij dan deze kluis. Er is niets ingelezen.",
                    kind.dutch()
                ),
            ));
        }
        Ok(match kind {
            MessageType::Aanmelding => Received::Case(self.open_aanmelding(bytes, at)?),
            MessageType::Overdracht => Received::Case(self.open_overdracht(bytes, at)?),
            MessageType::Teruggave => Received::Cases(self.open_teruggave(bytes, at)?),
            MessageType::Koppeling => match self.role() {
                Some(Role::Zorgaanbieder) => Received::Case(self.open_koppeling(bytes, at)?),
                _ => Received::Koppeling(self.open_koppeling(bytes, at)?),
            },
            MessageType::Bundel => Received::Bundle(self.open_bundle(bytes, at)?),
            MessageType::Reactie => Received::Reply(self.open_reply(bytes, key, at)?),
            MessageType::Huurgegevens => Received::Huurgegevens(self.open_huurgegevens(bytes, at)?),
            MessageType::OverdrachtRegisseur => Received::Cases(self.open_caseload(bytes, at)?),
            MessageType::Afmelding => Received::Afmelding(self.open_afmelding(bytes, at)?),
        })
    }
}

impl Workspace {
    /// The checks every received transfer goes through after the envelope's own (PARTIES.md):
    /// this vault's keys open an envelope of type `kind`, not processed before, sent by a party
    /// of role `from` (`None`: any confirmed sender). The caller checks its own role first.
    pub(crate) fn open_transfer(
        &self,
        bytes: &[u8],
        kind: MessageType,
        from: Option<Role>,
    ) -> Result<envelope::Opened> {
        let own = self.parties().keys().ok_or_else(keys_missing)?;
        let opened = envelope::open_expecting(bytes, own, self.parties().contacts(), kind)?;
        if let Some(r) = self.parties().received().iter().find(|r| r.id == opened.id) {
            return Err(crate::parties::already_processed(r));
        }
        if let Some(role) = from
            && opened.sender.card.identity.role != role
        {
            return Err(sender_role(role, kind));
        }
        Ok(opened)
    }
}

fn keys_missing() -> Error {
    Error::new(
        "KEYS_MISSING",
        "Deze kluis heeft nog geen sleutels. Maak ze bij ‘Sleutels en adresboek’.",
    )
}
