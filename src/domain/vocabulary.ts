/**
 * The closed vocabularies of the domain. Each list is the single source for its union type,
 * for validation and for the generated docs.
 */

/** Media a contact is made through. @category Domain */
export const CHANNELS = ['sms', 'email', 'call', 'visit', 'letter'] as const;
/** A contact medium: `sms`, `email`, `call`, `visit` or `letter`. @category Domain */
export type Channel = (typeof CHANNELS)[number];

/** What came of a contact attempt. @category Domain */
export const OUTCOMES = [
  'delivered',
  'failed',
  'no_answer',
  'voicemail',
  'busy',
  'not_in_service',
  'conversation',
  'promise_to_pay',
  'refused',
  'wrong_party',
  'stop_request',
] as const;
/** What came of a contact attempt. @category Domain */
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes in which the borrower was actually spoken to. @category Domain */
export const CONVERSATION_OUTCOMES: readonly Outcome[] = ['conversation', 'promise_to_pay', 'refused'];

/** Outcomes of an attempt that did not reach the borrower. @category Domain */
export const UNANSWERED_OUTCOMES: readonly Outcome[] = ['no_answer', 'voicemail', 'busy', 'not_in_service', 'failed'];

/** Who started a contact. @category Domain */
export const DIRECTIONS = ['outbound', 'inbound'] as const;
/** `outbound` (the lender or its agency reached out) or `inbound` (the borrower did). @category Domain */
export type Direction = (typeof DIRECTIONS)[number];

/** Who made a contact. @category Domain */
export const ACTORS = ['lender', 'agency'] as const;
/** `lender` (the creditor itself) or `agency` (an outside collection agency acting for it). @category Domain */
export type Actor = (typeof ACTORS)[number];

/** Every action a policy can propose. @category Domain */
export const ACTION_TYPES = ['sms', 'email', 'call', 'visit', 'letter', 'legal', 'agency', 'hardship_plan'] as const;
/** A collection action: a contact through a channel, a legal step, an agency placement or a hardship plan offer. @category Domain */
export type ActionType = (typeof ACTION_TYPES)[number];

/** Actions that are not contacts through a channel. @category Domain */
export const STEP_ACTIONS = ['legal', 'agency', 'hardship_plan'] as const;
/** A non-contact step recorded in the history: `legal`, `agency` or `hardship_plan`. @category Domain */
export type StepAction = (typeof STEP_ACTIONS)[number];

/** Time-bounded conditions of a borrower or a debt. @category Domain */
export const STATUS_TYPES = [
  'dispute',
  'bankruptcy',
  'deceased',
  'cease_communication',
  'attorney',
  'moratorium',
  'mental_health_crisis',
  'debt_advice',
  'vulnerable',
  'incapacity',
  'hardship_plan',
] as const;
/** A time-bounded condition of a borrower or a debt. @category Domain */
export type StatusType = (typeof STATUS_TYPES)[number];

/**
 * Why an action is taken. Blocking rules (cease, moratoria, opt-outs) may let some purposes
 * through: a statutory notice, a reply to the borrower's own query, the one confirmation of an
 * opt-out. An action without a purpose is `collection`.
 */
export const PURPOSES = [
  'collection',
  'statutory_notice',
  'reply_to_borrower',
  'opt_out_confirmation',
  'cessation_notice',
  'remedy_notice',
] as const;
/** Why an action is taken; see {@link PURPOSES}. @category Domain */
export type Purpose = (typeof PURPOSES)[number];

/** Channel of a contact action; `undefined` for `legal`, `agency` and `hardship_plan`. */
export function channelOf(action: ActionType): Channel | undefined {
  return (CHANNELS as readonly string[]).includes(action) ? (action as Channel) : undefined;
}

/** Who a contact is with. @category Domain */
export const RECIPIENTS = ['borrower', 'third_party'] as const;
/** `borrower` (the debtor, or someone the law treats as the consumer) or `third_party` (a contact person, a relative, an employer). @category Domain */
export type Recipient = (typeof RECIPIENTS)[number];

/** Notices whose service starts a legal clock. @category Domain */
export const NOTICE_TYPES = ['default_notice', 'letter_of_claim', 'validation_notice', 'demand_letter', 'outsourcing_notice'] as const;
/** A notice served on the borrower: a CCA default notice, a pre-action letter of claim, a US validation notice… @category Domain */
export type NoticeType = (typeof NOTICE_TYPES)[number];

/** Kinds of legal step, named in a `legal` action's `params.step`. @category Domain */
export const LEGAL_STEPS = ['demand', 'termination', 'claim', 'suit', 'bankruptcy_petition', 'enforcement', 'credit_report'] as const;
/** A kind of legal step; a `legal` action without `params.step` may be any of them. @category Domain */
export type LegalStep = (typeof LEGAL_STEPS)[number];
