/** parseInput + decideParsed: the entry for inputs already validated once (STYLE.md §3.5). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArrearsValidationError, decide, decideParsed, loadCompliance, loadPolicy, parseInput, type DecisionInput } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { generatePortfolio } from '../../bench/generate.js';

const policy = loadPolicy(JSON.parse(readFileSync(new URL('../../rules/policies/default.json', import.meta.url), 'utf8')));
const compliance = loadCompliance(presets.cn);
const options = { policy, compliance };

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('decideParsed', () => {
  it('decides every input as decide does, in summary and full trace', () => {
    for (const input of generatePortfolio(51, 300)) {
      const parsed = parseInput(input);
      expect(decideParsed(parsed, options)).toEqual(decide(input, options));
      expect(decideParsed(parsed, { ...options, trace: 'full' })).toEqual(decide(input, { ...options, trace: 'full' }));
    }
  }, 60_000);

  it('decides the same parsed input again, under other documents, as decide would', () => {
    const [input] = generatePortfolio(52, 1, { historyLength: 80 }) as [DecisionInput];
    const parsed = parseInput(input);
    const us = loadCompliance(presets['us-federal']);
    const closures = loadPolicy(policy.rules, { evaluator: 'closures' });
    expect(decideParsed(parsed, { policy, compliance: us })).toEqual(decide(input, { policy, compliance: us }));
    expect(decideParsed(parsed, { policy: closures, compliance })).toEqual(decide(input, { policy: closures, compliance }));
    expect(decideParsed(parsed, options)).toEqual(decideParsed(parsed, options));
  });

  it('decides a parsed input afresh under an edited document with the same ids (nothing is kept between decisions)', () => {
    const inputs = generatePortfolio(56, 40);
    const edited = loadCompliance({
      ...presets.cn,
      rules: presets.cn.rules.map((rule) => (rule.kind === 'window' ? { ...rule, windows: rule.windows.map((w) => ({ ...w, start: '11:00', end: '12:00' })) } : rule)),
    });
    let differ = 0;
    for (const input of inputs) {
      const parsed = parseInput(input);
      const before = decideParsed(parsed, options);
      const after = decideParsed(parsed, { policy, compliance: edited });
      expect(after).toEqual(decide(input, { policy, compliance: edited }));
      expect(decideParsed(parsed, options)).toEqual(before);
      if (JSON.stringify(after.candidates) !== JSON.stringify(before.candidates)) differ++;
    }
    expect(differ).toBeGreaterThan(10);
  });

  it('validates once, with the same issues as decide, and never mutates the input', () => {
    const [input] = generatePortfolio(53, 1) as [DecisionInput];
    const bad = { ...input, loan: { ...input.loan, balance: -1 } };
    expect(thrown(() => parseInput(bad))).toEqual(thrown(() => decide(bad, options)));
    const before = JSON.stringify(input);
    decideParsed(parseInput(input), options);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('gives an opaque, frozen value that shows only the loan id and now', () => {
    const [input] = generatePortfolio(54, 1) as [DecisionInput];
    const parsed = parseInput(input);
    expect(Object.isFrozen(parsed)).toBe(true);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual({ loanId: input.loan.id, now: input.now });
  });

  it('accepts only what parseInput made, and checks its options', () => {
    const [input] = generatePortfolio(55, 1) as [DecisionInput];
    const fake = { loanId: input.loan.id, now: input.now };
    const error = thrown(() => decideParsed(fake as never, options));
    expect(error).toBeInstanceOf(ArrearsValidationError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ code: 'invalid_type', path: '' }] });
    expect(thrown(() => decideParsed(structuredClone(parseInput(input)), options))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(thrown(() => decideParsed(parseInput(input), { policy, compliance: presets.cn } as never))).toMatchObject({ code: 'INVALID_OPTIONS' });
  });
});
