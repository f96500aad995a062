/**
 * The structure of a policy document: json-rules-engine rule JSON restricted to what `arrears`
 * evaluates (flat facts, default operators, inline conditions) plus our `candidate` and `hold`
 * events. Each object's shape is a strict zod schema (unknown keys are issues), with a fast twin
 * that lets a well-formed object through without building it (see {@link SHAPES}); the walk below
 * dispatches on `all`/`any`/`not`/`fact`, so a broken nested condition is reported at its own
 * path instead of as a failed union at the top. Facts, operators and types are checked by
 * `load-policy.ts` through a {@link StructureVisitor}.
 */
import * as z from 'zod/mini';
import type { Issue } from '../errors.js';
import { ACTION_TYPES, LEGAL_STEPS, PURPOSES, RECIPIENTS } from '../domain/vocabulary.js';
import { formatPath } from '../_lib/format-path.js';
import { lazy, safeParseWith } from '../validate/parse.js';
import { guardParamsShape } from '../validate/guard-params.js';
import { idString, isFiniteNumber, isId } from '../validate/primitives.js';
import type { PolicyEvent } from './load-policy.js';

/** How deep conditions (and event params) may nest; deeper documents are rejected, never recursed into. */
export const MAX_DEPTH = 64;

/** The longest fact or operator name accepted, as for other identifiers: longer names are rejected before any lookup. */
export const MAX_NAME_LENGTH = 200;

/** A JSON value a condition compares with. */
export type JsonScalar = number | string | boolean | null;

/** `{ "fact": "<name>" }`: compare with another fact's value. */
export interface FactReference {
  readonly fact: string;
}

/** The right-hand side of a leaf condition. */
export type ConditionValue = JsonScalar | readonly JsonScalar[] | FactReference;

/** `{ fact, operator, value }`: one comparison. `operator` is checked by the loader. */
export interface LeafCondition {
  readonly fact: string;
  readonly operator: string;
  readonly value: ConditionValue;
  readonly priority?: number;
}

/** Every child holds (an empty list holds). */
export interface AllCondition {
  readonly all: readonly Condition[];
  readonly priority?: number;
}

/** Some child holds; an empty list holds too, as in json-rules-engine. */
export interface AnyCondition {
  readonly any: readonly Condition[];
  readonly priority?: number;
}

/** The child does not hold. */
export interface NotCondition {
  readonly not: Condition;
  readonly priority?: number;
}

/** What a rule's `conditions` may be. */
export type TopLevelCondition = AllCondition | AnyCondition | NotCondition;

/** Any node of a condition tree. */
export type Condition = TopLevelCondition | LeafCondition;

/** A rule that passed the structural checks: a plain, unfrozen copy of the document's rule. */
export interface RuleDocument {
  name: string;
  conditions: TopLevelCondition;
  event: PolicyEvent;
  priority?: number;
}

/** Semantic checks run during the walk, so that every issue comes out in document order. */
export interface StructureVisitor {
  /** A rule's name, once it is known to be a valid string. */
  ruleName(name: string, path: readonly PropertyKey[], issues: Issue[]): void;
  /** A leaf whose `fact`, `operator` and `value` are well-formed (other keys may still have issues). */
  leaf(leaf: LeafCondition, path: readonly PropertyKey[], issues: Issue[]): void;
}

const BOOLEAN_KEYS = ['all', 'any', 'not'] as const;
type BooleanKey = (typeof BOOLEAN_KEYS)[number];

const positiveInt = () => z.int().check(z.gte(1));

const envelopeSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    $schema: z.optional(z.string()),
    name: z.optional(z.string()),
    description: z.optional(z.string()),
    rules: z.array(z.unknown()),
  }),
);

const ruleSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    name: idString(),
    conditions: z.optional(z.unknown()),
    event: z.optional(z.unknown()),
    priority: z.optional(positiveInt()),
  }),
);

const booleanSchemas = /* @__PURE__ */ lazy(() => ({
  all: z.strictObject({ all: z.array(z.unknown()), priority: z.optional(positiveInt()) }),
  any: z.strictObject({ any: z.array(z.unknown()), priority: z.optional(positiveInt()) }),
  not: z.strictObject({ not: z.optional(z.unknown()), priority: z.optional(positiveInt()) }),
}));

// `path` and `params` are accepted here and reported as unsupported, with a clearer message than "unrecognized key".
const leafSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    fact: z.string().check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH)),
    operator: z.string().check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH)),
    value: z.optional(z.unknown()),
    priority: z.optional(positiveInt()),
    path: z.optional(z.unknown()),
    params: z.optional(z.unknown()),
  }),
);

const factReferenceSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    fact: z.string().check(z.minLength(1), z.maxLength(MAX_NAME_LENGTH)),
    path: z.optional(z.unknown()),
    params: z.optional(z.unknown()),
  }),
);

const eventTypeSchema = /* @__PURE__ */ lazy(() => z.enum(['candidate', 'hold']));

// The params the guard reads are checked as `check`'s action params are; every other param is any JSON.
const candidateSchema = /* @__PURE__ */ lazy(() =>
  z.strictObject({
    type: z.literal('candidate'),
    params: z.looseObject({ action: z.enum(ACTION_TYPES), rank: z.number(), ...guardParamsShape() }),
  }),
);

const holdSchema = /* @__PURE__ */ lazy(() => z.strictObject({ type: z.literal('hold'), params: z.looseObject({ rank: z.number() }) }));

/** Every key, own or inherited, is one of `keys` (what a strict object allows). */
function only(value: object, keys: readonly string[]): boolean {
  for (const key in value) if (!keys.includes(key)) return false;
  return true;
}

/** An optional key: absent, or present and passing `test` (present but `undefined` is left to zod). */
function optional(value: Record<string, unknown>, key: string, test: (found: unknown) => boolean): boolean {
  return !(key in value) || test(value[key]);
}

const isString = (found: unknown): boolean => typeof found === 'string';
const isName = (found: unknown): boolean => typeof found === 'string' && found.length >= 1 && found.length <= MAX_NAME_LENGTH;
const isPositiveInt = (found: unknown): boolean => Number.isSafeInteger(found) && (found as number) >= 1;
const oneOf = (values: readonly string[]) => (found: unknown): boolean => (values as readonly unknown[]).includes(found);
const isAction = oneOf(ACTION_TYPES);
const isPurpose = oneOf(PURPOSES);
const isStep = oneOf(LEGAL_STEPS);
const isRecipient = oneOf(RECIPIENTS);

/**
 * A shape check: its zod schema, built on first use, and a fast twin that accepts only what the
 * schema accepts. A well-formed policy passes every twin and never builds or runs a schema (on a
 * cold start, building and first running them was most of `loadPolicy`); whatever a twin refuses
 * goes to the schema, which decides and words the issues. `test/policy/fast-shapes.test.ts`
 * holds each twin to its schema.
 */
export interface Shape {
  readonly schema: () => z.ZodMiniType;
  readonly accepts: (data: Record<string, unknown>) => boolean;
}

/** The shapes of a policy document's objects (exported for the differential test). */
export const SHAPES = {
  envelope: {
    schema: envelopeSchema,
    accepts: (data) =>
      only(data, ['$schema', 'name', 'description', 'rules']) &&
      optional(data, '$schema', isString) &&
      optional(data, 'name', isString) &&
      optional(data, 'description', isString) &&
      Array.isArray(data['rules']),
  },
  rule: {
    schema: ruleSchema,
    accepts: (data) => only(data, ['name', 'conditions', 'event', 'priority']) && isId(data['name']) && optional(data, 'priority', isPositiveInt),
  },
  all: {
    schema: () => booleanSchemas().all,
    accepts: (data) => only(data, ['all', 'priority']) && Array.isArray(data['all']) && optional(data, 'priority', isPositiveInt),
  },
  any: {
    schema: () => booleanSchemas().any,
    accepts: (data) => only(data, ['any', 'priority']) && Array.isArray(data['any']) && optional(data, 'priority', isPositiveInt),
  },
  not: {
    schema: () => booleanSchemas().not,
    accepts: (data) => only(data, ['not', 'priority']) && optional(data, 'priority', isPositiveInt),
  },
  leaf: {
    schema: leafSchema,
    accepts: (data) =>
      only(data, ['fact', 'operator', 'value', 'priority', 'path', 'params']) && isName(data['fact']) && isName(data['operator']) && optional(data, 'priority', isPositiveInt),
  },
  factReference: {
    schema: factReferenceSchema,
    accepts: (data) => only(data, ['fact', 'path', 'params']) && isName(data['fact']),
  },
  candidate: {
    schema: candidateSchema,
    accepts: (data) => {
      const params = data['params'];
      if (!only(data, ['type', 'params']) || data['type'] !== 'candidate' || !isPlainObject(params)) return false;
      return (
        isAction(params['action']) &&
        isFiniteNumber(params['rank']) &&
        optional(params, 'purpose', isPurpose) &&
        optional(params, 'address', isId) &&
        optional(params, 'step', isStep) &&
        optional(params, 'recipient', isRecipient) &&
        optional(params, 'contactId', isId)
      );
    },
  },
  hold: {
    schema: holdSchema,
    accepts: (data) => {
      const params = data['params'];
      return only(data, ['type', 'params']) && data['type'] === 'hold' && isPlainObject(params) && isFiniteNumber(params['rank']);
    },
  },
} as const satisfies Record<string, Shape>;

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return true;
  // JSON parsed in another realm (a `vm` context, an iframe) has that realm's Object.prototype:
  // an object whose own prototype is null and that holds no enumerable data of its own.
  return typeof prototype === 'object' && Object.getPrototypeOf(prototype) === null && Object.keys(prototype).length === 0;
}

/** What was found, in words, without echoing the value itself. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return isPlainObject(value) ? 'an object' : 'a non-JSON object';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'a non-finite number';
  return typeof value === 'string' ? 'a string' : typeof value === 'number' ? 'a number' : typeof value === 'boolean' ? 'a boolean' : `a ${typeof value}`;
}

function isScalar(value: unknown): value is JsonScalar {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** Whether a condition value is a `{ "fact": … }` reference (json-rules-engine: an object with an own `fact`). */
export function isFactReference(value: ConditionValue): value is FactReference {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function issue(issues: Issue[], code: string, path: readonly PropertyKey[], message: string): void {
  issues.push({ code, path: formatPath(path), message });
}

function unsupported(issues: Issue[], path: readonly PropertyKey[], key: 'path' | 'params'): void {
  issue(
    issues,
    'unsupported_feature',
    [...path, key],
    key === 'path'
      ? '`path` is not supported: facts are flat values, read each by its name'
      : '`params` is not supported: facts take no parameters',
  );
}

/** Checks `data` against a shape and appends its issues; true when it passed. */
function shape({ schema, accepts }: Shape, data: Record<string, unknown>, path: readonly PropertyKey[], issues: Issue[]): boolean {
  if (accepts(data)) return true;
  const result = safeParseWith(schema(), data, path);
  if (!result.success) issues.push(...result.issues);
  return result.success;
}

class Walker {
  readonly issues: Issue[] = [];
  constructor(private readonly visitor: StructureVisitor) {}

  document(document: unknown): RuleDocument[] {
    let items: readonly unknown[];
    let prefix: PropertyKey[];
    if (Array.isArray(document)) {
      items = document;
      prefix = [];
    } else if (isPlainObject(document)) {
      if (!shape(SHAPES.envelope, document, [], this.issues) && !Array.isArray(document['rules'])) return [];
      items = document['rules'] as unknown[];
      prefix = ['rules'];
    } else {
      issue(this.issues, 'invalid_type', [], `Expected a policy: an object with \`rules\` or an array of rules, found ${describeValue(document)}`);
      return [];
    }
    const rules: RuleDocument[] = [];
    items.forEach((item, i) => {
      const rule = this.rule(item, [...prefix, i]);
      if (rule) rules.push(rule);
    });
    return rules;
  }

  private rule(input: unknown, path: readonly PropertyKey[]): RuleDocument | undefined {
    if (!isPlainObject(input)) {
      issue(this.issues, 'invalid_type', path, `Expected a rule object with \`name\`, \`conditions\` and \`event\`, found ${describeValue(input)}`);
      return undefined;
    }
    const before = this.issues.length;
    shape(SHAPES.rule, input, path, this.issues);
    const name = input['name'];
    if (typeof name === 'string' && name !== '') this.visitor.ruleName(name, [...path, 'name'], this.issues);
    const conditions = this.topLevel(input['conditions'], [...path, 'conditions']);
    const event = this.event(input['event'], [...path, 'event']);
    if (this.issues.length > before || conditions === undefined || event === undefined) return undefined;
    const rule: RuleDocument = { name: name as string, conditions, event };
    const priority = input['priority'];
    if (priority !== undefined) rule.priority = priority as number;
    return rule;
  }

  private topLevel(input: unknown, path: readonly PropertyKey[]): TopLevelCondition | undefined {
    if (isPlainObject(input) && !BOOLEAN_KEYS.some((key) => hasOwn(input, key))) {
      if (hasOwn(input, 'condition')) this.conditionReference(path);
      else issue(this.issues, 'invalid_condition', path, 'Expected `all`, `any` or `not` at the top of `conditions`');
      return undefined;
    }
    if (!isPlainObject(input)) {
      issue(this.issues, 'invalid_type', path, `Expected \`conditions\`: an object with \`all\`, \`any\` or \`not\`, found ${describeValue(input)}`);
      return undefined;
    }
    return this.condition(input, path, 0) as TopLevelCondition | undefined;
  }

  private conditionReference(path: readonly PropertyKey[]): void {
    issue(this.issues, 'unsupported_feature', [...path, 'condition'], 'Named condition references are not supported: write the condition inline');
  }

  private condition(input: unknown, path: readonly PropertyKey[], depth: number): Condition | undefined {
    if (depth > MAX_DEPTH) {
      issue(this.issues, 'too_deep', path, `Conditions nest deeper than ${MAX_DEPTH} levels`);
      return undefined;
    }
    if (!isPlainObject(input)) {
      issue(this.issues, 'invalid_type', path, `Expected a condition object, found ${describeValue(input)}`);
      return undefined;
    }
    const keys = BOOLEAN_KEYS.filter((key) => hasOwn(input, key));
    const [key] = keys;
    if (keys.length > 1) {
      issue(this.issues, 'invalid_condition', path, `Expected one of \`all\`, \`any\` or \`not\`, found ${keys.map((k) => `\`${k}\``).join(' and ')}`);
      return undefined;
    }
    if (key !== undefined) return this.booleanCondition(input, key, path, depth);
    if (hasOwn(input, 'condition') && !hasOwn(input, 'fact')) {
      this.conditionReference(path);
      return undefined;
    }
    if (!['fact', 'operator', 'value'].some((k) => hasOwn(input, k))) {
      issue(this.issues, 'invalid_condition', path, 'Expected a condition: `all`, `any`, `not` or a comparison with `fact`, `operator` and `value`');
      return undefined;
    }
    return this.leaf(input, path);
  }

  private booleanCondition(input: Record<string, unknown>, key: BooleanKey, path: readonly PropertyKey[], depth: number): Condition | undefined {
    const before = this.issues.length;
    shape(SHAPES[key], input, path, this.issues);
    const priority = input['priority'];
    const withPriority = <T extends object>(node: T): T => (priority === undefined ? node : { ...node, priority });
    const children = input[key];
    if (key === 'not') {
      if (Array.isArray(children)) {
        issue(this.issues, 'invalid_type', [...path, 'not'], 'Expected a single condition under `not`, found an array');
        return undefined;
      }
      const child = this.condition(children, [...path, 'not'], depth + 1);
      return child === undefined || this.issues.length > before ? undefined : withPriority({ not: child });
    }
    if (!Array.isArray(children)) return undefined; // reported by the shape check
    const copies = children.map((child, i) => this.condition(child, [...path, key, i], depth + 1));
    if (this.issues.length > before) return undefined;
    const list = copies as Condition[];
    return withPriority(key === 'all' ? { all: list } : { any: list });
  }

  private leaf(input: Record<string, unknown>, path: readonly PropertyKey[]): LeafCondition | undefined {
    const before = this.issues.length;
    shape(SHAPES.leaf, input, path, this.issues);
    if (hasOwn(input, 'path')) unsupported(this.issues, path, 'path');
    if (hasOwn(input, 'params')) unsupported(this.issues, path, 'params');
    const { fact, operator } = input;
    let value: ConditionValue | undefined;
    if (hasOwn(input, 'value')) value = this.value(input['value'], [...path, 'value']);
    else issue(this.issues, 'invalid_type', [...path, 'value'], 'Expected a `value` to compare with, found nothing');
    const named = (name: unknown): name is string => typeof name === 'string' && name !== '' && name.length <= MAX_NAME_LENGTH;
    if (!named(fact) || !named(operator) || value === undefined) return undefined;
    const leaf: LeafCondition = input['priority'] === undefined ? { fact, operator, value } : { fact, operator, value, priority: input['priority'] as number };
    this.visitor.leaf(leaf, path, this.issues);
    return this.issues.length > before ? undefined : leaf;
  }

  private value(input: unknown, path: readonly PropertyKey[]): ConditionValue | undefined {
    if (isScalar(input)) return input;
    if (Array.isArray(input)) {
      let valid = true;
      input.forEach((item: unknown, i) => {
        if (!isScalar(item)) {
          valid = false;
          issue(this.issues, 'invalid_type', [...path, i], `Expected a number, string, boolean or null in the list, found ${describeValue(item)}`);
        }
      });
      return valid ? ([...input] as JsonScalar[]) : undefined;
    }
    if (isPlainObject(input) && hasOwn(input, 'fact')) {
      const valid = shape(SHAPES.factReference, input, path, this.issues);
      if (hasOwn(input, 'path')) unsupported(this.issues, path, 'path');
      if (hasOwn(input, 'params')) unsupported(this.issues, path, 'params');
      const fact = input['fact'];
      return valid && typeof fact === 'string' ? { fact } : undefined;
    }
    issue(
      this.issues,
      'invalid_type',
      path,
      `Expected a number, string, boolean, null, a list of them or \`{ "fact": "<name>" }\`, found ${describeValue(input)}`,
    );
    return undefined;
  }

  private event(input: unknown, path: readonly PropertyKey[]): PolicyEvent | undefined {
    if (!isPlainObject(input)) {
      issue(this.issues, 'invalid_type', path, `Expected an event object with \`type\` and \`params\`, found ${describeValue(input)}`);
      return undefined;
    }
    const type = input['type'];
    if (type !== 'candidate' && type !== 'hold') {
      // Not an event type: the schema words the issue.
      const result = safeParseWith(eventTypeSchema(), type, [...path, 'type']);
      if (!result.success) this.issues.push(...result.issues);
      return undefined;
    }
    const valid = shape(SHAPES[type], input, path, this.issues);
    // Other params travel unchanged: they must be JSON (checked even when the known ones have issues).
    const params = isPlainObject(input['params']) ? this.json(input['params'], [...path, 'params'], 0) : undefined;
    return valid && params !== undefined ? ({ type, params } as PolicyEvent) : undefined;
  }

  /** A copy of JSON data (event params are kept unchanged), or undefined with issues. */
  private json(input: unknown, path: readonly PropertyKey[], depth: number): unknown {
    if (depth > MAX_DEPTH) {
      issue(this.issues, 'too_deep', path, `Event params nest deeper than ${MAX_DEPTH} levels`);
      return undefined;
    }
    if (isScalar(input)) return input;
    if (Array.isArray(input) || isPlainObject(input)) {
      const before = this.issues.length;
      const copy: unknown = Array.isArray(input)
        ? input.map((item: unknown, i) => this.json(item, [...path, i], depth + 1))
        : Object.fromEntries(Object.keys(input).map((key) => [key, this.json(input[key], [...path, key], depth + 1)]));
      return this.issues.length > before ? undefined : copy;
    }
    issue(this.issues, 'invalid_type', path, `Expected JSON data (object, array, string, finite number, boolean or null), found ${describeValue(input)}`);
    return undefined;
  }
}

/** Stands in for data nested deeper than {@link SNAPSHOT_DEPTH}: not JSON, so whatever reaches it rejects it. */
class Truncated {}

/**
 * JSON nesting kept by {@link snapshot}. Every valid policy is far shallower (conditions stop at
 * {@link MAX_DEPTH} levels, two JSON levels each at most), so the walk rejects a document for its
 * depth before it could reach a truncated part; the limit only bounds recursion (and cycles).
 */
const SNAPSHOT_DEPTH = 4 * MAX_DEPTH + 16;

/**
 * Reads the document once into plain arrays and objects (holes become `undefined`), so that
 * validation, hashing and compilation all see the same data whatever getters or proxies the
 * input has, and later changes to the input cannot reach the policy. Other values are kept as
 * they are, to be rejected by the walk.
 */
function snapshot(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > SNAPSHOT_DEPTH) return new Truncated();
  if (Array.isArray(value)) return Array.from(value as unknown[], (item) => snapshot(item, depth + 1));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(Object.keys(value).map((key) => [key, snapshot(value[key], depth + 1)]));
}

/**
 * Walks a policy document (`{ rules: […] }` or a bare array of rules) and returns plain copies of
 * its rules with every structural issue, calling `visitor` on rule names and leaves as it goes.
 * The copies are complete only when there are no issues. Never throws for bad data.
 */
export function parsePolicyStructure(document: unknown, visitor: StructureVisitor): { rules: RuleDocument[]; issues: Issue[] } {
  const walker = new Walker(visitor);
  try {
    const rules = walker.document(snapshot(document, 0));
    return { rules, issues: walker.issues };
  } catch {
    // Getters that throw, proxies, revoked objects: reject rather than crash.
    return { rules: [], issues: [{ code: 'invalid_type', path: '', message: 'Expected plain JSON data' }] };
  }
}
