import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide, loadCompliance, loadPolicy, VERSION } from '../../src/index.js';
import { presetIds, presets } from '../../src/presets/index.js';
import { ensureBuild, root } from './ensure-build.js';

// These tests run the built binary, as a user would: `node dist/cli.js …`.
const FIXTURES = 'test/fixtures/cli';

function arrears(args: readonly string[], stdin?: string) {
  const result = spawnSync(process.execPath, [`${root}dist/cli.js`, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env },
    ...(stdin === undefined ? {} : { input: stdin }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const fixture = (name: string) => `${FIXTURES}/${name}`;
const readFixture = (name: string) => JSON.parse(readFileSync(`${root}${fixture(name)}`, 'utf8')) as Record<string, unknown>;
const STACK_LINE = /^\s+at /m;

beforeAll(() => ensureBuild(), 180_000);

describe('arrears decide', () => {
  it('prints the same Decision JSON as the library, 2-space indented, with `--compliance cn`', () => {
    const { status, stdout, stderr } = arrears(['decide', fixture('cn-loan.json'), '--compliance', 'cn']);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const decision = JSON.parse(stdout) as unknown;
    expect(stdout).toBe(`${JSON.stringify(decision, null, 2)}\n`);
    const policy = loadPolicy(JSON.parse(readFileSync(`${root}rules/policies/default.json`, 'utf8')));
    expect(decision).toEqual(decide(readFixture('cn-loan.json') as never, { policy, compliance: loadCompliance(presets.cn) }));
  });

  it('waits for 08:00 in New York with `--compliance us-federal`', () => {
    const { status, stdout } = arrears(['decide', fixture('us-loan-0759.json'), '--compliance', 'us-federal']);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ type: 'wait', at: '2026-07-15T12:00:00Z', loanId: 'L-2001' });
  });

  it('composes repeated `--compliance` values, in order', () => {
    const { status, stdout } = arrears(['decide', fixture('cn-loan.json'), '--compliance', 'cn', '--compliance', 'us-federal']);
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as { complianceHash: string }).complianceHash).toBe(loadCompliance([presets.cn, presets['us-federal']]).hash);
  });

  it('reads a policy file with `--policy`', () => {
    const { status, stdout } = arrears(['decide', fixture('cn-loan.json'), '--compliance', 'cn', '--policy', fixture('policy-sms-only.json')]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ type: 'act', action: { type: 'sms', rule: 'always-sms' } });
  });

  it('adds the rules that did not fire with `--trace full`', () => {
    const summary = JSON.parse(arrears(['decide', fixture('cn-loan.json'), '--compliance', 'cn']).stdout) as { trace: { type: string }[] };
    const full = JSON.parse(arrears(['decide', fixture('cn-loan.json'), '--compliance', 'cn', '--trace', 'full']).stdout) as { trace: { type: string }[] };
    expect(summary.trace.some((entry) => entry.type === 'rule.failed')).toBe(false);
    expect(full.trace.some((entry) => entry.type === 'rule.failed')).toBe(true);
  });

  it('prints sentences with `--explain`', () => {
    const { status, stdout } = arrears(['decide', fixture('cn-loan.json'), '--compliance', 'cn', '--explain']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Loan L-1001 at 2026-07-15T02:00:00Z: call now \(policy rule "call-8-30-dpd"\)\.\n/);
  });

  it('reads the input from standard input with -', () => {
    const input = readFileSync(`${root}${fixture('us-loan-0759.json')}`, 'utf8');
    const fromStdin = arrears(['decide', '-', '--compliance', 'us-federal'], input);
    expect(fromStdin.status).toBe(0);
    expect(fromStdin.stdout).toBe(arrears(['decide', fixture('us-loan-0759.json'), '--compliance', 'us-federal']).stdout);
  });
});

describe('arrears check', () => {
  it('defers a call at 07:59 in New York until 08:00', () => {
    const { status, stdout, stderr } = arrears(['check', fixture('us-loan-0759.json'), '--action', 'call', '--compliance', 'us-federal']);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual({
      type: 'deferred',
      until: '2026-07-15T12:00:00Z',
      by: [expect.objectContaining({ id: 'us-fdcpa-convenient-hours', citation: expect.stringContaining('1006.6(b)(1)(i)') })],
    });
  });

  it('takes a compliance document from a file, composed with a preset', () => {
    const { status, stdout } = arrears(['check', fixture('us-loan-0830.json'), '--action', 'call', '--compliance', 'us-federal', '--compliance', fixture('house-rules.json')]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ type: 'deferred', until: '2026-07-15T13:00:00Z', by: [{ id: 'acme-calls-from-nine' }] });
    const alone = arrears(['check', fixture('us-loan-0830.json'), '--action', 'sms', '--compliance', fixture('house-rules.json')]);
    expect(JSON.parse(alone.stdout)).toEqual({ type: 'permitted' });
  });

  it('fills `action.params` from `--param key=value`', () => {
    const input = readFixture('us-loan-0830.json');
    const loan = input['loan'] as { borrower: Record<string, unknown> };
    loan.borrower['statuses'] = [{ type: 'attorney', from: '2026-07-01T00:00:00Z' }];
    const stdin = JSON.stringify(input);
    const plain = arrears(['check', '-', '--action', 'sms', '--compliance', 'us-federal'], stdin);
    expect(JSON.parse(plain.stdout)).toMatchObject({ type: 'blocked', by: [{ id: 'us-reg-f-attorney' }] });
    const reply = arrears(['check', '-', '--action', 'sms', '--param', 'purpose=reply_to_borrower', '--param', 'address=+15551234567', '--compliance', 'us-federal'], stdin);
    expect(JSON.parse(reply.stdout)).toEqual({ type: 'permitted' });
  });

  it("uses the input's own `action`, and `--action` overrides its type", () => {
    const stdin = JSON.stringify({ ...readFixture('us-loan-0759.json'), action: { type: 'letter' } });
    expect(JSON.parse(arrears(['check', '-', '--compliance', 'us-federal'], stdin).stdout)).toEqual({ type: 'permitted' });
    expect(JSON.parse(arrears(['check', '-', '--action', 'call', '--compliance', 'us-federal'], stdin).stdout)).toMatchObject({ type: 'deferred' });
  });

  it('prints a sentence with `--explain`', () => {
    const { stdout } = arrears(['check', fixture('us-loan-0759.json'), '--action', 'call', '--compliance', 'us-federal', '--explain']);
    expect(stdout).toMatch(/^Deferred until 2026-07-15T12:00:00Z by us-fdcpa-convenient-hours \(/);
  });
});

describe('exit status 2: invalid input or documents', () => {
  it('lists every issue of the input with its path, after the file name, without a stack trace', () => {
    const { status, stdout, stderr } = arrears(['decide', fixture('invalid-input.json'), '--compliance', 'cn']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^test\/fixtures\/cli\/invalid-input\.json: Invalid input \(2 issues\)\n✖ /);
    expect(stderr).toContain('\n  → at loan.balance\n');
    expect(stderr).toContain('\n  → at loan.borrower.statuses[0].from\n');
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('names the position of a JSON syntax error, never the contents', () => {
    const { status, stdout, stderr } = arrears(['decide', fixture('not-json.json'), '--compliance', 'cn']);
    expect({ status, stdout }).toEqual({ status: 2, stdout: '' });
    expect(stderr).toBe('test/fixtures/cli/not-json.json: Invalid JSON: expected "," or "}" after a property value at line 6, column 5\n');
  });

  it('reports empty standard input as invalid JSON', () => {
    const { status, stderr } = arrears(['check', '-', '--action', 'call', '--compliance', 'cn'], '');
    expect(status).toBe(2);
    expect(stderr).toBe('<stdin>: Invalid JSON: unexpected end of input at line 1, column 1\n');
  });

  it('names the compliance file whose document is invalid', () => {
    const { status, stderr } = arrears(['check', fixture('cn-loan.json'), '--action', 'sms', '--compliance', 'cn', '--compliance', fixture('invalid-compliance.json')]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^test\/fixtures\/cli\/invalid-compliance\.json: Invalid compliance document \(\d+ issues?\)\n/);
    expect(stderr).toContain('→ at rules[0].windows[0].start');
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('names the policy file whose rules are invalid', () => {
    const { status, stderr } = arrears(['decide', fixture('cn-loan.json'), '--compliance', 'cn', '--policy', fixture('invalid-policy.json')]);
    expect(status).toBe(2);
    expect(stderr).toBe(
      'test/fixtures/cli/invalid-policy.json: Invalid policy (1 issue)\n✖ Unknown fact "dayPastDue" (did you mean "daysPastDue"?)\n  → at rules[0].conditions.all[0].fact\n',
    );
  });
});

describe('exit status 1: usage errors', () => {
  it('requires `--compliance` and lists the preset ids', () => {
    const { status, stdout, stderr } = arrears(['decide', fixture('cn-loan.json')]);
    expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
    expect(stderr).toBe(`arrears: decide needs at least one --compliance <preset-id|file>; presets: ${presetIds.join(', ')}\nRun "arrears decide --help" for usage.\n`);
  });

  it('rejects an unknown preset, suggesting the nearest id', () => {
    const { status, stderr } = arrears(['check', fixture('cn-loan.json'), '--action', 'call', '--compliance', 'us_federal']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^arrears: unknown compliance preset "us_federal" \(did you mean "us-federal"\?\); presets: /);
  });

  it('reports a missing file in one line', () => {
    const { status, stderr } = arrears(['decide', fixture('missing.json'), '--compliance', 'cn']);
    expect(status).toBe(1);
    expect(stderr).toBe('arrears: cannot read input file "test/fixtures/cli/missing.json": no such file\nRun "arrears decide --help" for usage.\n');
  });

  it('rejects an unknown command, suggesting the nearest one', () => {
    const { status, stderr } = arrears(['decde', fixture('cn-loan.json')]);
    expect(status).toBe(1);
    expect(stderr).toBe('arrears: unknown command "decde" (did you mean "decide"?); commands: decide, check, presets, lint, schema, diff, simulate, batch\nRun "arrears --help" for usage.\n');
  });

  it('rejects unknown options and missing values', () => {
    expect(arrears(['decide', fixture('cn-loan.json'), '--compliance', 'cn', '--polcy', 'p.json']).stderr).toBe(
      'arrears: unknown option "--polcy" (did you mean "--policy"?)\nRun "arrears decide --help" for usage.\n',
    );
    expect(arrears(['decide', fixture('cn-loan.json'), '--compliance'])).toMatchObject({ status: 1, stderr: expect.stringContaining('option "--compliance" needs a value') });
    expect(arrears(['decide', fixture('cn-loan.json'), '--compliance', 'cn', '--trace', 'verbose'])).toMatchObject({ status: 1 });
  });

  it('requires an action type it knows, and exactly one input file', () => {
    expect(arrears(['check', fixture('cn-loan.json'), '--compliance', 'cn']).stderr).toMatch(/^arrears: check needs --action <type>/);
    expect(arrears(['check', fixture('cn-loan.json'), '--action', 'fax', '--compliance', 'cn'])).toMatchObject({ status: 1, stderr: expect.stringContaining('unknown action "fax"') });
    expect(arrears(['check', '--action', 'call', '--compliance', 'cn'])).toMatchObject({ status: 1, stderr: expect.stringContaining('check needs an input file') });
    expect(arrears(['check', fixture('cn-loan.json'), 'extra.json', '--action', 'call', '--compliance', 'cn'])).toMatchObject({ status: 1 });
  });

  it('prints the help on stderr when no command is given', () => {
    const { status, stdout, stderr } = arrears([]);
    expect({ status, stdout }).toEqual({ status: 1, stdout: '' });
    expect(stderr).toBe(arrears(['--help']).stdout);
  });
});

describe('help, version and presets', () => {
  it('prints the global help', () => {
    const { status, stdout } = arrears(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "arrears: the next collection action a lender is permitted to take, and when

      Usage: arrears <command> [options]

      Commands:
        decide <input.json>   Decide the next permitted action for one loan; prints the Decision JSON
        check <input.json>    Judge one action with the compliance guard alone; prints the verdict JSON
        presets               List the compliance preset ids with their titles
        lint <policy.json>    Check a policy: errors with the fix, warnings about rules that never fire,
                              shadowed rules, days-past-due gaps and never-permitted actions
        schema <name>         Print the JSON Schema of a policy, compliance document or input
        diff <old> <new>      Decide a portfolio under two policies and report what changes
        simulate              Replay a portfolio for a month and check that no compliance rule broke
        batch <file.ndjson>   Decide every loan of an NDJSON portfolio on every core

      Options:
        -h, --help            Show help; \`arrears <command> --help\` for a command's options
        -v, --version         Print the version of arrears

      <input.json> is a file, or - to read standard input.
      Exit status: 0 a decision or verdict was printed (whatever it says), 2 invalid input or
      documents (the issues are on stderr), 1 anything else.

      Example:
        arrears decide loan.json --compliance cn
      "
    `);
  });

  it('prints the help of decide', () => {
    const { status, stdout } = arrears(['decide', '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "Usage: arrears decide <input.json> [options]

      Decides the next collection action permitted for one loan, and when, and prints the Decision
      JSON. <input.json> holds { now, loan, history }; - reads standard input.

      Options:
        --compliance <preset-id|file>  A compliance preset (\`arrears presets\` lists them) or the path
                                       of a JSON compliance document. Required; repeat it to compose
                                       overlays (the stricter rule wins). Holiday calendars the
                                       documents name come from date-holidays, for the year of \`now\`
        --role <addressee>             The lender's role: creditor, third_party_collector,
                                       licensed_agency or association_member; rules that bind none of
                                       the roles given are left out; repeatable
        --exception <rule-id>          Enable a rule's opt-in exception (a days-past-due exception);
                                       repeatable
        --policy <file>                A policy document (json-rules-engine rules); default: the
                                       bundled example policy
        --trace <summary|full>         \`full\` adds each policy rule that did not fire (default: summary)
        --explain                      Print the decision as English sentences instead of JSON
        -h, --help                     Show this help

      Example:
        arrears decide loan.json --compliance us-federal --compliance ./house-rules.json
      "
    `);
  });

  it('prints the help of check, also as `arrears help check`', () => {
    const { status, stdout } = arrears(['check', '-h']);
    expect(status).toBe(0);
    expect(stdout).toMatchInlineSnapshot(`
      "Usage: arrears check <input.json> --action <type> [options]

      Judges one action with the compliance guard alone (no policy) and prints the verdict JSON:
      permitted, deferred (with \`until\`) or blocked, and by which rules. <input.json> holds
      { now, loan, history } and optionally the action; - reads standard input.

      Options:
        --action <type>                sms, email, call, visit, letter, legal, agency or
                                       hardship_plan; overrides the type of the input's \`action\`
        --param <key=value>            An action param, e.g. purpose=reply_to_borrower or
                                       address=+15551234567; repeatable
        --compliance <preset-id|file>  A compliance preset (\`arrears presets\` lists them) or the path
                                       of a JSON compliance document. Required; repeat it to compose
                                       overlays (the stricter rule wins). Holiday calendars the
                                       documents name come from date-holidays, for the year of \`now\`
        --role <addressee>             The lender's role: creditor, third_party_collector,
                                       licensed_agency or association_member; rules that bind none of
                                       the roles given are left out; repeatable
        --exception <rule-id>          Enable a rule's opt-in exception (a days-past-due exception);
                                       repeatable
        --explain                      Print the verdict as an English sentence instead of JSON
        -h, --help                     Show this help

      Example:
        arrears check loan.json --action call --compliance us-federal
      "
    `);
    expect(arrears(['help', 'check']).stdout).toBe(stdout);
  });

  it('prints the version', () => {
    expect(arrears(['--version'])).toEqual({ status: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('lists the presets with their titles, one per line', () => {
    const { status, stdout } = arrears(['presets']);
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s{2,}/))).toEqual(presetIds.map((id) => [id, presets[id].title]));
  });
});
