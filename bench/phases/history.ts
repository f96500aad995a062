/**
 * Phase: history length. Loans with exactly 0, 100 and 10,000 events: `decide` against fact
 * derivation alone, measured two ways, loan by loan and alternating which goes first:
 * - from a parsed input (`parseInput` done): `decideParsed` against `deriveFacts` on the index;
 * - from a validated input: indexing + the decision (`decide` without validation) against
 *   indexing + `deriveFacts` (the history turned into facts, as in PERFORMANCE.md §6).
 */
import { decidePrepared, factsFor } from '../../src/decide.js';
import { decideParsed, ParsedInput } from '../../src/decide-parsed.js';
import { contactColumns } from '../../src/facts/derive-facts.js';
import { loadCompliance } from '../../src/compliance/load-compliance.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { prepare } from '../../src/prepare.js';
import { cn } from '../../src/presets/index.js';
import { parseDecisionInput } from '../../src/validate/parse-input.js';
import { generateInput } from '../generate.js';
import { log, report, round } from '../lib.js';
import { defaultPolicyDocument } from '../policies.js';

const SEED = Number(process.env['BENCH_SEED'] ?? 20260715);
const CASES = [
  { events: 0, loans: 4_000 },
  { events: 100, loans: 1_000 },
  { events: 10_000, loans: 30 },
];
const policy = loadPolicy(defaultPolicyDocument());
const options = { policy, compliance: loadCompliance(cn) };
const now = () => process.hrtime.bigint();

let sink = 0;
const results = [];
for (const { events, loans } of CASES) {
  log(`histories of ${events.toLocaleString('en-US')} events, ${loans.toLocaleString('en-US')} loans`);
  const validated = Array.from({ length: loans }, (_, i) => parseDecisionInput(generateInput(SEED + events, i, { historyLength: events })));
  const parsed = validated.map((v) => {
    const p = prepare(v);
    contactColumns(p.context.index.contacts, p.context.debtId);
    return { v, p, input: new ParsedInput(v, p) };
  });
  const rounds = 5;
  const total = { decide: 0n, derive: 0n, decideIndexed: 0n, deriveIndexed: 0n };
  // Warm-up, then timed rounds. In each round the parsed pair goes over every loan, then the
  // indexed pair: indexing a 10,000-event history allocates megabytes, and the collections that
  // garbage causes must not land in the samples of the pair that allocates nothing of the kind.
  // Within a pair, which goes first alternates loan by loan.
  for (let r = 0; r <= rounds; r++) {
    const timed = r > 0;
    for (let i = 0; i < loans; i++) {
      const { v, p, input } = parsed[i]!;
      const pair: (() => void)[] = [
        () => {
          const t0 = now();
          sink += decideParsed(input, options).candidates.length;
          if (timed) total.decide += now() - t0;
        },
        () => {
          const t0 = now();
          sink += factsFor(v, p, policy).assumptions.length;
          if (timed) total.derive += now() - t0;
        },
      ];
      for (const run of (i + r) % 2 === 0 ? pair : pair.reverse()) run();
    }
    for (let i = 0; i < loans; i++) {
      const { v } = parsed[i]!;
      const indexed: (() => void)[] = [
        () => {
          const t0 = now();
          sink += decidePrepared(v, prepare(v), options).candidates.length;
          if (timed) total.decideIndexed += now() - t0;
        },
        () => {
          const t0 = now();
          sink += factsFor(v, prepare(v), policy).assumptions.length;
          if (timed) total.deriveIndexed += now() - t0;
        },
      ];
      for (const run of (i + r) % 2 === 0 ? indexed : indexed.reverse()) run();
    }
  }
  const micros = (ns: bigint) => Number(ns) / 1e3 / (loans * rounds);
  results.push({
    events,
    loans,
    decideParsedMicros: round(micros(total.decide), 2),
    deriveFactsMicros: round(micros(total.derive), 2),
    decideOverDerive: round(Number(total.decide) / Number(total.derive), 2),
    indexAndDecideMicros: round(micros(total.decideIndexed), 2),
    indexAndDeriveMicros: round(micros(total.deriveIndexed), 2),
    indexedDecideOverDerive: round(Number(total.decideIndexed) / Number(total.deriveIndexed), 2),
  });
}

report({ cases: results, sink });
