import { formatInstant } from '../../_lib/instant.js';
import { oneOrMany, plural } from '../../_lib/plural.js';
import { CONVERSATION_OUTCOMES, UNANSWERED_OUTCOMES } from '../../domain/vocabulary.js';
import type { ThirdPartyRule } from '../document.js';
import type { CheckResult, Evaluator, GuardAction, GuardContext } from '../context.js';

/**
 * Contacts with third parties: only while the borrower is unreachable, a limited number per
 * contact person, none after that person asked to stop. An action that names no `contactId`
 * could be to anyone: every contact person's history counts against it.
 */
export function thirdPartyCheck(rule: ThirdPartyRule, context: GuardContext, action: GuardAction): Evaluator {
  if (action.recipient !== 'third_party') return () => ({ ok: true });
  // Every debt counts: a conversation about any loan shows the borrower can be reached, and a
  // contact person's stop or contact count is about them, whatever the debt.
  const contacts = context.index.contacts;
  const theirs = contacts.filter((c) => c.recipient === 'third_party' && (action.contactId === undefined || c.contactId === undefined || c.contactId === action.contactId));
  const borrower = contacts.filter((c) => c.recipient === 'borrower');
  return (t): CheckResult => {
    if (rule.honourStop !== false) {
      const stop = theirs.find((c) => c.at <= t && (c.outcome === 'stop_request' || c.outcome === 'refused'));
      if (stop) return { ok: false, next: null, reason: `The contact person asked at ${formatInstant(stop.at)} not to be contacted again` };
    }
    if (rule.maxPerContact !== undefined) {
      const made = theirs.filter((c) => c.at <= t && c.direction === 'outbound').length;
      if (made >= rule.maxPerContact) return { ok: false, next: null, reason: `${plural(made, 'contact')} with this contact person already; at most ${rule.maxPerContact} ${oneOrMany(rule.maxPerContact, 'is', 'are')} permitted` };
    }
    if (rule.unreachable !== undefined) {
      const span = rule.unreachable.days * 86_400_000;
      let lastConversation: number | undefined;
      for (const c of borrower) if (c.at <= t && CONVERSATION_OUTCOMES.includes(c.outcome)) lastConversation = c.at;
      const since = Math.max(t - span, lastConversation ?? -Infinity);
      const failed = borrower.filter((c) => c.at > since && c.at <= t && c.direction === 'outbound' && UNANSWERED_OUTCOMES.includes(c.outcome)).length;
      const spoke = lastConversation !== undefined && lastConversation > t - span;
      if (spoke || failed < rule.unreachable.minAttempts) {
        // Once enough attempts have failed since the last conversation, only its age is missing.
        const next = spoke && failed >= rule.unreachable.minAttempts ? lastConversation! + span : null;
        const reason = spoke
          ? `The borrower was spoken to at ${formatInstant(lastConversation!)}, within the last ${plural(rule.unreachable.days, 'day')}: third parties may be contacted only when the borrower cannot be reached`
          : `${plural(failed, 'unanswered attempt')} to reach the borrower in the last ${plural(rule.unreachable.days, 'day')}; at least ${rule.unreachable.minAttempts} ${oneOrMany(rule.unreachable.minAttempts, 'is', 'are')} needed before a third party may be contacted`;
        return { ok: false, next, reason };
      }
    }
    return { ok: true };
  };
}
