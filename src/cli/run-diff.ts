import { writeFileSync } from 'node:fs';
import { loadPolicy } from '../index.js';
import type { Policy } from '../index.js';
import { diffPolicies, renderDiffReport } from '../testing/index.js';
import { about, usageError } from './cli-error.js';
import { formatDiff } from './format-toolkit.js';
import type { Io } from './io.js';
import { integerOption, parseCommand } from './parse-command.js';
import { progressBar } from './progress.js';
import { aboutPortfolio, complianceForEntries, readPortfolio } from './read-portfolio.js';
import { readJson, sourceLabel } from './read-json.js';

async function readPolicy(path: string): Promise<Policy> {
  const document = await readJson(path, 'policy file', 'diff');
  return about(sourceLabel(path), () => loadPolicy(document));
}

/** Writes a report file, or a usage error naming it. */
export function writeReport(path: string, text: string, command: string): void {
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw usageError(`cannot write "${path}": ${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))}`, command);
  }
}

/** `arrears diff <old.json> <new.json> --portfolio <file> [--compliance …]… [--role …]… [--exception …]… [--json] [--html <file>] [--examples N]` */
export async function runDiff(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(
    'diff',
    args,
    {
      portfolio: { type: 'string' },
      compliance: { type: 'string', multiple: true },
      role: { type: 'string', multiple: true },
      exception: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      html: { type: 'string' },
      examples: { type: 'string' },
    },
    ['<old-policy.json>', '<new-policy.json>'],
  );
  const [oldPath, newPath] = positionals as [string, string];
  if (values.portfolio === undefined) throw usageError('diff needs --portfolio <file>: the loans to decide under both policies', 'diff');
  const examples = integerOption('diff', 'examples', values.examples, 3, 0, 100);
  const before = await readPolicy(oldPath);
  const after = await readPolicy(newPath);
  const { entries } = await readPortfolio(values.portfolio, 'diff');
  const compliance = await complianceForEntries(entries, values.compliance ?? [], 'diff', { roles: values.role, exceptions: values.exception });
  const progress = progressBar('diff', entries.length);
  let diff;
  try {
    diff = aboutPortfolio(sourceLabel(values.portfolio), entries, () =>
      diffPolicies(
        entries.map((entry) => entry.input),
        { before, after, compliance: (_input, index) => compliance[index]!, examples, onProgress: progress?.update },
      ),
    );
  } finally {
    progress?.stop();
  }
  if (values.html !== undefined) writeReport(values.html, renderDiffReport(diff), 'diff');
  io.stdout(values.json === true ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff));
  return 0;
}
