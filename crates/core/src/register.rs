//! The processing register (verwerkingsregister) of the six Woonkans steps, as data.
//!
//! This table is the single source of truth for "dosering en fasering": the minimiser's views,
//! the gates, the hand-over and the screens that show the resident what is shared are all
//! derived from it or tested against it. Labels and purposes are the work process's Dutch
//! wording (the seed); `docs/REGISTER.md` describes the table and `docs/PRODUCT.md` the process.

use crate::error::{Error, Result};
use crate::vocab::Dutch;
use serde::{Deserialize, Serialize};

/// The six steps of the Woonkans route (routeplanner).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Step {
    /// Oriëntatie: resident and care provider decide whether to register.
    #[default]
    Orientation = 1,
    /// Melding Wmo: the report to the gemeente's Wmo access team.
    WmoReport = 2,
    /// Onderzoek: the Wmo consultant's investigation (keukentafelgesprek).
    Investigation = 3,
    /// Bemiddelingsprofiel: the coordinator builds the placement profile.
    PlacementProfile = 4,
    /// Gesprek corporaties: coded profiles go to the housing associations.
    AssociationTalks = 5,
    /// Overeenkomst: the lease with one association.
    Agreement = 6,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Orientation,
        Step::WmoReport,
        Step::Investigation,
        Step::PlacementProfile,
        Step::AssociationTalks,
        Step::Agreement,
    ];

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(n: u8) -> Result<Step> {
        Step::ALL
            .into_iter()
            .find(|s| s.number() == n)
            .ok_or_else(|| Error::new("STEP_INVALID", "Een stap is een getal van 1 tot en met 6."))
    }
}

/// Every category of personal data the register names, at any step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Category {
    /// Naam, adres, woonplaats.
    Naw,
    Contact,
    BirthDate,
    Bsn,
    Gender,
    Education,
    Work,
    Income,
    SocialNetwork,
    LivingSituation,
    Finances,
    /// Special category (art. 9 AVG).
    Health,
    HouseholdCare,
    WorkDayActivities,
    Mobility,
    SocialSelfReliance,
    FinancesDebts,
    /// The relapse agreements (what happens if it goes wrong), shared with associations in step 5.
    RelapseAgreements,
    PlacementProfile,
    LandlordStatement,
    BrpExtract,
    IncomeStatement,
    BewindvoeringRuling,
}

impl Category {
    pub const ALL: [Category; 23] = [
        Category::Naw,
        Category::Contact,
        Category::BirthDate,
        Category::Bsn,
        Category::Gender,
        Category::Education,
        Category::Work,
        Category::Income,
        Category::SocialNetwork,
        Category::LivingSituation,
        Category::Finances,
        Category::Health,
        Category::HouseholdCare,
        Category::WorkDayActivities,
        Category::Mobility,
        Category::SocialSelfReliance,
        Category::FinancesDebts,
        Category::RelapseAgreements,
        Category::PlacementProfile,
        Category::LandlordStatement,
        Category::BrpExtract,
        Category::IncomeStatement,
        Category::BewindvoeringRuling,
    ];

    /// Special-category data under art. 9 AVG: extra protection, never in a placement profile.
    pub fn special_category(self) -> bool {
        matches!(self, Category::Health)
    }

    /// The four documents the Wmo consultant collects in step 3.
    pub fn is_document(self) -> bool {
        matches!(
            self,
            Category::LandlordStatement
                | Category::BrpExtract
                | Category::IncomeStatement
                | Category::BewindvoeringRuling
        )
    }
}

/// A generalised form of a category that a step may hold instead of the raw value: the
/// quasi-identifiers of the coordinator's view. Listed in the register so the resident's
/// overview shows them too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Derived {
    AgeBand,
    Gemeente,
    IncomeBand,
    HouseholdSize,
}

impl Derived {
    pub const ALL: [Derived; 4] = [
        Derived::AgeBand,
        Derived::Gemeente,
        Derived::IncomeBand,
        Derived::HouseholdSize,
    ];

    /// The category it is generalised from.
    pub fn source(self) -> Category {
        match self {
            Derived::AgeBand => Category::BirthDate,
            Derived::Gemeente => Category::Naw,
            Derived::IncomeBand => Category::Income,
            Derived::HouseholdSize => Category::LivingSituation,
        }
    }
}

/// Legal basis under art. 6(1) AVG.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Grondslag {
    /// Art. 6(1)(a): toestemming.
    Consent,
    /// Art. 6(1)(b): uitvoeren van een overeenkomst.
    Contract,
    /// Art. 6(1)(e): taak van algemeen belang / wettelijke taak, here the Wmo 2015.
    PublicTask,
}

impl Grondslag {
    pub fn article(self) -> &'static str {
        match self {
            Grondslag::Consent => "art. 6 lid 1 sub a AVG",
            Grondslag::Contract => "art. 6 lid 1 sub b AVG",
            Grondslag::PublicTask => "art. 6 lid 1 sub e AVG",
        }
    }
}

/// Who receives the data of a step: the recipient of that step's minimised view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Recipient {
    /// Step 1: the care provider who registers the resident with the resident's mandate.
    CareProvider,
    /// Step 2: the Wmo access team of the resident's gemeente.
    WmoAccessTeam,
    /// Step 3: the Wmo consultant who does the investigation.
    WmoConsultant,
    /// Step 4: the Ketenregisseur (Noord-Limburg) or Procesregisseur (Midden-Limburg).
    Coordinator,
    /// Step 5: the housing associations with housing stock in the search area, each under its
    /// own code.
    HousingAssociations,
    /// Step 6: the one association of the accepted match.
    MatchedAssociation,
}

/// A gate between two steps. Each is recorded in the dossier with a date and by whom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum Gate {
    /// 1 → 2: consent / mandate to register with the Wmo.
    ConsentToRegister,
    /// 3 → 4: eligibility established and support plan signed (= consent to mediation).
    EligibilityAndSupportPlan,
    /// 3 → 4: consent to hand the data to the coordinator.
    ConsentToShareWithCoordinator,
    /// 5 → 6: a match accepted by resident and association.
    MatchAccepted,
}

impl Gate {
    pub const ALL: [Gate; 4] = [
        Gate::ConsentToRegister,
        Gate::EligibilityAndSupportPlan,
        Gate::ConsentToShareWithCoordinator,
        Gate::MatchAccepted,
    ];

    /// The step this gate closes.
    pub fn from_step(self) -> Step {
        match self {
            Gate::ConsentToRegister => Step::Orientation,
            Gate::EligibilityAndSupportPlan | Gate::ConsentToShareWithCoordinator => {
                Step::Investigation
            }
            Gate::MatchAccepted => Step::AssociationTalks,
        }
    }

    /// The step this gate opens.
    pub fn to_step(self) -> Step {
        match self {
            Gate::ConsentToRegister => Step::WmoReport,
            Gate::EligibilityAndSupportPlan | Gate::ConsentToShareWithCoordinator => {
                Step::PlacementProfile
            }
            Gate::MatchAccepted => Step::Agreement,
        }
    }
}

/// Every gate on the way to `step`, in order. A step's data may be produced only when all of
/// them are recorded: step 5 still needs the consent of 1 → 2, not just the gates of 3 → 4.
pub fn required_gates(step: Step) -> &'static [Gate] {
    const ALL: &[Gate] = &Gate::ALL;
    match step {
        Step::Orientation => &[],
        Step::WmoReport | Step::Investigation => &ALL[..1],
        Step::PlacementProfile | Step::AssociationTalks => &ALL[..3],
        Step::Agreement => ALL,
    }
}

/// The error for a step whose gates are not all recorded; names every missing gate.
pub fn gate_missing_error(step: Step, missing: &[Gate]) -> Error {
    let names: Vec<String> = missing.iter().map(|g| format!("'{}'", g.dutch())).collect();
    let list = match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} en {last}", rest.join(", ")),
    };
    let noun = if missing.len() > 1 {
        "de poorten"
    } else {
        "de poort"
    };
    Error::new(
        "GATE_MISSING",
        format!("Stap {} kan pas na {noun} {list}.", step.number()),
    )
    .at("poorten")
}

/// One row of the register.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RegisterRow {
    pub step: Step,
    /// The seed's "Gegevensverwerking" column.
    pub verwerking: &'static str,
    /// Who processes the data.
    pub processor: &'static str,
    pub recipient: Recipient,
    /// The categories of personal data, exactly as the seed's table.
    pub categories: &'static [Category],
    /// Generalised forms a view of this step may hold (see `Derived`).
    pub derived: &'static [Derived],
    pub grondslagen: &'static [Grondslag],
    /// The seed's wording of the grondslag.
    pub grondslag_text: &'static str,
    /// The purpose (doel), the seed's wording.
    pub doel: &'static str,
    /// Shared under a unique code per recipient, without directly identifying data.
    pub coded: bool,
}

const STEP4_CATEGORIES: [Category; 8] = [
    Category::Gender,
    Category::LivingSituation,
    Category::HouseholdCare,
    Category::WorkDayActivities,
    Category::Mobility,
    Category::SocialNetwork,
    Category::SocialSelfReliance,
    Category::FinancesDebts,
];

const STEP5_CATEGORIES: [Category; 9] = [
    Category::Gender,
    Category::LivingSituation,
    Category::HouseholdCare,
    Category::WorkDayActivities,
    Category::Mobility,
    Category::SocialNetwork,
    Category::SocialSelfReliance,
    Category::FinancesDebts,
    Category::RelapseAgreements,
];

const PROFILE_DERIVED: [Derived; 4] = Derived::ALL;

static REGISTER: [RegisterRow; 6] = [
    RegisterRow {
        step: Step::Orientation,
        verwerking: "Oriëntatie op ondersteuningsvraag en behoeften inwoner",
        processor: "Inwoner, eventueel samen met de zorgaanbieder",
        recipient: Recipient::CareProvider,
        categories: &[Category::Naw, Category::Contact],
        derived: &[],
        grondslagen: &[Grondslag::Consent, Grondslag::Contract],
        grondslag_text: "Toestemming en uitvoeren van een overeenkomst (de zorgovereenkomst)",
        doel: "Het maken van een keuze om Inwoner wel of niet aan te melden voor een traject via Woonkans.",
        coded: false,
    },
    RegisterRow {
        step: Step::WmoReport,
        verwerking: "Melding inwoner",
        processor: "Toegangsteam Wmo van de gemeente waar de inwoner woont",
        recipient: Recipient::WmoAccessTeam,
        categories: &[Category::Naw, Category::Contact],
        derived: &[],
        grondslagen: &[Grondslag::PublicTask],
        grondslag_text: "Wet maatschappelijke ondersteuning",
        doel: "Passende zorg en ondersteuning realiseren voor de Inwoner.",
        coded: false,
    },
    RegisterRow {
        step: Step::Investigation,
        verwerking: "Onderzoek melding",
        processor: "Wmo-consulent",
        recipient: Recipient::WmoConsultant,
        categories: &[
            Category::Naw,
            Category::BirthDate,
            Category::Bsn,
            Category::Contact,
            Category::Gender,
            Category::Education,
            Category::Work,
            Category::Income,
            Category::SocialNetwork,
            Category::LivingSituation,
            Category::Finances,
            Category::Health,
            Category::LandlordStatement,
            Category::BrpExtract,
            Category::IncomeStatement,
            Category::BewindvoeringRuling,
        ],
        derived: &[],
        grondslagen: &[Grondslag::PublicTask],
        grondslag_text: "Wet maatschappelijke ondersteuning",
        doel: "Vaststellen of Inwoner in aanmerking komt voor bemiddeling via Woonkans.",
        coded: false,
    },
    RegisterRow {
        step: Step::PlacementProfile,
        verwerking: "Opstellen bemiddelingsprofiel",
        processor: "Ketenregisseur (Noord-Limburg) of Procesregisseur (Midden-Limburg)",
        recipient: Recipient::Coordinator,
        categories: &STEP4_CATEGORIES,
        derived: &PROFILE_DERIVED,
        grondslagen: &[Grondslag::PublicTask],
        grondslag_text: "Wet maatschappelijke ondersteuning",
        doel: "Het maken van een goede match tussen wensen en behoeften van Inwoner en het aanbod van woningbouwcorporaties om duurzame huisvesting te realiseren.",
        coded: false,
    },
    RegisterRow {
        step: Step::AssociationTalks,
        verwerking: "Bemiddeling Inwoner en woningcorporatie",
        processor: "Ketenregisseur of Procesregisseur, met de woningcorporaties",
        recipient: Recipient::HousingAssociations,
        categories: &STEP5_CATEGORIES,
        derived: &PROFILE_DERIVED,
        grondslagen: &[Grondslag::PublicTask],
        grondslag_text: "Wet maatschappelijke ondersteuning",
        doel: "Oriënteren op mogelijk passend woningaanbod waardoor kwetsbare inwoners kunnen uitstromen naar eigen zelfstandige huisvesting waarbij zij duurzaam gehuisvest worden.",
        coded: true,
    },
    RegisterRow {
        step: Step::Agreement,
        verwerking: "Aangaan van een huurovereenkomst",
        processor: "Woningcorporatie, zorgaanbieder en inwoner",
        recipient: Recipient::MatchedAssociation,
        categories: &[
            Category::Naw,
            Category::Contact,
            Category::BirthDate,
            Category::Gender,
            Category::Bsn,
            Category::PlacementProfile,
            Category::LandlordStatement,
            Category::BrpExtract,
            Category::IncomeStatement,
            Category::BewindvoeringRuling,
        ],
        derived: &[],
        grondslagen: &[Grondslag::Contract],
        grondslag_text: "Het uitvoeren van een privaatrechtelijke overeenkomst.",
        doel: "Het aangaan van een huurovereenkomst tussen Inwoner en woningcorporatie.",
        coded: false,
    },
];

/// The whole register, step 1 to 6.
pub fn register() -> &'static [RegisterRow; 6] {
    &REGISTER
}

/// The register row of one step.
pub fn row(step: Step) -> &'static RegisterRow {
    &REGISTER[usize::from(step.number() - 1)]
}

impl RegisterRow {
    pub fn allows(&self, category: Category) -> bool {
        self.categories.contains(&category)
    }

    pub fn allows_derived(&self, derived: Derived) -> bool {
        self.derived.contains(&derived)
    }
}

/// A key with its Dutch label, for rendering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Labelled<K> {
    pub key: K,
    /// Dutch.
    pub label: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct LabelledCategory {
    pub key: Category,
    /// Dutch.
    pub label: &'static str,
    /// A special category of personal data (art. 9 AVG).
    pub special_category: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct LabelledDerived {
    pub key: Derived,
    /// Dutch.
    pub label: &'static str,
    /// The category it is derived from.
    pub source: Category,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct LabelledGrondslag {
    pub key: Grondslag,
    /// Dutch.
    pub label: &'static str,
    pub article: &'static str,
}

/// One row of the register with Dutch labels and the gates on the way to its step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(
    feature = "ts",
    derive(ts_rs::TS),
    ts(rename = "RegisterRow", optional_fields = nullable)
)]
pub struct DescribedRow {
    /// 1-6.
    pub step: u8,
    pub step_key: Step,
    pub step_name: &'static str,
    pub verwerking: &'static str,
    pub processor: &'static str,
    pub recipient: Labelled<Recipient>,
    pub categories: Vec<LabelledCategory>,
    pub derived: Vec<LabelledDerived>,
    pub grondslagen: Vec<LabelledGrondslag>,
    pub grondslag_text: &'static str,
    pub doel: &'static str,
    /// Shared under a code, without directly identifying data.
    pub coded: bool,
    pub required_gates: Vec<Labelled<Gate>>,
}

/// The register, step 1 to 6, with Dutch labels, for rendering.
pub fn described() -> Vec<DescribedRow> {
    register()
        .iter()
        .map(|r| DescribedRow {
            step: r.step.number(),
            step_key: r.step,
            step_name: r.step.dutch(),
            verwerking: r.verwerking,
            processor: r.processor,
            recipient: Labelled {
                key: r.recipient,
                label: r.recipient.dutch(),
            },
            categories: r
                .categories
                .iter()
                .map(|c| LabelledCategory {
                    key: *c,
                    label: c.dutch(),
                    special_category: c.special_category(),
                })
                .collect(),
            derived: r
                .derived
                .iter()
                .map(|d| LabelledDerived {
                    key: *d,
                    label: d.dutch(),
                    source: d.source(),
                })
                .collect(),
            grondslagen: r
                .grondslagen
                .iter()
                .map(|g| LabelledGrondslag {
                    key: *g,
                    label: g.dutch(),
                    article: g.article(),
                })
                .collect(),
            grondslag_text: r.grondslag_text,
            doel: r.doel,
            coded: r.coded,
            required_gates: required_gates(r.step)
                .iter()
                .map(|g| Labelled {
                    key: *g,
                    label: g.dutch(),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_in_step_order() {
        for (i, r) in register().iter().enumerate() {
            assert_eq!(usize::from(r.step.number()), i + 1);
            assert_eq!(row(r.step), r);
        }
    }

    #[test]
    fn rows_match_the_product_table() {
        use Category as C;
        assert_eq!(row(Step::Orientation).categories, &[C::Naw, C::Contact]);
        assert_eq!(
            row(Step::Orientation).grondslagen,
            &[Grondslag::Consent, Grondslag::Contract]
        );
        assert_eq!(row(Step::WmoReport).categories, &[C::Naw, C::Contact]);
        assert_eq!(row(Step::WmoReport).grondslagen, &[Grondslag::PublicTask]);
        let s3 = row(Step::Investigation);
        assert_eq!(s3.categories.len(), 16);
        assert!(s3.allows(C::Health) && s3.allows(C::Bsn) && s3.allows(C::BewindvoeringRuling));
        assert!(!s3.allows(C::PlacementProfile));
        let s4 = row(Step::PlacementProfile);
        assert_eq!(s4.categories.len(), 8);
        for c in [
            C::Naw,
            C::Contact,
            C::Bsn,
            C::BirthDate,
            C::Health,
            C::Education,
            C::Income,
        ] {
            assert!(!s4.allows(c), "{c:?} must not be in step 4");
        }
        let s5 = row(Step::AssociationTalks);
        assert!(s5.coded);
        assert_eq!(&s5.categories[..8], s4.categories);
        assert!(s5.allows(C::RelapseAgreements));
        let s6 = row(Step::Agreement);
        assert_eq!(s6.grondslagen, &[Grondslag::Contract]);
        assert_eq!(s6.categories.len(), 10);
        assert!(!s6.allows(C::Health) && !s6.allows(C::Income));
        for step in [Step::WmoReport, Step::Investigation, Step::PlacementProfile] {
            assert_eq!(row(step).grondslagen, &[Grondslag::PublicTask]);
        }
    }

    #[test]
    fn health_is_special_and_never_after_step_3() {
        assert!(Category::Health.special_category());
        assert_eq!(
            Category::ALL
                .iter()
                .filter(|c| c.special_category())
                .count(),
            1
        );
        for r in &register()[3..] {
            assert!(!r.allows(Category::Health));
        }
    }

    #[test]
    fn every_category_appears_somewhere() {
        for c in Category::ALL {
            assert!(register().iter().any(|r| r.allows(c)), "{c:?}");
        }
    }

    #[test]
    fn gates_accumulate() {
        assert!(required_gates(Step::Orientation).is_empty());
        assert_eq!(required_gates(Step::WmoReport), &[Gate::ConsentToRegister]);
        assert_eq!(
            required_gates(Step::Investigation),
            &[Gate::ConsentToRegister]
        );
        assert_eq!(required_gates(Step::AssociationTalks).len(), 3);
        assert_eq!(required_gates(Step::Agreement), &Gate::ALL);
        for g in Gate::ALL {
            assert!(required_gates(g.to_step()).contains(&g));
            assert!(!required_gates(g.from_step()).contains(&g));
        }
    }

    #[test]
    fn gate_error_names_each_missing_gate() {
        let e = gate_missing_error(
            Step::PlacementProfile,
            &[Gate::ConsentToShareWithCoordinator],
        );
        assert_eq!(e.code, "GATE_MISSING");
        assert_eq!(
            e.message,
            "Stap 4 kan pas na de poort 'Toestemming om gegevens aan de ketenregisseur of procesregisseur te geven'."
        );
        let e = gate_missing_error(
            Step::Agreement,
            &[
                Gate::ConsentToRegister,
                Gate::EligibilityAndSupportPlan,
                Gate::MatchAccepted,
            ],
        );
        assert!(
            e.message
                .starts_with("Stap 6 kan pas na de poorten 'Toestemming/machtiging")
        );
        assert!(e.message.contains(", 'Geschiktheid"));
        assert!(
            e.message
                .ends_with(" en 'Match aanvaard door inwoner en woningcorporatie'.")
        );
    }

    #[test]
    fn step_numbers_round_trip() {
        for s in Step::ALL {
            assert_eq!(Step::from_number(s.number()).unwrap(), s);
        }
        assert_eq!(Step::from_number(0).unwrap_err().code, "STEP_INVALID");
        assert!(Step::from_number(7).is_err());
    }

    #[test]
    fn register_serialises_for_the_ui() {
        let json = serde_json::to_value(register()).unwrap();
        assert_eq!(json[0]["step"], "orientation");
        assert_eq!(json[3]["categories"][0], "gender");
        assert_eq!(json[5]["grondslagen"][0], "contract");
        assert_eq!(json[4]["coded"], true);
    }
}
