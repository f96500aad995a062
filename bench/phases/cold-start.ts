/**
 * Phase: cold start, what a serverless cold start pays (PERFORMANCE.md §5). Fresh `node`
 * processes, 15 of each, interleaved: a bare ESM script, and one that imports the built
 * `arrears` and `arrears/presets`, loads the default policy and the `cn` preset and makes its
 * first decision. Each reports `performance.now()` (time since the process started) at its end.
 * A third script only reads one time zone's offset with `Intl`, as the first decision must (the
 * borrower's local time): what that costs above a bare start is the floor no library on `Intl`
 * goes below (PERFORMANCE.md §5's "first `Intl` time-zone format only").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateInput } from '../generate.js';
import { log, median, report, round } from '../lib.js';
import { defaultPolicyDocument } from '../policies.js';

const RUNS = Number(process.env['BENCH_COLD_RUNS'] ?? 15);
const dist = process.env['BENCH_DIST'];
if (dist === undefined) throw new Error('BENCH_DIST must name the built dist/');

const dir = mkdtempSync(join(tmpdir(), 'arrears-cold-'));
try {
  writeFileSync(join(dir, 'input.json'), JSON.stringify(generateInput(20260715, 3)));
  writeFileSync(join(dir, 'policy.json'), JSON.stringify(defaultPolicyDocument()));
  writeFileSync(join(dir, 'bare.mjs'), `process.stdout.write(JSON.stringify({ sinceStartMs: performance.now() }));\n`);
  // What @date-fns/tz does on the first offset it reads.
  writeFileSync(
    join(dir, 'intl.mjs'),
    `new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', timeZoneName: 'longOffset' }).formatToParts(new Date(0));\nprocess.stdout.write(JSON.stringify({ sinceStartMs: performance.now() }));\n`,
  );
  writeFileSync(
    join(dir, 'arrears.mjs'),
    `import { readFileSync } from 'node:fs';
const t0 = performance.now();
const { decide, loadCompliance, loadPolicy } = await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)});
const { cn } = await import(${JSON.stringify(pathToFileURL(join(dist, 'presets.js')).href)});
const t1 = performance.now();
const policy = loadPolicy(JSON.parse(readFileSync(new URL('./policy.json', import.meta.url), 'utf8')));
const compliance = loadCompliance(cn);
const t2 = performance.now();
const input = JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8'));
const first = decide(input, { policy, compliance });
const t3 = performance.now();
decide(input, { policy, compliance });
const t4 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, firstDecisionMs: t3 - t2, secondDecisionMs: t4 - t3, sinceStartMs: t3, type: first.type }));
`,
  );

  const probe = (script: string): Record<string, number> => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(dir, script)], { encoding: 'utf8' });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
    return { ...(JSON.parse(result.stdout) as Record<string, number>), wallMs };
  };
  log(`${RUNS} fresh processes each`);
  probe('bare.mjs');
  probe('arrears.mjs');
  const bare: Record<string, number>[] = [];
  const arrears: Record<string, number>[] = [];
  const intl: Record<string, number>[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(probe('bare.mjs'));
    arrears.push(probe('arrears.mjs'));
    intl.push(probe('intl.mjs'));
  }
  const med = (list: Record<string, number>[], key: string) => round(median(list.map((entry) => entry[key]!)), 1);

  // What each dependency costs to import in a fresh process, beyond a bare start (medians of fewer runs).
  const PACKAGES = ['zod/mini', 'zod/locales', 'json-rules-engine', '@date-fns/tz', '@noble/hashes/sha2'];
  const IMPORTS = [...PACKAGES.map((name) => import.meta.resolve(name)), pathToFileURL(join(dist, 'index.js')).href];
  const importOnly: Record<string, number> = {};
  for (const specifier of IMPORTS) {
    const script = `import-${IMPORTS.indexOf(specifier)}.mjs`;
    writeFileSync(join(dir, script), `import ${JSON.stringify(specifier)};\nprocess.stdout.write(JSON.stringify({ sinceStartMs: performance.now() }));\n`);
    const times: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < Math.ceil(RUNS / 2); i++) {
      bareTimes.push(probe('bare.mjs')['sinceStartMs']!);
      times.push(probe(script)['sinceStartMs']!);
    }
    importOnly[PACKAGES[IMPORTS.indexOf(specifier)] ?? 'arrears (dist/index.js, with its dependencies)'] = round(median(times) - median(bareTimes), 1);
  }
  const result = {
    runs: RUNS,
    bare: { wallMs: med(bare, 'wallMs'), sinceStartMs: med(bare, 'sinceStartMs') },
    intlOnly: { wallMs: med(intl, 'wallMs'), sinceStartMs: med(intl, 'sinceStartMs') },
    arrears: {
      wallMs: med(arrears, 'wallMs'),
      sinceStartMs: med(arrears, 'sinceStartMs'),
      importMs: med(arrears, 'importMs'),
      loadMs: med(arrears, 'loadMs'),
      firstDecisionMs: med(arrears, 'firstDecisionMs'),
      secondDecisionMs: round(median(arrears.map((entry) => entry['secondDecisionMs']!)), 3),
    },
  };
  report({
    ...result,
    aboveBareMs: { wall: round(result.arrears.wallMs - result.bare.wallMs, 1), sinceStart: round(result.arrears.sinceStartMs - result.bare.sinceStartMs, 1) },
    intlOnlyAboveBareMs: round(result.intlOnly.sinceStartMs - result.bare.sinceStartMs, 1),
    importAboveBareMs: importOnly,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
