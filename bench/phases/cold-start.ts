/**
 * Phase: cold start, what a serverless cold start pays (PERFORMANCE.md §5). Fresh `node`
 * processes, interleaved: a bare ESM script, and the same script with `arrears` added: it
 * imports the built `arrears` and `arrears/presets` (or `arrears/presets/cn`, the one module a
 * function serving one jurisdiction needs), loads the default policy and the `cn` preset and
 * makes its first decision. Each reports `performance.now()` (time since the process
 * started) at its end. Every probe holds the policy and the input as literals, as a bundled
 * serverless function does, so that the difference is `arrears` alone: reading them from files
 * would add `node:fs` (whose ES module facade loads Node's streams) to one side only. A third
 * script only reads one time zone's offset with `Intl`: what a process's first `Intl` costs
 * above a bare start (PERFORMANCE.md §5's "first `Intl` time-zone format only"). The seeded
 * borrower is in `Asia/Shanghai`, whose offset `arrears` reads from its zone table without
 * `Intl`; for context, the one-preset probe is also timed with the borrower in
 * `America/New_York` (daylight saving time, from the table's rules) and in `Africa/Casablanca`
 * (a zone the table does not hold, read through `Intl`). An empty script is timed too, for
 * scale, and, for context, the one-preset probe bundled into one file with esbuild, as
 * serverless tool chains often deploy a function.
 */
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateInput } from '../generate.js';
import { log, median, report, round } from '../lib.js';
import { defaultPolicyDocument } from '../policies.js';

const RUNS = Number(process.env['BENCH_COLD_RUNS'] ?? 31);
const dist = process.env['BENCH_DIST'];
if (dist === undefined) throw new Error('BENCH_DIST must name the built dist/');

const dir = mkdtempSync(join(tmpdir(), 'arrears-cold-'));
try {
  // The same data in every probe, as literals (JSON is a JavaScript expression).
  const data = `const policyDocument = ${JSON.stringify(defaultPolicyDocument())};\nconst input = ${JSON.stringify(generateInput(20260715, 3))};\n`;
  const done = `process.stdout.write(JSON.stringify({ sinceStartMs: performance.now() }));\n`;
  writeFileSync(join(dir, 'empty.mjs'), done);
  writeFileSync(join(dir, 'bare.mjs'), `${data}${done}`);
  // What @date-fns/tz does on the first offset it reads.
  writeFileSync(
    join(dir, 'intl.mjs'),
    `${data}new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', timeZoneName: 'longOffset' }).formatToParts(new Date(0));\n${done}`,
  );
  // The same first decision, with the presets of `arrears/presets` (all eleven) or with the
  // one module of `arrears/presets/cn`, as a function serving one jurisdiction imports it.
  const arrearsScript = (presetsFile: string) => `${data}const t0 = performance.now();
const { decide, loadCompliance, loadPolicy } = await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)});
const { cn } = await import(${JSON.stringify(pathToFileURL(join(dist, presetsFile)).href)});
const t1 = performance.now();
const policy = loadPolicy(policyDocument);
const compliance = loadCompliance(cn);
const t2 = performance.now();
const first = decide(input, { policy, compliance });
const t3 = performance.now();
decide(input, { policy, compliance });
const t4 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, firstDecisionMs: t3 - t2, secondDecisionMs: t4 - t3, sinceStartMs: t3, type: first.type }));
`;
  writeFileSync(join(dir, 'arrears.mjs'), arrearsScript('presets.js'));
  writeFileSync(join(dir, 'arrears-one.mjs'), arrearsScript(join('presets', 'cn.js')));
  // The same, with the borrower in a zone with daylight saving time (the table's rules) and in
  // one the table does not hold (read through `Intl`).
  const dstZone = 'America/New_York';
  const intlZone = 'Africa/Casablanca';
  if (!data.includes('"timeZone":"Asia/Shanghai"')) throw new Error('the seeded borrower is expected in Asia/Shanghai');
  const inZone = (zone: string) => arrearsScript(join('presets', 'cn.js')).replace('"timeZone":"Asia/Shanghai"', `"timeZone":"${zone}"`);
  writeFileSync(join(dir, 'arrears-dst.mjs'), inZone(dstZone));
  writeFileSync(join(dir, 'arrears-intl-zone.mjs'), inZone(intlZone));
  // For context, not the target: the one-preset probe bundled into one file with esbuild, as
  // serverless tool chains often deploy a function (static imports: no import phase to time).
  const bundledEntry = `import { decide, loadCompliance, loadPolicy } from ${JSON.stringify(join(dist, 'index.js'))};
import { cn } from ${JSON.stringify(join(dist, 'presets', 'cn.js'))};
${data}const t1 = performance.now();
const policy = loadPolicy(policyDocument);
const compliance = loadCompliance(cn);
const t2 = performance.now();
const first = decide(input, { policy, compliance });
const t3 = performance.now();
process.stdout.write(JSON.stringify({ loadMs: t2 - t1, firstDecisionMs: t3 - t2, sinceStartMs: t3, type: first.type }));
`;
  writeFileSync(join(dir, 'bundled-entry.mjs'), bundledEntry);
  buildSync({ entryPoints: [join(dir, 'bundled-entry.mjs')], bundle: true, format: 'esm', platform: 'node', outfile: join(dir, 'arrears-bundled.mjs'), logLevel: 'silent' });

  // Probes run without NODE_EXTRA_CA_CERTS. Where it is set (the benchmark's VMs set it to the
  // system's CA bundle), every Node process parses those certificates before its first line:
  // most of a bare start there (about 50 ms of 75), nothing a lender's function does, on both
  // sides of the difference, and noise in it. The bare start and the one-preset probe are also
  // timed with it kept, to compare with the runs that measured with it (A to V).
  const caCerts = process.env['NODE_EXTRA_CA_CERTS'];
  const withoutCaCerts = { ...process.env };
  delete withoutCaCerts['NODE_EXTRA_CA_CERTS'];
  const probe = (name: string): Record<string, number> => {
    const script = name.replace(/ \(CA\)$/, '');
    const env = script === name ? withoutCaCerts : process.env;
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(dir, script)], { encoding: 'utf8', env });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
    return { ...(JSON.parse(result.stdout) as Record<string, number>), wallMs };
  };
  log(`${RUNS} fresh processes each`);
  probe('bare.mjs');
  probe('arrears.mjs');
  probe('arrears-one.mjs');
  probe('arrears-dst.mjs');
  probe('arrears-intl-zone.mjs');
  probe('arrears-bundled.mjs');
  const empty: Record<string, number>[] = [];
  const bare: Record<string, number>[] = [];
  const arrears: Record<string, number>[] = [];
  const arrearsOne: Record<string, number>[] = [];
  const intl: Record<string, number>[] = [];
  const bundled: Record<string, number>[] = [];
  const arrearsDst: Record<string, number>[] = [];
  const arrearsIntlZone: Record<string, number>[] = [];
  const bareCa: Record<string, number>[] = [];
  const arrearsOneCa: Record<string, number>[] = [];
  const samples: Record<string, Record<string, number>[]> = {
    'empty.mjs': empty,
    'bare.mjs': bare,
    'arrears.mjs': arrears,
    'arrears-one.mjs': arrearsOne,
    'intl.mjs': intl,
    'arrears-bundled.mjs': bundled,
    'arrears-dst.mjs': arrearsDst,
    'arrears-intl-zone.mjs': arrearsIntlZone,
    ...(caCerts === undefined ? {} : { 'bare.mjs (CA)': bareCa, 'arrears-one.mjs (CA)': arrearsOneCa }),
  };
  const scripts = Object.keys(samples);
  for (let i = 0; i < RUNS; i++) {
    // Each round starts with a different probe, so that none always runs right after another.
    for (let j = 0; j < scripts.length; j++) {
      const script = scripts[(i + j) % scripts.length]!;
      samples[script]!.push(probe(script));
    }
  }
  const med = (list: Record<string, number>[], key: string) => round(median(list.map((entry) => entry[key]!)), 1);
  const firstDecision = (list: Record<string, number>[]) => ({
    wallMs: med(list, 'wallMs'),
    sinceStartMs: med(list, 'sinceStartMs'),
    importMs: med(list, 'importMs'),
    loadMs: med(list, 'loadMs'),
    firstDecisionMs: med(list, 'firstDecisionMs'),
    secondDecisionMs: round(median(list.map((entry) => entry['secondDecisionMs']!)), 3),
  });

  // What each dependency costs to import in a fresh process, beyond an empty script (medians of fewer runs).
  const PACKAGES = ['zod/mini', 'zod/locales', 'json-rules-engine', '@date-fns/tz', '@noble/hashes/sha2'];
  const IMPORTS = [...PACKAGES.map((name) => import.meta.resolve(name)), pathToFileURL(join(dist, 'index.js')).href];
  const importOnly: Record<string, number> = {};
  for (const specifier of IMPORTS) {
    const script = `import-${IMPORTS.indexOf(specifier)}.mjs`;
    writeFileSync(join(dir, script), `import ${JSON.stringify(specifier)};\nprocess.stdout.write(JSON.stringify({ sinceStartMs: performance.now() }));\n`);
    const times: number[] = [];
    const bareTimes: number[] = [];
    for (let i = 0; i < Math.ceil(RUNS / 2); i++) {
      bareTimes.push(probe('empty.mjs')['sinceStartMs']!);
      times.push(probe(script)['sinceStartMs']!);
    }
    importOnly[PACKAGES[IMPORTS.indexOf(specifier)] ?? 'arrears (dist/index.js, with its dependencies)'] = round(median(times) - median(bareTimes), 1);
  }
  const result = {
    runs: RUNS,
    empty: { wallMs: med(empty, 'wallMs'), sinceStartMs: med(empty, 'sinceStartMs') },
    bare: { wallMs: med(bare, 'wallMs'), sinceStartMs: med(bare, 'sinceStartMs') },
    intlOnly: { wallMs: med(intl, 'wallMs'), sinceStartMs: med(intl, 'sinceStartMs') },
    arrears: firstDecision(arrears),
    arrearsOnePreset: firstDecision(arrearsOne),
    arrearsOnePresetDst: { zone: dstZone, ...firstDecision(arrearsDst) },
    arrearsOnePresetIntlZone: { zone: intlZone, ...firstDecision(arrearsIntlZone) },
    bundledOnePreset: { wallMs: med(bundled, 'wallMs'), sinceStartMs: med(bundled, 'sinceStartMs'), loadMs: med(bundled, 'loadMs'), firstDecisionMs: med(bundled, 'firstDecisionMs') },
    // null where the variable was not set: then every probe ran as it was.
    withExtraCaCerts:
      caCerts === undefined
        ? null
        : { bare: { sinceStartMs: med(bareCa, 'sinceStartMs') }, arrearsOnePreset: firstDecision(arrearsOneCa), aboveBareMs: round(med(arrearsOneCa, 'sinceStartMs') - med(bareCa, 'sinceStartMs'), 1) },
  };
  report({
    ...result,
    aboveBareMs: { wall: round(result.arrears.wallMs - result.bare.wallMs, 1), sinceStart: round(result.arrears.sinceStartMs - result.bare.sinceStartMs, 1) },
    aboveBareOnePresetMs: {
      wall: round(result.arrearsOnePreset.wallMs - result.bare.wallMs, 1),
      sinceStart: round(result.arrearsOnePreset.sinceStartMs - result.bare.sinceStartMs, 1),
    },
    dstZoneOnePresetAboveBareMs: round(result.arrearsOnePresetDst.sinceStartMs - result.bare.sinceStartMs, 1),
    intlZoneOnePresetAboveBareMs: round(result.arrearsOnePresetIntlZone.sinceStartMs - result.bare.sinceStartMs, 1),
    bundledOnePresetAboveBareMs: round(result.bundledOnePreset.sinceStartMs - result.bare.sinceStartMs, 1),
    intlOnlyAboveBareMs: round(result.intlOnly.sinceStartMs - result.bare.sinceStartMs, 1),
    importAboveBareMs: importOnly,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
