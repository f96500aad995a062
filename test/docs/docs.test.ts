import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentFactTable, renderFactTable, replaceFactTable } from '../../scripts/fact-table.js';
import { FACT_CATALOG, loadCompliance, loadPolicy } from '../../src/index.js';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

/** Every `.ts` file under `dir` (a path relative to the repository root, ending in `/`). */
function sourceFiles(dir: string): string[] {
  return readdirSync(new URL(dir, root), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(`${dir}${entry.name}/`) : entry.name.endsWith('.ts') ? [`${dir}${entry.name}`] : [],
  );
}

/** The contents of the fenced code blocks of a Markdown text tagged with `language`. */
function codeBlocks(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const fence = /^```(\S*)\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(markdown); match !== null; match = fence.exec(markdown)) {
    if (match[1] === language) blocks.push(match[2]!);
  }
  return blocks;
}

/** Whether `markdown` has a heading or a table row whose first cell names `code` in backticks. */
function hasEntry(markdown: string, code: string): boolean {
  const name = code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(#{1,6} .*\`${name}\`|\\|\\s*\`${name}\`)`, 'm').test(markdown);
}

// zod's issue codes that the library's schemas can produce (mapped, not wrapped: see src/validate/parse.ts).
const ZOD_ISSUE_CODES = ['invalid_type', 'invalid_value', 'invalid_format', 'too_small', 'too_big', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'custom'];

/** Issue codes written in src/: `code: '…'` literals and the `push(list, '…', …)`/`issue(this.issues, '…', …)` helpers. */
function issueCodesInSource(): string[] {
  const codes = new Set<string>();
  const patterns = [/\bcode:\s*'([a-z_]+)'/g, /\b(?:push|issue)\(\s*(?:this\.)?\w+,\s*'([a-z_]+)'/g];
  for (const file of sourceFiles('src/')) {
    const text = read(file);
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) codes.add(match[1]!);
  }
  return [...codes].sort();
}

/** The members of the `ArrearsErrorCode` union in src/errors.ts. */
function errorCodesInSource(): string[] {
  const union = /export type ArrearsErrorCode\s*=([^;]+);/.exec(read('src/errors.ts'))?.[1] ?? '';
  return [...union.matchAll(/'([A-Z_]+)'/g)].map((match) => match[1]!);
}

describe('docs/writing-a-policy.md', () => {
  const markdown = read('docs/writing-a-policy.md');

  it('holds the fact table that scripts/generate-docs.ts writes', () => {
    expect(currentFactTable(markdown), 'run `npx tsx scripts/generate-docs.ts`').toBe(`\n\n${renderFactTable()}\n`);
    expect(replaceFactTable(markdown)).toBe(markdown);
  });

  it('has a row for every fact of the catalog', () => {
    const table = renderFactTable();
    expect(table.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(FACT_CATALOG.length + 1);
    expect(table).toContain('| `daysPastDue` | number | no | days |');
    expect(table).toContain('| `attributes.<key>` | any | yes |');
  });

  it('has policy examples that load', () => {
    const blocks = codeBlocks(markdown, 'json').map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(blocks.length).toBeGreaterThan(3);
    for (const block of blocks) {
      if ('rules' in block) loadPolicy(block);
      else if ('conditions' in block) loadPolicy([block]);
      else loadPolicy([{ name: 'example', conditions: { all: [] }, event: block }]);
    }
  });
});

describe('docs/compliance-documents.md', () => {
  it('has compliance examples that load', () => {
    const blocks = codeBlocks(read('docs/compliance-documents.md'), 'json').map((text) => JSON.parse(text) as Record<string, unknown>);
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      const document = 'rules' in block ? block : { id: 'example', title: 'Example', jurisdiction: 'US', version: '2026-07-01', rules: [block] };
      expect(loadCompliance(document).rules.length).toBeGreaterThan(0);
    }
  });
});

describe('docs/errors.md', () => {
  const markdown = read('docs/errors.md');

  it('finds the issue codes and error codes in src/', () => {
    expect(issueCodesInSource()).toEqual(expect.arrayContaining(['unknown_fact', 'unknown_operator', 'duplicate_rule_name', 'duplicate_rule_id', 'invalid_date']));
    expect(errorCodesInSource()).toEqual(expect.arrayContaining(['INVALID_INPUT', 'INVALID_POLICY', 'INVALID_COMPLIANCE', 'INVALID_OPTIONS']));
  });

  it('has an entry for every issue code the library produces', () => {
    const codes = [...new Set([...issueCodesInSource(), ...ZOD_ISSUE_CODES])].sort();
    expect(codes.filter((code) => !hasEntry(markdown, code))).toEqual([]);
  });

  it('has an entry for every error code', () => {
    expect(errorCodesInSource().filter((code) => !hasEntry(markdown, code))).toEqual([]);
  });
});

describe('README.md', () => {
  const markdown = read('README.md');

  it('has the two quick-start commands, in order, alone in one block', () => {
    const section = markdown.slice(markdown.indexOf('## Quick start'));
    expect(codeBlocks(section, 'sh')[0]).toBe('npm install && npm run demo\nnpm test\n');
  });
});

describe('links between the docs', () => {
  it('point at files that exist', () => {
    const files = ['README.md', ...readdirSync(new URL('docs/', root)).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
    const broken: string[] = [];
    for (const file of files) {
      for (const match of read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        const target = match[1]!;
        if (/^[a-z]+:/.test(target)) continue;
        if (!existsSync(new URL(target, new URL(file, root)))) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
