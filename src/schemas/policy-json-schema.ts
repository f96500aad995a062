/**
 * The JSON Schema of a policy document, built from the same sources the loader checks against:
 * the fact catalog, the operator whitelist, the action and purpose vocabularies. The loader's
 * structure walk (`policy/policy-schema.ts`) is hand-written over zod pieces, so this schema is
 * written alongside it rather than converted; `scripts/generate-schemas.ts` writes it to
 * `rules/schema/policy.schema.json` and a test checks that the shipped policies and the error
 * fixtures agree with both.
 */
import { ACTION_TYPES, LEGAL_STEPS, PURPOSES, RECIPIENTS } from '../domain/vocabulary.js';
import { FACT_CATALOG, type FactDefinition } from '../facts/catalog.js';
import { MAX_DEPTH } from '../policy/policy-schema.js';
import { OPERATORS, OPERATOR_NAMES, type OperatorKind } from '../policy/operators.js';

type JsonSchema = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

/** Operators a policy can use: `contains` and `doesNotContain` need a list fact, and no fact is one. */
const usable = (kind: OperatorKind) => OPERATOR_NAMES.filter((name) => OPERATORS[name].kind === kind);

const ATTRIBUTE_PATTERN = '^attributes\\.[A-Za-z][A-Za-z0-9_]{0,63}$';

function factDescription(fact: FactDefinition): string {
  return `${fact.description} (${fact.type}${fact.nullable ? ' or null' : ''}; unit: ${fact.unit})`;
}

/** `if` the leaf reads one of `facts` with an operator of `kind`, `then` its value must be `value`. */
function typeRule(facts: readonly FactDefinition[], kinds: readonly OperatorKind[], value: JsonSchema): JsonSchema {
  return {
    if: {
      properties: { fact: { enum: facts.map((fact) => fact.name) }, operator: { enum: kinds.flatMap(usable) } },
      required: ['fact', 'operator'],
    },
    then: { properties: { value } },
  };
}

function scalarOf(fact: FactDefinition): JsonSchema {
  const type = fact.type === 'any' ? ['number', 'string', 'boolean'] : [fact.type];
  return { type: fact.nullable ? [...type, 'null'] : type.length === 1 ? type[0] : type };
}

/** The `if`/`then` pairs that check a literal value against the fact's type, as the loader does. */
function typeRules(): JsonSchema[] {
  const groups = new Map<string, FactDefinition[]>();
  for (const fact of FACT_CATALOG) {
    const key = `${fact.type}:${fact.nullable}`;
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  const rules: JsonSchema[] = [];
  for (const facts of groups.values()) {
    const scalar = scalarOf(facts[0]!);
    rules.push(typeRule(facts, ['equality'], { anyOf: [scalar, ref('factReference')] }));
    rules.push(typeRule(facts, ['membership'], { type: 'array', items: scalar }));
  }
  const numeric = FACT_CATALOG.filter((fact) => fact.type === 'number').map((fact) => fact.name);
  rules.push({
    if: { properties: { operator: { enum: usable('numeric') } }, required: ['operator'] },
    then: {
      properties: {
        fact: { anyOf: [{ enum: numeric }, { type: 'string', pattern: ATTRIBUTE_PATTERN }] },
        value: { anyOf: [{ type: 'number' }, ref('factReference')] },
      },
    },
  });
  return rules;
}

const priority = { type: 'integer', minimum: 1, description: "json-rules-engine's priority: accepted for portability, it changes no result" };

/**
 * The JSON Schema (draft 2020-12) of a policy document: `{ rules }` or a bare array of rules.
 * What it cannot say and the loader still checks: unique rule names, facts compared with facts
 * of another type, and nesting deeper than 64 levels.
 */
export function policyJsonSchema(): JsonSchema {
  const booleanCondition = (key: 'all' | 'any' | 'not', description: string): JsonSchema => ({
    type: 'object',
    description,
    properties: { [key]: key === 'not' ? ref('condition') : { type: 'array', items: ref('condition') }, priority },
    required: [key],
    additionalProperties: false,
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'arrears policy',
    description: `A lender policy for arrears: json-rules-engine rules whose events propose collection actions ("candidate") or hold them ("hold"). Facts come from the fact catalog, operators from json-rules-engine's defaults. Conditions nest at most ${MAX_DEPTH} levels; rule names must be unique (checked by loadPolicy and arrears lint).`,
    anyOf: [
      {
        type: 'object',
        properties: {
          $schema: { type: 'string', description: 'The JSON Schema this document follows, for editors' },
          name: { type: 'string' },
          description: { type: 'string' },
          rules: { type: 'array', items: ref('rule') },
        },
        required: ['rules'],
        additionalProperties: false,
      },
      { type: 'array', items: ref('rule') },
    ],
    $defs: {
      rule: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 200, description: 'Unique within the policy; decisions and traces cite it' },
          conditions: ref('topLevelCondition'),
          event: ref('event'),
          priority,
        },
        required: ['name', 'conditions', 'event'],
        additionalProperties: false,
      },
      topLevelCondition: { anyOf: [ref('allCondition'), ref('anyCondition'), ref('notCondition')] },
      condition: { anyOf: [ref('allCondition'), ref('anyCondition'), ref('notCondition'), ref('leafCondition')] },
      allCondition: booleanCondition('all', 'Holds when every condition holds (an empty list holds)'),
      anyCondition: booleanCondition('any', 'Holds when some condition holds (an empty list holds, as in json-rules-engine)'),
      notCondition: booleanCondition('not', 'Holds when the condition does not'),
      leafCondition: {
        type: 'object',
        description: 'Compares a fact with a value, a list of values or another fact',
        properties: {
          fact: ref('factName'),
          operator: {
            enum: [...usable('equality'), ...usable('membership'), ...usable('numeric')],
            description: "json-rules-engine's default operators (contains and doesNotContain need a list fact, and no fact is one)",
          },
          value: {
            anyOf: [ref('scalar'), { type: 'array', items: ref('scalar') }, ref('factReference')],
          },
          priority,
        },
        required: ['fact', 'operator', 'value'],
        additionalProperties: false,
        allOf: typeRules(),
      },
      factReference: {
        type: 'object',
        description: "Another fact's value",
        properties: { fact: ref('factName') },
        required: ['fact'],
        additionalProperties: false,
      },
      factName: {
        anyOf: [
          ...FACT_CATALOG.map((fact) => ({ const: fact.name, description: factDescription(fact) })),
          { type: 'string', pattern: ATTRIBUTE_PATTERN, description: 'A lender attribute, `loan.attributes.<key>` (number, string or boolean; null when absent)' },
        ],
      },
      scalar: { type: ['number', 'string', 'boolean', 'null'] },
      event: { anyOf: [ref('candidateEvent'), ref('holdEvent')] },
      candidateEvent: {
        type: 'object',
        description: 'Proposes an action; the compliance guard judges it',
        properties: {
          type: { const: 'candidate' },
          params: {
            type: 'object',
            properties: {
              action: { enum: [...ACTION_TYPES], description: 'The action to propose' },
              rank: { type: 'number', description: 'Lower is preferred; ties break by rule name' },
              purpose: { enum: [...PURPOSES], description: 'Why the action is taken; default collection' },
              address: { type: 'string', minLength: 1, maxLength: 200, description: 'The number or address to use; read by per-address caps and opt-outs' },
              recipient: { enum: [...RECIPIENTS], description: 'Whom the contact is with; default borrower' },
              contactId: { type: 'string', minLength: 1, maxLength: 200, description: 'The contact person of a third_party action' },
              step: { enum: [...LEGAL_STEPS], description: 'The legal step of a legal action; without one, any step' },
            },
            required: ['action', 'rank'],
            additionalProperties: true,
          },
        },
        required: ['type', 'params'],
        additionalProperties: false,
      },
      holdEvent: {
        type: 'object',
        description: 'Holds every candidate ranked the same or higher: do nothing for now',
        properties: {
          type: { const: 'hold' },
          params: {
            type: 'object',
            properties: { rank: { type: 'number', description: 'Candidates with this rank or higher are held' } },
            required: ['rank'],
            additionalProperties: true,
          },
        },
        required: ['type', 'params'],
        additionalProperties: false,
      },
    },
  };
}
