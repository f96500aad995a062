/**
 * Regenerates the parts of `docs/` that come from the source: today the fact catalog table of
 * `docs/writing-a-policy.md`, between `<!-- facts:start -->` and `<!-- facts:end -->`.
 * Run it with `npx tsx scripts/generate-docs.ts`; `test/docs/docs.test.ts` fails when it is due.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { replaceFactTable } from './fact-table.js';

const file = new URL('../docs/writing-a-policy.md', import.meta.url);
const before = readFileSync(file, 'utf8');
const after = replaceFactTable(before);
if (after === before) {
  console.log('docs/writing-a-policy.md: fact table up to date');
} else {
  writeFileSync(file, after);
  console.log('docs/writing-a-policy.md: fact table rewritten');
}
