// TypeScript declarations of the Woonkans WebAssembly module (`@woonkans/woonkans`).
//
// Hand-written, because the declarations wasm-bindgen generates type every object as `any`.
// Needs TypeScript 5.7 or later (typed arrays with their buffer type).
// `cargo xtask package` refuses to build the package when a function exported by woonkans.js
// is not declared here or one declared here is not exported; the test run type-checks real
// outputs of every function against these declarations.
//
// Conventions: plain objects in and out, camelCase. Dates come out as `jjjj-mm-dd`; dates going
// in may also be `dd-mm-jjjj`. Amounts of money are integer euro cents unless the name says
// euros. A field written `name?: T` is absent (undefined) when there is no value. Every failure
// is a thrown `WoonkansError`.

// ------------------------------------------------------------------ loading

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;
export type SyncInitInput = BufferSource | WebAssembly.Module;

export interface InitOutput {
  readonly memory: WebAssembly.Memory;
}

/**
 * Loads the module. Without an argument it fetches `woonkans_bg.wasm` next to `woonkans.js`
 * (same origin). Call and await once before any other function.
 */
export default function __wbg_init(
  module_or_path?:
    | { module_or_path: InitInput | Promise<InitInput> }
    | InitInput
    | Promise<InitInput>,
): Promise<InitOutput>;

/** Loads the module from bytes or a compiled module you already have, synchronously. */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

// ------------------------------------------------------------------ errors

/**
 * What every function throws: a JS `Error` whose `message` is Dutch and never repeats a value
 * from the input (it names the field instead). An argument of the wrong type (a number where
 * text belongs, text where bytes belong) or a number that is not a whole number in range is
 * `INPUT_INVALID`, with `field` set to the parameter's name as declared here. Bytes may also
 * be passed as an `ArrayBuffer` or an array of whole numbers from 0 to 255.
 */
export interface WoonkansError extends Error {
  name: "WoonkansError";
  /** Stable, upper snake case: `INPUT_INVALID`, `DATE_INVALID`, `BUNDLE_DIGEST`, … */
  code: string;
  /**
   * The field concerned, when there is one: a Dutch field path (`peildatum`,
   * `adres.postcode`), or the parameter's name (`referenceDate`) for a wrongly typed argument.
   */
  field?: string;
}

/** Thrown by `writeBundle` when the leak guard finds identifying data in the bytes. */
export interface LeakGuardError extends WoonkansError {
  code: "LEAK_GUARD";
  findings: LeakFinding[];
}

/** Thrown by `buildProfile` while the profile is not finished. */
export interface ProfileIncompleteError extends WoonkansError {
  code: "PROFILE_INCOMPLETE";
  missing: Missing[];
  findings: NoteFinding[];
}

/** One problem, as `validateDossier` lists them (the same shape as an error, as data). */
export interface Problem {
  code: string;
  message: string;
  field?: string;
}

// ------------------------------------------------------------------ shared vocabulary

/** `jjjj-mm-dd` (out); `jjjj-mm-dd` or `dd-mm-jjjj` (in). */
export type DateString = string;
export type Region = "noordLimburg" | "middenLimburg";
/** A region by any spelling: `"Noord-Limburg"`, `"noordLimburg"`, `"noord limburg"`. */
export type RegionName = Region | "Noord-Limburg" | "Midden-Limburg" | (string & {});
/** Written in English; the Dutch values of earlier versions (`"man"`, `"vrouw"`, `"anders"`,
 * `"nietVermeld"`) are still read. */
export type Gender = "male" | "female" | "other" | "notStated";
/** Beschermd wonen, maatschappelijke opvang, other. The Dutch values of earlier versions
 * (`"beschermdWonen"`, `"maatschappelijkeOpvang"`, `"anders"`) are still read. */
export type LivingSituation = "shelteredHousing" | "socialShelter" | "other";
export type AgeBand = "18-22" | "23-27" | "28-54" | "55-66" | "67+";
export type IncomeBand = "atOrBelowLimit" | "aboveLimit";
export type Mobility = "none" | "stepFree" | "wheelchair";
/** Rent arrears or nuisance: none < resolved < current. */
export type History = "none" | "resolved" | "current";
export type ContractForm = "regularLease" | "leaseWithCareAgreement" | "leaseInCareProviderName";
export type HousingForm = "independent" | "inComplex" | "cluster" | "noPreference";
export type SafetyPlan = "notNeeded" | "needed" | "present";
export type Party =
  | "resident"
  | "careProvider"
  | "wmoConsultant"
  | "coordinator"
  | "housingAssociation"
  | "network";
/** The eight step-4 categories. */
export type ProfileCategory =
  | "gender"
  | "livingSituation"
  | "householdCare"
  | "workDayActivities"
  | "mobility"
  | "socialNetwork"
  | "socialSelfReliance"
  | "financesDebts";
/** The five categories with a self-reliance level. */
export type ScoredCategory =
  | "householdCare"
  | "workDayActivities"
  | "socialNetwork"
  | "socialSelfReliance"
  | "financesDebts";

// ------------------------------------------------------------------ dossier (steps 1-3)

export type Step =
  | "orientation"
  | "wmoReport"
  | "investigation"
  | "placementProfile"
  | "associationTalks"
  | "agreement";
export type Gate =
  | "consentToRegister"
  | "eligibilityAndSupportPlan"
  | "consentToShareWithCoordinator"
  | "matchAccepted";
/** The Dutch values of earlier versions (`"werk"`, `"uitkering"`, `"studiefinanciering"`,
 * `"pensioen"`, `"geen"`, `"anders"`) are still read. */
export type IncomeSource =
  | "work"
  | "benefits"
  | "wajong"
  | "studentFinance"
  | "pension"
  | "none"
  | "other";
export type DocumentKind =
  | "landlordStatement"
  | "brpExtract"
  | "incomeStatement"
  | "bewindvoeringRuling";
export type DocumentStatus = "requested" | "received" | "notApplicable";

export interface PersonName {
  firstNames: string;
  tussenvoegsel: string;
  surname: string;
  /** Roepnaam, when the resident goes by another name than the first names; may be empty. */
  callName: string;
}

export interface Address {
  street: string;
  houseNumber: number;
  houseNumberAddition: string;
  postcode: string;
  /** Woonplaats. */
  place: string;
}

export interface Income {
  yearlyAmountEuros: number;
  source: IncomeSource;
}

export interface Contact {
  organisation: string;
  person: string;
}

export interface DocumentEntry {
  status: DocumentStatus;
  date?: DateString;
}

export interface DocumentChecklist {
  landlordStatement: DocumentEntry;
  brpExtract: DocumentEntry;
  incomeStatement: DocumentEntry;
  bewindvoeringRuling: DocumentEntry;
}

export interface GateRecord {
  gate: Gate;
  date: DateString;
  /** Role or organisation that recorded the gate. */
  actor: string;
}

/** The consultant's answers; absent means not established yet. */
export interface TargetGroupAnswers {
  statusHolder?: boolean;
  labourMigrant?: boolean;
  regularRouteImpossible?: boolean;
  supportNeedIndependentLiving?: boolean;
}

/** A dossier as the module returns it (`recordGate`). */
export interface Dossier {
  /** Random local id, never personal. */
  id: string;
  name: PersonName;
  address: Address;
  gemeente: string;
  phones: string[];
  email?: string;
  birthDate?: DateString;
  bsn?: string;
  gender?: Gender;
  education: string;
  work: string;
  income?: Income;
  householdSize: number;
  socialNetwork: string;
  livingSituation?: LivingSituation;
  finances: string;
  hasDebts: boolean;
  budgetManagement: boolean;
  /** Special category (art. 9 AVG). */
  health: string;
  iban?: string;
  documents: DocumentChecklist;
  careProvider?: Contact;
  wmoConsultant?: Contact;
  targetGroup: TargetGroupAnswers;
  gates: GateRecord[];
  step: Step;
  archived: boolean;
}

/** A dossier going in: every field may be left out (it gets its empty default). */
export interface DossierInput {
  id?: string;
  name?: Partial<PersonName>;
  address?: Partial<Address>;
  gemeente?: string;
  phones?: string[];
  email?: string | null;
  birthDate?: DateString | null;
  bsn?: string | null;
  gender?: Gender | null;
  education?: string;
  work?: string;
  income?: Income | null;
  householdSize?: number;
  socialNetwork?: string;
  livingSituation?: LivingSituation | null;
  finances?: string;
  hasDebts?: boolean;
  budgetManagement?: boolean;
  health?: string;
  iban?: string | null;
  documents?: { [K in DocumentKind]?: { status?: DocumentStatus; date?: DateString | null } };
  careProvider?: Partial<Contact> | null;
  wmoConsultant?: Partial<Contact> | null;
  targetGroup?: { [K in keyof TargetGroupAnswers]?: boolean | null };
  gates?: GateRecord[];
  step?: Step;
  archived?: boolean;
}

export type TargetGroupCondition =
  | "age"
  | "gemeente"
  | "statusHolderOrLabourMigrant"
  | "regularRoute"
  | "supportNeed";

export interface TargetGroupFailure {
  condition: TargetGroupCondition;
  /** Dutch. */
  reason: string;
  /** True when the condition fails for want of data, not because it is not met. */
  missingData: boolean;
}

export interface TargetGroupResult {
  eligible: boolean;
  /** 18-27: the priority group. */
  youngAdult: boolean;
  failures: TargetGroupFailure[];
}

// ------------------------------------------------------------------ processing register

export type Category =
  | "naw"
  | "contact"
  | "birthDate"
  | "bsn"
  | "gender"
  | "education"
  | "work"
  | "income"
  | "socialNetwork"
  | "livingSituation"
  | "finances"
  | "health"
  | "householdCare"
  | "workDayActivities"
  | "mobility"
  | "socialSelfReliance"
  | "financesDebts"
  | "relapseAgreements"
  | "placementProfile"
  | "landlordStatement"
  | "brpExtract"
  | "incomeStatement"
  | "bewindvoeringRuling";
export type Derived = "ageBand" | "gemeente" | "incomeBand" | "householdSize";
export type Grondslag = "consent" | "contract" | "publicTask";
export type Recipient =
  | "careProvider"
  | "wmoAccessTeam"
  | "wmoConsultant"
  | "coordinator"
  | "housingAssociations"
  | "matchedAssociation";

export interface Labelled<K extends string> {
  key: K;
  /** Dutch. */
  label: string;
}

export interface RegisterRow {
  /** 1-6. */
  step: number;
  stepKey: Step;
  stepName: string;
  verwerking: string;
  processor: string;
  recipient: Labelled<Recipient>;
  categories: Array<Labelled<Category> & { specialCategory: boolean }>;
  derived: Array<Labelled<Derived> & { source: Category }>;
  grondslagen: Array<Labelled<Grondslag> & { article: string }>;
  grondslagText: string;
  doel: string;
  /** Shared under a code, without directly identifying data. */
  coded: boolean;
  requiredGates: Array<Labelled<Gate>>;
}

// ------------------------------------------------------------------ minimised views

export interface Step1View {
  view: "step1";
  name: PersonName;
  address: Address;
  gemeente: string;
  phones: string[];
  email?: string;
}

export interface Step2View {
  view: "step2";
  name: PersonName;
  address: Address;
  gemeente: string;
  phones: string[];
  email?: string;
}

export interface Step3View {
  view: "step3";
  name: PersonName;
  address: Address;
  gemeente: string;
  birthDate?: DateString;
  bsn?: string;
  phones: string[];
  email?: string;
  gender?: Gender;
  education: string;
  work: string;
  income?: Income;
  socialNetwork: string;
  livingSituation?: LivingSituation;
  householdSize: number;
  finances: string;
  hasDebts: boolean;
  budgetManagement: boolean;
  iban?: string;
  health: string;
  documents: DocumentChecklist;
}

export interface Step4View {
  view: "step4";
  gender?: Gender;
  livingSituation?: LivingSituation;
  ageBand: AgeBand;
  youngAdult: boolean;
  /** Canonical name of the participating gemeente. */
  gemeente: string;
  region: Region;
  householdSize: number;
  incomeBand?: IncomeBand;
  hasDebts: boolean;
  budgetManagement: boolean;
}

export interface Step5View {
  view: "step5";
  code: string;
  profile: PlacementProfile;
}

export type StepView = Step1View | Step2View | Step3View | Step4View | Step5View;

// ------------------------------------------------------------------ hand-over (step 6)

export interface HandoverConfirmation {
  /** Must be true: the grondslag (performance of a contract) is confirmed. */
  grondslagConfirmed: boolean;
  confirmedBy: string;
  date: DateString;
}

export interface HandoverDocument {
  document: DocumentKind;
  label: string;
  status: DocumentStatus;
  date?: DateString;
}

export interface Handover {
  format: "woonkans-overdracht";
  version: number;
  association: { id: string; name: string };
  name: PersonName;
  address: Address;
  gemeente: string;
  contact: { phones: string[]; email?: string };
  birthDate: DateString;
  gender: Gender;
  bsn: string;
  profile: PlacementProfile;
  documentsToHandOver: HandoverDocument[];
  grondslag: string;
  doel: string;
  confirmation: HandoverConfirmation;
}

export interface HandoverFile {
  /** Association id and date only. */
  fileName: string;
  /** The file's text (JSON). */
  json: string;
  handover: Handover;
}

/** The identifying values of one dossier, as the scanner and the leak guard search for them. */
export interface Known {
  nameParts: string[];
  tussenvoegsels: string[];
  bsn?: string | null;
  birthDate?: DateString | null;
  streetAddresses: string[];
  postcodes: string[];
  phones: string[];
  emails: string[];
  ibans: string[];
  /** Names of the dossier's contact persons (care provider, Wmo consultant). */
  contactNames: string[];
}

// ------------------------------------------------------------------ placement profile (step 4)

export interface SelfReliance {
  householdCare: number;
  workDayActivities: number;
  socialNetwork: number;
  socialSelfReliance: number;
  financesDebts: number;
}

export interface RelapseAgreement {
  party: Party;
  action: string;
}

/** Who does what when it goes wrong. */
export interface RelapsePlan {
  signals: string;
  agreements: RelapseAgreement[];
}

/** The finished placement profile, as the module returns it. */
export interface PlacementProfile {
  gender: Gender;
  livingSituation: LivingSituation;
  mobility: Mobility;
  /** Levels 1-5. */
  selfReliance: SelfReliance;
  notes: { [K in ProfileCategory]?: string };
  /** Gemeenten in order of preference. */
  searchArea: string[];
  excludedNeighbourhoods: string[];
  housingForm: HousingForm;
  rentArrears: History;
  nuisance: History;
  budgetManagement: boolean;
  contractForm: ContractForm;
  supportHoursPerWeek: number;
  reachable247: boolean;
  relapsePlan?: RelapsePlan;
  safetyPlan: SafetyPlan;
  householdSize: number;
  ageBand: AgeBand;
  incomeBand: IncomeBand;
  /** Euro cents. */
  maxRentCents: number;
}

/** A placement profile going in: notes and exclusions may be left out. */
export interface PlacementProfileInput
  extends Omit<PlacementProfile, "notes" | "excludedNeighbourhoods" | "relapsePlan"> {
  notes?: { [K in ProfileCategory]?: string };
  excludedNeighbourhoods?: string[];
  relapsePlan?: RelapsePlan | null;
}

export interface Assessment {
  /** 1 (acute problems) … 5 (fully self-reliant). */
  level?: number | null;
  note?: string;
}

/** The coordinator's step-4 form while it is being filled in: every part may be missing. */
export interface ProfileDraft {
  assessments?: { [K in ProfileCategory]?: Assessment };
  mobility?: Mobility | null;
  searchArea?: string[];
  excludedNeighbourhoods?: string[];
  housingForm?: HousingForm | null;
  rentArrears?: History | null;
  nuisance?: History | null;
  budgetManagement?: boolean | null;
  contractForm?: ContractForm | null;
  supportHoursPerWeek?: number | null;
  reachable247?: boolean | null;
  relapsePlan?: RelapsePlan;
  safetyPlan?: SafetyPlan | null;
  /** Only lower than the rent-limit table allows; euro cents. */
  maxRentOverrideCents?: number | null;
}

/** What the minimiser derives from the dossier for the profile (`derivedFacts`). */
export interface DerivedFacts {
  gender: Gender;
  livingSituation: LivingSituation;
  ageBand: AgeBand;
  incomeBand: IncomeBand;
  householdSize: number;
  /**
   * Whether the rent table's young people's limit applies at the resident's exact age (18-20
   * from 2026): a yes/no, not the age. Always written by `derivedFacts`; absent means no.
   */
  youngRentLimit?: boolean;
}

export interface Missing {
  /** Dutch field path of the form, e.g. `niveaus.householdCare`, `zoekgebied`. */
  field: string;
  /** Dutch. */
  message: string;
}

export interface ProfileOptions {
  /** Another year's table; the shipped one when absent. */
  rentLimits?: RentLimits | null;
  /** The resident's own values (`knownValues`), so the scanner finds their names too. */
  known?: Known | null;
}

export interface ProfileProblems {
  missing: Missing[];
  findings: NoteFinding[];
}

// ------------------------------------------------------------------ scanner

export type FindingKind =
  | "name"
  | "otherPersonName"
  | "bsn"
  | "phone"
  | "email"
  | "postcode"
  | "streetAddress"
  | "iban"
  | "date"
  | "health"
  | "justice"
  | "belief"
  | "sexualOrientation"
  | "ethnicity"
  | "politics"
  | "unionMembership"
  | "genetic"
  | "biometric";

/** A finding: its kind and its range in the text, as UTF-8 byte offsets. */
export interface Finding {
  kind: FindingKind;
  start: number;
  end: number;
}

/** A finding as `scanText` returns it, with labels and JavaScript (UTF-16) offsets. */
export interface ScanFinding extends Finding {
  /** Dutch description of the kind. */
  label: string;
  /** What `redactText` puts in its place, e.g. `[NAAM]`. */
  placeholder: string;
  /** `text.slice(startUtf16, endUtf16)` is the found text. */
  startUtf16: number;
  endUtf16: number;
}

export interface NoteFinding {
  /** Dutch field path of the note, e.g. `notities.socialNetwork`, `terugvalplan.signalen`. */
  field: string;
  finding: Finding;
}

// ------------------------------------------------------------------ codes and bundles

export interface KeyExport {
  fileName: string;
  text: string;
}

export interface CodeCandidate {
  localId: string;
  stableId: string;
}

export interface MatchSummary {
  dwellingId: string;
  /** 0-100. */
  score: number;
}

export interface BundleProfileInput {
  /** `WK-XXXXX-XXXXX-C`, this recipient's code of the resident. */
  code: string;
  profile: PlacementProfileInput;
  matches?: MatchSummary[];
  /** Never written: the leak guard searches the bytes for these values. Required, with at
   * least one name part: a bundle is never written without its residents' own values. */
  known: Partial<Known> & { nameParts: string[] };
}

export interface WriteBundleInput {
  date: DateString;
  /** ISO date-time of the download, for the disclosure log. */
  at: string;
  region: Region;
  recipientId: string;
  recipientName: string;
  profiles: BundleProfileInput[];
  /** The values of every other resident the sender holds: searched for, never written, so a
   * note cannot name someone else of the caseload. */
  caseload?: Partial<Known>[] | null;
}

export type DisclosureKind = "codedBundle" | "handover";

export interface DisclosureEntry {
  at: string;
  step: number;
  recipientId: string;
  recipientName: string;
  /** Dutch category names. */
  categories: string[];
  grondslag: string;
  bundleId: string;
  codes: string[];
  kind: DisclosureKind;
}

export interface WrittenBundle {
  fileName: string;
  /** The file, ready for a Blob. */
  bytes: Uint8Array<ArrayBuffer>;
  bundleId: string;
  /** One code per input profile, in the input's order (`codes[i]` is `profiles[i].code`). */
  codes: string[];
  categories: ProfileCategory[];
  disclosureEntry: DisclosureEntry;
}

export interface LeakFinding {
  /** Code of the profile concerned; empty outside the profiles. */
  code: string;
  /** JSON path, e.g. `profiles[2].profile.notes.socialNetwork`. */
  field: string;
  /** `NAME`, `BSN`, `BIRTH_DATE`, `ADDRESS`, `POSTCODE`, `PHONE`, `EMAIL`, `IBAN`, `CONTACT_NAME`, `CHARACTER`, `SCAN_<kind>`, `UNREADABLE`. */
  kind: string;
  /** Dutch, never the value found. */
  message: string;
}

export interface BundleProfile {
  code: string;
  profile: PlacementProfile;
  matches: MatchSummary[];
}

/** A bundle that passed every check of the verifier. */
export interface VerifiedBundle {
  version: number;
  bundleId: string;
  date: DateString;
  sender: { region: Region; regionName: string; role: string };
  recipient: { id: string; name: string };
  profiles: BundleProfile[];
  /** SHA-256, hex. */
  digest: string;
}

// ------------------------------------------------------------------ housing offer

export type DwellingType =
  | "studio"
  | "apartment"
  | "groundFloorApartment"
  | "singleFamilyHouse"
  | "clusterUnit";
export type AgeLabel = "none" | "youngAdults" | "fiftyFivePlus";

export interface Criteria {
  acceptedContractForms: ContractForm[];
  maxRentArrears: History;
  arrearsRequiresBudgetManagement: boolean;
  maxNuisance: History;
  nuisanceRequiresSafetyPlan: boolean;
  relapsePlanRequired: boolean;
  minSupportHours: number;
  maxPlacementsPerNeighbourhood?: number;
  /** Neighbourhood → placements already there. */
  currentPlacements: { [neighbourhood: string]: number };
}

export interface HousingAssociation {
  id: string;
  name: string;
  workingArea: string[];
  criteria: Criteria;
  /** True for the invented associations of the sample offer. */
  example: boolean;
}

export interface Dwelling {
  id: string;
  associationId: string;
  gemeente: string;
  neighbourhood: string;
  dwellingType: DwellingType;
  inComplex: boolean;
  rooms: number;
  rentCents: number;
  stepFree: boolean;
  wheelchair: boolean;
  ageLabel: AgeLabel;
  minHousehold: number;
  maxHousehold: number;
  availableFrom: DateString;
}

export interface Offer {
  associations: HousingAssociation[];
  dwellings: Dwelling[];
}

export interface CriteriaInput
  extends Omit<Criteria, "maxPlacementsPerNeighbourhood" | "currentPlacements"> {
  maxPlacementsPerNeighbourhood?: number | null;
  currentPlacements?: { [neighbourhood: string]: number };
}

export interface HousingAssociationInput extends Omit<HousingAssociation, "criteria" | "example"> {
  criteria: CriteriaInput;
  example?: boolean;
}

/** An offer going in: either list may be left out. */
export interface OfferInput {
  associations?: HousingAssociationInput[];
  dwellings?: Dwelling[];
}

export type ImportKind = "json" | "dwellings" | "associations";

export interface RowError {
  /** Physical line in the file, 1-based. */
  line: number;
  /** The column heading as written in the file, when one cell is at fault. */
  column?: string;
  message: string;
}

export interface ImportReport {
  kind: ImportKind;
  /** What was read; merge it with `mergeOffer`. */
  offerPart: Offer;
  acceptedRows: number;
  errors: RowError[];
  ignoredColumns: string[];
}

export interface OfferCsv {
  associations: Uint8Array<ArrayBuffer>;
  dwellings: Uint8Array<ArrayBuffer>;
}

export type MergeMode = "addAndUpdate" | "replace";

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export interface MergeSummary {
  associations: MergeCounts;
  dwellings: MergeCounts;
}

export interface MergedOffer {
  offer: Offer;
  summary: MergeSummary;
}

export interface RentLimits {
  year: number;
  source: string;
  kwaliteitskortingsgrensCents: number;
  aftoppingsgrensLaagCents: number;
  aftoppingsgrensHoogCents: number;
  liberalisatiegrensCents: number;
  /** Yearly, euros. */
  incomeLimitSingle: number;
  incomeLimitMulti: number;
  incomeLimitSingleAow: number;
  incomeLimitMultiAow: number;
  /**
   * The highest age the young people's limit (kwaliteitskortingsgrens) applies to: 20 from
   * 2026. Always written by `rentLimits`; a table without it keeps the rule before 2026 (22).
   */
  youngMaxAge?: number;
}

// ------------------------------------------------------------------ matching

/** The six score components' weights; they must add up to 100. */
export interface Weights {
  area: number;
  housingForm: number;
  rentHeadroom: number;
  supportFit: number;
  spreading: number;
  sizeFit: number;
}

export type KnockOut =
  | "AREA"
  | "NEIGHBOURHOOD"
  | "CONTRACT"
  | "ARREARS"
  | "NUISANCE"
  | "RELAPSE_PLAN"
  | "SUPPORT"
  | "AGE_LABEL"
  | "HOUSEHOLD"
  | "ACCESS"
  | "RENT"
  | "CAPACITY"
  | "AVAILABLE";

export interface Reason {
  code: KnockOut;
  /** Dutch. */
  message: string;
}

export type ComponentKind =
  | "areaPreference"
  | "housingForm"
  | "rentHeadroom"
  | "supportFit"
  | "spreading"
  | "sizeFit";

export interface ScoreComponent {
  kind: ComponentKind;
  /** Dutch explanation. */
  label: string;
  weight: number;
  /** 0-1. */
  value: number;
  points: number;
}

export interface ScoredDwelling {
  dwellingId: string;
  associationId: string;
  /** 0-100. */
  score: number;
  components: ScoreComponent[];
}

export interface KnockedOutDwelling {
  dwellingId: string;
  reasons: Reason[];
}

export interface AssociationResult {
  associationId: string;
  eligible: boolean;
  reasons: Reason[];
  bestScore?: number;
}

export interface ProfileMatch {
  /** Highest score first; equal scores by dwelling id. */
  eligible: ScoredDwelling[];
  knockedOut: KnockedOutDwelling[];
  associations: AssociationResult[];
}

export type UnassignedReason = "noEligibleDwelling" | "outcompeted";

export interface Assignment {
  /** `profile` and `dwelling` are indices into the inputs. */
  pairs: Array<{ profile: number; dwelling: number; dwellingId: string; score: number }>;
  total: number;
  unassigned: Array<{ profile: number; reason: UnassignedReason; message: string }>;
}

// ------------------------------------------------------------------ functions: versions

/** The version of this JS API (semver); a breaking change of any function bumps it. */
export function version(): string;
/** The format version of the bundles this module writes and verifies. */
export function bundleFormatVersion(): number;
/** The format name in every bundle: `"woonkans-bundel"`. */
export function bundleFormat(): string;

// ------------------------------------------------------------------ functions: dossier

/** Every problem of the dossier for its current step; empty when all is well. */
export function validateDossier(dossier: DossierInput): Problem[];
export function targetGroupCheck(
  dossier: DossierInput,
  referenceDate: DateString,
  region: RegionName,
): TargetGroupResult;
export function processingRegister(): RegisterRow[];
/**
 * The view of a step (1-5) for its recipient. Step 5 needs this recipient's `code` and the
 * `profile`. Throws `GATE_MISSING` before the step's gates, `HANDOVER_ONLY` for step 6.
 */
export function minimisedView(
  step: 1,
  dossier: DossierInput,
  referenceDate: DateString,
  region: RegionName,
): Step1View;
export function minimisedView(
  step: 2,
  dossier: DossierInput,
  referenceDate: DateString,
  region: RegionName,
): Step2View;
export function minimisedView(
  step: 3,
  dossier: DossierInput,
  referenceDate: DateString,
  region: RegionName,
): Step3View;
export function minimisedView(
  step: 4,
  dossier: DossierInput,
  referenceDate: DateString,
  region: RegionName,
): Step4View;
export function minimisedView(
  step: 5,
  dossier: DossierInput,
  referenceDate: DateString,
  region: RegionName,
  code: string,
  profile: PlacementProfileInput,
): Step5View;
export function minimisedView(
  step: number,
  dossier: DossierInput,
  referenceDate: DateString,
  region: RegionName,
  code: string | null | undefined,
  profile: PlacementProfileInput | null | undefined,
): StepView;
export function makeHandover(
  dossier: DossierInput,
  profile: PlacementProfileInput,
  associationId: string,
  associationName: string,
  confirmation: HandoverConfirmation,
): HandoverFile;
export function knownValues(dossier: DossierInput): Known;
export function recordGate(
  dossier: DossierInput,
  gate: Gate,
  date: DateString,
  actor: string,
): Dossier;

// ------------------------------------------------------------------ functions: scanner and validators

/** Identifying data and special-category hints in free text, sorted, not overlapping. */
export function scanText(text: string, known?: Partial<Known> | null): ScanFinding[];
/** The text with each finding replaced by its placeholder (`[NAAM]`, `[BSN]`, …). */
export function redactText(text: string, findings: ReadonlyArray<Finding | ScanFinding>): string;
/** A BSN (11-test), normalised to 9 digits; throws `BSN_INVALID`. */
export function validateBsn(value: string): string;
/** A Dutch postcode, normalised to `1234 AB`; throws `POSTCODE_INVALID`. */
export function validatePostcode(value: string): string;
/** A Dutch phone number, normalised to `+31612345678`; throws `PHONE_INVALID`. */
export function validatePhone(value: string): string;
/** An e-mail address, normalised to lower case; throws `EMAIL_INVALID`. */
export function validateEmail(value: string): string;
/** An IBAN (mod-97), upper case without spaces; throws `IBAN_INVALID`. */
export function validateIban(value: string): string;
/** A date (`dd-mm-jjjj` or `jjjj-mm-dd`), normalised to ISO; throws `DATE_INVALID`. */
export function validateDate(value: string): DateString;

// ------------------------------------------------------------------ functions: profile

/** What keeps the draft from being a finished profile; both lists empty when it is ready. */
export function profileMissing(
  draft: ProfileDraft | null | undefined,
  facts: DerivedFacts,
  options?: ProfileOptions | null,
): ProfileProblems;
/** The finished profile; throws a `ProfileIncompleteError` while anything is open. */
export function buildProfile(
  draft: ProfileDraft | null | undefined,
  facts: DerivedFacts,
  options?: ProfileOptions | null,
): PlacementProfile;
/** The facts the minimiser derives from the dossier (after the step-4 gates). */
export function derivedFacts(
  dossier: DossierInput,
  referenceDate: DateString,
  region: RegionName,
  rentLimits?: RentLimits | null,
): DerivedFacts;

// ------------------------------------------------------------------ functions: codes and bundles

/** A new secret code key, as key-file text. */
export function newCodeKey(): string;
/** The code of a resident for one recipient: `WK-XXXXX-XXXXX-C`. */
export function deriveCode(keyFile: string, recipientId: string, stableId: string): string;
/** A typed or read-aloud code in its written form; `CODE_INVALID`, `CODE_CHECK_FAILED`. */
export function parseCode(text: string): string;
/** The local id of the dossier a code belongs to, or undefined. */
export function resolveCode(
  keyFile: string,
  recipientId: string,
  code: string,
  candidates: CodeCandidate[],
): string | undefined;
export function exportKey(keyFile: string): KeyExport;
/** Checks a backed-up key file and returns the key-file text to keep. */
export function importKey(text: string): string;
/** Builds a bundle and runs the leak guard; throws a `LeakGuardError` on a leak. */
export function writeBundle(input: WriteBundleInput): WrittenBundle;
/** Opens and checks a bundle file: format, version, structure, digest, canonical bytes. */
export function verifyBundle(bytes: Uint8Array): VerifiedBundle;
/** The disclosure log as CSV (with BOM) for a Dutch spreadsheet. */
export function disclosureCsv(entries: DisclosureEntry[]): string;

// ------------------------------------------------------------------ functions: offer and matching

/** The embedded sample offer (invented associations, both regions). */
export function sampleOffer(): Offer;
export function importOfferCsv(bytes: Uint8Array): ImportReport;
export function importOfferJson(text: string): ImportReport;
/** JSON or CSV, by content. */
export function importOfferFile(bytes: Uint8Array): ImportReport;
export function exportOfferCsv(offer: OfferInput): OfferCsv;
export function exportOfferJson(offer: OfferInput): string;
export function mergeOffer(current: OfferInput, incoming: OfferInput, mode: MergeMode): MergedOffer;
/** `weights` undefined or null: the default weights. */
export function matchProfile(
  profile: PlacementProfileInput,
  offer: OfferInput,
  weights: Weights | null | undefined,
  referenceDate: DateString,
): ProfileMatch;
export function assignCaseload(
  profiles: PlacementProfileInput[],
  offer: OfferInput,
  weights: Weights | null | undefined,
  referenceDate: DateString,
): Assignment;
export function defaultWeights(): Weights;
export function rentLimits(): RentLimits;
/**
 * The highest net rent in cents that passend toewijzen allows; `householdSize` is a whole
 * number from 1 to 12.
 */
export function maxRent(householdSize: number, ageBand: AgeBand, incomeBand: IncomeBand): number;
