//! The resident's dossier: the data of steps 1-3, kept only on the coordinator's machine.
//!
//! Nothing here leaves the browser as is. What a step may see is cut out of the dossier by the
//! minimiser (`minimise`), and only after that step's gates are recorded here. `Debug` is written
//! by hand for every type that holds personal data so that a stray `{:?}` in a log or panic
//! message prints field names only, never values.

use crate::date::Date;
use crate::error::{Error, Result};
use crate::known::Known;
use crate::profile::{Gender, LivingSituation};
use crate::register::{Category, Gate, Step, gate_missing_error, required_gates};
use crate::targetgroup::TargetGroupAnswers;
use crate::validate;
use crate::vocab::Dutch;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest accepted free text (per field), so a pasted document cannot bloat the vault.
pub const MAX_TEXT_CHARS: usize = 5000;
const MAX_NAME_CHARS: usize = 100;
const MAX_ACTOR_CHARS: usize = 200;
const MAX_HOUSE_NUMBER: u32 = 99_999;
/// Generous: a yearly income above this is a typing error (cents instead of euros).
pub const MAX_YEARLY_INCOME_EUROS: u32 = 10_000_000;
pub const MAX_HOUSEHOLD_SIZE: u8 = 12;

/// Prints `Name { field: …, … }`: the shape of a value without its content.
pub(crate) fn redacted(f: &mut fmt::Formatter<'_>, name: &str, fields: &[&str]) -> fmt::Result {
    let mut s = f.debug_struct(name);
    for field in fields {
        s.field(field, &Hidden);
    }
    s.finish()
}

struct Hidden;

impl fmt::Debug for Hidden {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("…")
    }
}

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct PersonName {
    /// All first names, space separated, as in the BRP ("Anna Maria").
    pub first_names: String,
    /// "van", "de", "van der"; empty when there is none.
    pub tussenvoegsel: String,
    pub surname: String,
    /// The name the resident goes by (roepnaam, "Mo" for Mohammed), when it is not one of the
    /// first names: notes use it more than any other.
    pub call_name: String,
}

impl fmt::Debug for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(
            f,
            "PersonName",
            &["first_names", "tussenvoegsel", "surname", "call_name"],
        )
    }
}

#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Address {
    pub street: String,
    pub house_number: u32,
    pub house_number_addition: String,
    pub postcode: String,
    /// Woonplaats.
    pub place: String,
    /// A home address, or a briefadres: the postal address in the BRP of a resident without a
    /// fixed place to live (often the shelter's or the gemeente's). Left out of stored data
    /// and files when it is a home address, so older data reads the same.
    #[serde(skip_serializing_if = "AddressKind::is_home")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub kind: AddressKind,
}

/// What an address is: where the resident lives, or only where post reaches them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum AddressKind {
    #[default]
    Home,
    /// Briefadres (BRP): post only, no fixed place to live.
    Briefadres,
}

impl AddressKind {
    pub fn is_home(&self) -> bool {
        *self == AddressKind::Home
    }
}

impl fmt::Debug for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(
            f,
            "Address",
            &[
                "street",
                "house_number",
                "house_number_addition",
                "postcode",
                "place",
            ],
        )
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum IncomeSource {
    // Written in English; the Dutch values of earlier versions are still read (stored vaults
    // and backups made before). Wajong is the scheme's name.
    #[serde(alias = "werk")]
    Work,
    #[serde(alias = "uitkering")]
    Benefits,
    Wajong,
    #[serde(alias = "studiefinanciering")]
    StudentFinance,
    #[serde(alias = "pensioen")]
    Pension,
    #[serde(alias = "geen")]
    None,
    #[serde(alias = "anders")]
    Other,
}

impl IncomeSource {
    /// Every value, in the order a form offers them.
    pub const ALL: [IncomeSource; 7] = [
        IncomeSource::Work,
        IncomeSource::Benefits,
        IncomeSource::Wajong,
        IncomeSource::StudentFinance,
        IncomeSource::Pension,
        IncomeSource::None,
        IncomeSource::Other,
    ];
}

#[derive(Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Income {
    pub yearly_amount_euros: u32,
    pub source: IncomeSource,
}

impl fmt::Debug for Income {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(f, "Income", &["yearly_amount_euros", "source"])
    }
}

/// A professional contact (care provider, Wmo consultant): organisation and person.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Contact {
    pub organisation: String,
    pub person: String,
}

impl fmt::Debug for Contact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(f, "Contact", &["organisation", "person"])
    }
}

/// The four documents the Wmo consultant collects in step 3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DocumentKind {
    /// Verhuurdersverklaring van de laatste 5 jaar.
    LandlordStatement,
    /// BRP-uittreksel (formerly GBA) with residence history.
    BrpExtract,
    /// Verklaring geregistreerd inkomen (IB60).
    IncomeStatement,
    /// Beschikking bewindvoering, if there is one.
    BewindvoeringRuling,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::LandlordStatement,
        DocumentKind::BrpExtract,
        DocumentKind::IncomeStatement,
        DocumentKind::BewindvoeringRuling,
    ];

    pub fn category(self) -> Category {
        match self {
            DocumentKind::LandlordStatement => Category::LandlordStatement,
            DocumentKind::BrpExtract => Category::BrpExtract,
            DocumentKind::IncomeStatement => Category::IncomeStatement,
            DocumentKind::BewindvoeringRuling => Category::BewindvoeringRuling,
        }
    }

    /// Field path segment for errors.
    fn key(self) -> &'static str {
        match self {
            DocumentKind::LandlordStatement => "verhuurdersverklaring",
            DocumentKind::BrpExtract => "brpUittreksel",
            DocumentKind::IncomeStatement => "inkomensverklaring",
            DocumentKind::BewindvoeringRuling => "beschikkingBewindvoering",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DocumentStatus {
    #[default]
    Requested,
    Received,
    /// Only meaningful for the bewindvoering ruling ("indien aanwezig") and a landlord statement
    /// of someone who never rented.
    NotApplicable,
}

/// Status of one document, with the date it was requested or received.
#[derive(Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct DocumentEntry {
    pub status: DocumentStatus,
    pub date: Option<Date>,
}

impl fmt::Debug for DocumentEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(f, "DocumentEntry", &["status", "date"])
    }
}

/// The document checklist of step 3.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct DocumentChecklist {
    pub landlord_statement: DocumentEntry,
    pub brp_extract: DocumentEntry,
    pub income_statement: DocumentEntry,
    pub bewindvoering_ruling: DocumentEntry,
    /// Why the huurgegevens go although a document for the lease is still missing
    /// (`missing_for_lease`); `None` while nothing is missing or nobody chose.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub missing_reason: Option<MissingDocumentsReason>,
}

/// Why the step-6 hand-over goes before every document is in: a fixed list, recorded in the
/// huurgegevens and in both parties' logs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum MissingDocumentsReason {
    /// Agreed with the association: the documents follow.
    FollowsLater,
    /// The document does not exist for this resident (never rented before, for example).
    DoesNotExist,
    /// The association accepts the lease without it.
    AssociationAccepts,
}

impl MissingDocumentsReason {
    pub const ALL: [MissingDocumentsReason; 3] = [
        MissingDocumentsReason::FollowsLater,
        MissingDocumentsReason::DoesNotExist,
        MissingDocumentsReason::AssociationAccepts,
    ];

    /// The logs' line for a hand-over that went without every document.
    pub fn log_label(self) -> String {
        use crate::vocab::Dutch;
        format!(
            "Documenten niet compleet: {}",
            crate::vocab::lowercase_first(self.dutch())
        )
    }
}

impl fmt::Debug for DocumentChecklist {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Whether someone is under bewindvoering is itself sensitive.
        redacted(
            f,
            "DocumentChecklist",
            &[
                "landlord_statement",
                "brp_extract",
                "income_statement",
                "bewindvoering_ruling",
            ],
        )
    }
}

impl DocumentChecklist {
    pub fn get(&self, kind: DocumentKind) -> &DocumentEntry {
        match kind {
            DocumentKind::LandlordStatement => &self.landlord_statement,
            DocumentKind::BrpExtract => &self.brp_extract,
            DocumentKind::IncomeStatement => &self.income_statement,
            DocumentKind::BewindvoeringRuling => &self.bewindvoering_ruling,
        }
    }

    pub fn get_mut(&mut self, kind: DocumentKind) -> &mut DocumentEntry {
        match kind {
            DocumentKind::LandlordStatement => &mut self.landlord_statement,
            DocumentKind::BrpExtract => &mut self.brp_extract,
            DocumentKind::IncomeStatement => &mut self.income_statement,
            DocumentKind::BewindvoeringRuling => &mut self.bewindvoering_ruling,
        }
    }

    /// The documents the lease needs that are not in: the landlord statement, the BRP extract
    /// and the income statement always, the bewindvoering ruling under bewindvoering. A
    /// document marked not applicable is not missing.
    pub fn missing_for_lease(&self, budget_management: bool) -> Vec<DocumentKind> {
        DocumentKind::ALL
            .into_iter()
            .filter(|k| *k != DocumentKind::BewindvoeringRuling || budget_management)
            .filter(|k| {
                !matches!(
                    self.get(*k).status,
                    DocumentStatus::Received | DocumentStatus::NotApplicable
                )
            })
            .collect()
    }

    /// Records why the hand-over goes without a document the lease needs; nothing is recorded
    /// while none is missing, so an old reason never travels with a complete file.
    pub fn choose_missing_reason(
        &mut self,
        budget_management: bool,
        reason: Option<MissingDocumentsReason>,
    ) {
        self.missing_reason =
            reason.filter(|_| !self.missing_for_lease(budget_management).is_empty());
    }

    /// Whether the lease's hand-over may go (the huurgegevens, or the hand-over of a vault made
    /// before roles): with every document `missing_for_lease` asks, or with a recorded reason
    /// why it goes without (returned, for the payload and the logs).
    /// Refused (`DOCUMENTS_INCOMPLETE`) otherwise.
    pub fn ready_for_lease(
        &self,
        budget_management: bool,
    ) -> crate::error::Result<Option<MissingDocumentsReason>> {
        let n = self.missing_for_lease(budget_management).len();
        match (n, self.missing_reason) {
            (0, _) => Ok(None),
            (_, Some(reason)) => Ok(Some(reason)),
            (n, None) => Err(crate::error::Error::new(
                "DOCUMENTS_INCOMPLETE",
                format!(
                    "Er {} nog {} voor het huurcontract. Laat de inwoner {} eerst overhandigen, of kies waarom de gegevens toch nu gaan.",
                    if n == 1 { "ontbreekt" } else { "ontbreken" },
                    crate::vocab::count(n, "document", "documenten"),
                    if n == 1 { "het" } else { "ze" }
                ),
            )
            .at("documenten")),
        }
    }

    pub fn entries(&self) -> [(DocumentKind, DocumentEntry); 4] {
        DocumentKind::ALL.map(|k| (k, *self.get(k)))
    }

    /// True when every document is received or not applicable.
    pub fn complete(&self) -> bool {
        self.entries()
            .iter()
            .all(|(_, e)| e.status != DocumentStatus::Requested)
    }
}

/// One recorded gate: which, when, and by whom (a role or organisation, e.g.
/// "Zorgaanbieder De Brug" or "Wmo-consulent Venlo").
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct GateRecord {
    pub gate: Gate,
    pub date: Date,
    pub actor: String,
}

impl fmt::Debug for GateRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The kind of gate is process state, useful when debugging; when and by whom is not.
        f.debug_struct("GateRecord")
            .field("gate", &self.gate)
            .field("date", &Hidden)
            .field("actor", &Hidden)
            .finish()
    }
}

/// The resident's dossier (steps 1-3 plus the gates).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Dossier {
    /// Random local id, made by the caller; used in URLs and storage keys, never personal.
    pub id: String,
    pub name: PersonName,
    pub address: Address,
    /// The gemeente of residence (woongemeente).
    pub gemeente: String,
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub birth_date: Option<Date>,
    pub bsn: Option<String>,
    pub gender: Option<Gender>,
    pub education: String,
    pub work: String,
    pub income: Option<Income>,
    pub household_size: u8,
    pub social_network: String,
    pub living_situation: Option<LivingSituation>,
    /// The day the resident entered beschermd wonen or the maatschappelijke opvang (part of the
    /// living situation): the coordinator's waiting time and priority count from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_care_since: Option<Date>,
    /// Finances and debts, free text.
    pub finances: String,
    pub has_debts: bool,
    /// Under bewindvoering (budget management by a court-appointed administrator).
    pub budget_management: bool,
    /// Special category (art. 9 AVG): only the Wmo consultant's step 3 sees it.
    pub health: String,
    pub iban: Option<String>,
    pub documents: DocumentChecklist,
    pub care_provider: Option<Contact>,
    pub wmo_consultant: Option<Contact>,
    pub target_group: TargetGroupAnswers,
    /// Going on although the target-group check is not met (`routeplanner::override_target_group`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_group_override: Option<crate::targetgroup::TargetGroupOverride>,
    pub gates: Vec<GateRecord>,
    pub step: Step,
    pub archived: bool,
}

impl Default for Dossier {
    fn default() -> Self {
        Dossier {
            id: String::new(),
            name: PersonName::default(),
            address: Address::default(),
            gemeente: String::new(),
            phones: Vec::new(),
            email: None,
            birth_date: None,
            bsn: None,
            gender: None,
            education: String::new(),
            work: String::new(),
            income: None,
            household_size: 1,
            social_network: String::new(),
            living_situation: None,
            in_care_since: None,
            finances: String::new(),
            has_debts: false,
            budget_management: false,
            health: String::new(),
            iban: None,
            documents: DocumentChecklist::default(),
            care_provider: None,
            wmo_consultant: None,
            target_group: TargetGroupAnswers::default(),
            target_group_override: None,
            gates: Vec::new(),
            step: Step::Orientation,
            archived: false,
        }
    }
}

impl fmt::Debug for Dossier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The id, step and archived flag carry no personal data; everything else is hidden, the
        // gates down to their count (who consented to what is about the resident too).
        f.debug_struct("Dossier")
            .field("id", &self.id)
            .field("step", &self.step)
            .field("archived", &self.archived)
            .field("name", &self.name)
            .field("address", &self.address)
            .field("gemeente", &Hidden)
            .field("phones", &Hidden)
            .field("email", &Hidden)
            .field("birth_date", &Hidden)
            .field("bsn", &Hidden)
            .field("gender", &Hidden)
            .field("education", &Hidden)
            .field("work", &Hidden)
            .field("income", &Hidden)
            .field("household_size", &Hidden)
            .field("social_network", &Hidden)
            .field("living_situation", &Hidden)
            .field("finances", &Hidden)
            .field("has_debts", &Hidden)
            .field("budget_management", &Hidden)
            .field("health", &Hidden)
            .field("iban", &Hidden)
            .field("documents", &self.documents)
            .field("care_provider", &Hidden)
            .field("wmo_consultant", &Hidden)
            .field("target_group", &Hidden)
            .field("gates", &self.gates.len())
            .finish()
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

fn too_long(s: &str, max: usize) -> bool {
    s.chars().count() > max
}

/// Letters (any script), spaces, hyphens, apostrophes and dots: what names in the BRP hold.
fn name_chars_ok(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.'))
}

/// Words that are tussenvoegsels, not names: never searched for on their own.
const TUSSENVOEGSEL_WORDS: [&str; 30] = [
    "van", "de", "der", "den", "het", "'t", "’t", "te", "ter", "ten", "in", "op", "aan", "bij",
    "uit", "voor", "onder", "over", "la", "le", "les", "du", "da", "del", "della", "dos", "das",
    "von", "zu", "d'",
];

fn is_tussenvoegsel_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    TUSSENVOEGSEL_WORDS.contains(&lower.as_str())
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    let v = value.trim();
    if !v.is_empty() && !list.iter().any(|x| x == v) {
        list.push(v.to_string());
    }
}

impl Dossier {
    /// A new, empty dossier in step 1 under a random local id made by the caller.
    pub fn new(id: impl Into<String>) -> Dossier {
        Dossier {
            id: id.into(),
            ..Dossier::default()
        }
    }

    /// The most recent record of `gate`, if any.
    pub fn gate_record(&self, gate: Gate) -> Option<&GateRecord> {
        self.gates.iter().rev().find(|r| r.gate == gate)
    }

    pub fn has_gate(&self, gate: Gate) -> bool {
        self.gate_record(gate).is_some()
    }

    /// The gates on the way to `step` that are not recorded yet, in order.
    pub fn missing_gates(&self, step: Step) -> Vec<Gate> {
        required_gates(step)
            .iter()
            .copied()
            .filter(|g| !self.has_gate(*g))
            .collect()
    }

    /// `GATE_MISSING`, naming every missing gate, unless all gates on the way to `step` are
    /// recorded.
    pub fn check_gates(&self, step: Step) -> Result<()> {
        let missing = self.missing_gates(step);
        if missing.is_empty() {
            Ok(())
        } else {
            Err(gate_missing_error(step, &missing))
        }
    }

    /// Records that `gate` was passed on `date`, by `actor` (a role or organisation). Gates go
    /// in order: a gate can be recorded only after the gates before its step, and not with an
    /// earlier date than theirs. Recording a gate again keeps the earlier record (history).
    pub fn record_gate(&mut self, gate: Gate, date: Date, actor: &str) -> Result<()> {
        if self.archived {
            return Err(archived_error());
        }
        let actor = actor.trim();
        if actor.is_empty() || too_long(actor, MAX_ACTOR_CHARS) {
            return Err(Error::new(
                "GATE_ACTOR_MISSING",
                "Vul in wie de poort vastlegt (rol of organisatie, hoogstens 200 tekens).",
            )
            .at("poort.actor"));
        }
        let before = gate.from_step();
        let missing = self.missing_gates(before);
        if let Some(first) = missing.first() {
            return Err(Error::new(
                "GATE_ORDER",
                format!(
                    "De poort '{}' kan pas na de poort '{}'.",
                    gate.dutch(),
                    first.dutch()
                ),
            )
            .at("poort"));
        }
        let latest = required_gates(before)
            .iter()
            .filter_map(|g| self.gate_record(*g).map(|r| r.date))
            .max();
        if latest.is_some_and(|l| date < l) {
            return Err(Error::new(
                "GATE_DATE_INVALID",
                "De datum van deze poort ligt vóór de datum van een eerdere poort.",
            )
            .at("poort.datum"));
        }
        self.gates.push(GateRecord {
            gate,
            date,
            actor: actor.to_string(),
        });
        Ok(())
    }

    /// Moves the dossier to `step`, which needs every gate on the way there. Going back (a match
    /// that fell through) is allowed the same way.
    pub fn advance_to(&mut self, step: Step) -> Result<()> {
        if self.archived {
            return Err(archived_error());
        }
        self.check_gates(step)?;
        self.step = step;
        Ok(())
    }

    /// Every problem with the dossier for its current step, each with its field path. Messages
    /// are Dutch and never repeat a value.
    pub fn validate(&self) -> Vec<Error> {
        self.validate_for(self.step)
    }

    /// Every problem with the dossier for work in `step`: format checks always, and the data that
    /// step needs. Steps 4 and 5 need the birth date, gender, living situation and income (for
    /// the age and income bands); step 6 needs the BSN as well.
    pub fn validate_for(&self, step: Step) -> Vec<Error> {
        let mut errors = Vec::new();
        let mut add = |e: Error| errors.push(e);

        if self.id.is_empty()
            || self.id.len() > 64
            || !self
                .id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            add(Error::new(
                "DOSSIER_ID_INVALID",
                "Het dossiernummer ontbreekt of bevat andere tekens dan letters, cijfers, - en _.",
            )
            .at("id"));
        }

        // Name.
        for (value, field, missing, invalid) in [
            (
                &self.name.first_names,
                "naam.voornamen",
                "De voornamen ontbreken.",
                "De voornamen mogen alleen letters, spaties, koppeltekens, apostrofs en punten bevatten (hoogstens 100 tekens).",
            ),
            (
                &self.name.surname,
                "naam.achternaam",
                "De achternaam ontbreekt.",
                "De achternaam mag alleen letters, spaties, koppeltekens, apostrofs en punten bevatten (hoogstens 100 tekens).",
            ),
        ] {
            if blank(value) {
                add(Error::new("REQUIRED", missing).at(field));
            } else if too_long(value, MAX_NAME_CHARS) || !name_chars_ok(value) {
                add(Error::new("NAME_INVALID", invalid).at(field));
            }
        }
        if !blank(&self.name.tussenvoegsel)
            && (too_long(&self.name.tussenvoegsel, 20) || !name_chars_ok(&self.name.tussenvoegsel))
        {
            add(Error::new(
                "NAME_INVALID",
                "Het tussenvoegsel mag alleen letters, spaties en apostrofs bevatten (hoogstens 20 tekens).",
            )
            .at("naam.tussenvoegsel"));
        }

        // Address.
        let a = &self.address;
        if blank(&a.street) {
            add(Error::new("REQUIRED", "De straat ontbreekt.").at("adres.straat"));
        } else if too_long(&a.street, MAX_NAME_CHARS) {
            add(
                Error::new("TEXT_TOO_LONG", "De straatnaam is langer dan 100 tekens.")
                    .at("adres.straat"),
            );
        }
        if a.house_number == 0 || a.house_number > MAX_HOUSE_NUMBER {
            add(Error::new(
                "HOUSE_NUMBER_INVALID",
                "Het huisnummer moet een getal van 1 tot en met 99999 zijn.",
            )
            .at("adres.huisnummer"));
        }
        let addition = a.house_number_addition.trim();
        if too_long(addition, 10)
            || !addition
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '/'))
        {
            add(Error::new(
                "HOUSE_NUMBER_ADDITION_INVALID",
                "De huisnummertoevoeging mag hoogstens 10 letters of cijfers bevatten.",
            )
            .at("adres.huisnummertoevoeging"));
        }
        if blank(&a.postcode) {
            add(Error::new("REQUIRED", "De postcode ontbreekt.").at("adres.postcode"));
        } else if let Err(e) = validate::postcode(&a.postcode) {
            add(e.at("adres.postcode"));
        }
        if blank(&a.place) {
            add(Error::new("REQUIRED", "De woonplaats ontbreekt.").at("adres.woonplaats"));
        } else if too_long(&a.place, MAX_NAME_CHARS) {
            add(
                Error::new("TEXT_TOO_LONG", "De woonplaats is langer dan 100 tekens.")
                    .at("adres.woonplaats"),
            );
        }
        if blank(&self.gemeente) {
            add(Error::new("REQUIRED", "De woongemeente ontbreekt.").at("gemeente"));
        } else if too_long(&self.gemeente, MAX_NAME_CHARS) {
            add(
                Error::new("TEXT_TOO_LONG", "De woongemeente is langer dan 100 tekens.")
                    .at("gemeente"),
            );
        }

        // Contact.
        let has_phone = self.phones.iter().any(|p| !blank(p));
        let has_email = self.email.as_deref().is_some_and(|e| !blank(e));
        if !has_phone && !has_email {
            add(Error::new(
                "CONTACT_REQUIRED",
                "Vul minstens één telefoonnummer of een e-mailadres in.",
            )
            .at("contact"));
        }
        for (i, p) in self.phones.iter().enumerate() {
            if blank(p) {
                add(Error::new("REQUIRED", "Dit telefoonnummer is leeg.")
                    .at(format!("telefoon[{i}]")));
            } else if let Err(e) = validate::phone(p) {
                add(e.at(format!("telefoon[{i}]")));
            }
        }
        if let Some(email) = self.email.as_deref().filter(|e| !blank(e))
            && let Err(e) = validate::email(email)
        {
            add(e.at("email"));
        }

        // Identity and finances.
        if let Some(bsn) = self.bsn.as_deref().filter(|b| !blank(b)) {
            if let Err(e) = validate::bsn(bsn) {
                add(e.at("bsn"));
            }
        } else if step >= Step::Agreement {
            add(Error::new("REQUIRED", "Voor de huurovereenkomst is het BSN nodig.").at("bsn"));
        }
        if let Some(iban) = self.iban.as_deref().filter(|i| !blank(i))
            && let Err(e) = validate::iban(iban)
        {
            add(e.at("iban"));
        }
        if let Some(income) = self.income {
            if income.yearly_amount_euros > MAX_YEARLY_INCOME_EUROS {
                add(Error::new(
                    "INCOME_INVALID",
                    "Het jaarinkomen is onwaarschijnlijk hoog; vul het bedrag in hele euro's per jaar in.",
                )
                .at("inkomen.bedrag"));
            }
        } else if step >= Step::PlacementProfile {
            add(Error::new(
                "REQUIRED",
                "Het inkomen ontbreekt; het is nodig voor de inkomensklasse van het bemiddelingsprofiel.",
            )
            .at("inkomen"));
        }
        if self.household_size == 0 || self.household_size > MAX_HOUSEHOLD_SIZE {
            add(Error::new(
                "HOUSEHOLD_SIZE_INVALID",
                "De huishoudgrootte moet tussen 1 en 12 personen liggen.",
            )
            .at("huishoudgrootte"));
        }
        if step >= Step::PlacementProfile {
            if self.birth_date.is_none() {
                add(Error::new(
                    "REQUIRED",
                    "De geboortedatum ontbreekt; die is nodig voor de leeftijdscategorie.",
                )
                .at("geboortedatum"));
            }
            if self.gender.is_none() {
                add(Error::new("REQUIRED", "Het geslacht ontbreekt.").at("geslacht"));
            }
            if self.living_situation.is_none() {
                add(Error::new("REQUIRED", "De woonsituatie ontbreekt.").at("woonsituatie"));
            }
        }

        // Free texts.
        for (value, field, label) in [
            (&self.education, "opleiding", "opleiding"),
            (&self.work, "werk", "werk"),
            (&self.social_network, "sociaalNetwerk", "sociaal netwerk"),
            (&self.finances, "financien", "financiën"),
            (&self.health, "gezondheid", "gezondheid"),
        ] {
            if too_long(value, MAX_TEXT_CHARS) {
                add(Error::new(
                    "TEXT_TOO_LONG",
                    format!("De tekst bij {label} is langer dan {MAX_TEXT_CHARS} tekens."),
                )
                .at(field));
            }
        }

        // Documents.
        for (kind, entry) in self.documents.entries() {
            if entry.status == DocumentStatus::Received && entry.date.is_none() {
                add(Error::new(
                    "DOCUMENT_DATE_MISSING",
                    format!("Vul de datum van ontvangst in bij '{}'.", kind.dutch()),
                )
                .at(format!("documenten.{}.datum", kind.key())));
            }
        }
        let ruling = self.documents.bewindvoering_ruling.status;
        if self.budget_management && ruling == DocumentStatus::NotApplicable {
            add(Error::new(
                "DOCUMENT_INCONSISTENT",
                "De inwoner staat onder bewind: de beschikking bewindvoering is dan wel van toepassing.",
            )
            .at("documenten.beschikkingBewindvoering.status"));
        }
        if !self.budget_management && ruling == DocumentStatus::Received {
            add(Error::new(
                "DOCUMENT_INCONSISTENT",
                "Er is een beschikking bewindvoering ontvangen, maar 'onder bewind' staat uit.",
            )
            .at("onderBewind"));
        }

        // Professional contacts and gates.
        for (contact, field) in [
            (&self.care_provider, "zorgaanbieder"),
            (&self.wmo_consultant, "wmoConsulent"),
        ] {
            if let Some(c) = contact {
                if blank(&c.organisation) {
                    add(Error::new("REQUIRED", "De organisatie ontbreekt.")
                        .at(format!("{field}.organisatie")));
                }
                if too_long(&c.organisation, MAX_NAME_CHARS) || too_long(&c.person, MAX_NAME_CHARS)
                {
                    add(
                        Error::new("TEXT_TOO_LONG", "Een naam is langer dan 100 tekens.").at(field),
                    );
                }
            }
        }
        for (i, r) in self.gates.iter().enumerate() {
            if blank(&r.actor) || too_long(&r.actor, MAX_ACTOR_CHARS) {
                add(Error::new(
                    "GATE_ACTOR_MISSING",
                    "Vul in wie de poort vastlegde (rol of organisatie, hoogstens 200 tekens).",
                )
                .at(format!("poorten[{i}].actor")));
            }
        }
        errors
    }

    /// The identifying values of this dossier, for the scanner and the leak guard. Name parts
    /// include each first name, the surname, the parts of a double surname and the surname with
    /// its tussenvoegsel; values are given as typed and, where they validate, in canonical form.
    pub fn known(&self) -> Known {
        let mut k = Known::default();
        let n = &self.name;
        for word in n.first_names.split_whitespace() {
            push_unique(&mut k.name_parts, word);
            if word.contains('-') {
                for part in word.split('-') {
                    push_unique(&mut k.name_parts, part);
                }
            }
        }
        for word in n.call_name.split(|c: char| c.is_whitespace() || c == '-') {
            push_unique(&mut k.name_parts, word);
        }
        let surname = n.surname.trim();
        push_unique(&mut k.name_parts, surname);
        // A double surname ("Jansen-de Vries") or one typed with its tussenvoegsel: each real
        // name word counts, the tussenvoegsel words are kept apart.
        let words: Vec<&str> = surname
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() > 1 {
            for w in words {
                if is_tussenvoegsel_word(w) {
                    push_unique(&mut k.tussenvoegsels, w);
                } else {
                    push_unique(&mut k.name_parts, w);
                }
            }
        }
        let tv = n
            .tussenvoegsel
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !tv.is_empty() {
            push_unique(&mut k.tussenvoegsels, &tv);
            if !surname.is_empty() {
                push_unique(&mut k.name_parts, &format!("{tv} {surname}"));
            }
        }

        k.bsn = self
            .bsn
            .as_deref()
            .filter(|b| !blank(b))
            .map(|b| validate::bsn(b).unwrap_or_else(|_| b.trim().to_string()));
        k.birth_date = self.birth_date;

        let a = &self.address;
        let street = a.street.split_whitespace().collect::<Vec<_>>().join(" ");
        if !street.is_empty() && a.house_number > 0 {
            let base = format!("{street} {}", a.house_number);
            let addition = a.house_number_addition.trim();
            if !addition.is_empty() {
                push_unique(&mut k.street_addresses, &format!("{base} {addition}"));
            }
            push_unique(&mut k.street_addresses, &base);
        }
        if !blank(&a.postcode) {
            let pc =
                validate::postcode(&a.postcode).unwrap_or_else(|_| a.postcode.trim().to_string());
            push_unique(&mut k.postcodes, &pc);
        }

        for p in &self.phones {
            push_unique(&mut k.phones, p);
            if let Ok(e164) = validate::phone(p) {
                if let Some(national) = e164.strip_prefix("+31") {
                    push_unique(&mut k.phones, &format!("0{national}"));
                }
                push_unique(&mut k.phones, &e164);
            }
        }
        if let Some(email) = self.email.as_deref().filter(|e| !blank(e)) {
            let e = validate::email(email).unwrap_or_else(|_| email.trim().to_string());
            push_unique(&mut k.emails, &e);
        }
        if let Some(iban) = self.iban.as_deref().filter(|i| !blank(i)) {
            push_unique(&mut k.ibans, iban);
            if let Ok(canonical) = validate::iban(iban) {
                push_unique(&mut k.ibans, &canonical);
            }
        }
        for contact in [&self.care_provider, &self.wmo_consultant]
            .into_iter()
            .flatten()
        {
            for word in contact
                .person
                .split(|c: char| c.is_whitespace() || c == '-')
                .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
                .filter(|w| !is_tussenvoegsel_word(w))
            {
                push_unique(&mut k.contact_names, word);
            }
        }
        k
    }
}

pub(crate) fn archived_error() -> Error {
    Error::new(
        "DOSSIER_ARCHIVED",
        "Dit dossier is gearchiveerd; er kan niets meer mee worden gedeeld of vastgelegd.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    pub(crate) fn sample() -> Dossier {
        let mut x = Dossier::new("dossier-1");
        x.name = PersonName {
            first_names: "Anna Maria".into(),
            tussenvoegsel: "van der".into(),
            surname: "Berg".into(),
            call_name: String::new(),
        };
        x.address = Address {
            kind: Default::default(),
            street: "Kerkstraat".into(),
            house_number: 12,
            house_number_addition: "a".into(),
            postcode: "5911ab".into(),
            place: "Venlo".into(),
        };
        x.gemeente = "Venlo".into();
        x.phones = vec!["06-12345678".into()];
        x.email = Some("Anna@Example.nl".into());
        x.birth_date = Some(d("2001-04-03"));
        x.bsn = Some("9999 94 669".into());
        x.gender = Some(Gender::Female);
        x.income = Some(Income {
            yearly_amount_euros: 18_000,
            source: IncomeSource::Benefits,
        });
        x.living_situation = Some(LivingSituation::ShelteredHousing);
        x.iban = Some("nl91 abna 0417 1643 00".into());
        x
    }

    #[test]
    fn a_good_dossier_has_no_errors_at_any_step() {
        let x = sample();
        for step in Step::ALL {
            assert_eq!(x.validate_for(step), vec![], "{step:?}");
        }
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let mut x = Dossier::new("");
        x.address.postcode = "0123 AB".into();
        x.phones = vec!["12".into(), " ".into()];
        x.email = Some("geen-adres".into());
        x.bsn = Some("123456789".into());
        x.iban = Some("NL00BANK0000000000".into());
        x.household_size = 0;
        x.health = "x".repeat(MAX_TEXT_CHARS + 1);
        x.documents.brp_extract.status = DocumentStatus::Received;
        x.budget_management = true;
        x.documents.bewindvoering_ruling.status = DocumentStatus::NotApplicable;
        x.name.first_names = "Jan3".into();
        let errors = x.validate_for(Step::Agreement);
        let fields: Vec<&str> = errors.iter().filter_map(|e| e.field.as_deref()).collect();
        for want in [
            "id",
            "naam.voornamen",
            "naam.achternaam",
            "adres.straat",
            "adres.huisnummer",
            "adres.postcode",
            "adres.woonplaats",
            "gemeente",
            "telefoon[0]",
            "telefoon[1]",
            "email",
            "bsn",
            "iban",
            "inkomen",
            "huishoudgrootte",
            "geboortedatum",
            "geslacht",
            "woonsituatie",
            "gezondheid",
            "documenten.brpUittreksel.datum",
            "documenten.beschikkingBewindvoering.status",
        ] {
            assert!(fields.contains(&want), "missing {want} in {fields:?}");
        }
        assert_eq!(errors.len(), fields.len(), "every error names its field");
        for e in &errors {
            assert!(!e.message.contains("0123") && !e.message.contains("Jan3"));
            assert!(!e.message.contains("123456789") && !e.message.contains("geen-adres"));
        }
    }

    #[test]
    fn requirements_grow_with_the_step() {
        let mut x = sample();
        x.bsn = None;
        x.birth_date = None;
        assert!(x.validate_for(Step::Investigation).is_empty());
        let fields = |s| {
            x.validate_for(s)
                .into_iter()
                .filter_map(|e| e.field)
                .collect::<Vec<_>>()
        };
        assert_eq!(fields(Step::PlacementProfile), vec!["geboortedatum"]);
        assert_eq!(fields(Step::Agreement), vec!["bsn", "geboortedatum"]);
    }

    #[test]
    fn contact_needs_phone_or_email() {
        let mut x = sample();
        x.phones.clear();
        assert!(x.validate().is_empty());
        x.email = None;
        let e = x.validate();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].code, "CONTACT_REQUIRED");
    }

    #[test]
    fn gates_in_order_with_dates_and_actor() {
        let mut x = sample();
        assert_eq!(
            x.record_gate(Gate::MatchAccepted, d("2026-01-05"), "Woningcorporatie")
                .unwrap_err()
                .code,
            "GATE_ORDER"
        );
        assert_eq!(
            x.record_gate(Gate::ConsentToRegister, d("2026-01-05"), "  ")
                .unwrap_err()
                .code,
            "GATE_ACTOR_MISSING"
        );
        x.record_gate(
            Gate::ConsentToRegister,
            d("2026-01-05"),
            " Zorgaanbieder De Brug ",
        )
        .unwrap();
        assert_eq!(
            x.gate_record(Gate::ConsentToRegister).unwrap().actor,
            "Zorgaanbieder De Brug"
        );
        assert_eq!(
            x.record_gate(
                Gate::EligibilityAndSupportPlan,
                d("2026-01-04"),
                "Wmo Venlo"
            )
            .unwrap_err()
            .code,
            "GATE_DATE_INVALID"
        );
        let e = x.check_gates(Step::PlacementProfile).unwrap_err();
        assert_eq!(e.code, "GATE_MISSING");
        assert!(e.message.contains("poorten"));
        x.record_gate(
            Gate::EligibilityAndSupportPlan,
            d("2026-02-01"),
            "Wmo Venlo",
        )
        .unwrap();
        let e = x.advance_to(Step::PlacementProfile).unwrap_err();
        assert_eq!(
            e.message,
            "Stap 4 kan pas na de poort 'Toestemming om gegevens aan de ketenregisseur of procesregisseur te geven'."
        );
        x.record_gate(
            Gate::ConsentToShareWithCoordinator,
            d("2026-02-01"),
            "Wmo Venlo",
        )
        .unwrap();
        x.advance_to(Step::PlacementProfile).unwrap();
        assert_eq!(x.step, Step::PlacementProfile);
        assert!(x.check_gates(Step::Agreement).is_err());
        x.archived = true;
        assert_eq!(
            x.record_gate(Gate::MatchAccepted, d("2026-03-01"), "Woonwaard")
                .unwrap_err()
                .code,
            "DOSSIER_ARCHIVED"
        );
    }

    #[test]
    fn known_values() {
        let mut x = sample();
        x.name.surname = "Berg-Öztürk".into();
        let k = x.known();
        for p in [
            "Anna",
            "Maria",
            "Berg-Öztürk",
            "Berg",
            "Öztürk",
            "van der Berg-Öztürk",
        ] {
            assert!(
                k.name_parts.iter().any(|n| n == p),
                "{p} in {:?}",
                k.name_parts
            );
        }
        assert_eq!(k.tussenvoegsels, vec!["van der"]);
        assert_eq!(k.bsn.as_deref(), Some("999994669"));
        assert_eq!(k.birth_date, x.birth_date);
        assert_eq!(k.street_addresses, vec!["Kerkstraat 12 a", "Kerkstraat 12"]);
        assert_eq!(k.postcodes, vec!["5911 AB"]);
        assert_eq!(k.phones, vec!["06-12345678", "0612345678", "+31612345678"]);
        assert_eq!(k.emails, vec!["anna@example.nl"]);
        assert_eq!(
            k.ibans,
            vec!["nl91 abna 0417 1643 00", "NL91ABNA0417164300"]
        );
    }

    #[test]
    fn surname_typed_with_tussenvoegsel_keeps_the_words_apart() {
        let mut x = sample();
        x.name.tussenvoegsel.clear();
        x.name.surname = "van den Heuvel".into();
        let k = x.known();
        assert!(k.name_parts.contains(&"Heuvel".to_string()));
        assert!(!k.name_parts.contains(&"van".to_string()));
        assert!(k.tussenvoegsels.contains(&"den".to_string()));
    }

    #[test]
    fn empty_dossier_knows_nothing() {
        assert_eq!(Dossier::new("x").known(), Known::default());
    }

    #[test]
    fn serde_round_trip_and_partial_input() {
        let x = sample();
        let json = serde_json::to_string(&x).unwrap();
        assert!(json.contains("\"firstNames\"") && json.contains("\"householdSize\":1"));
        let back: Dossier = serde_json::from_str(&json).unwrap();
        assert_eq!(back, x);
        let partial: Dossier = serde_json::from_str(r#"{"id":"a1","gemeente":"Venlo"}"#).unwrap();
        assert_eq!(partial.household_size, 1);
        assert_eq!(partial.step, Step::Orientation);
    }
}
