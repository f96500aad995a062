import type { ActionType, LegalStep, Purpose, Recipient } from '../domain/vocabulary.js';
import { LEGAL_STEPS, PURPOSES, RECIPIENTS } from '../domain/vocabulary.js';
import type { GuardAction } from './context.js';

const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * The params the guard reads from an action: `purpose` (default `collection`), `address`,
 * `step`, `recipient` (default `borrower`) and `contactId`. They are validated before they get
 * here (a policy's candidates by `loadPolicy`, `check`'s action with its input); should a value of
 * the wrong kind reach the guard all the same, it reads as absent, which never makes a rule less
 * strict, except `recipient`, which then reads as `third_party` (the stricter reading).
 */
export function toGuardAction(type: ActionType, params: Readonly<Record<string, unknown>>): GuardAction {
  const recipient = params['recipient'];
  return {
    type,
    purpose: pick<Purpose>(params['purpose'], PURPOSES) ?? 'collection',
    address: typeof params['address'] === 'string' ? params['address'] : undefined,
    step: pick<LegalStep>(params['step'], LEGAL_STEPS),
    recipient: recipient === undefined ? 'borrower' : (pick<Recipient>(recipient, RECIPIENTS) ?? 'third_party'),
    contactId: typeof params['contactId'] === 'string' ? params['contactId'] : undefined,
  };
}
