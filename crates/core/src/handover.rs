//! Step 6: the hand-over (overdracht) to the one housing association of an accepted match.
//!
//! This is the only place where the resident's identity goes to an association, and only for
//! the lease: NAW, contact, date of birth, gender, BSN, the placement profile and the list of the
//! step-3 documents to hand over, on the grondslag "performance of a private-law contract"
//! (art. 6(1)(b) AVG). It is a type of its own, so it cannot end up in a coded bundle, and it is
//! made only after the match-accepted gate and an explicit confirmation naming that grondslag.

use crate::date::Date;
use crate::dossier::{
    Address, DocumentKind, DocumentStatus, Dossier, PersonName, archived_error, redacted,
};
use crate::error::{Error, Result};
use crate::profile::{Gender, PlacementProfile};
use crate::register::{Category, Gate, Step, row};
use crate::validate;
use crate::vocab::Dutch;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const FORMAT: &str = "woonkans-overdracht";
pub const VERSION: u32 = 1;
/// The grondslag the confirmation must name, as written in the hand-over.
pub const GRONDSLAG: &str =
    "Uitvoeren van een privaatrechtelijke overeenkomst (art. 6 lid 1 sub b AVG)";

/// The categories of row 6 that a hand-over of this dossier actually carries, for its log
/// entry. The hand-over lists every applicable document with its status, but only a received
/// document is in the coordinator's hands to pass on: one still requested, or not applicable,
/// was not disclosed and must not appear in the log as if it were.
pub fn handed_over_categories(dossier: &Dossier) -> Vec<Category> {
    let sent = |kind: DocumentKind| dossier.documents.get(kind).status == DocumentStatus::Received;
    row(Step::Agreement)
        .categories
        .iter()
        .copied()
        .filter(|c| match c {
            Category::LandlordStatement => sent(DocumentKind::LandlordStatement),
            Category::BrpExtract => sent(DocumentKind::BrpExtract),
            Category::IncomeStatement => sent(DocumentKind::IncomeStatement),
            Category::BewindvoeringRuling => sent(DocumentKind::BewindvoeringRuling),
            _ => true,
        })
        .collect()
}

/// The coordinator's explicit confirmation before the hand-over is made.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct HandoverConfirmation {
    /// The coordinator ticked "the data is handed over for the lease, on the grondslag
    /// performance of a private-law contract (art. 6(1)(b) AVG)".
    pub grondslag_confirmed: bool,
    /// Role or name of the one who confirms.
    pub confirmed_by: String,
    pub date: Date,
}

impl fmt::Debug for HandoverConfirmation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HandoverConfirmation")
            .field("grondslag_confirmed", &self.grondslag_confirmed)
            .field("confirmed_by", &"…")
            .field("date", &self.date)
            .finish()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct AssociationRef {
    pub id: String,
    pub name: String,
}

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct ResidentContact {
    /// E.164 ("+31612345678").
    pub phones: Vec<String>,
    pub email: Option<String>,
}

/// One step-3 document the resident hands over for the lease.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct HandoverDocument {
    pub document: DocumentKind,
    pub label: String,
    pub status: DocumentStatus,
    pub date: Option<Date>,
}

impl fmt::Debug for HandoverDocument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(
            f,
            "HandoverDocument",
            &["document", "label", "status", "date"],
        )
    }
}

/// The hand-over file for one association.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Handover {
    pub format: String,
    pub version: u32,
    pub association: AssociationRef,
    pub name: PersonName,
    /// Postcode in the form "1234 AB".
    pub address: Address,
    pub gemeente: String,
    pub contact: ResidentContact,
    pub birth_date: Date,
    pub gender: Gender,
    /// Nine digits.
    pub bsn: String,
    pub profile: PlacementProfile,
    /// The applicable documents (a bewindvoering ruling only when there is one).
    pub documents_to_hand_over: Vec<HandoverDocument>,
    /// Why it goes although a document the lease needs is missing (absent when none is).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional = nullable))]
    pub missing_documents: Option<crate::dossier::MissingDocumentsReason>,
    pub grondslag: String,
    pub doel: String,
    pub confirmation: HandoverConfirmation,
}

impl fmt::Debug for Handover {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        redacted(
            f,
            "Handover",
            &[
                "association",
                "name",
                "address",
                "gemeente",
                "contact",
                "birth_date",
                "gender",
                "bsn",
                "profile",
                "documents_to_hand_over",
                "missing_documents",
                "confirmation",
            ],
        )
    }
}

/// Field prefixes of the dossier data the hand-over carries: problems there block it, problems
/// elsewhere (a free text that is too long) do not.
const HANDOVER_FIELDS: [&str; 10] = [
    "id",
    "naam",
    "adres",
    "gemeente",
    "contact",
    "telefoon",
    "email",
    "geboortedatum",
    "geslacht",
    "bsn",
];

fn carried(field: &str) -> bool {
    HANDOVER_FIELDS.iter().any(|p| {
        field == *p || field.starts_with(&format!("{p}.")) || field.starts_with(&format!("{p}["))
    }) || field.starts_with("documenten.")
}

fn association_id_ok(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Makes the step-6 hand-over of `dossier` for one association. Refused (`GATE_MISSING`) until
/// every gate up to "match accepted" is recorded, (`CONFIRMATION_MISSING`) unless the
/// confirmation explicitly confirms the grondslag and says who confirms, and
/// (`DOSSIER_INCOMPLETE`) while the data it carries is incomplete or invalid, and
/// (`DOCUMENTS_INCOMPLETE`) while a document the lease needs is missing without a recorded
/// reason (`DocumentChecklist::ready_for_lease`).
pub fn handover(
    dossier: &Dossier,
    profile: &PlacementProfile,
    association_id: &str,
    association_name: &str,
    confirmation: HandoverConfirmation,
) -> Result<Handover> {
    if dossier.archived {
        return Err(archived_error());
    }
    dossier.check_gates(Step::Agreement)?;
    if !confirmation.grondslag_confirmed {
        return Err(Error::new(
            "CONFIRMATION_MISSING",
            format!(
                "Bevestig eerst dat de gegevens worden overgedragen voor de huurovereenkomst, op de grondslag '{GRONDSLAG}'."
            ),
        )
        .at("bevestiging.grondslag"));
    }
    if confirmation.confirmed_by.trim().is_empty() {
        return Err(Error::new(
            "CONFIRMATION_MISSING",
            "Vul in wie de overdracht bevestigt.",
        )
        .at("bevestiging.door"));
    }
    let accepted = dossier
        .gate_record(Gate::MatchAccepted)
        .map(|r| r.date)
        .ok_or_else(|| {
            crate::register::gate_missing_error(Step::Agreement, &[Gate::MatchAccepted])
        })?;
    if confirmation.date < accepted {
        return Err(Error::new(
            "CONFIRMATION_DATE_INVALID",
            "De bevestiging kan niet vóór de aanvaarding van de match liggen.",
        )
        .at("bevestiging.datum"));
    }
    let association_id = association_id.trim();
    if !association_id_ok(association_id) {
        return Err(Error::new(
            "ASSOCIATION_INVALID",
            "Kies de woningcorporatie van de aanvaarde match (id: letters, cijfers, - en _).",
        )
        .at("woningcorporatie.id"));
    }
    let association_name = association_name.trim();
    if association_name.is_empty() {
        return Err(Error::new(
            "ASSOCIATION_INVALID",
            "De naam van de woningcorporatie ontbreekt.",
        )
        .at("woningcorporatie.naam"));
    }
    profile.validate()?;

    let problems: Vec<Error> = dossier
        .validate_for(Step::Agreement)
        .into_iter()
        .filter(|e| e.field.as_deref().is_some_and(carried))
        .collect();
    if let Some(first) = problems.first() {
        let fields: Vec<&str> = problems.iter().filter_map(|e| e.field.as_deref()).collect();
        return Err(Error::new(
            "DOSSIER_INCOMPLETE",
            format!(
                "Het dossier is nog niet compleet voor de overdracht. Controleer: {}.",
                fields.join(", ")
            ),
        )
        .at(first.field.clone().unwrap_or_default()));
    }
    let missing_documents = dossier
        .documents
        .ready_for_lease(dossier.budget_management)?;
    // validate_for(Agreement) guarantees these; the errors keep this free of panics regardless.
    let birth_date = dossier
        .birth_date
        .ok_or_else(|| Error::new("REQUIRED", "De geboortedatum ontbreekt.").at("geboortedatum"))?;
    let gender = dossier
        .gender
        .ok_or_else(|| Error::new("REQUIRED", "Het geslacht ontbreekt.").at("geslacht"))?;
    let bsn = validate::bsn(dossier.bsn.as_deref().unwrap_or_default()).map_err(|e| e.at("bsn"))?;

    let mut address = dossier.address.clone();
    address.postcode = validate::postcode(&address.postcode).map_err(|e| e.at("adres.postcode"))?;
    let phones = dossier
        .phones
        .iter()
        .map(|p| validate::phone(p))
        .collect::<Result<Vec<_>>>()?;
    let email = match dossier.email.as_deref().filter(|e| !e.trim().is_empty()) {
        Some(e) => Some(validate::email(e)?),
        None => None,
    };
    let gemeente = crate::region::canonical_gemeente(&dossier.gemeente)
        .map(str::to_string)
        .unwrap_or_else(|| dossier.gemeente.trim().to_string());

    let documents_to_hand_over = dossier
        .documents
        .entries()
        .into_iter()
        .filter(|(_, e)| e.status != DocumentStatus::NotApplicable)
        .map(|(kind, e)| HandoverDocument {
            document: kind,
            label: kind.dutch().to_string(),
            status: e.status,
            date: e.date,
        })
        .collect();

    Ok(Handover {
        format: FORMAT.to_string(),
        version: VERSION,
        association: AssociationRef {
            id: association_id.to_string(),
            name: association_name.to_string(),
        },
        name: dossier.name.clone(),
        address,
        gemeente,
        contact: ResidentContact { phones, email },
        birth_date,
        gender,
        bsn,
        profile: profile.clone(),
        documents_to_hand_over,
        missing_documents,
        grondslag: GRONDSLAG.to_string(),
        doel: row(Step::Agreement).doel.to_string(),
        confirmation: HandoverConfirmation {
            confirmed_by: confirmation.confirmed_by.trim().to_string(),
            ..confirmation
        },
    })
}

impl Handover {
    /// The download name: association id and date only, never personal data.
    pub fn file_name(&self) -> String {
        format!(
            "{FORMAT}-{}-{}.json",
            self.association.id,
            self.confirmation.date.iso()
        )
    }

    /// Pretty JSON, as written to the file.
    pub fn to_json(&self) -> String {
        // Serialising plain data structures cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The hand-over as a download: its file name, its text and the hand-over itself.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct HandoverFile {
    /// Association id and date only.
    pub file_name: String,
    /// The file's text (JSON).
    pub json: String,
    pub handover: Handover,
}

/// `handover`, ready to download.
pub fn handover_file(
    dossier: &Dossier,
    profile: &PlacementProfile,
    association_id: &str,
    association_name: &str,
    confirmation: HandoverConfirmation,
) -> Result<HandoverFile> {
    let h = handover(
        dossier,
        profile,
        association_id,
        association_name,
        confirmation,
    )?;
    Ok(HandoverFile {
        file_name: h.file_name(),
        json: h.to_json(),
        handover: h,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::{Income, IncomeSource};
    use crate::profile::{
        AgeBand, ContractForm, History, HousingForm, IncomeBand, LivingSituation, Mobility,
        SafetyPlan, SelfReliance,
    };

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn profile() -> PlacementProfile {
        PlacementProfile {
            gender: Gender::Female,
            living_situation: LivingSituation::ShelteredHousing,
            mobility: Mobility::StepFree,
            self_reliance: SelfReliance {
                household_care: 3,
                work_day_activities: 2,
                social_network: 3,
                social_self_reliance: 3,
                finances_debts: 2,
            },
            notes: Default::default(),
            search_area: vec!["Venlo".into()],
            excluded_neighbourhoods: vec![],
            housing_form: HousingForm::InComplex,
            rent_arrears: History::None,
            nuisance: History::None,
            budget_management: true,
            contract_form: ContractForm::RegularLease,
            support_hours_per_week: 6.0,
            reachable_24_7: true,
            relapse_plan: None,
            safety_plan: SafetyPlan::NotNeeded,
            household_size: 1,
            age_band: AgeBand::From23To27,
            income_band: IncomeBand::AtOrBelowLimit,
            max_rent_cents: 68_296,
        }
    }

    fn dossier() -> Dossier {
        let mut x = Dossier::new("h1");
        x.name = PersonName {
            first_names: "Sanne".into(),
            tussenvoegsel: "de".into(),
            surname: "Wit".into(),
            call_name: String::new(),
        };
        x.address = Address {
            kind: Default::default(),
            street: "Maasboulevard".into(),
            house_number: 3,
            house_number_addition: String::new(),
            postcode: "5911cc".into(),
            place: "Venlo".into(),
        };
        x.gemeente = "venlo".into();
        x.phones = vec!["077-1234567".into()];
        x.email = Some("Sanne@Voorbeeld.NL".into());
        x.birth_date = Some(d("2000-09-30"));
        x.bsn = Some("999994669".into());
        x.gender = Some(Gender::Female);
        x.living_situation = Some(LivingSituation::ShelteredHousing);
        x.income = Some(Income {
            yearly_amount_euros: 16_000,
            source: IncomeSource::Wajong,
        });
        x.health = "epilepsie".into();
        x.budget_management = true;
        x.documents.brp_extract.status = DocumentStatus::Received;
        x.documents.brp_extract.date = Some(d("2026-01-10"));
        x.documents.bewindvoering_ruling.status = DocumentStatus::Received;
        x.documents.bewindvoering_ruling.date = Some(d("2026-01-12"));
        x.documents.landlord_statement.status = DocumentStatus::NotApplicable;
        x.documents.income_statement.status = DocumentStatus::Received;
        x.documents.income_statement.date = Some(d("2026-01-15"));
        for (g, day) in [
            (Gate::ConsentToRegister, "2026-01-02"),
            (Gate::EligibilityAndSupportPlan, "2026-02-01"),
            (Gate::ConsentToShareWithCoordinator, "2026-02-01"),
            (Gate::MatchAccepted, "2026-04-01"),
        ] {
            x.record_gate(g, d(day), "Ketenregisseur Noord-Limburg")
                .unwrap();
        }
        x
    }

    fn confirmation() -> HandoverConfirmation {
        HandoverConfirmation {
            grondslag_confirmed: true,
            confirmed_by: " Ketenregisseur ".into(),
            date: d("2026-04-02"),
        }
    }

    #[test]
    fn grondslag_is_the_registers() {
        use crate::register::Grondslag;
        assert_eq!(row(Step::Agreement).grondslagen, &[Grondslag::Contract]);
        assert!(GRONDSLAG.contains(Grondslag::Contract.article()));
    }

    #[test]
    fn a_missing_document_needs_a_recorded_reason() {
        use crate::dossier::MissingDocumentsReason;
        let mut x = dossier();
        x.documents.income_statement.status = DocumentStatus::Requested;
        x.documents.brp_extract.status = DocumentStatus::Requested;
        let e = handover(&x, &profile(), "woonwaard", "Woonwaard", confirmation()).unwrap_err();
        assert_eq!(e.code, "DOCUMENTS_INCOMPLETE");
        assert!(
            e.message.contains("ontbreken nog 2 documenten"),
            "{}",
            e.message
        );
        assert_eq!(e.field.as_deref(), Some("documenten"));
        x.documents.missing_reason = Some(MissingDocumentsReason::FollowsLater);
        let h = handover(&x, &profile(), "woonwaard", "Woonwaard", confirmation()).unwrap();
        assert_eq!(
            h.missing_documents,
            Some(MissingDocumentsReason::FollowsLater)
        );
        let json: serde_json::Value = serde_json::from_str(&h.to_json()).unwrap();
        assert_eq!(json["missingDocuments"], "followsLater");
        // Without a bewindvoering, its ruling is not asked for; with every document in, a
        // reason left from before is not carried.
        let mut y = dossier();
        y.budget_management = false;
        y.documents.bewindvoering_ruling.status = DocumentStatus::Requested;
        y.documents.missing_reason = Some(MissingDocumentsReason::DoesNotExist);
        let h = handover(&y, &profile(), "woonwaard", "Woonwaard", confirmation()).unwrap();
        assert_eq!(h.missing_documents, None);
        let json: serde_json::Value = serde_json::from_str(&h.to_json()).unwrap();
        assert!(json.get("missingDocuments").is_none());
    }

    #[test]
    fn good_handover() {
        let h = handover(
            &dossier(),
            &profile(),
            "woonwaard",
            "Woonwaard",
            confirmation(),
        )
        .unwrap();
        assert_eq!(h.bsn, "999994669");
        assert_eq!(h.address.postcode, "5911 CC");
        assert_eq!(h.contact.phones, vec!["+31771234567"]);
        assert_eq!(h.contact.email.as_deref(), Some("sanne@voorbeeld.nl"));
        assert_eq!(h.gemeente, "Venlo");
        assert_eq!(h.grondslag, GRONDSLAG);
        assert_eq!(h.confirmation.confirmed_by, "Ketenregisseur");
        let kinds: Vec<DocumentKind> = h
            .documents_to_hand_over
            .iter()
            .map(|d| d.document)
            .collect();
        assert_eq!(
            kinds,
            vec![
                DocumentKind::BrpExtract,
                DocumentKind::IncomeStatement,
                DocumentKind::BewindvoeringRuling
            ]
        );
        assert_eq!(
            h.file_name(),
            "woonkans-overdracht-woonwaard-2026-04-02.json"
        );
        let json = h.to_json();
        assert!(json.contains("\"bsn\": \"999994669\""));
        assert!(json.contains("art. 6 lid 1 sub b AVG"));
        // Health and income never go to the association, not even in step 6.
        assert!(!json.contains("epilepsie") && !json.contains("16000"));
        let back: Handover = serde_json::from_str(&json).unwrap();
        assert_eq!(back, h);
        let dbg = format!("{h:?}");
        assert!(!dbg.contains("999994669") && !dbg.contains("Wit"));
    }

    #[test]
    fn refused_without_the_match_gate() {
        let mut x = dossier();
        x.gates.retain(|g| g.gate != Gate::MatchAccepted);
        let e = handover(&x, &profile(), "woonwaard", "Woonwaard", confirmation()).unwrap_err();
        assert_eq!(e.code, "GATE_MISSING");
        assert!(e.message.contains("Match aanvaard"));
    }

    #[test]
    fn refused_without_explicit_confirmation() {
        let mut c = confirmation();
        c.grondslag_confirmed = false;
        let e = handover(&dossier(), &profile(), "woonwaard", "Woonwaard", c).unwrap_err();
        assert_eq!(e.code, "CONFIRMATION_MISSING");
        assert!(e.message.contains("art. 6 lid 1 sub b AVG"));
        let mut c = confirmation();
        c.confirmed_by = "  ".into();
        let e = handover(&dossier(), &profile(), "woonwaard", "Woonwaard", c).unwrap_err();
        assert_eq!(e.code, "CONFIRMATION_MISSING");
        let mut c = confirmation();
        c.date = d("2026-03-31");
        let e = handover(&dossier(), &profile(), "woonwaard", "Woonwaard", c).unwrap_err();
        assert_eq!(e.code, "CONFIRMATION_DATE_INVALID");
    }

    #[test]
    fn refused_for_bad_association_profile_or_dossier() {
        let x = dossier();
        for (id, name) in [
            ("", "Woonwaard"),
            ("woon waard", "Woonwaard"),
            ("woonwaard", " "),
        ] {
            let e = handover(&x, &profile(), id, name, confirmation()).unwrap_err();
            assert_eq!(e.code, "ASSOCIATION_INVALID");
        }
        let mut p = profile();
        p.household_size = 0;
        assert_eq!(
            handover(&x, &p, "woonwaard", "Woonwaard", confirmation())
                .unwrap_err()
                .code,
            "PROFILE_INVALID"
        );
        let mut y = dossier();
        y.bsn = Some("123456789".into());
        y.phones.push("12".into());
        let e = handover(&y, &profile(), "woonwaard", "Woonwaard", confirmation()).unwrap_err();
        assert_eq!(e.code, "DOSSIER_INCOMPLETE");
        assert!(e.message.contains("telefoon[1]") && e.message.contains("bsn"));
        assert!(!e.message.contains("123456789"));
        let mut z = dossier();
        z.bsn = None;
        let e = handover(&z, &profile(), "woonwaard", "Woonwaard", confirmation()).unwrap_err();
        assert_eq!(e.field.as_deref(), Some("bsn"));
        // A too-long note on health does not block the lease: it is not handed over.
        let mut w = dossier();
        w.health = "x".repeat(crate::dossier::MAX_TEXT_CHARS + 1);
        assert!(handover(&w, &profile(), "woonwaard", "Woonwaard", confirmation()).is_ok());
        let mut a = dossier();
        a.archived = true;
        assert_eq!(
            handover(&a, &profile(), "woonwaard", "Woonwaard", confirmation())
                .unwrap_err()
                .code,
            "DOSSIER_ARCHIVED"
        );
    }
}
