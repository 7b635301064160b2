// The Woonkans module from plain JavaScript: no framework, no build step. Serve the folder that
// holds both `pkg/` (from `cargo xtask package`) and `examples/`, and open examples/index.html.

import init, {
  version,
  bundleFormatVersion,
  sampleOffer,
  buildProfile,
  matchProfile,
  verifyBundle,
} from '../pkg/woonkans.js';

const byId = (id) => document.getElementById(id);

/** An element with text content; values from files are never parsed as HTML. */
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

/** Every error of the module has a stable `code` and a Dutch `message`. */
function explain(error) {
  return error && typeof error.code === 'string'
    ? `${error.message} (${error.code})`
    : `Onverwachte fout: ${String(error)}`;
}

function row(cells) {
  const tr = el('tr');
  for (const c of cells) tr.append(el('td', c));
  return tr;
}

// An invented resident: what the minimiser would derive from a dossier, and the coordinator's
// step-4 form.
const facts = {
  gender: 'female',
  livingSituation: 'shelteredHousing',
  ageBand: '23-27',
  incomeBand: 'atOrBelowLimit',
  householdSize: 1,
};
const draft = {
  assessments: {
    householdCare: { level: 3 },
    workDayActivities: { level: 4 },
    socialNetwork: { level: 3 },
    socialSelfReliance: { level: 3 },
    financesDebts: { level: 2, note: 'Schuldhulp loopt, afspraken worden nagekomen.' },
  },
  mobility: 'none',
  searchArea: ['Venlo', 'Venray'],
  housingForm: 'noPreference',
  rentArrears: 'resolved',
  nuisance: 'none',
  budgetManagement: true,
  contractForm: 'leaseWithCareAgreement',
  supportHoursPerWeek: 4,
  reachable247: true,
  relapsePlan: {
    signals: 'Post blijft liggen, afspraken worden gemist.',
    agreements: [
      { party: 'careProvider', action: 'Binnen twee werkdagen een huisbezoek.' },
      { party: 'housingAssociation', action: 'Meldt een betalingsachterstand na een maand.' },
    ],
  },
  safetyPlan: 'notNeeded',
};

/** The reference date for matching: today, from the browser (the module has no clock). */
const today = new Date().toISOString().slice(0, 10);

function showScores(offer) {
  const profile = buildProfile(draft, facts);
  byId('profiel-json').textContent = JSON.stringify(profile, null, 2);
  const result = matchProfile(profile, offer, null, today);
  const names = new Map(offer.associations.map((a) => [a.id, a.name]));
  const dwellings = new Map(offer.dwellings.map((d) => [d.id, d]));
  const body = byId('scores').querySelector('tbody');
  body.replaceChildren();
  for (const d of result.eligible.slice(0, 10)) {
    const biggest = [...d.components].sort((a, b) => b.points - a.points)[0];
    body.append(
      row([
        d.dwellingId,
        names.get(d.associationId) ?? d.associationId,
        dwellings.get(d.dwellingId)?.gemeente ?? '',
        d.score,
        biggest ? biggest.label : '',
      ]),
    );
  }
  byId('scores').hidden = false;
  byId('score-uitleg').textContent =
    `Peildatum ${today}: ${result.eligible.length} passende woningen, ` +
    `${result.knockedOut.length} vallen af op een harde eis.`;
}

function showBundle(bytes, offer) {
  const out = byId('bundel-uitkomst');
  out.replaceChildren();
  let bundle;
  try {
    bundle = verifyBundle(bytes);
  } catch (error) {
    const box = el('div', undefined, 'ongeldig');
    box.setAttribute('role', 'alert');
    const verdict = el('p', 'Bundel ongeldig', 'oordeel');
    verdict.id = 'bundel-oordeel';
    const reason = el('p', explain(error));
    reason.id = 'bundel-reden';
    box.append(verdict, reason);
    out.append(box);
    return;
  }
  const box = el('div', undefined, 'geldig');
  const verdict = el('p', 'Bundel geldig', 'oordeel');
  verdict.id = 'bundel-oordeel';
  const details = el('ul');
  details.append(
    el('li', `Voor: ${bundle.recipient.name}`),
    el('li', `Van: ${bundle.sender.role}, ${bundle.sender.regionName}`),
    el('li', `Datum: ${bundle.date}, formaat versie ${bundle.version}`),
    el('li', `Profielen: ${bundle.profiles.length}`),
    el('li', `Controlegetal (SHA-256): ${bundle.digest}`),
  );
  const table = el('table');
  table.id = 'bundel-profielen';
  table.append(el('caption', 'Profielen, gescoord tegen het voorbeeldaanbod'));
  const head = el('tr');
  for (const h of ['Code', 'Passende woningen', 'Beste woning', 'Score']) {
    const th = el('th', h);
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'), el('tbody'));
  table.tHead.append(head);
  for (const p of bundle.profiles) {
    const result = matchProfile(p.profile, offer, null, bundle.date);
    const best = result.eligible[0];
    table.tBodies[0].append(
      row([p.code, result.eligible.length, best ? best.dwellingId : '-', best ? best.score : '-']),
    );
  }
  box.append(verdict, details, table);
  out.append(box);
}

async function start() {
  try {
    await init();
  } catch (error) {
    byId('status').textContent = `De module kon niet laden: ${String(error)}`;
    return;
  }
  byId('status').textContent =
    `Module geladen: versie ${version()}, bundelformaat ${bundleFormatVersion()}.`;
  const offer = sampleOffer();
  try {
    showScores(offer);
  } catch (error) {
    byId('score-uitleg').textContent = explain(error);
  }

  const read = async (file) => {
    if (file) showBundle(new Uint8Array(await file.arrayBuffer()), offer);
  };
  const input = byId('bundel');
  input.addEventListener('change', () => read(input.files[0]));
  const zone = byId('sleepvlak');
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('erboven');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('erboven'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('erboven');
    read(event.dataTransfer.files[0]);
  });
}

start();
