import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCompliance, loadPolicy } from '../../src/index.js';
import type { DecisionInput } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { diffPolicies } from '../../src/testing/index.js';
import { ensureBuild, root } from './ensure-build.js';

// The policy author's commands, run as a user runs them: `node dist/cli.js …`.
function arrears(args: readonly string[], stdin?: string) {
  const result = spawnSync(process.execPath, [`${root}dist/cli.js`, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env }, ...(stdin === undefined ? {} : { input: stdin }) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');
const TOOLKIT = 'test/fixtures/toolkit';
const dir = mkdtempSync(join(tmpdir(), 'arrears-cli-'));

beforeAll(() => ensureBuild(), 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arrears lint', () => {
  it('reports a typo with the fix and exits with status 2', () => {
    const { status, stdout, stderr } = arrears(['lint', 'test/fixtures/policy/error-typos.json']);
    expect({ status, stderr }).toEqual({ status: 2, stderr: '' });
    expect(stdout).toContain('  error  rules[0].conditions.all[0].fact      Unknown fact "dayPastDue" (did you mean "daysPastDue"?)  unknown_fact\n');
    expect(stdout.endsWith('\n6 errors, 0 warnings\n')).toBe(true);
  });

  it('exits with status 0 on warnings alone', () => {
    const { status, stdout } = arrears(['lint', `${TOOLKIT}/policy-with-warnings.json`]);
    expect(status).toBe(0);
    expect(stdout).toContain('dpd_gap');
  });

  it('checks never-permitted actions with --compliance, and prints JSON with --json', () => {
    const house = join(dir, 'house.json');
    const document = { id: 'house', title: 'House', jurisdiction: 'US', version: '2026-01-01', rules: [{ id: 'house-no-visits', kind: 'cap', citation: 'House rule 3', summary: 'No visits.', confidence: 'H', actions: ['visit'], max: 0, period: { type: 'calendar-month' }, scope: 'borrower', counts: { channels: ['visit'] } }] };
    spawnSync('node', ['-e', `require('fs').writeFileSync(${JSON.stringify(house)}, ${JSON.stringify(JSON.stringify(document))})`]);
    const { status, stdout } = arrears(['lint', 'rules/policies/default.json', '--compliance', 'us-federal', '--compliance', house, '--json']);
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as { source: string; errorCount: number; diagnostics: { code: string; path: string }[] };
    expect(result.source).toBe('rules/policies/default.json');
    const visits = (JSON.parse(read('rules/policies/default.json')) as { rules: { event: { params: { action?: string } } }[] }).rules.flatMap((rule, i) => (rule.event.params.action === 'visit' ? [i] : []));
    expect(visits.length).toBeGreaterThan(0);
    expect(result.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(visits.map((i) => `never_permitted rules[${i}].event.params.action`));
  });

  it('reads standard input and says "no problems" for a clean policy', () => {
    expect(arrears(['lint', '-'], read('rules/policies/default.json'))).toEqual({ status: 0, stdout: '<stdin>: no problems found\n', stderr: '' });
  });

  it('fails as the other commands do on a bad file or option', () => {
    expect(arrears(['lint', 'test/fixtures/cli/not-json.json'])).toMatchObject({ status: 2, stdout: '' });
    expect(arrears(['lint', 'missing.json']).status).toBe(1);
    expect(arrears(['lint', 'a.json', 'b.json']).stderr).toBe('arrears: unexpected argument "b.json": lint takes <policy.json>\nRun "arrears lint --help" for usage.\n');
    expect(arrears(['lint', 'rules/policies/default.json', '--compliace', 'cn']).stderr).toContain('unknown option "--compliace" (did you mean "--compliance"?)');
  });
});

describe('arrears schema', () => {
  it.each(['policy', 'compliance', 'input'])('prints the %s schema as shipped', (name) => {
    expect(arrears(['schema', name])).toEqual({ status: 0, stdout: read(`rules/schema/${name}.schema.json`), stderr: '' });
  });

  it('suggests the nearest schema name', () => {
    expect(arrears(['schema', 'polcy'])).toEqual({ status: 1, stdout: '', stderr: 'arrears: unknown schema "polcy" (did you mean "policy"?); schemas: policy, compliance, input\nRun "arrears schema --help" for usage.\n' });
  });
});

describe('arrears diff', () => {
  const args = ['diff', 'rules/policies/default.json', `${TOOLKIT}/policy-proposed.json`, '--portfolio', `${TOOLKIT}/portfolio.json`];

  it('prints what changes, by band and product', () => {
    const { status, stdout, stderr } = arrears(args);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(stdout.replace(/sha256:[0-9a-f]{64}/g, 'sha256:…')).toMatchInlineSnapshot(`
      "Policy diff: 48 loans, 2 decisions change (4.2%)
      before sha256:…
      after  sha256:…
      11 loans keep the same decision from another rule

      Changes:
        from     to          loans  examples
        act sms  → act call      2  CN-006 (cash_loan, 7 dpd), US-030 (personal_loan, 6 dpd)

      By days past due:
        band    loans  changed
        0           1        0
        1–7        11        2
        8–30       12        0
        31–60       8        0
        61–90       6        0
        91–120      4        0
        121+        6        0

      By product:
        product         loans  changed
        auto                6        0
        cash_loan          12        1
        credit_card        15        0
        personal_loan      10        1
        pos_instalment      5        0
      "
    `);
  });

  it('prints the same diff as the library with --json', () => {
    const interface_ = JSON.parse(read(`${TOOLKIT}/portfolio.json`)) as { loans: { compliance: ('cn' | 'us-federal')[]; input: DecisionInput }[] };
    const loaded = { cn: loadCompliance(presets.cn), 'us-federal': loadCompliance(presets['us-federal']) };
    const expected = diffPolicies(
      interface_.loans.map((loan) => loan.input),
      { before: loadPolicy(JSON.parse(read('rules/policies/default.json'))), after: loadPolicy(JSON.parse(read(`${TOOLKIT}/policy-proposed.json`))), compliance: (_input, i) => loaded[interface_.loans[i]!.compliance[0]!] },
    );
    expect(JSON.parse(arrears([...args, '--json']).stdout)).toEqual(expected);
  });

  it('writes an HTML report with --html', () => {
    const file = join(dir, 'diff.html');
    expect(arrears([...args, '--html', file]).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('data-chart="changes-by-band"');
  });

  it('names the invalid loan by its place in the portfolio file (status 2)', () => {
    const { status, stderr } = arrears(['diff', 'rules/policies/default.json', 'rules/policies/default.json', '--portfolio', `${TOOLKIT}/portfolio-invalid.json`]);
    expect(status).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "test/fixtures/toolkit/portfolio-invalid.json: Invalid input (1 issue)
      ✖ Too small: expected number to be >=0
        → at loans[1].input.loan.balance
      "
    `);
  });

  it('needs a portfolio, and compliance for loans that name none', () => {
    expect(arrears(['diff', 'a.json', 'b.json']).stderr).toContain('diff needs --portfolio <file>');
    expect(arrears(['diff', 'rules/policies/default.json']).stderr).toContain('diff needs <new-policy.json>');
    const { status, stderr } = arrears(['diff', 'rules/policies/default.json', 'rules/policies/default.json', '--portfolio', `${TOOLKIT}/portfolio-us.jsonl`]);
    expect(status).toBe(1);
    expect(stderr).toContain('diff needs at least one --compliance <preset-id|file>');
    expect(arrears(['diff', 'rules/policies/default.json', 'rules/policies/default.json', '--portfolio', `${TOOLKIT}/portfolio-us.jsonl`, '--compliance', 'us-federal']).status).toBe(0);
  });
});

describe('arrears simulate', () => {
  it('simulates a month from the portfolio\'s now, with zero violations', () => {
    const { status, stdout, stderr } = arrears(['simulate', '--portfolio', `${TOOLKIT}/portfolio-us.jsonl`, '--compliance', 'us-federal', '--days', '30', '--seed', '7']);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^Simulation: 6 loans, 30 days from 2026-07-16T01:30:00Z, seed 7$/);
    expect(stdout).toContain('\nViolations: 0 (every action checked against every window, cap, cool-down, status and opt-out rule, independently of the guard)\n');
    expect(stdout).toContain('\nActions per day:\n  date        total');
  });

  it('prints the report as JSON, writes the HTML report, and is the same for the same seed', () => {
    const file = join(dir, 'month.html');
    const run = () => arrears(['simulate', '--portfolio', `${TOOLKIT}/portfolio.json`, '--days', '10', '--seed', '3', '--start', '2026-07-16T00:00:00Z', '--json', '--html', file]);
    const first = run();
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as { loans: number; days: number; violations: unknown[]; start: string };
    expect(report).toMatchObject({ loans: 48, days: 10, violations: [], start: '2026-07-16T00:00:00Z' });
    expect(run().stdout).toBe(first.stdout);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('data-chart="actions-per-day"');
  }, 60_000);

  it('rejects bad options with a usage error', () => {
    const base = ['simulate', '--portfolio', `${TOOLKIT}/portfolio-us.jsonl`, '--compliance', 'us-federal'];
    expect(arrears([...base, '--days', '400']).stderr).toContain('option "--days" must be a whole number from 1 to 366, not "400"');
    expect(arrears([...base, '--start', 'tomorrow']).stderr).toContain('option "--start" must be an ISO-8601 instant');
    expect(arrears(['simulate']).stderr).toContain('simulate needs --portfolio <file>');
    expect(arrears(['simulate', 'loans.json']).stderr).toContain('unexpected argument "loans.json": simulate takes no arguments, only options');
  });

  it.skipIf(!existsSync('/usr/bin/script'))('draws a progress bar on standard error when it is a terminal', () => {
    // `script` gives the command a pseudo-terminal; the bar is cleared when the run completes.
    const command = `${process.execPath} ${root}dist/cli.js simulate --portfolio ${root}${TOOLKIT}/portfolio.json --days 3 --json > /dev/null`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/simulate \[[█░]+\] \d+\/48 loans/);
    // Without a terminal there is no bar at all.
    expect(arrears(['simulate', '--portfolio', `${TOOLKIT}/portfolio.json`, '--days', '3', '--json']).stderr).toBe('');
  }, 60_000);
});

describe('help of the policy author\'s commands', () => {
  it.each(['lint', 'schema', 'diff', 'simulate'])('%s --help prints usage, options and an example', (command) => {
    const { status, stdout } = arrears([command, '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: arrears ${command} `));
    expect(stdout).toMatch(/\nOptions:\n/);
    expect(stdout).toMatch(new RegExp(`\\nExample:\\n  arrears ${command} .+\\n$`));
    expect(arrears(['help', command]).stdout).toBe(stdout);
  });

  it('lists the commands in the global help', () => {
    const { stdout } = arrears(['--help']);
    for (const command of ['lint <policy.json>', 'schema <name>', 'diff <old> <new>', 'simulate']) expect(stdout).toContain(`\n  ${command} `);
  });
});
