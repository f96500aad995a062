import type { Compliance } from '../index.js';
import { formatLintResult, lintPolicy } from '../lint/index.js';
import type { Io } from './io.js';
import { parseCommand } from './parse-command.js';
import { readJson, sourceLabel } from './read-json.js';
import { resolveCompliance } from './resolve-compliance.js';

/** `arrears lint <policy.json> [--compliance <preset-id|file>]… [--role …]… [--exception …]… [--json]`: exit status 0 without errors, 2 with. */
export async function runLint(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(
    'lint',
    args,
    { compliance: { type: 'string', multiple: true }, role: { type: 'string', multiple: true }, exception: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    ['<policy.json>'],
  );
  const path = positionals[0]!;
  const compliance: Compliance | undefined = values.compliance === undefined ? undefined : await resolveCompliance(values.compliance, 'lint', { roles: values.role, exceptions: values.exception, now: Date.now() }); // holiday calendars: the lint reads rules, not dates, so this year's will do
  const document = await readJson(path, 'policy file', 'lint');
  const result = lintPolicy(document, compliance === undefined ? {} : { compliance });
  io.stdout(values.json === true ? `${JSON.stringify({ source: sourceLabel(path), ...result }, null, 2)}\n` : formatLintResult(result, sourceLabel(path)));
  return result.errorCount > 0 ? 2 : 0;
}
