/**
 * `npm run bench`: builds the package, then runs each measurement in a fresh `node` process on
 * plain JavaScript (never through tsx), prints a summary and writes bench/results.json.
 *
 * - The library is built with tsup (`npm run build`) and copied to node_modules/.cache/arrears-bench/
 *   so that a rebuild elsewhere cannot change it mid-run; the batch, scaling and cold-start phases
 *   run that copy of `dist/` (the CLI and the package entry points, as users run them).
 * - The in-process phases need internals (the guard, fact derivation) to give json-rules-engine and
 *   the hand-written policy the same facts and the same guard: they are bundled from src/ with
 *   esbuild, the compiler tsup uses, with the same target (es2022).
 *
 * Environment: BENCH_LOANS (100000), BENCH_JRE_LOANS (all), BENCH_ROUNDS (3), BENCH_BATCH_LOANS
 * (1000000), BENCH_BATCH_ROUNDS (3), BENCH_SCALING_ROUNDS (5), BENCH_COLD_RUNS (31), BENCH_SEED (20260715),
 * BENCH_SKIP_BUILD=1, BENCH_ONLY=phase,phase.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, devNull, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const cache = `${root}node_modules/.cache/arrears-bench/`;
const SEED = Number(process.env['BENCH_SEED'] ?? 20260715);
const only = process.env['BENCH_ONLY']?.split(',');
const started = Date.now();

function step(message: string): void {
  process.stderr.write(`\n▶ ${message} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}

// ——— build and bundle ———
if (process.env['BENCH_SKIP_BUILD'] !== '1') {
  step('npm run build');
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build failed');
}
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });
cpSync(`${root}dist`, `${cache}dist`, { recursive: true });
// Under node_modules, files have no package scope of their own: say that the .js files are ESM.
writeFileSync(`${cache}package.json`, '{ "type": "module" }\n');
const PHASES = ['decide', 'profile', 'policy-size', 'history', 'batch', 'scaling', 'cold-start'] as const;
type Phase = (typeof PHASES)[number];
const version = (JSON.parse(spawnSync(process.execPath, ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: root, encoding: 'utf8' }).stdout) as string).trim();
await build({
  entryPoints: Object.fromEntries(PHASES.map((phase) => [phase, `${root}bench/phases/${phase}.ts`])),
  outdir: cache,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'es2022',
  packages: 'external',
  sourcemap: true,
  define: { __ARREARS_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
});

function run(phase: Phase, flags: string[] = [], env: Record<string, string> = {}): Record<string, unknown> {
  step(`${phase}${flags.length > 0 ? ` (${flags.join(' ')})` : ''}`);
  const result = spawnSync(process.execPath, ['--expose-gc', ...flags, `${cache}${phase}.js`], {
    cwd: root,
    env: { ...process.env, BENCH_SEED: String(SEED), BENCH_DIST: `${cache}dist`, BENCH_CLI: `${cache}dist/cli.js`, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (result.status !== 0) throw new Error(`phase ${phase} failed (exit ${result.status})`);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

const wanted = (phase: Phase) => only === undefined || only.includes(phase);
const load = { start: loadavg().map((x) => Number(x.toFixed(2))) };
const results: Record<string, unknown> = {};
if (wanted('decide')) results['decide'] = run('decide');
if (wanted('profile')) {
  results['profile'] = run('profile', ['--enable-source-maps']);
  // Without inlining, each function's own time is its own: the breakdown by function, for the guard.
  results['profileWithoutInlining'] = run('profile', ['--enable-source-maps', '--no-turbo-inlining']);
}
if (wanted('policy-size')) results['policySize'] = run('policy-size');
if (wanted('history')) results['history'] = run('history');
if (wanted('batch')) results['batch'] = run('batch');
if (wanted('scaling')) results['scaling'] = run('scaling');
if (wanted('cold-start')) results['coldStart'] = run('cold-start');

// ——— targets (ratios in the same run) ———
type Any = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON read back from the phases
const r = results as Any;
const targets: { target: string; value: number | undefined; limit: string; met: boolean | undefined }[] = [];
const check = (target: string, value: number | undefined, limit: string, met: (v: number) => boolean) => targets.push({ target, value, limit, met: value === undefined ? undefined : met(value) });
check('decide vs json-rules-engine (same facts and guard), × faster', r.decide?.ratios.decideVsJre, '≥ 40', (v) => v >= 40);
check('hand-written vs decide, × faster', r.decide?.ratios.decideVsHand, '≤ 1.3', (v) => v <= 1.3);
check('decide p99 / p50 (per loan: its median over the rounds)', r.decide?.ratios.decideP99OverP50, '≤ 3', (v) => v <= 3);
const big = (r.policySize?.sizes as Any[] | undefined)?.find((s) => s.rules === 2000);
check('2,000-rule policy: json-rules-engine / generated code, rule evaluation', big?.jreOverCodegen, '≥ 300', (v) => v >= 300);
const long = (r.history?.cases as Any[] | undefined)?.find((c) => c.events === 10000);
check('10,000 events: index + decide / index + derive facts', long?.indexedDecideOverDerive, '≤ 1.2', (v) => v <= 1.2);
check('10,000 events, parsed input: decideParsed / deriveFacts', long?.decideOverDerive, '≤ 1.2', (v) => v <= 1.2);
check(`batch of 1M: 2 workers / 1 worker (median of ${r.batch?.toNull?.rounds.length ?? '–'} rounds, decisions to ${devNull})`, r.batch?.ratios.twoOverOne, '≥ 1.7', (v) => v >= 1.7);
check(`batch peak RSS, 2 workers: 1M loans / 250k loans (median of ${r.batch?.toNull?.rounds.length ?? '–'} rounds, decisions to ${devNull})`, r.batch?.ratios.peakRssFullOverQuarter, '≤ 1.1', (v) => v <= 1.1);
check('cold start above bare node, ms (start → first decision; arrears/presets/cn)', r.coldStart?.aboveBareOnePresetMs?.sinceStart, '≤ 30', (v) => v <= 30);

const output = {
  date: new Date().toISOString(),
  node: process.version,
  arrears: version,
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), loadAverage: { ...load, end: loadavg().map((x) => Number(x.toFixed(2))) } },
  seed: SEED,
  seconds: Math.round((Date.now() - started) / 1000),
  targets,
  ...results,
};
if (only === undefined) writeFileSync(`${root}bench/results.json`, `${JSON.stringify(output, null, 2)}\n`);
else writeFileSync(`${cache}results.partial.json`, `${JSON.stringify(output, null, 2)}\n`);

// ——— summary ———
const n = (v: number | undefined, digits = 0) => (v === undefined ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }));
const lines: string[] = ['', `arrears ${version} benchmark, node ${process.version}, ${output.machine.cpus} × ${output.machine.model}, load ${load.start.join(' ')} → ${output.machine.loadAverage.end.join(' ')}`];
if (r.decide) {
  const d = r.decide;
  lines.push(`\n${n(d.loans)} loans (${n(d.events)} events, ${d.meanEvents} per loan), default policy, cn preset, parsed once:`);
  lines.push('  variant                                decisions/s   p50 µs   p99 µs   KB/decision');
  for (const [label, key] of [
    ['arrears.decide (decideParsed)', 'decide'],
    ['json-rules-engine, same facts + guard', 'jre'],
    ['hand-written policy, same facts + guard', 'hand'],
    ['decide on raw input (validation incl.)', 'decideRaw'],
  ] as const) {
    const v = d[key];
    lines.push(`  ${label.padEnd(39)}${n(v.decisionsPerSecond).padStart(12)}${n(v.p50Micros, 1).padStart(9)}${n(v.p99Micros, 1).padStart(9)}${n(v.kbPerDecision, 1).padStart(14)}`);
  }
  lines.push(`  decide beside json-rules-engine (same blocks): ${n(d.decideBesideJre.decisionsPerSecond)}/s; parseInput alone: ${n(d.parseInput.meanMicros, 1)} µs and ${n(d.parseInput.kbPerLoan, 1)} KB per loan`);
  lines.push(`  latency per loan (its median over ${d.rounds} rounds): decide p50 ${n(d.decide.perLoan.p50Micros, 1)} p99 ${n(d.decide.perLoan.p99Micros, 1)} µs (${d.ratios.decideP99OverP50}×), hand-written ${d.ratios.handP99OverP50}×; every sample pooled: ${d.ratios.decideP99OverP50Samples}×; each loan's fastest round: ${d.ratios.decideP99OverP50Fastest}×`);
  lines.push(`  noise floor, a constant ${n(d.noiseFloor.p50Micros, 1)} µs workload timed the same way: p99 ${n(d.noiseFloor.p99Micros, 1)} µs (${d.noiseFloor.ratio}×), ${d.noiseFloor.stalledPercent}% of samples stalled by over 10 µs`);
}
if (r.policySize) {
  lines.push('\nrule evaluation alone, µs: rules   json-rules-engine   generated code   closures   jre / generated');
  for (const s of r.policySize.sizes as Any[]) lines.push(`  ${n(s.rules).padStart(29)}${n(s.jreMicros, 1).padStart(20)}${n(s.codegenMicros, 3).padStart(17)}${n(s.closuresMicros, 3).padStart(11)}${`${n(s.jreOverCodegen)}×`.padStart(18)}`);
}
if (r.history) {
  lines.push('\nhistory length, µs per loan:   events   decideParsed   deriveFacts   index+decide   index+derive');
  for (const c of r.history.cases as Any[]) lines.push(`  ${n(c.events).padStart(36)}${n(c.decideParsedMicros, 1).padStart(15)}${n(c.deriveFactsMicros, 1).padStart(14)}${n(c.indexAndDecideMicros, 1).padStart(15)}${n(c.indexAndDeriveMicros, 1).padStart(15)}`);
}
if (r.batch) {
  const b = r.batch;
  lines.push(`\narrears batch, ${n(b.files.loans)} loans (${n(b.files.bytes / 2 ** 20)} MiB), decisions to ${devNull}, rounds of 1 and 2 workers:`);
  for (const [i, pair] of (b.toNull.rounds as Any[]).entries()) {
    const rss = pair.twoWorkersQuarter === undefined ? '' : `; peak RSS 2 workers ${pair.twoWorkers.peakRssMb} MB, over a quarter of the loans ${pair.twoWorkersQuarter.peakRssMb} MB, ${pair.peakRssFullOverQuarter}×`;
    lines.push(`  round ${i + 1} (${pair.order.join(' then ')}): 1 worker ${n(pair.oneWorker.decisionsPerSecond)}/s, 2 workers ${n(pair.twoWorkers.decisionsPerSecond)}/s, ${pair.twoOverOne}×${rss}`);
  }
  lines.push(`decisions to a file: 1 worker ${n(b.oneWorker.decisionsPerSecond)}/s (peak RSS ${b.oneWorker.peakRssMb} MB), 2 workers ${n(b.twoWorkers.decisionsPerSecond)}/s (peak RSS ${b.twoWorkers.peakRssMb} MB), ${b.ratios.twoOverOneToFile}×; a quarter of the loans: peak RSS ${b.twoWorkersQuarter.peakRssMb} MB (${b.ratios.peakRssFullOverQuarterToFile}×); full histories: ${n(b.twoWorkersFullHistories.decisionsPerSecond)}/s`);
  if (b.twoWorkers.rssMbByQuarter?.length === 4) lines.push(`  RSS of the 2-worker run over ${n(b.files.loans)} loans, highest in each quarter of its time: ${b.twoWorkers.rssMbByQuarter.join(' / ')} MB`);
}
if (r.scaling) {
  const s = r.scaling;
  lines.push(`\nthe batch worker's work alone (${n(s.lines)} lines in memory, no I/O; medians of ${s.rounds} rounds), 2 / 1: ${s.ratios.twoThreadsOverOne}× on threads of one process, ${s.ratios.twoProcessesOverOne}× on two processes, ${s.ratios.twoThreadsOverOneSingleThreadedGc}× on threads with --single-threaded-gc; integer arithmetic alone, 2 threads / 1: ${s.ratios.arithmeticTwoThreadsOverOne}×`);
}
if (r.coldStart) {
  const c = r.coldStart;
  lines.push(`\ncold start (median of ${c.runs}): bare node ${n(c.bare.sinceStartMs, 1)} ms${c.empty ? ` (an empty script: ${n(c.empty.sinceStartMs, 1)} ms)` : ''}, arrears first decision at ${n(c.arrears.sinceStartMs, 1)} ms (import ${n(c.arrears.importMs, 1)}, load ${n(c.arrears.loadMs, 1)}, first decision ${n(c.arrears.firstDecisionMs, 1)} ms)`);
  if (c.arrearsOnePreset) lines.push(`  with arrears/presets/cn instead of arrears/presets: first decision at ${n(c.arrearsOnePreset.sinceStartMs, 1)} ms, ${n(c.aboveBareOnePresetMs.sinceStart, 1)} ms above bare (import ${n(c.arrearsOnePreset.importMs, 1)}, load ${n(c.arrearsOnePreset.loadMs, 1)}, first decision ${n(c.arrearsOnePreset.firstDecisionMs, 1)} ms); with arrears/presets ${n(c.aboveBareMs.sinceStart, 1)} ms above`);
  if (c.arrearsOnePresetDst) lines.push(`  the same with the borrower in ${c.arrearsOnePresetDst.zone} (daylight saving time, from the zone table's rules; context, not the target): ${n(c.dstZoneOnePresetAboveBareMs, 1)} ms above bare (first decision ${n(c.arrearsOnePresetDst.firstDecisionMs, 1)} ms)`);
  if (c.arrearsOnePresetIntlZone) lines.push(`  the same with the borrower in ${c.arrearsOnePresetIntlZone.zone} (not in the zone table: read through Intl; context): ${n(c.intlZoneOnePresetAboveBareMs, 1)} ms above bare (first decision ${n(c.arrearsOnePresetIntlZone.firstDecisionMs, 1)} ms)`);
  if (c.withExtraCaCerts) lines.push(`  with NODE_EXTRA_CA_CERTS kept (the probes above run without it): bare node ${n(c.withExtraCaCerts.bare.sinceStartMs, 1)} ms, arrears/presets/cn ${n(c.withExtraCaCerts.aboveBareMs, 1)} ms above it`);
  if (c.bundledOnePreset) lines.push(`  the same, bundled into one file with esbuild (context, not the target): first decision at ${n(c.bundledOnePreset.sinceStartMs, 1)} ms, ${n(c.bundledOnePresetAboveBareMs, 1)} ms above bare`);
  if (c.intlOnly) lines.push(`  a bare start that reads one time zone's offset with Intl (a process's first Intl): ${n(c.intlOnly.sinceStartMs, 1)} ms, ${n(c.intlOnlyAboveBareMs, 1)} ms above bare`);
}
lines.push('\ntargets:');
for (const t of targets) lines.push(`  ${t.met === undefined ? '·' : t.met ? '✓' : '✗'} ${t.target}: ${t.value ?? '–'} (target ${t.limit})`);
lines.push(`\n${only === undefined ? 'bench/results.json written' : `partial run: ${cache}results.partial.json`}; ${output.seconds} s in all`);
process.stdout.write(`${lines.join('\n')}\n`);
