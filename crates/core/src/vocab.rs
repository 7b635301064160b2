//! The Dutch vocabulary: every enum's label, and the one way to write money, numbers and dates.
//!
//! One home, so that a value reads the same on every page, in every file and in the JS module:
//! data holds English enum values, people read these labels. Labels never contain a value from
//! a dossier.

use crate::assign::UnassignedReason;
use crate::date::Date;
use crate::disclosure::DisclosureKind;
use crate::dossier::DocumentKind;
use crate::dossier::DocumentStatus;
use crate::dossier::IncomeSource;
use crate::explain::ProfileField;
use crate::import::ImportKind;
use crate::matching::ComponentKind;
use crate::matching::KnockOut;
use crate::offer::AgeLabel;
use crate::offer::DwellingType;
use crate::profile::Party;
use crate::profile::ProfileCategory;
use crate::profile::{
    AgeBand, ContractForm, Gender, History, HousingForm, IncomeBand, LivingSituation, Mobility,
    SafetyPlan,
};
use crate::register::Category;
use crate::register::Derived;
use crate::register::Gate;
use crate::register::Grondslag;
use crate::register::Recipient;
use crate::register::Step;
use crate::scan::FindingKind;
use crate::targetgroup::Condition;

/// The Dutch label of a value, as a person reads it.
pub trait Dutch {
    fn dutch(&self) -> &'static str;
}

// ---------------------------------------------------------------------------------------------
// Numbers, money, dates

/// Groups thousands with a dot: 1234567 → "1.234.567".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Euro cents as Dutch readers expect them: "€ 1.234,56".
pub fn euro(cents: u32) -> String {
    format!("€ {},{:02}", thousands(u64::from(cents / 100)), cents % 100)
}

/// Whole euros: "€ 29.400".
pub fn whole_euros(euros: u32) -> String {
    format!("€ {}", thousands(u64::from(euros)))
}

/// A number with a decimal comma and at most `decimals` decimals, trailing zeros dropped:
/// 2.5 → "2,5", 2.0 → "2", 0.333 → "0,33" (two decimals); "–" for what is not a number.
pub fn decimal(v: f64, decimals: usize) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let mut s = format!("{v:.decimals$}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    s.replace('.', ",")
}

/// Hours with a decimal comma and no needless zeros: 6 → "6", 2.5 → "2,5".
pub fn hours(h: f64) -> String {
    if h.is_finite() {
        decimal(h, 2)
    } else {
        "onbekend".into()
    }
}

/// A count with its noun in the right number: `count(1, "woning", "woningen")` → "1 woning",
/// `count(2, …)` → "2 woningen", `count(0, …)` → "0 woningen". Large counts get their dots.
pub fn count(n: usize, one: &str, many: &str) -> String {
    let noun = if n == 1 { one } else { many };
    format!("{} {noun}", thousands(n as u64))
}

/// A label inside a sentence: its first letter in lower case ("Geplaatst" → "geplaatst").
/// "a", "a en b", "a, b en c".
pub fn list_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

pub fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A word at the start of a sentence: its first letter in capitals ("koppeling" → "Koppeling").
pub fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A date as the Dutch write it: "28-11-2026".
pub fn date(d: Date) -> String {
    format!("{:02}-{:02}-{:04}", d.day(), d.month(), d.year())
}

/// `2026-11-28T14:05:09` → `28-11-2026 14:05`. Anything else (an older entry, a foreign form)
/// is shown as it is rather than guessed at.
pub fn datetime(at: &str) -> String {
    let (day, time) = at.split_once('T').unwrap_or((at, ""));
    let Ok(d) = Date::parse(day) else {
        return at.to_string();
    };
    if day.len() != 10 {
        return at.to_string();
    }
    let hm: String = time.chars().take(5).collect();
    let valid_time = hm.len() == 5
        && hm.as_bytes()[2] == b':'
        && hm
            .bytes()
            .enumerate()
            .all(|(i, b)| i == 2 || b.is_ascii_digit());
    if valid_time {
        format!("{} {hm}", date(d))
    } else {
        date(d)
    }
}

/// Bewindvoering in the profile, taken over from the dossier instead of asked again.
pub fn budget_management_from_dossier(b: bool) -> &'static str {
    if b {
        "Ja: de inwoner staat onder bewind."
    } else {
        "Nee: de inwoner staat niet onder bewind."
    }
}

/// Where the profile's bewindvoering comes from and where to change it.
pub const BUDGET_MANAGEMENT_SOURCE: &str =
    "Overgenomen uit het dossier. Wijzigen kan in stap 3 (Onderzoek), bij 'Onder bewind'.";

/// A target-group condition's state: "in orde" reads plainly beside a condition that is itself
/// worded as a negation ("Geen statushouder of arbeidsmigrant"), where "niet voldaan" made two.
pub fn condition_status(met: bool) -> &'static str {
    if met { "in orde" } else { "niet in orde" }
}

pub fn yes_no(b: bool) -> &'static str {
    if b { "Ja" } else { "Nee" }
}

/// What a profile says under one of its categories, as the association reads it: the value for
/// gender, living situation and mobility, the level sentence for the self-reliance scores.
pub fn category_value(
    p: &crate::profile::PlacementProfile,
    c: crate::profile::ProfileCategory,
) -> String {
    use crate::profile::ProfileCategory as C;
    let s = p.self_reliance;
    match c {
        C::Gender => p.gender.dutch().to_string(),
        C::LivingSituation => p.living_situation.dutch().to_string(),
        C::Mobility => p.mobility.dutch().to_string(),
        C::HouseholdCare => level_sentence(s.household_care),
        C::WorkDayActivities => level_sentence(s.work_day_activities),
        C::SocialNetwork => level_sentence(s.social_network),
        C::SocialSelfReliance => level_sentence(s.social_self_reliance),
        C::FinancesDebts => level_sentence(s.finances_debts),
    }
}

// ---------------------------------------------------------------------------------------------
// Self-reliance levels

/// The self-reliance levels in the manner of the Zelfredzaamheid-Matrix.
pub const LEVELS: [(u8, &str); 5] = [
    (1, "acute problematiek"),
    (2, "niet zelfredzaam"),
    (3, "beperkt zelfredzaam"),
    (4, "voldoende zelfredzaam"),
    (5, "volledig zelfredzaam"),
];

/// The meaning of a level: "beperkt zelfredzaam".
pub fn level(l: u8) -> &'static str {
    LEVELS
        .iter()
        .find(|(n, _)| *n == l)
        .map_or("onbekend niveau", |(_, d)| d)
}

/// A level as a sentence part: "niveau 4 van 5: voldoende zelfredzaam".
pub fn level_sentence(l: u8) -> String {
    match LEVELS.iter().find(|(n, _)| *n == l) {
        Some((n, meaning)) => format!("niveau {n} van 5: {meaning}"),
        None => "onbekend niveau".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Scanner and leak guard

/// The short tag of a finding in a marked note ("BSN", "telefoon"); `Dutch` gives the phrase.
pub fn finding_tag(kind: crate::scan::FindingKind) -> &'static str {
    use crate::scan::FindingKind;
    match kind {
        FindingKind::Name => "naam",
        FindingKind::OtherPersonName => "naam van een ander",
        FindingKind::Bsn => "BSN",
        FindingKind::Phone => "telefoon",
        FindingKind::Email => "e-mail",
        FindingKind::Postcode => "postcode",
        FindingKind::StreetAddress => "adres",
        FindingKind::Iban => "IBAN",
        FindingKind::Date => "datum",
        FindingKind::Health => "gezondheid",
        FindingKind::Justice => "justitie",
        FindingKind::Belief => "geloof",
        FindingKind::SexualOrientation => "geaardheid",
        FindingKind::Ethnicity => "afkomst",
        FindingKind::Politics => "politiek",
        FindingKind::UnionMembership => "vakbond",
        FindingKind::Genetic => "genetisch",
        FindingKind::Biometric => "biometrisch",
    }
}

/// The leak guard's stable finding kind (`NAME`, `SCAN_PHONE`, …) in Dutch.
pub fn leak_kind(kind: &str) -> &'static str {
    match kind {
        "NAME" | "SCAN_NAME" => "Naam van de inwoner",
        "SCAN_OTHER_PERSON_NAME" => "Naam van een ander",
        "CONTACT_NAME" => "Naam van een contactpersoon",
        "BSN" | "SCAN_BSN" => "Burgerservicenummer",
        "BIRTH_DATE" => "Geboortedatum",
        "SCAN_DATE" => "Datum",
        "ADDRESS" | "SCAN_STREET_ADDRESS" => "Straat met huisnummer",
        "POSTCODE" | "SCAN_POSTCODE" => "Postcode",
        "PHONE" | "SCAN_PHONE" => "Telefoonnummer",
        "EMAIL" | "SCAN_EMAIL" => "E-mailadres",
        "IBAN" | "SCAN_IBAN" => "Rekeningnummer (IBAN)",
        "CHARACTER" => "Teken dat niet mee mag (onzichtbaar of onbekend)",
        "SCAN_HEALTH" => "Gezondheid (bijzonder persoonsgegeven)",
        "SCAN_JUSTICE" => "Strafrechtelijk gegeven",
        "SCAN_BELIEF" => "Geloof of levensovertuiging (bijzonder persoonsgegeven)",
        "SCAN_SEXUAL_ORIENTATION" => "Seksuele geaardheid of seksleven (bijzonder persoonsgegeven)",
        "SCAN_ETHNICITY" => "Etnische afkomst (bijzonder persoonsgegeven)",
        "SCAN_POLITICS" => "Politieke opvatting (bijzonder persoonsgegeven)",
        "SCAN_UNION_MEMBERSHIP" => "Lidmaatschap van een vakbond (bijzonder persoonsgegeven)",
        "SCAN_GENETIC" => "Genetisch gegeven (bijzonder persoonsgegeven)",
        "SCAN_BIOMETRIC" => "Biometrisch gegeven (bijzonder persoonsgegeven)",
        "UNREADABLE" => "Onleesbare inhoud",
        _ => "Herleidbaar gegeven",
    }
}

// ---------------------------------------------------------------------------------------------
// Enum labels

impl Dutch for DwellingType {
    fn dutch(&self) -> &'static str {
        match self {
            DwellingType::Studio => "studio",
            DwellingType::Apartment => "appartement",
            DwellingType::GroundFloorApartment => "benedenwoning",
            DwellingType::SingleFamilyHouse => "eengezinswoning",
            DwellingType::ClusterUnit => "clusterwoning",
        }
    }
}

impl Dutch for AgeLabel {
    fn dutch(&self) -> &'static str {
        match self {
            AgeLabel::None => "geen",
            AgeLabel::YoungAdults => "jongeren (18-27)",
            AgeLabel::FiftyFivePlus => "55+",
        }
    }
}

impl Dutch for ProfileCategory {
    fn dutch(&self) -> &'static str {
        match self {
            ProfileCategory::Gender => "Geslacht",
            ProfileCategory::LivingSituation => "Woonsituatie",
            ProfileCategory::HouseholdCare => "Huishouden / persoonlijke verzorging",
            ProfileCategory::WorkDayActivities => "Werk / daginvulling",
            ProfileCategory::Mobility => "Mobiliteit",
            ProfileCategory::SocialNetwork => "Sociaal netwerk",
            ProfileCategory::SocialSelfReliance => "Sociale redzaamheid",
            ProfileCategory::FinancesDebts => "Financiën / schulden",
        }
    }
}

impl Dutch for Party {
    fn dutch(&self) -> &'static str {
        match self {
            Party::Resident => "Inwoner",
            Party::CareProvider => "Zorgaanbieder",
            Party::WmoConsultant => "Wmo-consulent",
            Party::Coordinator => "Ketenregisseur / Procesregisseur",
            Party::HousingAssociation => "Woningcorporatie",
            Party::Network => "Netwerk",
        }
    }
}

/// The short name of a criterion, for tables and beside a reason; the reason's sentence says more.
impl Dutch for KnockOut {
    fn dutch(&self) -> &'static str {
        match self {
            KnockOut::Area => "Zoekgebied",
            KnockOut::Neighbourhood => "Uitgesloten wijk",
            KnockOut::Contract => "Contractvorm",
            KnockOut::Arrears => "Huurachterstand",
            KnockOut::Nuisance => "Overlast",
            KnockOut::RelapsePlan => "Terugvalplan",
            KnockOut::Support => "Begeleiding",
            KnockOut::AgeLabel => "Leeftijdslabel",
            KnockOut::Household => "Huishoudgrootte",
            KnockOut::Access => "Toegankelijkheid",
            KnockOut::Rent => "Huurprijs",
            KnockOut::Capacity => "Spreiding/capaciteit",
            KnockOut::Available => "Beschikbaarheid",
        }
    }
}

/// The name of the profile form's field, as its label on the form reads.
impl Dutch for ProfileField {
    fn dutch(&self) -> &'static str {
        match self {
            ProfileField::SearchArea => "Zoekgebied",
            ProfileField::ExcludedNeighbourhoods => "Uitgesloten wijken",
            ProfileField::BudgetManagement => "Bewindvoering in stap 3",
            ProfileField::ContractForm => "Contractvorm",
            ProfileField::SupportHours => "Uren ambulante ondersteuning per week",
            ProfileField::MaxRent => "Maximale huur",
            ProfileField::SafetyPlan => "Veiligheidsplan",
        }
    }
}

impl Dutch for ComponentKind {
    fn dutch(&self) -> &'static str {
        match self {
            ComponentKind::AreaPreference => "Voorkeursgemeente",
            ComponentKind::HousingForm => "Woonvorm",
            ComponentKind::RentHeadroom => "Ruimte onder de maximale huur",
            ComponentKind::SupportFit => "Passend bij de ondersteuningsbehoefte",
            ComponentKind::Spreading => "Spreiding over de wijk",
            ComponentKind::SizeFit => "Passende grootte",
        }
    }
}

impl Dutch for Step {
    fn dutch(&self) -> &'static str {
        match self {
            Step::Orientation => "Oriëntatie",
            Step::WmoReport => "Melding Wmo",
            Step::Investigation => "Onderzoek",
            Step::PlacementProfile => "Bemiddelingsprofiel",
            Step::AssociationTalks => "Gesprek corporaties",
            Step::Agreement => "Overeenkomst",
        }
    }
}

impl Dutch for Category {
    fn dutch(&self) -> &'static str {
        match self {
            Category::Naw => "NAW-gegevens",
            Category::Contact => "Contactgegevens",
            Category::BirthDate => "Geboortedatum",
            Category::Bsn => "BSN",
            Category::Gender => "Geslacht",
            Category::Education => "Opleiding",
            Category::Work => "Werk",
            Category::Income => "Inkomen",
            Category::SocialNetwork => "Sociaal netwerk",
            Category::LivingSituation => "Woonsituatie",
            Category::Finances => "Financiën",
            Category::Health => "Gezondheid",
            Category::HouseholdCare => "Huishouden / persoonlijke verzorging",
            Category::WorkDayActivities => "Werk / daginvulling",
            Category::Mobility => "Mobiliteit",
            Category::SocialSelfReliance => "Sociale redzaamheid",
            Category::FinancesDebts => "Financiën / schulden",
            Category::RelapseAgreements => "Afspraken bij terugval",
            Category::PlacementProfile => "Bemiddelingsprofiel",
            Category::LandlordStatement => "Verhuurdersverklaring (laatste 5 jaar)",
            Category::BrpExtract => "BRP-uittreksel (voorheen GBA) met woonhistorie",
            Category::IncomeStatement => "Verklaring geregistreerd inkomen (IB60)",
            Category::BewindvoeringRuling => "Beschikking bewindvoering (indien aanwezig)",
        }
    }
}

impl Dutch for Derived {
    fn dutch(&self) -> &'static str {
        match self {
            Derived::AgeBand => "Leeftijdscategorie (afgeleid van de geboortedatum)",
            Derived::Gemeente => "Woongemeente (afgeleid van het adres)",
            Derived::IncomeBand => {
                "Inkomensklasse ten opzichte van de inkomensgrens passend toewijzen (afgeleid van het inkomen)"
            }
            Derived::HouseholdSize => "Huishoudgrootte (aantal personen, uit de woonsituatie)",
        }
    }
}

impl Dutch for Grondslag {
    fn dutch(&self) -> &'static str {
        match self {
            Grondslag::Consent => "Toestemming",
            Grondslag::Contract => "Uitvoeren van een overeenkomst",
            Grondslag::PublicTask => "Wettelijke taak (Wet maatschappelijke ondersteuning)",
        }
    }
}

impl Dutch for Recipient {
    fn dutch(&self) -> &'static str {
        match self {
            Recipient::CareProvider => "Zorgaanbieder",
            Recipient::WmoAccessTeam => "Toegangsteam Wmo van de woongemeente",
            Recipient::WmoConsultant => "Wmo-consulent",
            Recipient::Coordinator => "Ketenregisseur / Procesregisseur",
            Recipient::HousingAssociations => {
                "Woningcorporaties met woningaanbod in het zoekgebied (elk onder een eigen code)"
            }
            Recipient::MatchedAssociation => {
                "De woningcorporatie van de aanvaarde match (met zorgaanbieder en inwoner)"
            }
        }
    }
}

impl Dutch for Gate {
    fn dutch(&self) -> &'static str {
        match self {
            Gate::ConsentToRegister => "Toestemming/machtiging om aan te melden",
            Gate::EligibilityAndSupportPlan => {
                "Geschiktheid vastgesteld en ondersteuningsplan ondertekend (instemming met bemiddeling)"
            }
            Gate::ConsentToShareWithCoordinator => {
                "Toestemming om gegevens aan de ketenregisseur of procesregisseur te geven"
            }
            Gate::MatchAccepted => "Match aanvaard door inwoner en woningcorporatie",
        }
    }
}

impl Dutch for UnassignedReason {
    fn dutch(&self) -> &'static str {
        match self {
            UnassignedReason::NoEligibleDwelling => {
                "Er is geen woning die aan alle harde criteria voldoet."
            }
            UnassignedReason::Outcompeted => {
                "Er zijn passende woningen, maar die gaan in de beste verdeling naar andere profielen."
            }
        }
    }
}

impl Dutch for crate::workspace::MatchEndReason {
    fn dutch(&self) -> &'static str {
        use crate::workspace::MatchEndReason as R;
        match self {
            R::RefusedByResident => "De inwoner heeft de woning afgewezen",
            R::RefusedByAssociation => "De corporatie heeft afgezien van de match",
            R::DwellingUnavailable => "De woning is niet meer beschikbaar",
            R::Other => "Anders beëindigd",
        }
    }
}

impl Dutch for crate::dossier::MissingDocumentsReason {
    fn dutch(&self) -> &'static str {
        use crate::dossier::MissingDocumentsReason as R;
        match self {
            R::FollowsLater => "Wordt nagestuurd, afgesproken met de corporatie",
            R::DoesNotExist => "Bestaat niet voor deze inwoner (bijvoorbeeld nooit eerder gehuurd)",
            R::AssociationAccepts => "De corporatie gaat akkoord zonder dit document",
        }
    }
}

impl Dutch for crate::talks::TalkKind {
    fn dutch(&self) -> &'static str {
        use crate::talks::TalkKind as K;
        match self {
            K::ViewingPlanned => "Bezichtiging gepland",
            K::ResidentAccepted => "De inwoner zegt ja",
            K::ResidentRefused => "De inwoner zegt nee",
        }
    }
}

impl Dutch for crate::talks::RefusalReason {
    fn dutch(&self) -> &'static str {
        use crate::talks::RefusalReason as R;
        match self {
            R::DwellingUnsuitable => "De woning zelf past niet",
            R::Location => "De buurt of plaats past niet",
            R::TooExpensive => "De huur of de kosten zijn te hoog",
            R::PrefersOtherOffer => "Kiest voor een ander aanbod",
            R::NotReadyYet => "Nog niet toe aan verhuizen",
            R::Other => "Andere reden",
        }
    }
}

impl Dutch for crate::talks::Safeguard {
    fn dutch(&self) -> &'static str {
        use crate::talks::Safeguard as S;
        match self {
            S::LinkedCareAgreement => "Zorgovereenkomst gekoppeld aan het huurcontract",
            S::RentByDirectDebit => "Huur via automatische incasso of de bewindvoerder",
            S::BehaviourAgreements => "Afspraken over gedrag en samenleven",
            S::ContactPerson => "Vaste contactpersoon bij de zorgaanbieder",
            S::Evaluations => "Evaluatiemomenten met inwoner, zorgaanbieder en corporatie",
            S::RelapsePlanShared => "Terugvalplan bekend bij alle drie",
        }
    }
}

impl Dutch for crate::targetgroup::OverrideReason {
    fn dutch(&self) -> &'static str {
        use crate::targetgroup::OverrideReason as R;
        match self {
            R::MunicipalDecision => "Maatwerkbesluit van de gemeente",
            R::HardshipClause => "Hardheidsclausule toegepast",
            R::Other => "Andere reden, vastgelegd in het dossier van de gemeente",
        }
    }
}

impl Dutch for DisclosureKind {
    fn dutch(&self) -> &'static str {
        match self {
            DisclosureKind::CodedBundle => "Gecodeerde profielbundel",
            DisclosureKind::Handover => "Overdracht (stap 6)",
            DisclosureKind::ReplyReceived => "Reactie van de corporatie ontvangen",
            DisclosureKind::TransferSent => "Verstuurd aan de volgende partij",
            DisclosureKind::TransferReceived => "Ontvangen van de vorige partij",
            DisclosureKind::ConsentWithdrawn => "Toestemming ingetrokken; zaak gewist",
            DisclosureKind::Erased => "Ontvangen gegevens gewist",
        }
    }
}

impl Dutch for Condition {
    fn dutch(&self) -> &'static str {
        match self {
            Condition::Age => "18 jaar of ouder",
            Condition::Gemeente => "Woont in een deelnemende gemeente",
            Condition::StatusHolderOrLabourMigrant => "Geen statushouder of arbeidsmigrant",
            Condition::RegularRoute => "Heeft hulp nodig om een woning te vinden",
            Condition::SupportNeed => {
                "Ondersteuningsvraag die samenhangt met het zelfstandig (leren) wonen"
            }
        }
    }
}

impl Dutch for crate::targetgroup::Question {
    fn dutch(&self) -> &'static str {
        use crate::targetgroup::Question;
        match self {
            Question::StatusHolder => "Is de inwoner statushouder?",
            Question::LabourMigrant => "Is de inwoner arbeidsmigrant?",
            Question::RegularRoute => {
                "Kan de inwoner zelf op de gewone manier een woning vinden, bijvoorbeeld via de wachtlijst?"
            }
            Question::SupportNeed => {
                "Heeft de inwoner een ondersteuningsvraag die samenhangt met het zelfstandig (leren) wonen?"
            }
        }
    }
}

impl Dutch for IncomeSource {
    fn dutch(&self) -> &'static str {
        match self {
            IncomeSource::Work => "Werk",
            IncomeSource::Benefits => "Uitkering",
            IncomeSource::Wajong => "Wajong",
            IncomeSource::StudentFinance => "Studiefinanciering",
            IncomeSource::Pension => "Pensioen",
            IncomeSource::None => "Geen inkomen",
            IncomeSource::Other => "Anders",
        }
    }
}

impl Dutch for DocumentKind {
    fn dutch(&self) -> &'static str {
        self.category().dutch()
    }
}

impl Dutch for DocumentStatus {
    fn dutch(&self) -> &'static str {
        match self {
            DocumentStatus::Requested => "Opgevraagd",
            DocumentStatus::Received => "Ontvangen",
            DocumentStatus::NotApplicable => "Niet van toepassing",
        }
    }
}

/// What was found, in Dutch, for the coordinator ("In deze tekst staat een …").
impl Dutch for FindingKind {
    fn dutch(&self) -> &'static str {
        match self {
            FindingKind::Name => "naam van de inwoner",
            FindingKind::OtherPersonName => "naam van een ander",
            FindingKind::Bsn => "burgerservicenummer",
            FindingKind::Phone => "telefoonnummer",
            FindingKind::Email => "e-mailadres",
            FindingKind::Postcode => "postcode",
            FindingKind::StreetAddress => "straat en huisnummer",
            FindingKind::Iban => "IBAN",
            FindingKind::Date => "datum",
            FindingKind::Health => "gezondheidsgegeven",
            FindingKind::Justice => "justitieel gegeven",
            FindingKind::Belief => "geloof of levensovertuiging",
            FindingKind::SexualOrientation => "seksuele geaardheid of seksleven",
            FindingKind::Ethnicity => "etnische afkomst",
            FindingKind::Politics => "politieke opvatting",
            FindingKind::UnionMembership => "lidmaatschap van een vakbond",
            FindingKind::Genetic => "genetisch gegeven",
            FindingKind::Biometric => "biometrisch gegeven",
        }
    }
}

impl Dutch for Gender {
    fn dutch(&self) -> &'static str {
        match self {
            Gender::Male => "Man",
            Gender::Female => "Vrouw",
            Gender::Other => "Anders",
            Gender::NotStated => "Niet vermeld",
        }
    }
}

impl Dutch for LivingSituation {
    fn dutch(&self) -> &'static str {
        match self {
            LivingSituation::ShelteredHousing => "Beschermd wonen",
            LivingSituation::SocialShelter => "Maatschappelijke opvang",
            LivingSituation::Other => "Anders",
        }
    }
}

impl Dutch for Mobility {
    fn dutch(&self) -> &'static str {
        match self {
            Mobility::None => "Geen beperking",
            Mobility::StepFree => "Gelijkvloerse woning nodig (traplift of lift)",
            Mobility::Wheelchair => "Rolstoeltoegankelijke woning nodig",
        }
    }
}

impl Dutch for History {
    fn dutch(&self) -> &'static str {
        match self {
            History::None => "Geen",
            History::Resolved => "Geweest, opgelost",
            History::Current => "Speelt nu",
        }
    }
}

impl Dutch for ContractForm {
    fn dutch(&self) -> &'static str {
        match self {
            ContractForm::RegularLease => "Gewone huurovereenkomst",
            ContractForm::LeaseWithCareAgreement => {
                "Huurovereenkomst met gekoppelde zorgovereenkomst"
            }
            ContractForm::LeaseInCareProviderName => {
                "Huurovereenkomst op naam van de zorgaanbieder"
            }
        }
    }
}

impl Dutch for HousingForm {
    fn dutch(&self) -> &'static str {
        match self {
            HousingForm::Independent => "Zelfstandig",
            HousingForm::InComplex => "In een complex",
            HousingForm::Cluster => "Clusterwoning",
            HousingForm::NoPreference => "Geen voorkeur",
        }
    }
}

impl Dutch for SafetyPlan {
    fn dutch(&self) -> &'static str {
        match self {
            SafetyPlan::NotNeeded => "Niet nodig",
            SafetyPlan::Needed => "Nodig, nog niet aanwezig",
            SafetyPlan::Present => "Aanwezig",
        }
    }
}

impl Dutch for IncomeBand {
    fn dutch(&self) -> &'static str {
        match self {
            IncomeBand::AtOrBelowLimit => "Op of onder de inkomensgrens voor passend toewijzen",
            IncomeBand::AboveLimit => "Boven de inkomensgrens voor passend toewijzen",
        }
    }
}

impl Dutch for AgeBand {
    fn dutch(&self) -> &'static str {
        match self {
            AgeBand::From18To22 => "18-22 jaar (jongvolwassene, voorrangsgroep)",
            AgeBand::From23To27 => "23-27 jaar (jongvolwassene, voorrangsgroep)",
            AgeBand::From28To54 => "28-54 jaar",
            AgeBand::From55To66 => "55-66 jaar",
            AgeBand::From67 => "67 jaar of ouder",
        }
    }
}

impl Dutch for ImportKind {
    fn dutch(&self) -> &'static str {
        match self {
            ImportKind::Json => "aanbod (JSON)",
            ImportKind::Dwellings => "woningen (CSV)",
            ImportKind::Associations => "corporaties met criteria (CSV)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn euro_uses_a_dot_for_thousands_and_a_comma_for_cents() {
        assert_eq!(euro(0), "€ 0,00");
        assert_eq!(euro(5), "€ 0,05");
        assert_eq!(euro(65_000), "€ 650,00");
        assert_eq!(euro(123_456), "€ 1.234,56");
        assert_eq!(euro(100_000_000), "€ 1.000.000,00");
        assert_eq!(euro(u32::MAX), "€ 42.949.672,95");
    }

    #[test]
    fn counts_take_the_singular_only_for_one() {
        assert_eq!(count(1, "woning", "woningen"), "1 woning");
        assert_eq!(count(2, "woning", "woningen"), "2 woningen");
        assert_eq!(count(0, "corporatie", "corporaties"), "0 corporaties");
        assert_eq!(count(1, "kamer", "kamers"), "1 kamer");
        assert_eq!(count(1200, "kamer", "kamers"), "1.200 kamers");
    }

    #[test]
    fn hours_have_a_decimal_comma_and_no_trailing_zeros() {
        assert_eq!(hours(6.0), "6");
        assert_eq!(hours(2.5), "2,5");
        assert_eq!(hours(0.25), "0,25");
        assert_eq!(hours(10.10), "10,1");
        assert_eq!(hours(f64::NAN), "onbekend");
    }

    #[test]
    fn dates_and_times_in_dutch_order() {
        assert_eq!(date(Date::new(2026, 3, 9).unwrap()), "09-03-2026");
        assert_eq!(datetime("2026-11-28T14:05:09"), "28-11-2026 14:05");
        assert_eq!(datetime("2026-11-28"), "28-11-2026");
        assert_eq!(datetime("2026-11-28T1"), "28-11-2026");
        // Not ours: shown as is, never a panic on odd bytes.
        assert_eq!(datetime("gisteren"), "gisteren");
        assert_eq!(datetime("2026-02-30T10:00"), "2026-02-30T10:00");
        assert_eq!(datetime("é"), "é");
        assert_eq!(datetime("2026-11-28Té1:00"), "28-11-2026");
    }

    #[test]
    fn every_leak_kind_has_dutch_words() {
        assert_eq!(leak_kind("BSN"), "Burgerservicenummer");
        assert_eq!(leak_kind("SCAN_PHONE"), "Telefoonnummer");
        assert_eq!(
            leak_kind("SCAN_HEALTH"),
            "Gezondheid (bijzonder persoonsgegeven)"
        );
        assert_eq!(leak_kind("IETS_NIEUWS"), "Herleidbaar gegeven");
    }

    #[test]
    fn levels_outside_the_matrix_are_not_given_a_meaning() {
        assert_eq!(level_sentence(0), "onbekend niveau");
        assert_eq!(level_sentence(6), "onbekend niveau");
        assert_eq!(level_sentence(4), "niveau 4 van 5: voldoende zelfredzaam");
    }
    #[test]
    fn money_and_decimals_are_dutch() {
        assert_eq!(euro(0), "€ 0,00");
        assert_eq!(euro(49_820), "€ 498,20");
        assert_eq!(euro(123_456_789), "€ 1.234.567,89");
        assert_eq!(whole_euros(29_400), "€ 29.400");
        assert_eq!(whole_euros(999), "€ 999");
        assert_eq!(decimal(2.5, 2), "2,5");
        assert_eq!(decimal(2.0, 2), "2");
        assert_eq!(decimal(1.0 / 3.0, 2), "0,33");
        assert_eq!(decimal(22.5, 1), "22,5");
        assert_eq!(decimal(-0.0001, 2), "0");
        assert_eq!(decimal(f64::NAN, 2), "–");
        assert_eq!(decimal(30.0, 0), "30");
        assert_eq!(date(Date::new(2027, 5, 3).unwrap()), "03-05-2027");
    }
}
