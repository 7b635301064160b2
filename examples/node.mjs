// The module from Node.js (20 or later), the same calls as in a browser: `node examples/node.mjs`
// from the repository root after `cargo xtask package`.

import { readFile } from 'node:fs/promises';
import init, { version, bundleFormatVersion, sampleOffer, buildProfile, matchProfile, verifyBundle } from '../pkg/woonkans.js';

// In a browser, `await init()` fetches woonkans_bg.wasm itself; Node is given the bytes.
await init({ module_or_path: await readFile(new URL('../pkg/woonkans_bg.wasm', import.meta.url)) });
console.log(`woonkans ${version()}, bundelformaat ${bundleFormatVersion()}`);

const facts = { gender: 'female', livingSituation: 'shelteredHousing', ageBand: '23-27',
  incomeBand: 'atOrBelowLimit', householdSize: 1 };
const draft = {
  assessments: { householdCare: { level: 3 }, workDayActivities: { level: 4 },
    socialNetwork: { level: 3 }, socialSelfReliance: { level: 3 }, financesDebts: { level: 2 } },
  mobility: 'none', searchArea: ['Venlo'], housingForm: 'noPreference', rentArrears: 'none',
  nuisance: 'none', budgetManagement: false, contractForm: 'regularLease',
  supportHoursPerWeek: 4, reachable247: true, safetyPlan: 'notNeeded',
  relapsePlan: { signals: 'Post blijft liggen.', agreements: [
    { party: 'careProvider', action: 'Huisbezoek binnen twee dagen.' },
    { party: 'housingAssociation', action: 'Meldt een achterstand na een maand.' }] },
};
const profile = buildProfile(draft, facts);
const { eligible } = matchProfile(profile, sampleOffer(), null, '2026-06-01');
for (const d of eligible.slice(0, 3)) console.log(d.dwellingId, d.score);

try {
  verifyBundle(new TextEncoder().encode('geen bundel'));
} catch (e) {
  console.log(e.code, '-', e.message); // BUNDLE_NOT_JSON - Dutch text
}
