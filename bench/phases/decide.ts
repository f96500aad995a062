/**
 * Phase 1: the default policy under the `cn` preset on the seeded portfolio, three ways, in one
 * process and on the same parsed inputs: `arrears.decide` (`decideParsed`), json-rules-engine with
 * the same facts and the same guard and choice, and the hand-written policy with the same facts,
 * guard and choice. Then `decide` on raw inputs (validation included) and `parseInput` alone.
 */
import { choose, decide, factsFor } from '../../src/decide.js';
import { decideParsed, ParsedInput, parseInput } from '../../src/decide-parsed.js';
import type { Decision } from '../../src/domain/decision.js';
import type { DecisionInput } from '../../src/domain/input.js';
import { contactColumns } from '../../src/facts/derive-facts.js';
import { loadCompliance } from '../../src/compliance/load-compliance.js';
import type { FiredRule } from '../../src/policy/evaluate-policy.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import { loadPolicy } from '../../src/policy/load-policy.js';
import { prepare } from '../../src/prepare.js';
import { cn } from '../../src/presets/index.js';
import { parseDecisionInput } from '../../src/validate/parse-input.js';
import { generateInput } from '../generate.js';
import { defaultPolicyDocument } from '../policies.js';
import { firedEntries, handWrittenRules } from '../hand-written.js';
import { jreEvaluator } from '../jre.js';
import { allocatedBytes, log, noiseFloor, perLoanFastest, perLoanMedians, report, round, summarise, timeEach } from '../lib.js';

const LOANS = Number(process.env['BENCH_LOANS'] ?? 100_000);
const JRE_LOANS = Math.min(LOANS, Number(process.env['BENCH_JRE_LOANS'] ?? LOANS));
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const SEED = Number(process.env['BENCH_SEED'] ?? 20260715);
const RAW = Math.min(LOANS, 10_000);

const policy = loadPolicy(defaultPolicyDocument());
const compliance = loadCompliance(cn);
const options = { policy, compliance };
const fired = firedEntries(policy);
const jre = jreEvaluator(policy);

// ——— the portfolio, validated and indexed once ———
log(`generating and parsing ${LOANS.toLocaleString('en-US')} loans (seed ${SEED})`);
type Validated = ReturnType<typeof parseDecisionInput>;
type Prepared = ReturnType<typeof prepare>;
const validated: Validated[] = new Array<Validated>(LOANS);
const prepared: Prepared[] = new Array<Prepared>(LOANS);
const parsed: ParsedInput[] = new Array<ParsedInput>(LOANS);
const lengths = new Uint16Array(LOANS);
for (let i = 0; i < LOANS; i++) {
  const input = generateInput(SEED, i);
  lengths[i] = input.history?.length ?? 0;
  const v = parseDecisionInput(input);
  const p = prepare(v);
  contactColumns(p.context.index.contacts, p.context.debtId);
  validated[i] = v;
  prepared[i] = p;
  parsed[i] = new ParsedInput(v, p);
}
const events = lengths.reduce((sum, n) => sum + n, 0);
const histogram = { '0': 0, '1-10': 0, '11-50': 0, '51-100': 0, '101-199': 0, '200': 0 };
for (const n of lengths) {
  if (n === 0) histogram['0']++;
  else if (n <= 10) histogram['1-10']++;
  else if (n <= 50) histogram['11-50']++;
  else if (n <= 100) histogram['51-100']++;
  else if (n < 200) histogram['101-199']++;
  else histogram['200']++;
}
const sortedLengths = Uint16Array.from(lengths).sort();

// ——— the three ways ———
let sink = 0;
const consume = (decision: Decision) => {
  sink += decision.candidates.length;
};
const viaDecide = (i: number): Decision => decideParsed(parsed[i]!, options);
const viaHand = (i: number): Decision => {
  const v = validated[i]!;
  const p = prepared[i]!;
  const derived = factsFor(v, p, policy);
  const out: FiredRule[] = [];
  handWrittenRules(derived.facts, out, fired);
  return choose(v, p, options, derived, { fired: out });
};
const viaJre = async (i: number): Promise<Decision> => {
  const v = validated[i]!;
  const p = prepared[i]!;
  const derived = factsFor(v, p, policy);
  return choose(v, p, options, derived, await jre.evaluate(derived.facts));
};

// ——— the hand-written policy and json-rules-engine must decide as decide does ———
log('checking that the hand-written policy decides every loan as decide does');
let handMismatches = 0;
const outcomes: Record<string, number> = {};
for (let i = 0; i < LOANS; i++) {
  const ours = viaDecide(i);
  if (JSON.stringify(ours) !== JSON.stringify(viaHand(i))) handMismatches++;
  const key = ours.type === 'none' ? (ours.hold === undefined ? 'none' : 'none (hold)') : `${ours.type} ${ours.action.type}`;
  outcomes[key] = (outcomes[key] ?? 0) + 1;
}
if (handMismatches > 0) throw new Error(`The hand-written policy decided ${handMismatches} loans differently from decide`);

// ——— warm-up ———
log('warming up');
const WARM = Math.min(LOANS, 10_000);
for (let i = 0; i < WARM; i++) consume(viaDecide(i));
for (let i = 0; i < WARM; i++) consume(viaHand(i));
for (let i = 0; i < Math.min(JRE_LOANS, 2_000); i++) consume(await viaJre(i));

// ——— timed rounds. decide and the hand-written policy alternate loan by loan, the one going first
// alternating too, so that both see the same machine (this VM is shared) and the same caches.
// json-rules-engine runs in blocks of loans, each followed by decide on the same block: its
// ratio compares the two under the same conditions. ———
type Run = { samples: Float64Array; seconds: number };
const runs: Record<'decide' | 'hand' | 'jre' | 'decideBesideJre', Run[]> = { decide: [], hand: [], jre: [], decideBesideJre: [] };
const now = () => process.hrtime.bigint();
for (let r = 0; r < ROUNDS; r++) {
  log(`round ${r + 1}/${ROUNDS}: decide and hand-written, loan by loan`);
  const ours = new Float64Array(LOANS);
  const theirs = new Float64Array(LOANS);
  for (let i = 0; i < LOANS; i++) {
    if ((i + r) % 2 === 0) {
      let t0 = now();
      consume(viaDecide(i));
      let t1 = now();
      ours[i] = Number(t1 - t0);
      t0 = now();
      consume(viaHand(i));
      t1 = now();
      theirs[i] = Number(t1 - t0);
    } else {
      let t0 = now();
      consume(viaHand(i));
      let t1 = now();
      theirs[i] = Number(t1 - t0);
      t0 = now();
      consume(viaDecide(i));
      t1 = now();
      ours[i] = Number(t1 - t0);
    }
  }
  runs.decide.push({ samples: ours, seconds: ours.reduce((a, b) => a + b, 0) / 1e9 });
  runs.hand.push({ samples: theirs, seconds: theirs.reduce((a, b) => a + b, 0) / 1e9 });
}

log(`json-rules-engine on ${JRE_LOANS.toLocaleString('en-US')} loans, in blocks of 1,000 each followed by decide on the same block`);
let jreMismatches = 0;
{
  const theirs = new Float64Array(JRE_LOANS);
  const ours = new Float64Array(JRE_LOANS);
  const BLOCK = 1_000;
  for (let start = 0; start < JRE_LOANS; start += BLOCK) {
    const end = Math.min(JRE_LOANS, start + BLOCK);
    const firedNames: string[] = [];
    for (let i = start; i < end; i++) {
      const t0 = now();
      const decision = await viaJre(i);
      theirs[i] = Number(now() - t0);
      consume(decision);
      firedNames.push(decision.trace.map((entry) => (entry.type === 'rule.fired' ? entry.rule : '')).join());
    }
    for (let i = start; i < end; i++) {
      const t0 = now();
      const decision = viaDecide(i);
      ours[i] = Number(now() - t0);
      consume(decision);
      if (decision.trace.map((entry) => (entry.type === 'rule.fired' ? entry.rule : '')).join() !== firedNames[i - start]) jreMismatches++;
    }
  }
  if (jreMismatches > 0) throw new Error(`json-rules-engine fired other rules than decide on ${jreMismatches} loans`);
  runs.jre.push({ samples: theirs, seconds: theirs.reduce((a, b) => a + b, 0) / 1e9 });
  runs.decideBesideJre.push({ samples: ours, seconds: ours.reduce((a, b) => a + b, 0) / 1e9 });
}

// ——— decide on raw inputs (validation included), and parseInput alone ———
log(`decide on ${RAW.toLocaleString('en-US')} raw inputs, validation included`);
const raw: DecisionInput[] = Array.from({ length: RAW }, (_, i) => generateInput(SEED, i));
for (let i = 0; i < Math.min(RAW, 2_000); i++) consume(decide(raw[i]!, options));
const rawRuns = [timeEach(RAW, (i) => consume(decide(raw[i]!, options)))];
const parseRuns = [timeEach(RAW, (i) => parseInput(raw[i]!))];

// ——— allocation per decision ———
log('allocation per decision');
const ALLOC = Math.min(LOANS, 10_000);
const JRE_ALLOC = Math.min(JRE_LOANS, 1_000);
const perDecision = async (count: number, run: () => unknown): Promise<number> => round((await allocatedBytes(run)) / count / 1024, 2);
const allocation = {
  decide: await perDecision(ALLOC, () => {
    for (let i = 0; i < ALLOC; i++) consume(viaDecide(i));
  }),
  hand: await perDecision(ALLOC, () => {
    for (let i = 0; i < ALLOC; i++) consume(viaHand(i));
  }),
  jre: await perDecision(JRE_ALLOC, async () => {
    for (let i = 0; i < JRE_ALLOC; i++) consume(await viaJre(i));
  }),
  decideRaw: await perDecision(ALLOC, () => {
    for (let i = 0; i < ALLOC; i++) consume(decide(raw[i]!, options));
  }),
  parseInput: await perDecision(ALLOC, () => {
    for (let i = 0; i < ALLOC; i++) parseInput(raw[i]!);
  }),
  rulesOnly: await perDecision(ALLOC, () => {
    for (let i = 0; i < ALLOC; i++) sink += evaluatePolicy(policy, factsFor(validated[i]!, prepared[i]!, policy).facts).fired.length;
  }),
};

const decideStats = summarise(runs.decide);
const decidePerLoan = perLoanMedians(runs.decide);
const handPerLoan = perLoanMedians(runs.hand);
const decideFastest = perLoanFastest(runs.decide);
log('noise floor: a constant workload as long as a median decision, timed the same way');
const noise = noiseFloor(decideStats.p50Micros, LOANS);
const handStats = summarise(runs.hand);
const jreStats = summarise(runs.jre);
const besideJreStats = summarise(runs.decideBesideJre);
const rawStats = summarise(rawRuns);
const parseStats = summarise(parseRuns);
report({
  loans: LOANS,
  jreLoans: JRE_LOANS,
  rounds: ROUNDS,
  seed: SEED,
  events,
  meanEvents: round(events / LOANS, 1),
  medianEvents: sortedLengths[Math.floor(LOANS / 2)],
  p90Events: sortedLengths[Math.floor(LOANS * 0.9)],
  histogram,
  outcomes,
  verified: { handMismatches, jreMismatches, jreLoansChecked: JRE_LOANS },
  decide: { ...decideStats, kbPerDecision: allocation.decide, perLoan: decidePerLoan, perLoanFastest: decideFastest },
  decideBesideJre: besideJreStats,
  jre: { ...jreStats, kbPerDecision: allocation.jre },
  hand: { ...handStats, kbPerDecision: allocation.hand, perLoan: handPerLoan },
  noiseFloor: noise,
  decideRaw: { ...rawStats, kbPerDecision: allocation.decideRaw, loans: RAW },
  parseInput: { ...parseStats, kbPerLoan: allocation.parseInput, loans: RAW },
  rulesOnlyKbPerDecision: allocation.rulesOnly,
  ratios: {
    decideVsJre: round(besideJreStats.decisionsPerSecond / jreStats.decisionsPerSecond, 1),
    decideVsHand: round(handStats.decisionsPerSecond / decideStats.decisionsPerSecond, 3),
    // Per loan: each loan's median over the rounds (see perLoanMedians); then every sample pooled.
    decideP99OverP50: round(decidePerLoan.p99Micros / decidePerLoan.p50Micros, 2),
    decideP99OverP50Samples: round(decideStats.p99Micros / decideStats.p50Micros, 2),
    // Each loan's fastest round (perLoanFastest): its work without the machine's interruptions. Not judged.
    decideP99OverP50Fastest: round(decideFastest.p99Micros / decideFastest.p50Micros, 2),
    handP99OverP50: round(handPerLoan.p99Micros / handPerLoan.p50Micros, 2),
    decideRawVsDecide: round(decideStats.decisionsPerSecond / rawStats.decisionsPerSecond, 2),
  },
  sink,
});
