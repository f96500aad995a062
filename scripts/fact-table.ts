/**
 * Renders the fact catalog table of `docs/writing-a-policy.md` from `FACT_CATALOG`. Pure: the
 * generator (`generate-docs.ts`) writes the result, and `test/docs/docs.test.ts` compares it
 * with the file, so the table can never drift from the catalog.
 */
import { FACT_CATALOG, findFact, type FactDefinition } from '../src/facts/catalog.js';

/** The markers around the generated table. */
export const FACTS_START = '<!-- facts:start -->';
export const FACTS_END = '<!-- facts:end -->';

/** The example name of the `attributes.*` row. */
const ATTRIBUTE_EXAMPLE = 'attributes.<key>';

/** A table cell: pipes escaped, line breaks folded, so one fact is always one row. */
function cell(text: string): string {
  return text.replace(/\r?\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function row(fact: FactDefinition): string {
  return `| \`${fact.name}\` | ${fact.type} | ${fact.nullable ? 'yes' : 'no'} | ${cell(fact.unit)} | ${cell(fact.description)} |`;
}

/**
 * The fact catalog as a Markdown table (name, type, nullable, unit, meaning), one row per
 * catalog entry in catalog order, then the `attributes.<key>` row. Ends with a newline.
 */
export function renderFactTable(catalog: readonly FactDefinition[] = FACT_CATALOG): string {
  const attribute = findFact(ATTRIBUTE_EXAMPLE);
  const rows = [...catalog, ...(attribute === undefined ? [] : [attribute])].map(row);
  return ['| Name | Type | Nullable | Unit | Meaning |', '| --- | --- | --- | --- | --- |', ...rows].join('\n') + '\n';
}

/**
 * Replaces the text between the markers with `table` (markers kept, one blank line either side
 * of the table). Throws when the markers are missing or out of order.
 */
export function replaceFactTable(markdown: string, table: string = renderFactTable()): string {
  const start = markdown.indexOf(FACTS_START);
  const end = markdown.indexOf(FACTS_END);
  if (start === -1 || end === -1 || end < start) {
    throw new Error(`Expected ${FACTS_START} followed by ${FACTS_END} in the document`);
  }
  return `${markdown.slice(0, start + FACTS_START.length)}\n\n${table}\n${markdown.slice(end)}`;
}

/** The text between the markers, as written in the document (`undefined` without markers). */
export function currentFactTable(markdown: string): string | undefined {
  const start = markdown.indexOf(FACTS_START);
  const end = markdown.indexOf(FACTS_END);
  if (start === -1 || end === -1 || end < start) return undefined;
  return markdown.slice(start + FACTS_START.length, end);
}
