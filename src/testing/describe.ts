import type { Decision, JudgedCandidate, Verdict } from '../domain/decision.js';

/** Whether a subject is a decision (it has candidates) rather than a verdict. */
export function isDecision(subject: unknown): subject is Decision {
  return typeof subject === 'object' && subject !== null && Array.isArray((subject as { candidates?: unknown }).candidates) && typeof (subject as { type?: unknown }).type === 'string';
}

/** Whether a subject looks like a verdict from `check`. */
export function isVerdict(subject: unknown): subject is Verdict {
  if (typeof subject !== 'object' || subject === null || isDecision(subject)) return false;
  const type = (subject as { type?: unknown }).type;
  return type === 'permitted' || type === 'deferred' || type === 'blocked';
}

/** `deferred until … by a, b`, `blocked by a`, `permitted`. */
export function describeVerdict(verdict: Verdict): string {
  switch (verdict.type) {
    case 'permitted':
      return 'permitted';
    case 'deferred':
      return `deferred until ${verdict.until} by ${verdict.by.map((ref) => ref.id).join(', ')}`;
    case 'blocked':
      return `blocked by ${verdict.by.map((ref) => ref.id).join(', ')}`;
  }
}

/** One line: what the decision says. */
export function describeDecision(decision: Decision): string {
  switch (decision.type) {
    case 'act':
      return `acts: ${decision.action.type} now (policy rule "${decision.action.rule}")`;
    case 'wait':
      return `waits: ${decision.action.type} at ${decision.at} (policy rule "${decision.action.rule}")`;
    case 'none':
      if (decision.hold !== undefined) return `does nothing: held by policy rule "${decision.hold.rule}"`;
      return decision.candidates.length === 0 ? 'does nothing: the policy proposed no action' : 'does nothing: every candidate is blocked';
  }
}

/** The numbered candidate lines of a decision, or `(none)`. */
export function describeCandidates(candidates: readonly JudgedCandidate[]): string {
  if (candidates.length === 0) return 'Candidates: (none)';
  return ['Candidates:', ...candidates.map((c, i) => `  ${i + 1}. ${c.action.type} (policy rule "${c.action.rule}"): ${describeVerdict(c.verdict)}`)].join('\n');
}

/** What any subject is, for a failure message. */
export function describeSubject(subject: unknown): string {
  if (isDecision(subject)) return `a decision that ${describeDecision(subject)}`;
  if (isVerdict(subject)) return `a verdict: ${describeVerdict(subject)}`;
  if (subject === null) return 'null';
  if (Array.isArray(subject)) return 'an array';
  return typeof subject === 'object' ? 'an object that is neither a decision nor a verdict' : `a ${typeof subject}`;
}
