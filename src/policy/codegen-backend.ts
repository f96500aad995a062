/**
 * The generated-code backend: a policy's rules become plain JavaScript `if`s, compiled once per
 * policy with `new Function`, so the policy runs at the speed of hand-written code
 * (PERFORMANCE.md §10). Rules are split into functions of at most {@link RULES_PER_FUNCTION} rules
 * and about {@link CHARACTERS_PER_FUNCTION} characters of code, because one huge function stops
 * being optimised well (PERFORMANCE.md §6; measured in bench/README.md).
 *
 * Safety: nothing from the document is ever pasted into the code as code. Fact names and literal
 * values are emitted only through `JSON.stringify` (a JSON text is a valid JavaScript literal);
 * anything that is not a JSON scalar is passed in as a constant, by reference. The code reads
 * only the facts object and its parameters, and writes only to `out`.
 *
 * Semantics: each operator is emitted exactly as `operators.ts` computes it, and `all`/`any`
 * short-circuit left to right as the closures do, so both backends return the same rules and
 * throw in the same cases (the differential test runs both against json-rules-engine).
 */
import type { FiredRule } from './evaluate-policy.js';
import type { ConditionIR, FactPicker, LeafIR, PolicyBackend, RuleIR, RulesEvaluator } from './compile-policy.js';
import { isNumeric, OPERATORS, type OperatorName } from './operators.js';

/** At most this many rules per generated function. */
export const RULES_PER_FUNCTION = 100;

/**
 * At most about this much code per generated function: beyond it V8 optimises a function late or
 * poorly (a 100-rule function of the default policy's rules ran 6× slower per rule than 25-rule ones).
 */
export const CHARACTERS_PER_FUNCTION = 12_000;

/** Membership lists up to this length are unrolled into `===` comparisons. */
const MAX_UNROLLED = 8;

/** The operator tests by name, for the leaves that have no inline form. */
type OperatorTests = { readonly [name in OperatorName]: (factValue: unknown, value: unknown) => boolean };

const NUMERIC: Partial<Record<OperatorName, string>> = {
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
};

const isJsonScalar = (value: unknown): value is string | number | boolean | null =>
  value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

/** Emits the code of one generated function: its constants go to `constants`, read as `k[i]`. */
class Emitter {
  readonly constants: unknown[] = [];

  constant(value: unknown): string {
    this.constants.push(value);
    return `k[${this.constants.length - 1}]`;
  }

  /** A JSON scalar as a literal (through `JSON.stringify` only); anything else as a constant. */
  value(value: unknown): string {
    return isJsonScalar(value) ? `(${JSON.stringify(value)})` : this.constant(value);
  }

  fact(name: string): string {
    return `f[${JSON.stringify(name)}]`;
  }

  condition(node: ConditionIR): string {
    switch (node.kind) {
      case 'leaf':
        return this.leaf(node);
      case 'not':
        return `!${this.condition(node.child)}`;
      case 'all':
      case 'any':
        // Empty `all` and empty `any` both hold, as in json-rules-engine.
        if (node.children.length === 0) return 'true';
        return `(${node.children.map((child) => this.condition(child)).join(node.kind === 'all' ? ' && ' : ' || ')})`;
    }
  }

  private leaf(node: LeafIR): string {
    const right = node.value.kind === 'fact' ? this.fact(node.value.fact) : undefined;
    const literal = node.value.kind === 'literal' ? node.value.value : undefined;
    const fact = this.fact(node.fact);
    const { operator } = node;
    switch (operator) {
      case 'equal':
      case 'notEqual': {
        const op = operator === 'equal' ? '===' : '!==';
        return `(${fact} ${op} ${right ?? this.value(literal)})`;
      }
      case 'in':
      case 'notIn':
        if (right === undefined && Array.isArray(literal) && literal.length <= MAX_UNROLLED && literal.every(isJsonScalar)) {
          // `list.indexOf(x) > -1` is `x === list[0] || x === list[1] …` (strict equality, NaN never found).
          if (literal.length === 0) return operator === 'in' ? 'false' : 'true';
          const any = literal.map((item) => `t === ${this.value(item)}`).join(' || ');
          return operator === 'in' ? `((t = ${fact}), ${any})` : `((t = ${fact}), !(${any}))`;
        }
        return this.call(operator, fact, right ?? this.constant(literal));
      case 'contains':
        return `(Array.isArray(t = ${fact}) && t.indexOf(${right ?? this.value(literal)}) > -1)`;
      case 'doesNotContain':
        return `(Array.isArray(t = ${fact}) && t.indexOf(${right ?? this.value(literal)}) === -1)`;
      default: {
        // The numeric operators: json-rules-engine's numberValidator on the fact, then the native
        // comparison. For a number, the validator holds unless it is NaN, and NaN compares false anyway.
        const op = NUMERIC[operator]!;
        const value = right ?? this.value(literal);
        return `(typeof (t = ${fact}) === "number" ? t ${op} ${value} : isNumeric(t) && t ${op} ${value})`;
      }
    }
  }

  private call(operator: OperatorName, fact: string, value: string): string {
    return `o[${JSON.stringify(operator)}](${fact}, ${value})`;
  }
}

type Factory = (isNumeric: (value: unknown) => boolean, o: OperatorTests, k: readonly unknown[], r: readonly FiredRule[]) => RulesEvaluator;

/** One generated function in the making: its rules' code, their fired entries and its constants. */
class Chunk {
  readonly emitter = new Emitter();
  readonly lines: string[] = [];
  readonly fired: FiredRule[] = [];
  characters = 0;

  add(rule: RuleIR, condition: string): void {
    this.lines.push(`  if (${condition}) out.push(r[${this.lines.length}]);`);
    this.fired.push(rule.fired);
    this.characters += condition.length;
  }

  /** Compiles the function. Throws where `new Function` is not allowed. */
  compile(tests: OperatorTests): RulesEvaluator {
    const body = `"use strict";\nreturn function evaluate(f, out) {\n  let t;\n${this.lines.join('\n')}\n};`;
    const factory = new Function('isNumeric', 'o', 'k', 'r', body) as Factory;
    return factory(isNumeric, tests, Object.freeze(this.emitter.constants), Object.freeze(this.fired));
  }
}

/** The operator tests, by name, frozen: the generated code may call them but not change them. */
function operatorTests(): OperatorTests {
  const tests = {} as Record<OperatorName, (factValue: unknown, value: unknown) => boolean>;
  for (const name of Object.keys(OPERATORS) as OperatorName[]) tests[name] = OPERATORS[name].test;
  return Object.freeze(tests);
}

/** Generated JavaScript, split into functions of bounded size. Throws an `EvalError` where code generation is disallowed. */
export const codegenBackend: PolicyBackend = {
  name: 'codegen',
  compile(rules) {
    const tests = operatorTests();
    const chunks: RulesEvaluator[] = [];
    let chunk = new Chunk();
    for (const rule of rules) {
      let condition = chunk.emitter.condition(rule.condition);
      const full = chunk.lines.length >= RULES_PER_FUNCTION || chunk.characters + condition.length > CHARACTERS_PER_FUNCTION;
      if (chunk.lines.length > 0 && full) {
        chunks.push(chunk.compile(tests));
        chunk = new Chunk();
        condition = chunk.emitter.condition(rule.condition); // its constants belong to the new function
      }
      chunk.add(rule, condition);
    }
    if (chunk.lines.length > 0) chunks.push(chunk.compile(tests));
    const [first, second] = chunks;
    if (first === undefined) return () => {};
    if (second === undefined) return first;
    const count = chunks.length;
    return (facts, out) => {
      for (let i = 0; i < count; i++) chunks[i]!(facts, out);
    };
  },
  picker(names) {
    // One object literal: every pick has the same shape, built without a keyed store.
    const fields = names.map((name) => `    ${JSON.stringify(name)}: (t = f[${JSON.stringify(name)}]) === undefined ? null : t,`);
    const body = `"use strict";\nreturn function pick(f) {\n  let t;\n  return {\n${fields.join('\n')}\n  };\n};`;
    return (new Function(body) as () => FactPicker)();
  },
};

/**
 * Whether this runtime lets code be generated from strings: `new Function` throws an `EvalError`
 * under a strict Content Security Policy, in some edge runtimes and with Node's
 * `--disallow-code-generation-from-strings`.
 */
export function canGenerateCode(): boolean {
  try {
    return (new Function('return 1') as () => unknown)() === 1;
  } catch {
    return false;
  }
}
