/**
 * Phase: rule evaluation alone, policies of 21, 200 and 2,000 rules (PERFORMANCE.md §6), on the
 * facts of the seeded portfolio: the compiled policy (generated code and closures) against
 * json-rules-engine's `Engine.run`. The three must fire the same rules on every fact set measured.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import { factsFor } from '../../src/decide.js';
import type { FactValue } from '../../src/facts/catalog.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import { loadPolicy, type Policy } from '../../src/policy/load-policy.js';
import { prepare } from '../../src/prepare.js';
import { parseDecisionInput } from '../../src/validate/parse-input.js';
import { generateInput } from '../generate.js';
import { log, median, report, round } from '../lib.js';
import { scaledPolicy } from '../policies.js';

const SEED = Number(process.env['BENCH_SEED'] ?? 20260715);
const FACT_SETS = 2_000;
const SIZES = [
  { size: 21, jreRuns: 600 },
  { size: 200, jreRuns: 200 },
  { size: 2_000, jreRuns: 24 },
];

const time = (fn: () => void): number => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e3;
};

let sink = 0;
const results = [];
for (const { size, jreRuns } of SIZES) {
  log(`policy of ${size.toLocaleString('en-US')} rules`);
  const rules = scaledPolicy(size);
  let codegen!: Policy;
  let closures!: Policy;
  const loadCodegenMs = time(() => (codegen = loadPolicy({ rules }, { evaluator: 'codegen' }))) / 1e3;
  const loadClosuresMs = time(() => (closures = loadPolicy({ rules }, { evaluator: 'closures' }))) / 1e3;
  let engine!: Engine;
  const engineMs = time(() => (engine = new Engine(structuredClone(rules) as unknown as RuleProperties[], { allowUndefinedFacts: false }))) / 1e3;

  // The facts of the portfolio's first loans, with the attributes this policy reads (null when missing).
  const facts: Record<string, FactValue>[] = [];
  for (let i = 0; i < FACT_SETS; i++) {
    const parsed = parseDecisionInput(generateInput(SEED, i));
    facts.push(factsFor(parsed, prepare(parsed), codegen).facts as Record<string, FactValue>);
  }

  // Same rules fired by all three, on every fact set json-rules-engine runs.
  const names = (policy: Policy, f: Record<string, FactValue>) => evaluatePolicy(policy, f).fired.map((entry) => entry.rule).join();
  const order = new Map(rules.map((rule, i) => [rule.name, i]));
  let mismatches = 0;
  const jreMicros: number[] = [];
  for (let i = 0; i < jreRuns; i++) {
    const f = facts[i % FACT_SETS]!;
    const t0 = process.hrtime.bigint();
    const { results: fired } = await engine.run(f);
    jreMicros.push(Number(process.hrtime.bigint() - t0) / 1e3);
    const theirs = fired
      .map((result) => result.name as string)
      .sort((a, b) => order.get(a)! - order.get(b)!)
      .join();
    if (theirs !== names(codegen, f) || theirs !== names(closures, f)) mismatches++;
  }
  if (mismatches > 0) throw new Error(`${mismatches} fact sets fired different rules at ${size} rules`);

  // The compiled evaluators: every fact set, eight rounds each, alternating; the fastest round
  // (a round takes milliseconds: on a shared machine anything else only ever adds time).
  const rounds: Record<'codegen' | 'closures', number[]> = { codegen: [], closures: [] };
  for (let r = 0; r < 9; r++) {
    for (const [label, policy] of r % 2 === 0 ? ([['codegen', codegen], ['closures', closures]] as const) : ([['closures', closures], ['codegen', codegen]] as const)) {
      const micros = time(() => {
        for (const f of facts) sink += evaluatePolicy(policy, f).fired.length;
      });
      if (r > 0) rounds[label].push(micros / FACT_SETS);
    }
  }
  const codegenMicros = Math.min(...rounds.codegen);
  const closuresMicros = Math.min(...rounds.closures);
  const jre = median(jreMicros);
  results.push({
    rules: size,
    leafConditions: JSON.stringify(rules).split('"operator"').length - 1,
    jreMicros: round(jre, 1),
    jreRuns,
    codegenMicros: round(codegenMicros, 3),
    closuresMicros: round(closuresMicros, 3),
    jreOverCodegen: round(jre / codegenMicros, 0),
    jreOverClosures: round(jre / closuresMicros, 0),
    loadMs: { codegen: round(loadCodegenMs, 1), closures: round(loadClosuresMs, 1), jreEngine: round(engineMs, 1) },
    verifiedFactSets: jreRuns,
  });
}

report({ factSets: FACT_SETS, sizes: results, sink });
