/**
 * Phase: where the time of `decideParsed` goes, from a V8 CPU profile of the decide loop alone
 * (the inspector's sampling profiler started after the portfolio is parsed and the loop is warm:
 * the same data `node --cpu-prof` records, without the set-up). Self time by function, and the
 * total time of the pipeline's stages. The profile is written to $BENCH_PROFILE_OUT if set.
 */
import { writeFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Session } from 'node:inspector/promises';
import { decideParsed, parseInput, type ParsedInput } from '../../src/decide-parsed.js';
import { loadCompliance } from '../../src/compliance/load-compliance.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { cn } from '../../src/presets/index.js';
import { generateInput } from '../generate.js';
import { log, report, round } from '../lib.js';
import { defaultPolicyDocument } from '../policies.js';

const LOANS = Number(process.env['BENCH_PROFILE_LOANS'] ?? 10_000);
const SEED = Number(process.env['BENCH_SEED'] ?? 20260715);
const options = { policy: loadPolicy(defaultPolicyDocument()), compliance: loadCompliance(cn) };

log(`profiling decideParsed on ${LOANS.toLocaleString('en-US')} loans`);
const parsed: ParsedInput[] = Array.from({ length: LOANS }, (_, i) => parseInput(generateInput(SEED, i)));
let sink = 0;
const loop = () => {
  for (let i = 0; i < LOANS; i++) sink += decideParsed(parsed[i]!, options).candidates.length;
};
loop();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
for (let r = 0; r < 3; r++) loop();
const { profile } = await session.post('Profiler.stop');
session.disconnect();
const out = process.env['BENCH_PROFILE_OUT'];
if (out !== undefined) writeFileSync(out, JSON.stringify(profile));

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
const nodes = profile.nodes as Node[];
const byId = new Map(nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const selfTime = new Map<number, number>();
const samples = profile.samples ?? [];
const deltas = profile.timeDeltas ?? [];
samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (deltas[i] ?? 0)));

// This file is an esbuild bundle with a source map (run with --enable-source-maps): each frame is
// named after its function and its place in src/, anonymous closures by line.
const sourceMap = findSourceMap(fileURLToPath(import.meta.url));
const name = (node: Node): string => {
  const fn = node.callFrame.functionName || '(anonymous)';
  const { url, lineNumber, columnNumber } = node.callFrame;
  if (url === import.meta.url && sourceMap !== undefined) {
    const entry = sourceMap.findEntry(lineNumber, columnNumber);
    const source = 'originalSource' in entry ? entry.originalSource.replace(/^.*?\/((?:src|bench)\/)/, '$1') : '';
    return fn === '(anonymous)' && 'originalLine' in entry ? `${fn} ${source}:${entry.originalLine + 1}` : `${fn} ${source}`;
  }
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  return match ? `${fn} (${match[1]!})` : fn;
};

// Only samples inside the decide loop count (the loop's own frames, not the profiler's set-up).
const inLoop = (id: number): boolean => {
  for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
    if (byId.get(current)!.callFrame.functionName === 'decideParsed') return true;
  }
  return byId.get(id)!.callFrame.functionName === '(garbage collector)';
};
let total = 0;
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, time] of selfTime) {
  if (!inLoop(id)) continue;
  total += time;
  self.set(name(byId.get(id)!), (self.get(name(byId.get(id)!)) ?? 0) + time);
  const seen = new Set<string>();
  for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
    const key = name(byId.get(current)!);
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + time);
  }
}
const share = (time: number) => round((100 * time) / total, 1);
const STAGES = [
  'decideParsed src/decide-parsed.ts',
  'factsFor src/decide.ts',
  'deriveFacts src/facts/derive-facts.ts',
  'evaluatePolicy src/policy/evaluate-policy.ts',
  'pickFacts src/policy/evaluate-policy.ts',
  'choose src/decide.ts',
  'judge src/compliance/guard.ts',
  'copyJson src/_lib/copy-json.ts',
  '(garbage collector)',
];
report({
  loans: LOANS,
  rounds: 3,
  sampledMs: round(total / 1000, 0),
  stages: Object.fromEntries(STAGES.map((stage) => [stage, share(inclusive.get(stage) ?? 0)])),
  selfTop: [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 25)
    .map(([fn, time]) => ({ function: fn, selfPercent: share(time) })),
  inclusiveTop: [...inclusive]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40)
    .map(([fn, time]) => ({ function: fn, totalPercent: share(time) })),
  sink,
});
