import defaultPolicyDocument from '../../rules/policies/default.json' with { type: 'json' };
import { loadPolicy } from '../index.js';
import type { Policy } from '../index.js';
import { renderSimulationReport, simulate } from '../testing/index.js';
import { about, usageError } from './cli-error.js';
import { formatSimulation } from './format-toolkit.js';
import type { Io } from './io.js';
import { integerOption, parseCommand } from './parse-command.js';
import { progressBar } from './progress.js';
import { aboutPortfolio, complianceForEntries, readPortfolio } from './read-portfolio.js';
import { readJson, sourceLabel } from './read-json.js';
import { writeReport } from './run-diff.js';

async function readPolicy(path: string | undefined): Promise<Policy> {
  if (path === undefined) return about('bundled default policy', () => loadPolicy(defaultPolicyDocument));
  const document = await readJson(path, 'policy file', 'simulate');
  return about(sourceLabel(path), () => loadPolicy(document));
}

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/i;

/**
 * `arrears simulate --portfolio <file> [--compliance …]… [--policy <file>] [--days 30] [--seed 1]
 * [--start <instant>] [--max-actions-per-day 4] [--json] [--html <file>]`: exit status 0 when no
 * action broke a compliance rule, 1 when the independent checker found a violation.
 */
export async function runSimulate(args: readonly string[], io: Io): Promise<number> {
  const { values } = parseCommand(
    'simulate',
    args,
    {
      portfolio: { type: 'string' },
      compliance: { type: 'string', multiple: true },
      role: { type: 'string', multiple: true },
      exception: { type: 'string', multiple: true },
      policy: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      start: { type: 'string' },
      'max-actions-per-day': { type: 'string' },
      json: { type: 'boolean' },
      html: { type: 'string' },
    },
    [],
  );
  if (values.portfolio === undefined) throw usageError('simulate needs --portfolio <file>: the loans to simulate', 'simulate');
  const days = integerOption('simulate', 'days', values.days, 30, 1, 366);
  const seed = integerOption('simulate', 'seed', values.seed, 1, -2_147_483_648, 4_294_967_295);
  const perDay = integerOption('simulate', 'max-actions-per-day', values['max-actions-per-day'], 4, 1, 100);
  if (values.start !== undefined && (!INSTANT.test(values.start) || Number.isNaN(Date.parse(values.start)))) {
    throw usageError(`option "--start" must be an ISO-8601 instant with an offset or Z (2026-07-01T00:00:00Z), not "${values.start}"`, 'simulate');
  }
  const policy = await readPolicy(values.policy);
  const portfolio = await readPortfolio(values.portfolio, 'simulate');
  const first = portfolio.entries[0]?.input.now;
  const start = values.start ?? portfolio.now ?? (typeof first === 'string' ? first : undefined);
  if (start === undefined) throw usageError('simulate needs --start <instant>: the portfolio gives no `now` to start from', 'simulate');
  const compliance = await complianceForEntries(portfolio.entries, values.compliance ?? [], 'simulate', { roles: values.role, exceptions: values.exception, now: start });
  const progress = progressBar('simulate', portfolio.entries.length);
  let report;
  try {
    report = aboutPortfolio(sourceLabel(values.portfolio), portfolio.entries, () =>
      simulate(
        portfolio.entries.map((entry) => entry.input),
        { policy, compliance: (_input, index) => compliance[index]!, start, days, seed, maxActionsPerDay: perDay, onProgress: progress?.update },
      ),
    );
  } finally {
    progress?.stop();
  }
  if (values.html !== undefined) writeReport(values.html, renderSimulationReport(report), 'simulate');
  io.stdout(values.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatSimulation(report));
  if (report.violations.length > 0) {
    io.stderr(`arrears: the simulation found ${report.violations.length} compliance ${report.violations.length === 1 ? 'violation' : 'violations'}; the guard permitted an action that breaks a rule: please report it\n`);
    return 1;
  }
  return 0;
}
