/**
 * Writes the JSON Schemas of the three documents `arrears` reads to `rules/schema/`: the policy
 * (built from the fact catalog and vocabularies, `src/schemas/policy-json-schema.ts`), the
 * compliance document and the decision input (converted from their zod schemas by zod's
 * `toJSONSchema`). Run it with `npm run schemas:generate`; `test/schemas/schemas.test.ts` fails
 * when a file is stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toJSONSchema } from 'zod';
import { complianceDocumentSchema } from '../src/compliance/compliance-schema.js';
import { policyJsonSchema } from '../src/schemas/policy-json-schema.js';
import { checkActionSchema, inputSchema } from '../src/validate/input-schema.js';

/** The schema files, by name, in `rules/schema/`. */
export const SCHEMA_FILES = ['policy.schema.json', 'compliance.schema.json', 'input.schema.json'] as const;

/** A schema file's name. */
export type SchemaFile = (typeof SCHEMA_FILES)[number];

type JsonSchema = Record<string, unknown>;

function fromZod(schema: unknown): JsonSchema {
  return toJSONSchema(schema as Parameters<typeof toJSONSchema>[0], { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** `$schema` first, then a title and description, then the rest. */
function titled(schema: JsonSchema, title: string, description: string): JsonSchema {
  const { $schema, ...rest } = schema;
  return { $schema, title, description, ...rest };
}

function complianceSchema(): JsonSchema {
  return titled(
    fromZod(complianceDocumentSchema()),
    'arrears compliance document',
    'What a lender may do: time windows, frequency caps, cool-downs, blocking statuses and opt-outs, each rule with an id and a citation. Documents compose: every rule of every document applies, so the stricter rule wins. Also checked by loadCompliance: a window span starts before it ends; rule ids are unique across composed documents.',
  );
}

function inputJsonSchema(): JsonSchema {
  const schema = fromZod(inputSchema());
  const properties = schema['properties'] as Record<string, JsonSchema>;
  const { $schema: _ignored, ...action } = fromZod(checkActionSchema());
  properties['action'] = { ...action, description: 'Only for `check` (and `arrears check`): the action to judge. `decide` rejects it.' };
  return titled(
    schema,
    'arrears decision input',
    'What a decision is about: `now`, the overdue loan with its borrower, and the history of what was already done. The input of `decide` and `arrears decide`; `check` also reads `action`.',
  );
}

/** Every schema file's text: pure, for the generator and the staleness test. */
export function renderSchemas(): Record<SchemaFile, string> {
  const text = (schema: JsonSchema) => `${JSON.stringify(schema, null, 2)}\n`;
  return {
    'policy.schema.json': text(policyJsonSchema()),
    'compliance.schema.json': text(complianceSchema()),
    'input.schema.json': text(inputJsonSchema()),
  };
}

/** Writes the files that changed; returns their names. */
export function writeSchemas(directory: URL): string[] {
  mkdirSync(directory, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(renderSchemas())) {
    const file = new URL(name, directory);
    let before: string | undefined;
    try {
      before = readFileSync(file, 'utf8');
    } catch {
      before = undefined;
    }
    if (before !== text) {
      writeFileSync(file, text);
      written.push(name);
    }
  }
  return written;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const directory = new URL('../rules/schema/', import.meta.url);
  const written = writeSchemas(directory);
  console.log(written.length === 0 ? `${fileURLToPath(directory)}: schemas up to date` : `${fileURLToPath(directory)}: wrote ${written.join(', ')}`);
}
