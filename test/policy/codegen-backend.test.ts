import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { ArrearsValidationError } from '../../src/errors.js';
import { canGenerateCode, CHARACTERS_PER_FUNCTION, RULES_PER_FUNCTION } from '../../src/policy/codegen-backend.js';
import { evaluatePolicy } from '../../src/policy/evaluate-policy.js';
import { loadPolicy, validatePolicy } from '../../src/policy/load-policy.js';
import { scaledPolicy } from '../../bench/policies.js';
import { ensureBuild, root } from '../cli/ensure-build.js';

const hold = { type: 'hold', params: { rank: 1 } } as const;

/** Strings that would break out of a string literal or a comment if they were pasted into code. */
const HOSTILE = ['"', "'", '\\', '`', '${x}', '*/', '</script>', '\u2028', '\u2029', '"]); throw new Error("injected"); (["', '\0'];

function stubFunction(): ReturnType<typeof vi.fn> {
  const denied = vi.fn(() => {
    throw new EvalError('Code generation from strings disallowed for this context');
  });
  vi.stubGlobal('Function', denied);
  return denied;
}

describe('loadPolicy evaluator', () => {
  it('generates code by default where `new Function` works', () => {
    expect(canGenerateCode()).toBe(true);
    expect(loadPolicy([{ name: 'r', conditions: { all: [] }, event: hold }]).evaluator).toBe('codegen');
  });

  it('never uses generated code when `new Function` throws: `auto` falls back to closures', () => {
    const denied = stubFunction();
    try {
      expect(canGenerateCode()).toBe(false);
      const policy = loadPolicy(scaledPolicy(250));
      expect(denied).toHaveBeenCalled();
      expect(policy.evaluator).toBe('closures');
      const calls = denied.mock.calls.length;
      const { fired } = evaluatePolicy(policy, { daysPastDue: 10, consecutiveUnansweredCalls: 0, callAttempts24h: 0, hoursSinceLastSms: null, hoursSinceLastEmail: null });
      expect(fired.map((f) => f.rule)).toEqual(['call-8-30-dpd', 'follow-up-sms-8-30-dpd', 'email-statement-8-30-dpd']);
      expect(denied.mock.calls.length).toBe(calls); // evaluating never tries to generate code
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('throws INVALID_OPTIONS for `codegen` when `new Function` throws', () => {
    stubFunction();
    try {
      const error = (() => {
        try {
          loadPolicy([{ name: 'r', conditions: { all: [] }, event: hold }], { evaluator: 'codegen' });
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ArrearsValidationError);
      expect(error).toMatchObject({ code: 'INVALID_OPTIONS', issues: [{ code: 'unsupported_feature', path: 'evaluator' }] });
      expect(validatePolicy([{ name: 'r', conditions: { all: [] }, event: hold }], { evaluator: 'codegen' }).success).toBe(false);
      expect(loadPolicy([{ name: 'r', conditions: { all: [] }, event: hold }], { evaluator: 'closures' }).evaluator).toBe('closures');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('rejects an unknown evaluator', () => {
    expect(() => loadPolicy([], { evaluator: 'wasm' as never })).toThrowErrorMatchingInlineSnapshot(`
      [ArrearsValidationError: Invalid options (1 issue)
      ✖ Expected \`evaluator\` to be "auto", "codegen" or "closures"
        → at evaluator]
    `);
  });

  it('falls back to closures in a Node started with --disallow-code-generation-from-strings', () => {
    ensureBuild();
    const script = `import(${JSON.stringify(`${root}dist/index.js`)}).then((m) => {
      const rules = [{ name: 'r', conditions: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 3 }] }, event: { type: 'hold', params: { rank: 1 } } }];
      let codegen;
      try { m.loadPolicy(rules, { evaluator: 'codegen' }); codegen = 'loaded'; } catch (error) { codegen = error.code; }
      const policy = m.loadPolicy(rules);
      process.stdout.write(JSON.stringify({ evaluator: policy.evaluator, fired: m.evaluatePolicy(policy, { daysPastDue: 4 }).fired.length, codegen }));
    })`;
    const result = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ evaluator: 'closures', fired: 1, codegen: 'INVALID_OPTIONS' });
  }, 180_000);
});

describe('codegenBackend', () => {
  it('emits names and literals as data, never as code', () => {
    const rules = HOSTILE.map((text, i) => ({
      name: `r${i}`,
      conditions: {
        all: [
          { fact: `attributes.k${i}`, operator: 'equal', value: text },
          { fact: 'product', operator: 'in', value: [text, `${text}x`] },
          { fact: 'currency', operator: 'notEqual', value: `${text}${text}` },
        ],
      },
      event: hold,
    }));
    const hostileFact = 'attributes.x"]) || (() => { throw new Error("injected") })() || (f["';
    rules.push({ name: 'hostile-fact', conditions: { all: [{ fact: hostileFact, operator: 'equal', value: 'yes' }] }, event: hold } as never);
    const policy = loadPolicy(rules, { evaluator: 'codegen' });
    expect(policy.evaluator).toBe('codegen');
    HOSTILE.forEach((text, i) => {
      const facts = { [`attributes.k${i}`]: text, product: `${text}x`, currency: 'CNY' };
      expect(evaluatePolicy(policy, facts).fired.map((f) => f.rule)).toEqual([`r${i}`]);
      expect(evaluatePolicy(policy, { ...facts, product: 'other' }).fired).toEqual([]);
    });
    expect(evaluatePolicy(policy, { [hostileFact]: 'yes' }).fired.map((f) => f.rule)).toEqual(['hostile-fact']);
  });

  it('splits large policies into functions of bounded size', () => {
    const bodies: string[] = [];
    const real = globalThis.Function;
    vi.stubGlobal('Function', function (...args: string[]) {
      bodies.push(args.at(-1)!);
      return real(...args);
    });
    try {
      loadPolicy(scaledPolicy(200), { evaluator: 'codegen' });
    } finally {
      vi.unstubAllGlobals();
    }
    const evaluators = bodies.filter((body) => body.includes('function evaluate(f, out)'));
    const rulesIn = (body: string) => body.split('out.push(').length - 1;
    expect(evaluators.reduce((sum, body) => sum + rulesIn(body), 0)).toBe(200);
    expect(evaluators.length).toBeGreaterThan(200 / RULES_PER_FUNCTION);
    for (const body of evaluators) {
      expect(rulesIn(body)).toBeLessThanOrEqual(RULES_PER_FUNCTION);
      expect(body.length).toBeLessThan(CHARACTERS_PER_FUNCTION + 2_000); // the last rule may cross the limit
    }
  });

  it('keeps rule order across the generated functions', () => {
    const rules = Array.from({ length: 2 * RULES_PER_FUNCTION + 7 }, (_, i) => ({
      name: `r${String(i).padStart(3, '0')}`,
      conditions: { any: [{ fact: 'daysPastDue', operator: 'equal', value: i % 3 }] },
      event: { type: 'candidate', params: { action: 'sms', rank: i } },
    }));
    const codegen = loadPolicy(rules, { evaluator: 'codegen' });
    const closures = loadPolicy(rules, { evaluator: 'closures' });
    for (const daysPastDue of [0, 1, 2, 3]) {
      const ours = evaluatePolicy(codegen, { daysPastDue }).fired;
      expect(ours).toEqual(evaluatePolicy(closures, { daysPastDue }).fired);
      expect(ours.map((f) => f.rule)).toEqual(rules.filter((_, i) => i % 3 === daysPastDue).map((r) => r.name));
    }
  });

  it('throws where the closures throw: an operator on a value it cannot handle', () => {
    const rules = [{ name: 'r', conditions: { all: [{ fact: 'balance', operator: 'greaterThan', value: 1 }] }, event: hold }];
    for (const evaluator of ['codegen', 'closures'] as const) {
      const policy = loadPolicy(rules, { evaluator });
      expect(() => evaluatePolicy(policy, { balance: Symbol('x') as never })).toThrow(TypeError);
    }
  });
});
