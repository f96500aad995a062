import { TOOLKIT_HELP } from './toolkit-help.js';

/** The compliance options `decide` and `check` share, described alike. */
const COMPLIANCE_OPTIONS = `  --compliance <preset-id|file>  A compliance preset (\`arrears presets\` lists them) or the path
                                 of a JSON compliance document. Required; repeat it to compose
                                 overlays (the stricter rule wins). Holiday calendars the
                                 documents name come from date-holidays, for the year of \`now\`
  --role <addressee>             The lender's role: creditor, third_party_collector,
                                 licensed_agency or association_member; rules that bind none of
                                 the roles given are left out; repeatable
  --exception <rule-id>          Enable a rule's opt-in exception (a days-past-due exception);
                                 repeatable`;

/** The help texts, printed as they are (each ends with a newline). */
export const HELP = {
  ...TOOLKIT_HELP,
  global: `arrears: the next collection action a lender is permitted to take, and when

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
`,

  decide: `Usage: arrears decide <input.json> [options]

Decides the next collection action permitted for one loan, and when, and prints the Decision
JSON. <input.json> holds { now, loan, history }; - reads standard input.

Options:
${COMPLIANCE_OPTIONS}
  --policy <file>                A policy document (json-rules-engine rules); default: the
                                 bundled example policy
  --trace <summary|full>         \`full\` adds each policy rule that did not fire (default: summary)
  --explain                      Print the decision as English sentences instead of JSON
  -h, --help                     Show this help

Example:
  arrears decide loan.json --compliance us-federal --compliance ./house-rules.json
`,

  check: `Usage: arrears check <input.json> --action <type> [options]

Judges one action with the compliance guard alone (no policy) and prints the verdict JSON:
permitted, deferred (with \`until\`) or blocked, and by which rules. <input.json> holds
{ now, loan, history } and optionally the action; - reads standard input.

Options:
  --action <type>                sms, email, call, visit, letter, legal, agency or
                                 hardship_plan; overrides the type of the input's \`action\`
  --param <key=value>            An action param, e.g. purpose=reply_to_borrower or
                                 address=+15551234567; repeatable
${COMPLIANCE_OPTIONS}
  --explain                      Print the verdict as an English sentence instead of JSON
  -h, --help                     Show this help

Example:
  arrears check loan.json --action call --compliance us-federal
`,

  batch: `Usage: arrears batch <portfolio.ndjson> [options]

Decides every line of an NDJSON file (one { now, loan, history } per line; - reads standard
input) on worker threads, one per core, and prints one Decision JSON per line on stdout, in
input order. Memory stays flat however large the file. A bad line is reported on stderr with
its line number and gets no decision; the run goes on. A progress bar shows on stderr when it
is a terminal, and the throughput at the end. Exit status 2 when a line was bad.

The workers run in a second node process, started with --single-threaded-gc so that garbage
collection does not preempt a worker on every core; node started with flags of its own
(node --inspect …/cli.js batch …) runs the batch in that process instead.

Options:
  --compliance <preset-id|file>  A compliance preset (\`arrears presets\` lists them) or the path
                                 of a JSON compliance document. Required; repeatable. Holiday
                                 calendars are built for this year, one before and two after
  --role <addressee>             The lender's role (see \`arrears decide --help\`); repeatable
  --exception <rule-id>          Enable a rule's opt-in exception; repeatable
  --policy <file>                A policy document; default: the bundled example policy
  --trace <summary|full>         \`full\` adds each policy rule that did not fire (default: summary)
  --workers <n>                  Worker threads (default: one per core)
  -h, --help                     Show this help

Example:
  arrears batch portfolio.ndjson --compliance cn > decisions.ndjson
`,

  presets: `Usage: arrears presets

Lists the compliance presets bundled with arrears: one id and title per line. Pass an id to
\`--compliance\`.

Options:
  -h, --help  Show this help

Example:
  arrears presets
`,
} as const;

/** A command that has its own help. */
export type HelpTopic = keyof typeof HELP;

/** The hint printed after a usage error. */
export function helpHint(command: string | undefined): string {
  return `Run "arrears${command === undefined ? '' : ` ${command}`} --help" for usage.`;
}
