import type * as JsonRulesEngine from 'json-rules-engine';
import type { RuleProperties } from 'json-rules-engine';
import { describe, expect, it, vi } from 'vitest';
import { loadPolicy } from '../../src/index.js';
import { lintPolicy } from '../../src/lint/index.js';

// json-rules-engine as it is, except that it refuses one rule name: the only way to reach the
// `engine_rejected` check, since loadPolicy's own checks are stricter than the engine's.
vi.mock('json-rules-engine', async (importOriginal) => {
  const actual = await importOriginal<typeof JsonRulesEngine>();
  class Engine extends actual.Engine {
    override addRule(rule: RuleProperties): this {
      if (rule.name === 'refused-by-engine') throw new Error('Engine: addRule() refuses this rule.');
      return super.addRule(rule);
    }
  }
  return { ...actual, Engine };
});

const rule = (name: string) => ({
  name,
  conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] },
  event: { type: 'candidate', params: { action: 'call', rank: 10 } },
});

describe('json-rules-engine portability (arrears/lint)', () => {
  it('reports rules json-rules-engine itself refuses as engine_rejected errors, with their paths', () => {
    const result = lintPolicy({ rules: [rule('accepted'), rule('refused-by-engine')] });
    expect(result.errorCount).toBe(1);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([
      { severity: 'error', code: 'engine_rejected', path: 'rules[1]', message: 'json-rules-engine rejected the rule: Engine: addRule() refuses this rule' },
    ]);
    expect(lintPolicy([rule('refused-by-engine')]).diagnostics[0]).toMatchObject({ code: 'engine_rejected', path: '[0]' });
  });

  it('does not need json-rules-engine to load a policy: loadPolicy never constructs an Engine', () => {
    expect(loadPolicy({ rules: [rule('refused-by-engine')] }).rules).toHaveLength(1);
  });
});
