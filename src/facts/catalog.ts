/** A fact's value: facts are flat scalars; `null` means "not known" (no event of that kind, no score). @category Facts */
export type FactValue = number | string | boolean | null;

/** The type of a fact's value. @category Facts */
export type FactType = 'number' | 'string' | 'boolean' | 'any';

/** One entry of the fact catalog. @category Facts */
export interface FactDefinition {
  name: string;
  type: FactType;
  /** Whether the fact may be `null` (nothing to measure from). */
  nullable: boolean;
  unit: string;
  description: string;
}

const n = (name: string, unit: string, description: string, nullable = false): FactDefinition => ({
  name,
  type: 'number',
  nullable,
  unit,
  description,
});

const attemptFacts = (channel: 'call' | 'sms' | 'visit', noun: string): FactDefinition[] =>
  (
    [
      ['24h', '24 hours'],
      ['7d', '7 days'],
      ['30d', '30 days'],
    ] as const
  ).map(([suffix, span]) =>
    n(`${channel}Attempts${suffix}`, 'count', `Outbound ${noun} attempts (any outcome) in the last ${span}: \`now − ${span} < at ≤ now\`.`),
  );

const sinceFacts = (
  [
    ['Sms', 'an outbound SMS'],
    ['Email', 'an outbound e-mail'],
    ['Call', 'an outbound call attempt'],
    ['Visit', 'a field visit'],
    ['Letter', 'a letter'],
    ['Legal', 'a legal step (a `step` event with action `legal`)'],
    ['Agency', 'an agency placement (a `step` event with action `agency`)'],
    ['HardshipPlan', 'a hardship plan offer (a `step` event with action `hardship_plan`)'],
  ] as const
).map(([name, what]) => n(`hoursSinceLast${name}`, 'hours', `Hours since ${what}; \`null\` if there was none.`, true));

/**
 * Every fact a policy may read, with type, unit and meaning. Lender attributes are read as
 * `attributes.<key>` (string, number or boolean; `null` when the loan lacks the key).
 *
 * Windows are half-open and end at `now` (`now − span < at ≤ now`); events after `now` are ignored.
 * Calendar facts (days past due, days since the last payment) count borrower-local dates.
 * @category Facts
 */
export const FACT_CATALOG: readonly FactDefinition[] = [
  n('daysPastDue', 'days', 'Borrower-local calendar days from `oldestUnpaidDueDate` to today; 0 when not past due.'),
  n('balance', 'money', 'Outstanding balance, major units of `loan.currency`.'),
  n('amountOverdue', 'money', 'Amount overdue, major units of `loan.currency`.'),
  n('riskScore', 'score', "The lender's risk score (scale and direction are the lender's); `null` if absent.", true),
  { name: 'product', type: 'string', nullable: false, unit: '—', description: 'The loan product (`cash_loan`, `credit_card`…).' },
  { name: 'currency', type: 'string', nullable: false, unit: '—', description: 'ISO 4217 currency of the loan.' },
  { name: 'addressVerified', type: 'boolean', nullable: false, unit: '—', description: "Whether the borrower's address is verified (false when not given)." },
  ...attemptFacts('call', 'call'),
  ...attemptFacts('sms', 'SMS'),
  ...attemptFacts('visit', 'field visit'),
  n('consecutiveUnansweredCalls', 'count', 'Outbound calls since the last conversation on any channel that did not reach the borrower (no answer, voicemail, busy, not in service, failed).'),
  n('hoursSinceLastConversation', 'hours', 'Hours since the last conversation with the borrower on any channel, either direction (outcome `conversation`, `promise_to_pay` or `refused`); `null` if none.', true),
  ...sinceFacts,
  n('promisesMade', 'count', 'Promises to pay recorded.'),
  n('promisesKept', 'count', 'Promises for which payments from the promise until the end of its due date (borrower-local) add up to the amount.'),
  n('promisesBroken', 'count', 'Promises whose due date has passed (borrower-local) without being kept.'),
  { name: 'activePromise', type: 'boolean', nullable: false, unit: '—', description: 'A promise is not yet kept and its due date is today or later (borrower-local).' },
  n('daysSinceLastPayment', 'days', 'Borrower-local calendar days since the last payment; `null` if none.', true),
  { name: 'onHardshipPlan', type: 'boolean', nullable: false, unit: '—', description: 'A `hardship_plan` status holds now.' },
];

/** Prefix of lender attribute facts: `attributes.segment`. */
export const ATTRIBUTE_PREFIX = 'attributes.';

/** The catalog entry for a fact name, including `attributes.*`; `undefined` if unknown. @category Facts */
export function findFact(name: string): FactDefinition | undefined {
  const known = FACT_CATALOG.find((fact) => fact.name === name);
  if (known) return known;
  if (name.startsWith(ATTRIBUTE_PREFIX) && name.length > ATTRIBUTE_PREFIX.length) {
    return { name, type: 'any', nullable: true, unit: '—', description: 'Lender attribute (string, number or boolean).' };
  }
  return undefined;
}
