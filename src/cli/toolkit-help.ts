/** Help texts of the policy author's commands (`lint`, `schema`, `diff`, `simulate`), printed as they are. */
export const TOOLKIT_HELP = {
  lint: `Usage: arrears lint <policy.json> [options]

Lints a policy document. Errors are what stops it from loading, with the fix: an unknown fact,
operator or action (with the nearest known name), a value of the wrong type for its fact, a
missing or duplicate rule name. Warnings are what loads but probably does not do what you
meant: rules that can never fire, rules shadowed by a preferred rule with a weaker condition,
gaps and overlaps in days-past-due coverage, and (with --compliance) actions the compliance
rules can never permit. <policy.json> is a file, or - to read standard input.

Options:
  --compliance <preset-id|file>  The compliance the policy runs under (\`arrears presets\` lists
                                 the presets); repeatable. Adds the never-permitted check
  --role <addressee>             The lender's role (see \`arrears decide --help\`); repeatable
  --exception <rule-id>          Enable a rule's opt-in exception; repeatable
  --json                         Print the diagnostics as JSON: { source, diagnostics, errorCount,
                                 warningCount }, each diagnostic { severity, code, path, message }
  -h, --help                     Show this help

Exit status: 0 no errors (warnings allowed), 2 errors, 1 anything else.

Example:
  arrears lint policy.json --compliance us-federal
`,

  schema: `Usage: arrears schema <policy|compliance|input>

Prints the JSON Schema of a policy document, a compliance document or a decision input, as
shipped in rules/schema/ (and exported as arrears/schemas/<name>.json). Point an editor at it
with "$schema" to validate and autocomplete the document as you type.

Options:
  -h, --help  Show this help

Example:
  arrears schema policy > policy.schema.json
`,

  diff: `Usage: arrears diff <old-policy.json> <new-policy.json> --portfolio <file> [options]

Decides every loan of a portfolio under both policies and reports what changes: how many
decisions change, from what to what (act call -> wait sms…), with example loans, by
days-past-due band and by product.

The portfolio is a JSON array of decision inputs { now, loan, history }, an object
{ "loans": [ … ] } whose entries are inputs or { "input": …, "compliance": [ … ] }, or a
.jsonl or .ndjson file with one input or entry per line (as \`arrears batch\` reads). Each
loan is decided at its own \`now\`; holiday calendars are built for its year.

Options:
  --portfolio <file>             The loans to decide. Required
  --compliance <preset-id|file>  A compliance preset or document, repeatable; laid over each
                                 entry's own \`compliance\`. Required unless every entry names its own
  --role <addressee>             The lender's role (see \`arrears decide --help\`); repeatable
  --exception <rule-id>          Enable a rule's opt-in exception; repeatable
  --json                         Print the diff as JSON (for CI)
  --html <file>                  Also write a self-contained HTML report with charts
  --examples <n>                 Example loans per kind of change (default: 3)
  -h, --help                     Show this help

Example:
  arrears diff rules/policy.json proposed.json --portfolio loans.json --compliance us-federal --html diff.html
`,

  simulate: `Usage: arrears simulate --portfolio <file> [options]

Replays a portfolio day by day: decides each loan, takes every permitted action, draws the
borrower's response from a seeded generator (answered or not, promises kept or broken,
payments, STOP replies, disputes) and feeds it back as history. Then checks, independently of
the guard, that no action broke a window, cap, cool-down, status or opt-out rule, and reports
actions per day and action, violations (expected: none) and where the loans ended up.

Options:
  --portfolio <file>             The loans to simulate (as for \`arrears diff\`). Required
  --compliance <preset-id|file>  A compliance preset or document, repeatable; laid over each
                                 entry's own \`compliance\`. Required unless every entry names its own
  --role <addressee>             The lender's role (see \`arrears decide --help\`); repeatable
  --exception <rule-id>          Enable a rule's opt-in exception; repeatable
  --policy <file>                A policy document; default: the bundled example policy
  --days <n>                     Days to simulate, 1 to 366 (default: 30)
  --seed <n>                     Seed of the outcome generator (default: 1); same seed, same run
  --start <instant>              First instant simulated (default: the portfolio's \`now\`)
  --max-actions-per-day <n>      Actions one loan may take in a day (default: 4)
  --json                         Print the report as JSON
  --html <file>                  Also write a self-contained HTML report with charts
  -h, --help                     Show this help

Exit status: 0 no violation, 1 a violation was found (or anything else went wrong), 2 invalid
documents or loans.

Example:
  arrears simulate --portfolio loans.json --compliance cn --days 30 --seed 7 --html month.html
`,
} as const;
