/**
 * Regenerates `docs/compliance-presets.md` from the preset documents in `rules/compliance/`.
 * Run it with `npx tsx scripts/generate-presets-doc.ts`; `test/docs/presets-doc.test.ts` fails
 * when the page is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { presets } from '../src/presets/index.js';
import { renderPresetsDoc } from './presets-doc.js';

const file = new URL('../docs/compliance-presets.md', import.meta.url);
const after = renderPresetsDoc(presets);
let before: string | undefined;
try {
  before = readFileSync(file, 'utf8');
} catch {
  before = undefined;
}
if (after === before) {
  console.log('docs/compliance-presets.md: up to date');
} else {
  writeFileSync(file, after);
  console.log('docs/compliance-presets.md: rewritten');
}
