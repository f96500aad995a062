import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/cli/read-json.js';
import { run } from '../../src/cli/run.js';
import { check, decide, isArrearsValidationError, loadPolicy } from '../../src/index.js';
import type { DecisionInput, HistoryEvent } from '../../src/index.js';
import { MAX_HISTORY_EVENTS } from '../../src/validate/input-schema.js';
import { EARLIEST_NOW, LATEST_NOW, LATEST_NOW_MS, MAX_INPUT_DEPTH, MAX_LIST_ITEMS, MAX_MONEY, MAX_OBJECT_KEYS } from '../../src/validate/limits.js';
import { defaultPolicyDocument, loadDocuments, resolveDocuments } from '../properties/arbitraries.js';
import { timed } from './hostile.js';

const NOW = '2026-07-15T02:00:00Z';
const NOW_MS = Date.parse(NOW);
const policy = loadPolicy(defaultPolicyDocument);
const compliance = loadDocuments(resolveDocuments(['cn', 'us-federal']), NOW_MS);

const anInput = (overrides: Partial<DecisionInput> = {}): DecisionInput => ({
  now: NOW,
  loan: {
    id: 'L-1',
    product: 'cash_loan',
    currency: 'CNY',
    balance: 8400,
    amountOverdue: 1200,
    oldestUnpaidDueDate: '2026-06-20',
    borrower: { id: 'B-1', timeZone: 'Asia/Shanghai' },
  },
  history: [],
  ...overrides,
});

/** The issues `decide` throws for `input`, as `code path` strings; fails when it decides. */
function issuesOf(input: unknown): string[] {
  try {
    decide(input as DecisionInput, { policy, compliance });
  } catch (error) {
    if (isArrearsValidationError(error)) return error.issues.map((issue) => `${issue.code} ${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('decided');
}

/** `n` realistic events over two years: calls, messages, promises and payments, every kind of outcome. */
function longHistory(n: number): HistoryEvent[] {
  const channels = ['call', 'sms', 'email', 'call', 'visit'] as const;
  const outcomes = ['no_answer', 'delivered', 'conversation', 'voicemail', 'busy'] as const;
  return Array.from({ length: n }, (_, k): HistoryEvent => {
    const at = new Date(NOW_MS - 1 - Math.floor((k * 2 * 365 * 86_400_000) / n)).toISOString();
    if (k % 50 === 7) return { type: 'payment', at, amount: 10 };
    if (k % 50 === 9) return { type: 'promise', at, amount: 100, dueDate: at.slice(0, 10) };
    return { type: 'contact', at, channel: channels[k % 5]!, direction: k % 7 === 0 ? 'inbound' : 'outbound', outcome: outcomes[k % 5]! };
  });
}

describe('input limits', () => {
  it('keeps the list limit of plain-data checks equal to the history limit', () => {
    expect(MAX_LIST_ITEMS).toBe(MAX_HISTORY_EVENTS);
  });

  it('decides on a history of 100,000 events within the time budget, with the presets', () => {
    const input = anInput({ history: longHistory(100_000) });
    const decision = timed(() => decide(input, { policy, compliance }), 15_000);
    expect(['act', 'wait', 'none']).toContain(decision.type);
  }, 60_000);

  it(`rejects a history of ${MAX_HISTORY_EVENTS + 1} events at once, before reading them`, () => {
    const history = new Array<HistoryEvent>(MAX_HISTORY_EVENTS + 1).fill({ type: 'payment', at: NOW, amount: 1 });
    expect(timed(() => issuesOf(anInput({ history })), 200)).toEqual([`too_big history: Too big: expected array to have <=${MAX_HISTORY_EVENTS} items`]);
  });

  it(`rejects data nested deeper than ${MAX_INPUT_DEPTH} levels, however deep, without overflowing the stack`, () => {
    let params: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) params = { a: params };
    const issues = timed(() => {
      try {
        check({ ...anInput(), action: { type: 'call', params: { nested: params } } }, { compliance });
      } catch (error) {
        return isArrearsValidationError(error) ? error.issues : [];
      }
      return [];
    }, 1000);
    expect(issues.map((issue) => issue.code)).toEqual(['too_deep']);
    expect(issues[0]!.path).toMatch(/^action\.params\.nested(\.a)+$/);
  });

  it(`rejects an object with more than ${MAX_OBJECT_KEYS} keys (so at most ${MAX_OBJECT_KEYS} attributes)`, () => {
    const attributes = Object.fromEntries(Array.from({ length: MAX_OBJECT_KEYS + 1 }, (_, i) => [`a${i}`, i]));
    expect(issuesOf(anInput({ loan: { ...anInput().loan, attributes } }))).toEqual([
      `too_big loan.attributes: Too big: expected object to have <=${MAX_OBJECT_KEYS} keys`,
    ]);
  });

  it(`rejects amounts above ${MAX_MONEY}`, () => {
    expect(issuesOf(anInput({ loan: { ...anInput().loan, balance: MAX_MONEY * 10 } }))).toEqual([
      'too_big loan.balance: Too big: expected number to be <=1000000000000',
    ]);
  });

  it(`accepts \`now\` from ${EARLIEST_NOW} and before ${LATEST_NOW}, and rejects it outside`, () => {
    expect(() => decide(anInput({ now: EARLIEST_NOW }), { policy, compliance })).not.toThrow();
    expect(() => decide(anInput({ now: LATEST_NOW_MS - 1 }), { policy, compliance })).not.toThrow();
    expect(issuesOf(anInput({ now: '1969-12-31T23:59:59Z' }))).toEqual([`too_small now: Expected \`now\` at or after ${EARLIEST_NOW}`]);
    expect(issuesOf(anInput({ now: LATEST_NOW }))).toEqual([`too_big now: Expected \`now\` before ${LATEST_NOW}`]);
  });

  it('rejects a status whose `until` is not later than its `from`', () => {
    const statuses = [{ type: 'dispute' as const, from: '2026-07-10T00:00:00Z', until: '2026-07-01T00:00:00Z' }];
    expect(issuesOf(anInput({ loan: { ...anInput().loan, borrower: { id: 'B-1', timeZone: 'Asia/Shanghai', statuses } } }))).toEqual([
      'invalid_interval loan.borrower.statuses[0].until: Expected `until` to be later than `from`',
    ]);
  });

  it('reports `__proto__` keys, class instances and inherited fields instead of reading them', () => {
    const attributes = JSON.parse('{"__proto__": {"segment": "A"}}') as Record<string, string>;
    expect(issuesOf(anInput({ loan: { ...anInput().loan, attributes } }))).toEqual(['unrecognized_keys loan.attributes: Unrecognized key: "__proto__"']);
    const borrower = Object.assign(Object.create({ timeZone: 'Asia/Shanghai' }) as object, { id: 'B-1' });
    expect(issuesOf(anInput({ loan: { ...anInput().loan, borrower } as never }))).toEqual([
      'invalid_type loan.borrower: Expected plain JSON data (an object literal or parsed JSON), found an object with a prototype',
    ]);
    const history = [new Date(NOW)] as unknown as HistoryEvent[];
    expect(issuesOf(anInput({ history }))).toEqual(['invalid_type history[0]: Expected plain JSON data (an object literal or parsed JSON), found a `Date`']);
  });

  it('reports a cycle where it closes', () => {
    const attributes: Record<string, unknown> = {};
    attributes['self'] = attributes;
    expect(issuesOf(anInput({ loan: { ...anInput().loan, attributes } as never }))).toEqual(['invalid_type loan.attributes.self: Expected plain JSON data, found a cycle']);
  });
});

describe('CLI limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrears-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function arrears(args: readonly string[]) {
    let stdout = '';
    let stderr = '';
    const status = await run(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    return { status, stdout, stderr };
  }

  it(`refuses a file over ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB with exit 2, without parsing it`, async () => {
    const file = join(dir, 'huge.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, MAX_DOCUMENT_BYTES + 1); // sparse: no disk used
    closeSync(fd);
    const result = await timed(() => arrears(['decide', file, '--compliance', 'cn']), 10_000);
    expect(result).toEqual({ status: 2, stdout: '', stderr: `${file}: Document too large: the limit is 256 MiB\n` });
  }, 30_000);

  it('reports a deeply nested JSON input (a million levels) as invalid, exit 2', async () => {
    const file = join(dir, 'deep.json');
    writeFileSync(file, `{"now": "${NOW}", "loan": ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`);
    const { status, stderr } = await arrears(['decide', file, '--compliance', 'cn']);
    expect(status).toBe(2);
    expect(stderr).toContain('Invalid input');
    expect(stderr).not.toMatch(/^\s+at /m);
  }, 30_000);

  it('reports an unterminated million-level JSON text as invalid JSON, exit 2', async () => {
    const file = join(dir, 'open.json');
    writeFileSync(file, '['.repeat(1_000_000));
    expect(await arrears(['decide', file, '--compliance', 'cn'])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^.*open\.json: Invalid JSON/) as unknown });
  });
});
