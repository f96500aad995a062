import type { Decision, RuleRef, Verdict } from '../domain/decision.js';
import type { FactValue } from '../facts/catalog.js';

const ACTION_NAMES: Record<string, string> = {
  sms: 'SMS',
  email: 'e-mail',
  call: 'call',
  visit: 'field visit',
  letter: 'letter',
  legal: 'legal step',
  agency: 'agency placement',
  hardship_plan: 'hardship plan offer',
};

const name = (type: string) => ACTION_NAMES[type] ?? type;
const value = (fact: FactValue) => (typeof fact === 'string' ? JSON.stringify(fact) : String(fact));
const refs = (by: readonly RuleRef[]) => by.map((ref) => `${ref.id} (${ref.citation}): ${ref.reason}`).join('; ');

function verdictSentence(verdict: Verdict): string {
  switch (verdict.type) {
    case 'permitted':
      return 'permitted now';
    case 'deferred':
      return `deferred until ${verdict.until} by ${refs(verdict.by)}`;
    case 'blocked':
      return `blocked by ${refs(verdict.by)}`;
  }
}

function isDecision(subject: Decision | Verdict): subject is Decision {
  return 'candidates' in subject;
}

/**
 * Explains a decision (or a verdict from `check`) in fixed English sentences, one per line:
 * what to do and when, the facts the policy read, each candidate with the compliance rules that
 * held it back and their citations, and any stricter reading the guard took. The wording is
 * stable: it is locked by snapshot tests, so it can go into audit logs and tickets.
 * @param subject - A {@link Decision} from `decide`, or a {@link Verdict} from `check`.
 * @returns Lines of text separated by `\n`.
 * @example
 * ```ts
 * console.log(explain(decide(input, { policy, compliance })));
 * ```
 * @category Decide
 */
export function explain(subject: Decision | Verdict): string {
  if (!isDecision(subject)) {
    const sentence = verdictSentence(subject);
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  }
  const decision = subject;
  const lines: string[] = [];
  const head = `Loan ${decision.loanId} at ${decision.now}`;
  switch (decision.type) {
    case 'act':
      lines.push(`${head}: ${name(decision.action.type)} now (policy rule "${decision.action.rule}").`);
      break;
    case 'wait':
      lines.push(`${head}: nothing is permitted now; ${name(decision.action.type)} is permitted from ${decision.at} (policy rule "${decision.action.rule}").`);
      break;
    case 'none':
      lines.push(
        decision.hold !== undefined
          ? `${head}: no action; policy rule "${decision.hold.rule}" holds.`
          : decision.candidates.length === 0
            ? `${head}: no action; the policy proposed none.`
            : `${head}: no action is permitted.`,
      );
      break;
  }
  for (const entry of decision.trace) {
    if (entry.type === 'assumption.stricter') lines.push(`Assumption: ${entry.reason}.`);
  }
  const facts = decision.trace.find((entry) => entry.type === 'fact.derived');
  if (facts && Object.keys(facts.facts).length > 0) {
    lines.push(`Facts: ${Object.entries(facts.facts).map(([key, fact]) => `${key} = ${value(fact)}`).join(', ')}.`);
  }
  decision.candidates.forEach((candidate, i) => {
    const rank = candidate.action.params['rank'];
    lines.push(`${i + 1}. ${name(candidate.action.type)} (policy rule "${candidate.action.rule}"${typeof rank === 'number' ? `, rank ${rank}` : ''}): ${verdictSentence(candidate.verdict)}.`);
  });
  for (const entry of decision.trace) {
    if (entry.type === 'candidate.held') lines.push(`Held: ${name(entry.action)} (policy rule "${entry.rule}") by policy rule "${entry.heldBy}".`);
  }
  lines.push(`Policy ${decision.policyHash}; compliance ${decision.complianceHash}; arrears ${decision.version}.`);
  return lines.join('\n');
}
