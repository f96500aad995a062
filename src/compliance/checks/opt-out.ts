import { formatInstant } from '../../_lib/instant.js';
import { channelOf } from '../../domain/vocabulary.js';
import type { OptOutRule } from '../document.js';
import type { CheckResult, Evaluator, GuardAction, GuardContext } from '../context.js';

/**
 * Channel opt-outs, honoured at once and for good, across debts: a `borrower.optOuts` entry or
 * a contact on the channel with outcome `stop_request` (a STOP reply, or "stop calling" on a call). An opt-out of one address blocks that address, and
 * any action that does not name its address (it could be that one).
 */
export function optOutCheck(rule: OptOutRule, context: GuardContext, action: GuardAction): Evaluator {
  const channel = channelOf(action.type);
  if (channel === undefined || (rule.channels !== undefined && !rule.channels.includes(channel))) return () => ({ ok: true });
  if (rule.allowPurposes?.includes(action.purpose)) return () => ({ ok: true });
  const applies = (address: string | undefined) => address === undefined || action.address === undefined || address === action.address;
  // The earliest opt-out: contacts ascend in time, so the first stop request found is theirs.
  let first = Infinity;
  for (const o of context.optOuts) if (o.channel === channel && applies(o.address) && o.at < first) first = o.at;
  for (const c of context.index.contacts) {
    if (c.at >= first) break;
    if (c.channel === channel && c.outcome === 'stop_request' && applies(c.address)) {
      first = c.at;
      break;
    }
  }
  return (t): CheckResult =>
    first <= t ? { ok: false, next: null, reason: `The borrower opted out of ${channel === 'sms' ? 'SMS' : channel} at ${formatInstant(first)}` } : { ok: true };
}
