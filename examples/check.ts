// Type check of the module's declarations, run by `cargo xtask test`:
//   node_modules/.bin/tsc -p examples/tsconfig.json --noEmit
// It is never run, only compiled: it calls every function the way a TypeScript tool would, and
// the `@ts-expect-error` lines prove that wrong use is refused, so no type is secretly `any`.

import init, {
  initSync,
  version,
  bundleFormat,
  bundleFormatVersion,
  validateDossier,
  targetGroupCheck,
  processingRegister,
  minimisedView,
  makeHandover,
  knownValues,
  recordGate,
  scanText,
  redactText,
  validateBsn,
  validatePostcode,
  validatePhone,
  validateEmail,
  validateIban,
  validateDate,
  profileMissing,
  buildProfile,
  derivedFacts,
  newCodeKey,
  deriveCode,
  parseCode,
  resolveCode,
  exportKey,
  importKey,
  writeBundle,
  verifyBundle,
  disclosureCsv,
  sampleOffer,
  importOfferCsv,
  importOfferJson,
  importOfferFile,
  exportOfferCsv,
  exportOfferJson,
  mergeOffer,
  matchProfile,
  assignCaseload,
  defaultWeights,
  rentLimits,
  maxRent,
  createKeys,
  keyCard,
  readKeyCard,
  sealEnvelope,
  openEnvelope,
  makeReply,
  readReply,
} from "@woonkans/woonkans";
import type * as W from "@woonkans/woonkans";

// ------------------------------------------------------------ no `any` anywhere at the surface

type IsAny<T> = 0 extends 1 & T ? true : false;
type AnyIn<P extends readonly unknown[]> = true extends { [I in keyof P]: IsAny<P[I]> }[number]
  ? true
  : false;
type Exports = typeof import("@woonkans/woonkans");
/** The names of exported functions that take or return `any`; must be none. */
type LeakyFunctions = {
  [K in keyof Exports]: Exports[K] extends (...args: infer P) => infer R
    ? IsAny<R> extends true
      ? K
      : AnyIn<P> extends true
        ? K
        : never
    : never;
}[keyof Exports];
const noAny: [LeakyFunctions] extends [never] ? true : false = true;

function isWoonkansError(e: unknown): e is W.WoonkansError {
  return e instanceof Error && typeof (e as Partial<W.WoonkansError>).code === "string";
}

// ------------------------------------------------------------ the example's own data

const dossierInput: W.DossierInput = {
  id: "d-1",
  name: { firstNames: "Anna", surname: "Berg" },
  gemeente: "Venlo",
  birthDate: "03-04-2001",
  gender: "female",
  income: { yearlyAmountEuros: 16000, source: "benefits" },
  livingSituation: "shelteredHousing",
  documents: { bewindvoeringRuling: { status: "notApplicable" }, missingReason: "followsLater" },
  targetGroup: { statusHolder: false },
  gates: [{ gate: "consentToRegister", date: "2026-01-02", actor: "Zorgaanbieder" }],
};

const draft: Partial<W.ProfileDraft> = {
  assessments: { householdCare: { level: 3 }, financesDebts: { level: 2, note: "Schuldhulp loopt." } },
  mobility: "none",
  searchArea: ["Venlo"],
  housingForm: "inComplex",
  rentArrears: "resolved",
  nuisance: "none",
  budgetManagement: true,
  contractForm: "leaseWithCareAgreement",
  supportHoursPerWeek: 4,
  reachable247: true,
  relapsePlan: {
    signals: "Post blijft liggen.",
    agreements: [{ party: "careProvider", action: "Huisbezoek binnen twee dagen." }],
  },
  safetyPlan: "notNeeded",
};

export async function main(wasmUrl: URL, bundleFile: File, csvFile: File): Promise<string[]> {
  const out: string[] = [];
  const loaded: W.InitOutput = await init({ module_or_path: wasmUrl });
  out.push(`${loaded.memory.buffer.byteLength}`);
  const again: W.InitOutput = initSync({ module: new Uint8Array(0) });
  out.push(String(again.memory instanceof WebAssembly.Memory));

  // versions
  const v: string = version();
  const format: string = bundleFormat();
  const fv: number = bundleFormatVersion();
  out.push(`${v} ${format} v${fv}`);

  // dossier
  const problems: W.Problem[] = validateDossier(dossierInput);
  out.push(...problems.map((p) => `${p.code}: ${p.message} (${p.field ?? "-"})`));
  const tg: W.TargetGroupResult = targetGroupCheck(dossierInput, "2026-06-01", "Noord-Limburg");
  const reasons: string[] = tg.failures.map((f) => `${f.condition}: ${f.reason}`);
  out.push(String(tg.eligible && tg.youngAdult), ...reasons);
  const rows: W.RegisterRow[] = processingRegister();
  const step4Categories: W.Category[] = rows[3].categories.map((c) => c.key);
  out.push(step4Categories.join(","), rows[5].grondslagen[0].article);
  const dossier: W.Dossier = recordGate(dossierInput, "eligibilityAndSupportPlan", "2026-02-01", "Wmo Venlo");
  const step1: W.Step1View = minimisedView(1, dossier, "2026-06-01", "noordLimburg");
  const step4: W.Step4View = minimisedView(4, dossier, "2026-06-01", "noordLimburg");
  const any: W.StepView = minimisedView(Number("3"), dossier, "2026-06-01", "noordLimburg", null, null);
  if (any.view === "step3") out.push(any.health.length.toString());
  out.push(step1.name.surname, step4.ageBand, step4.incomeBand ?? "onbekend");
  const known: W.Known = knownValues(dossier);

  // scanner and validators
  const note = "Bel 06-12345678.";
  const findings: W.ScanFinding[] = scanText(note, known);
  const partial: W.ScanFinding[] = scanText(note, { nameParts: ["Anna"] });
  out.push(redactText(note, findings), note.slice(partial[0]?.startUtf16 ?? 0, partial[0]?.endUtf16 ?? 0));
  const normalised: string[] = [
    validateBsn("999994669"),
    validatePostcode("5911ab"),
    validatePhone("06-12345678"),
    validateEmail("A@B.NL"),
    validateIban("NL91 ABNA 0417 1643 00"),
    validateDate("03-04-2001"),
  ];
  out.push(...normalised);

  // profile
  const facts: W.DerivedFacts = derivedFacts(dossier, "2026-06-01", "Noord-Limburg");
  const open: W.ProfileProblems = profileMissing(draft, facts, { known });
  out.push(...open.missing.map((m: W.Missing) => `${m.field}: ${m.message}`));
  out.push(...open.findings.map((f: W.NoteFinding) => `${f.field}: ${f.finding.kind}`));
  let profile: W.PlacementProfile | undefined;
  try {
    profile = buildProfile(draft, facts, { rentLimits: rentLimits() });
  } catch (e) {
    if (isWoonkansError(e) && e.code === "PROFILE_INCOMPLETE") {
      const incomplete = e as W.ProfileIncompleteError;
      out.push(`${incomplete.missing.length} open, ${incomplete.findings.length} vondsten`);
    }
  }
  if (!profile) return out;
  out.push(String(buildProfile(undefined, facts).maxRentCents));

  // codes
  const key: string = newCodeKey();
  const code: string = deriveCode(key, "wonen-limburg", "999994669");
  const typed: string = parseCode(code.toLowerCase());
  const localId: string | undefined = resolveCode(key, "wonen-limburg", typed, [
    { localId: dossier.id, stableId: "999994669" },
  ]);
  const backup: W.KeyExport = exportKey(key);
  out.push(localId ?? "onbekend", backup.fileName, importKey(backup.text));

  // offer and matching
  const offer: W.Offer = sampleOffer();
  const weights: W.Weights = defaultWeights();
  const scored: W.ProfileMatch = matchProfile(profile, offer, weights, "2026-06-01");
  const best: W.ScoredDwelling | undefined = scored.eligible[0];
  const why: W.KnockOut[] = scored.knockedOut.flatMap((d) => d.reasons.map((r) => r.code));
  out.push(`${best?.dwellingId ?? "-"} ${best?.score ?? 0}`, why.join(","));
  out.push(...(best?.components ?? []).map((c: W.ScoreComponent) => `${c.label}: ${c.points}`));
  const assignment: W.Assignment = assignCaseload([profile, profile], offer, null, "2026-06-01");
  out.push(...assignment.unassigned.map((u) => `${u.profile}: ${u.reason} ${u.message}`));
  out.push(`${assignment.total} ${assignment.pairs.map((p) => p.dwellingId).join(",")}`);
  const priority: W.CaseloadPriority = {
    weights: { young: 15, perMonthWaiting: 2, maxMonths: 12 },
    waitingSince: ["2025-09-01", null],
  };
  const prioritised: W.Assignment = assignCaseload([profile, profile], offer, null, "2026-06-01", priority);
  out.push(`${prioritised.weightedTotal} ${prioritised.pairs.map((p) => p.priority).join(",")}`);
  const limit: number = maxRent(facts.householdSize, facts.ageBand, facts.incomeBand);
  out.push(String(limit));

  const csv: W.ImportReport = importOfferCsv(new Uint8Array(await csvFile.arrayBuffer()));
  const either: W.ImportReport = importOfferFile(new Uint8Array(await csvFile.arrayBuffer()));
  const json: W.ImportReport = importOfferJson(exportOfferJson(offer));
  out.push(...csv.errors.map((e: W.RowError) => `regel ${e.line} ${e.column ?? ""}: ${e.message}`));
  const merged: W.MergedOffer = mergeOffer(offer, either.offerPart, "addAndUpdate");
  const replaced: W.MergedOffer = mergeOffer(merged.offer, json.offerPart, "replace");
  out.push(`${replaced.summary.dwellings.added} ${replaced.summary.associations.removed}`);
  const files: W.OfferCsv = exportOfferCsv({ dwellings: offer.dwellings });
  out.push(`${files.associations.byteLength} ${files.dwellings.byteLength}`);

  // bundles
  const association: W.HousingAssociation = offer.associations[0];
  let written: W.WrittenBundle | undefined;
  try {
    written = writeBundle({
      date: "2026-06-01",
      at: new Date(0).toISOString(),
      region: "noordLimburg",
      recipientId: association.id,
      recipientName: association.name,
      profiles: [
        {
          code: deriveCode(key, association.id, "999994669"),
          profile,
          matches: best ? [{ dwellingId: best.dwellingId, score: best.score }] : [],
          known,
        },
      ],
    });
  } catch (e) {
    if (isWoonkansError(e) && e.code === "LEAK_GUARD") {
      out.push(...(e as W.LeakGuardError).findings.map((f: W.LeakFinding) => `${f.field}: ${f.message}`));
    }
  }
  if (written) {
    const blob = new Blob([written.bytes], { type: "application/json" });
    out.push(`${written.fileName} ${blob.size} ${written.categories.join(",")}`);
    out.push(disclosureCsv([written.disclosureEntry]));
  }
  const opened: W.VerifiedBundle = verifyBundle(new Uint8Array(await bundleFile.arrayBuffer()));
  for (const p of opened.profiles) {
    const match: W.ProfileMatch = matchProfile(p.profile, offer, undefined, opened.date);
    out.push(`${p.code}: ${match.eligible.length} woningen, ${p.profile.selfReliance.financesDebts}`);
  }
  out.push(opened.sender.regionName, opened.digest, String(opened.version === bundleFormatVersion()));

  // the hand-over, after the match is accepted
  const handover: W.HandoverFile = makeHandover(dossier, profile, association.id, association.name, {
    grondslagConfirmed: true,
    confirmedBy: "Ketenregisseur",
    date: "2026-07-01",
  });
  out.push(handover.fileName, handover.handover.bsn, handover.json.length.toString());

  // keys, key cards and envelopes (an association's portal)
  const portalKeys: W.OwnKeys = createKeys(
    { role: "woningcorporatie", organisation: association.name, organisationId: association.id },
    "2026-06-01",
  );
  const stored: string = JSON.stringify(portalKeys);
  const restored: W.OwnKeys = JSON.parse(stored) as W.OwnKeys;
  const coordinatorKeys: W.OwnKeys = createKeys(
    { role: "regisseur", organisation: "Regio", organisationId: "regio", region: "noordLimburg" },
    "2026-06-01",
  );
  const portalCard: string = keyCard(restored);
  const coordinatorCard: string = keyCard(coordinatorKeys);
  const info: W.KeyCardInfo = readKeyCard(coordinatorCard, "regisseur");
  out.push(`${info.identity.organisation} ${info.fingerprint} ${info.created}`);
  const sealed: Uint8Array<ArrayBuffer> = sealEnvelope({
    keys: coordinatorKeys,
    type: "bundel",
    date: "2026-06-02",
    payload: written?.bytes ?? "{}",
    recipients: [portalCard],
  });
  const envelope: W.OpenedEnvelope = openEnvelope({
    keys: restored,
    bytes: sealed,
    contacts: [coordinatorCard],
    expectedType: "bundel",
  });
  const kind: W.MessageType = envelope.type;
  const sender: W.Role = envelope.sender.identity.role;
  out.push(kind, sender, envelope.id, String(envelope.payload.byteLength));
  const bundleInEnvelope: W.VerifiedBundle = verifyBundle(envelope.payload);
  const replyBytes: Uint8Array<ArrayBuffer> = makeReply({
    bundleId: bundleInEnvelope.bundleId,
    associationId: bundleInEnvelope.recipient.id,
    date: "2026-06-03",
    answers: bundleInEnvelope.profiles.map((p) => ({ code: p.code, answer: "interest" as const })),
  });
  const replyEnvelope = sealEnvelope({
    keys: restored,
    type: "reactie",
    date: "2026-06-03",
    payload: replyBytes,
    recipients: [coordinatorCard],
  });
  const back: W.Reply = readReply(
    openEnvelope({ keys: coordinatorKeys, bytes: replyEnvelope, contacts: [portalCard] }).payload,
  );
  out.push(...back.answers.map((a: W.CodeAnswer) => `${a.code}: ${a.answer} ${a.reason ?? ""}`));
  return out;
}

// ------------------------------------------------------------ wrong use is refused

export function refused(offer: W.Offer, profile: W.PlacementProfile): void {
  // @ts-expect-error a bundle is bytes, not text
  verifyBundle("{}");
  // @ts-expect-error the region of a bundle is the key, not the Dutch name
  const region: W.Region = "Noord-Limburg";
  // @ts-expect-error the score is a number
  const score: string = matchProfile(profile, offer, null, "2026-06-01").eligible[0].score;
  // @ts-expect-error the mode is addAndUpdate or replace
  mergeOffer(offer, offer, "merge");
  // @ts-expect-error the step-4 view has no name
  minimisedView(4, {}, "2026-06-01", "noordLimburg").name;
  // @ts-expect-error step 5 needs a code and a profile
  minimisedView(5, {}, "2026-06-01", "noordLimburg");
  // @ts-expect-error facts are required
  buildProfile({});
  // @ts-expect-error an age band is one of five labels
  maxRent(1, "18-27", "atOrBelowLimit");
  // @ts-expect-error a knocked-out dwelling carries reasons, not a score
  offer.dwellings.length + matchProfile(profile, offer, null, "2026-06-01").knockedOut[0].score;
  // @ts-expect-error the secret keys are an object, not a card's text
  keyCard("{}");
  // @ts-expect-error a message type is one of the fixed names
  sealEnvelope({ keys: createKeys({ role: "regisseur", organisation: "R", organisationId: "r" }, "2026-06-01"), type: "brief", date: "2026-06-01", payload: "", recipients: [] });
  // @ts-expect-error the trusted contacts are card files (text), not parsed card infos
  openEnvelope({ keys: createKeys({ role: "regisseur", organisation: "R", organisationId: "r" }, "2026-06-01"), bytes: new Uint8Array(0), contacts: [readKeyCard("")] });
  // @ts-expect-error a role is one of four kebab-case names
  readKeyCard("", "Woningcorporatie");
  void region;
  void score;
  void noAny;
}
