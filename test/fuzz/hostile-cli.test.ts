import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { inputArb, runs } from '../properties/arbitraries.js';
import { mutate, mutationArb, SECRET } from './hostile.js';

const dir = mkdtempSync(join(tmpdir(), 'arrears-fuzz-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STACK_LINE = /^\s+at /m;

async function arrears(args: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  return { status, stdout, stderr };
}

/** Text that is almost JSON: broken, truncated, padded, deeply nested, odd numbers and keys. */
const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.tuple(fc.json({ maxDepth: 4 }), fc.nat(), fc.string({ maxLength: 5 })).map(([json, at, junk]) => json.slice(0, at % (json.length + 1)) + junk),
  fc.integer({ min: 1, max: 200_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 200_000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.integer({ min: 1, max: 50_000 }).map((depth) => '['.repeat(depth)),
  fc.constantFrom(
    '\uFEFF{}',
    '\u0000',
    '{"now": 1e999}',
    '{"now": -0, "loan": NaN}',
    '{"__proto__": {"polluted": true}, "now": "2026-07-15T02:00:00Z"}',
    '{"constructor": {"prototype": {"polluted": true}}}',
    '{"a": 1, "a": 2}',
    "{'single': 'quotes'}",
    '[1, 2, 3,]',
    '"\\ud800"',
    `{"loan": {"id": "${SECRET}"`,
  ),
);

const validInputText = inputArb({ maxHistory: 5 }).chain((generated) =>
  fc.array(mutationArb, { minLength: 1, maxLength: 2 }).map((mutations) => {
    try {
      return JSON.stringify({ ...(mutate(generated.input, mutations) as object), loan: { ...generated.input.loan, id: SECRET } }) ?? 'null';
    } catch {
      return '{}';
    }
  }),
);

describe('fuzz: hostile files for the CLI', () => {
  it('exits 2 with the issues on stderr (no stack trace, no echo) or 0 with a decision, for any input file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(textArb, validInputText), fc.constantFrom('decide', 'check'), async (text, command) => {
        const file = join(dir, `input-${n++}.json`);
        writeFileSync(file, text);
        const args = command === 'decide' ? ['decide', file, '--compliance', 'cn'] : ['check', file, '--action', 'call', '--compliance', 'us-federal'];
        const { status, stdout, stderr } = await arrears(args);
        expect([0, 2], stderr).toContain(status);
        expect(stderr).not.toMatch(STACK_LINE);
        expect(stderr).not.toContain(SECRET);
        if (status === 0) expect(() => JSON.parse(stdout) as unknown).not.toThrow();
        else expect(stderr.startsWith(`${file}: `), stderr).toBe(true);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      runs(150),
    );
  }, 120_000);

  it('treats hostile policy and compliance files the same way', async () => {
    const input = join(dir, 'valid-input.json');
    writeFileSync(input, JSON.stringify(fc.sample(inputArb(), { seed: 1, numRuns: 1 })[0]!.input));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(textArb, fc.boolean(), async (text, asPolicy) => {
        const file = join(dir, `document-${n++}.json`);
        writeFileSync(file, text);
        const args = asPolicy ? ['decide', input, '--compliance', 'cn', '--policy', file] : ['decide', input, '--compliance', file];
        const { status, stderr } = await arrears(args);
        expect([0, 2], stderr).toContain(status);
        expect(stderr).not.toMatch(STACK_LINE);
      }),
      runs(80),
    );
  }, 120_000);
});
