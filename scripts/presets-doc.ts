/**
 * Renders `docs/compliance-presets.md` from the preset documents. Pure: the generator
 * (`generate-presets-doc.ts`) writes the result, and `test/docs/presets-doc.test.ts` compares it
 * with the file, so the page can never drift from the rules it describes. Each rule gets a
 * sentence derived from its data (the figure as the guard applies it), its summary, citation,
 * confidence, addressees and note; each preset its description, which lists what it does not
 * encode and the open points.
 */
import type {
  ActionType,
  Addressee,
  CapRule,
  ComplianceDocument,
  ComplianceRule,
  CoolDownDuration,
  CoolDownRule,
  DayType,
  EventFilter,
  LegalStep,
  NoticePeriodRule,
  Purpose,
  StatusRule,
  ThirdPartyRule,
  TimeSpan,
  WindowRule,
} from '../src/index.js';

/** The command that rewrites the page. */
export const GENERATE_COMMAND = 'npx tsx scripts/generate-presets-doc.ts';

const ACTION_NAMES: Record<ActionType, string> = {
  sms: 'SMS',
  email: 'e-mails',
  call: 'calls',
  visit: 'visits',
  letter: 'letters',
  legal: 'legal steps',
  agency: 'agency placements',
  hardship_plan: 'hardship-plan offers',
};

const CHANNEL_NAMES: Record<string, string> = { sms: 'SMS', email: 'e-mail', call: 'call', visit: 'visit', letter: 'letter' };

const STEP_NAMES: Record<LegalStep, string> = {
  demand: 'demands',
  termination: 'terminations',
  claim: 'claims',
  suit: 'suits',
  bankruptcy_petition: 'bankruptcy petitions',
  enforcement: 'enforcement steps',
  credit_report: 'credit reporting',
};

const ADDRESSEE_NAMES: Record<Addressee, string> = {
  creditor: 'creditor',
  third_party_collector: 'third-party collector',
  licensed_agency: 'licensed agency',
  association_member: 'association member',
};

const CONFIDENCE_NAMES = {
  H: 'H (the rule’s own text, or the regulator’s official commentary, was read)',
  M: 'M (two or more independent secondary sources agree)',
  L: 'L (one secondary source, or an inference)',
} as const;

const WEEK: readonly DayType[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES: Record<DayType, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
  holiday: 'holidays',
};

/** `a`, `a and b`, `a, b and c`. */
function list(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** `a`, `a or b`, `a, b or c`. */
function listOr(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`;
}

const code = (text: string) => `\`${text}\``;

/** `every day`, `Monday to Friday`, `Saturday, Sunday and holidays`. */
function describeDays(days: readonly DayType[]): string {
  const weekdays = WEEK.filter((day) => days.includes(day));
  const parts: string[] = [];
  if (weekdays.length === 7) parts.push('every day');
  else {
    // Runs of three or more consecutive days read as a range.
    let i = 0;
    while (i < weekdays.length) {
      let j = i;
      while (j + 1 < weekdays.length && WEEK.indexOf(weekdays[j + 1]!) === WEEK.indexOf(weekdays[j]!) + 1) j++;
      if (j - i >= 2) parts.push(`${DAY_NAMES[weekdays[i]!]} to ${DAY_NAMES[weekdays[j]!]}`);
      else for (let k = i; k <= j; k++) parts.push(DAY_NAMES[weekdays[k]!]);
      i = j + 1;
    }
  }
  if (days.includes('holiday')) parts.push(weekdays.length === 7 ? 'on holidays' : 'holidays');
  return list(parts);
}

/** `08:00:00` from `08:00` or `08:00:00`. */
function seconds(time: string): string {
  return time.length === 5 ? `${time}:00` : time;
}

/** One second after `time`. */
function secondAfter(time: string): string {
  const [h = 0, m = 0, s = 0] = seconds(time).split(':').map(Number);
  const total = h * 3600 + m * 60 + s + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
}

function describeSpan(span: TimeSpan, includeStart: boolean, includeEnd: boolean): string {
  const from = includeStart ? `from ${seconds(span.start)}` : `from ${secondAfter(span.start)} (${seconds(span.start)} itself excluded)`;
  const to = includeEnd ? `to ${seconds(span.end)} included` : `up to, not including, ${seconds(span.end)}`;
  return `${describeDays(span.days)} ${from} ${to}`;
}

function describeWindow(rule: WindowRule): string {
  const includeStart = rule.includeStart ?? true;
  const includeEnd = rule.includeEnd ?? false;
  const sentences = [`Permitted ${rule.windows.map((span) => describeSpan(span, includeStart, includeEnd)).join('; ')}, on the borrower’s wall clock, in every candidate zone.`];
  const hasHolidaySpan = rule.windows.some((span) => span.days.includes('holiday'));
  const sources = [
    ...(rule.holidayCalendars ?? []).map((name) => `the dates of holiday calendar ${code(name)}`),
    ...(rule.holidays !== undefined && rule.holidays.length > 0 ? [`${rule.holidays.length} listed dates`] : []),
  ];
  if (sources.length > 0) {
    sources[0] = sources[0]!.charAt(0).toUpperCase() + sources[0]!.slice(1);
    sentences.push(
      `${list(sources)} are holidays: ${hasHolidaySpan ? 'on them only the holiday hours apply' : 'no contact on them'}${
        rule.holidayCalendars === undefined ? '' : '; a date in a year the calendar does not cover blocks'
      }.`,
    );
  }
  if (rule.allowAgreedTimes === true) sentences.push('Times the borrower agreed to (`borrower.agreedTimes`) are permitted too.');
  return sentences.join(' ');
}

function describeFilter(filter: EventFilter, defaultDirections: 'outbound' | 'both'): string {
  const directions = filter.directions ?? (defaultDirections === 'outbound' ? ['outbound'] : ['outbound', 'inbound']);
  const direction = directions.length === 2 ? 'outbound or inbound' : directions[0]!;
  const channels = listOr(filter.channels.map((channel) => CHANNEL_NAMES[channel] ?? channel));
  const outcomes = filter.outcomes === undefined ? 'whatever the outcome' : `with outcome ${listOr(filter.outcomes.map(code))}`;
  const by = filter.by === undefined || filter.by.length === 2 ? 'by the lender and its agencies together' : filter.by[0] === 'lender' ? 'by the lender' : 'by its agencies';
  const recipients = filter.recipients ?? ['borrower'];
  const whom = recipients.length === 2 ? 'with the borrower or third parties' : recipients[0] === 'borrower' ? 'with the borrower' : 'with third parties';
  return `${direction} ${channels} contacts ${whom} ${outcomes}, ${by}`;
}

function describePeriod(rule: CapRule): string {
  const period = rule.period;
  switch (period.type) {
    case 'consecutive-days':
      return period.days === 1 ? 'per local calendar day' : `in any ${period.days} consecutive local calendar days (today being day ${period.days})`;
    case 'rolling':
      return `in any rolling ${period.hours} hours${period.hours % 24 === 0 ? ` (${period.hours / 24} × 24 hours)` : ''}`;
    case 'calendar-week':
      return `per local calendar week starting ${period.weekStartsOn === 'mon' ? 'Monday' : 'Sunday'}`;
    case 'calendar-month':
      return 'per local calendar month';
  }
}

function describeCap(rule: CapRule): string {
  const scope = rule.scope === 'debt' ? 'per debt' : rule.scope === 'borrower' ? 'per borrower, across debts' : 'per number or address (`params.address`)';
  if (rule.max === 0) return `None at all: ${scope}.`;
  return `At most ${rule.max} ${describePeriod(rule)}, ${scope}, the action itself included; counted: ${describeFilter(rule.counts, 'outbound')}.`;
}

function describeDuration(duration: CoolDownDuration, event: string): string {
  return duration.type === 'rolling'
    ? `${duration.hours} hours`
    : `${duration.days} consecutive local calendar days (the day of the ${event} being day 1, so until local midnight starting day ${duration.days + 1})`;
}

function describeCoolDown(rule: CoolDownRule): string {
  return `After ${describeFilter(rule.after, 'both')}, about the same ${rule.scope === 'debt' ? 'debt' : 'borrower (any debt)'}, the action waits ${describeDuration(rule.duration, 'event')}.`;
}

function allowed(purposes: readonly Purpose[] | undefined): string {
  return purposes === undefined ? '' : ` Purposes that pass: ${list(purposes.map(code))}.`;
}

function describeStatus(rule: StatusRule): string {
  const statuses = listOr(rule.statuses.map(code));
  const sentences = [`Held back while the status ${statuses} holds: until it ends, blocked while it has no end.`];
  if (rule.assumedDuration !== undefined) sentences.push(`A status recorded without an end is taken to last ${describeDuration(rule.assumedDuration, 'start')}.`);
  if (rule.extendAfterEnd !== undefined) sentences.push(`The rule holds ${describeDuration(rule.extendAfterEnd, 'end')} after the status ends.`);
  return sentences.join(' ') + allowed(rule.allowPurposes);
}

function steps(list_: readonly LegalStep[] | undefined): string {
  return list_ === undefined ? 'Legal steps' : list(list_.map((step) => STEP_NAMES[step]));
}

/** `5,000`, `250`: grouped digits, whatever the host's locale. */
function thousands(amount: number): string {
  const [whole = '', fraction] = String(amount).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeNotice(rule: NoticePeriodRule): string {
  const notice = code(rule.notice);
  const wait =
    rule.wait.type === 'rolling'
      ? `${rule.wait.hours} hours after a ${notice} notice is served`
      : `${rule.wait.days} consecutive local calendar days after a ${notice} notice is served (the day of service being day 1, so until local midnight starting day ${rule.wait.days + 1})`;
  return `${capitalised(steps(rule.steps))} wait ${wait}; without such a notice they are blocked. A legal action naming no step is judged as any step.`;
}

function describeThirdParty(rule: ThirdPartyRule): string {
  const parts: string[] = [];
  if (rule.maxPerContact === 0) parts.push('none at all');
  else {
    if (rule.unreachable !== undefined) {
      parts.push(
        `only while the borrower cannot be reached: no conversation with the borrower in the last ${rule.unreachable.days} days (${rule.unreachable.days * 24} hours) and at least ${rule.unreachable.minAttempts} unanswered attempt${rule.unreachable.minAttempts === 1 ? '' : 's'} to reach them in that time`,
      );
    }
    if (rule.maxPerContact !== undefined) parts.push(`at most ${rule.maxPerContact} outbound contact${rule.maxPerContact === 1 ? '' : 's'} per contact person`);
    if (rule.honourStop !== false) parts.push('none with a person who refused or asked not to be contacted');
  }
  return `Contacts with third parties (actions with \`params.recipient: "third_party"\`, per \`params.contactId\`): ${parts.join('; ')}.`;
}

/** The figure of a rule as the guard applies it, in one or more sentences. */
export function describeFigure(rule: ComplianceRule): string {
  switch (rule.kind) {
    case 'window':
      return describeWindow(rule);
    case 'cap':
      return describeCap(rule);
    case 'cool-down':
      return describeCoolDown(rule);
    case 'status':
      return describeStatus(rule);
    case 'opt-out':
      return `An opt-out of ${rule.channels === undefined ? 'a channel' : listOr(rule.channels.map((channel) => CHANNEL_NAMES[channel] ?? channel))} (\`borrower.optOuts\`, or a contact with outcome \`stop_request\`) blocks that channel at once and for good, for every debt; an opt-out of one number or address blocks that one and actions naming none.${allowed(rule.allowPurposes)}`;
    case 'designated-times':
      return `Inside a time the borrower designated as inconvenient (\`borrower.inconvenientTimes\`), the action waits for its end, in every candidate zone.${allowed(rule.allowPurposes)}`;
    case 'time-barred':
      return `${capitalised(steps(rule.steps))} blocked from the borrower-local date \`loan.limitationExpiresOn\` on; ${rule.requireKnown === false ? 'an unknown date does not block' : 'an unknown date blocks too'}. A legal action naming no step is judged as any step.`;
    case 'minimum-balance':
      return `${capitalised(steps(rule.steps))} need a balance of at least ${thousands(rule.amount)} ${rule.currency}; a loan in another currency is blocked. A legal action naming no step is judged as any step.`;
    case 'notice-period':
      return describeNotice(rule);
    case 'third-party':
      return describeThirdParty(rule);
  }
}

/** What the rule applies to: its actions, products and days-past-due exception. */
function describeScope(rule: ComplianceRule): string {
  const parts: string[] = [];
  const legal = rule.kind === 'time-barred' || rule.kind === 'minimum-balance' || rule.kind === 'notice-period';
  if (legal) parts.push('legal steps only');
  else if (rule.kind === 'third-party') parts.push(rule.actions === undefined ? 'contacts with third parties' : `${list(rule.actions.map((a) => ACTION_NAMES[a]))} to third parties`);
  else parts.push(rule.actions === undefined ? 'every action' : list(rule.actions.map((a) => ACTION_NAMES[a])));
  if (rule.products !== undefined) parts.push(`on ${list(rule.products.map(code))} loans only`);
  let scope = capitalised(parts.join(', '));
  if (rule.exception !== undefined) {
    const optIn = rule.exception.optIn !== false;
    scope += `. Stops applying once the loan is more than ${rule.exception.daysPastDueOver} days past due${
      optIn ? `, only if the lender opts in: \`loadCompliance(documents, { exceptions: ['${rule.id}'] })\`` : ' (on by default)'
    }`;
  }
  return `${scope}.`;
}

/** Markdown-safe text for a table cell or a list item on one line. */
function inline(text: string): string {
  return text.replace(/\r?\n\s*/g, ' ').replace(/\|/g, '\\|');
}

function renderRule(rule: ComplianceRule): string {
  const binds = rule.binds === undefined ? 'everyone' : list(rule.binds.map((addressee) => ADDRESSEE_NAMES[addressee]));
  const lines = [
    `#### ${code(rule.id)}`,
    '',
    `- **Figure:** ${inline(describeFigure(rule))}`,
    `- **Applies to:** ${inline(describeScope(rule))}`,
    `- **Rule:** ${inline(rule.summary)}`,
    `- **Citation:** ${inline(rule.citation)}`,
    `- **Confidence:** ${CONFIDENCE_NAMES[rule.confidence]}`,
    `- **Binds:** ${binds}`,
    `- **Kind:** ${code(rule.kind)}`,
  ];
  if (rule.note !== undefined) lines.push(`- **Reading:** ${inline(rule.note)}`);
  return lines.join('\n');
}

function anchor(document: ComplianceDocument): string {
  return `${document.id}-${document.title}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

function heading(document: ComplianceDocument): string {
  return `${document.id}: ${document.title}`;
}

function renderDocument(id: string, document: ComplianceDocument): string {
  const status = document.provisional === true ? ' · **provisional**: figures are reported, the rule text was not read' : '';
  const parts = [
    `## ${heading(document)}`,
    `Preset id ${code(id)} · jurisdiction ${code(document.jurisdiction)} · figures as of ${document.version}${status} · ${document.rules.length} rule${document.rules.length === 1 ? '' : 's'}`,
    ...(document.description ?? '').split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph.length > 0),
    `### Rules of ${code(id)}`,
    ...document.rules.map(renderRule),
  ];
  return parts.join('\n\n');
}

/**
 * The whole page: a not-legal-advice notice, how to load the presets, an index, then per preset
 * its description (what it does not encode, the open points) and every rule. Ends with a newline.
 */
export function renderPresetsDoc(presets: Readonly<Record<string, ComplianceDocument>>): string {
  const entries = Object.entries(presets);
  const index = [
    '| Preset | Jurisdiction | Title | Figures as of | Provisional | Rules |',
    '| --- | --- | --- | --- | --- | --- |',
    ...entries.map(
      ([id, document]) =>
        `| [${code(id)}](#${anchor(document)}) | ${code(document.jurisdiction)} | ${inline(document.title)} | ${document.version} | ${document.provisional === true ? 'yes' : 'no'} | ${document.rules.length} |`,
    ),
  ].join('\n');
  const head = [
    `<!-- Generated from rules/compliance/*.json by scripts/generate-presets-doc.ts; do not edit by hand: run \`${GENERATE_COMMAND}\`. -->`,
    '# Compliance presets',
    '> **Not legal advice.** The presets encode research findings from the sources they cite. Some are marked provisional because the rule text was not read, and each lists what it does not encode. Have counsel confirm every rule you rely on, and add your own overlay for what your jurisdiction, licence or house rules require.',
    'The presets ship with the library as `arrears/presets` (`presets`, `presetIds`, and each document by name), each one also by itself as `arrears/presets/<id>` (`import { cn } from \'arrears/presets/cn\'`: a shorter cold start where a process needs one jurisdiction), and with the CLI as `--compliance <id>`. Every rule of every document loaded together applies, so the stricter rule wins: the state and city presets `us-ma`, `us-wa` and `us-nyc` are overlays to load with `us-federal`.',
    '```ts\nimport { loadCompliance } from \'arrears\';\nimport { presets } from \'arrears/presets\';\nimport { calendarsFor } from \'arrears/holidays\';\n\nconst documents = [presets[\'us-federal\'], presets[\'us-ma\']];\nconst compliance = loadCompliance(documents, {\n  roles: [\'creditor\'],                                  // keep only the rules that bind you\n  exceptions: [],                                       // opt-in exceptions you enable, by rule id\n  calendars: calendarsFor(documents, { years: [2025, 2026, 2027, 2028] }), // holiday calendars the windows name\n});\n```',
    'Each rule says whom it binds (`creditor`, `third_party_collector`, `licensed_agency`, `association_member`): with `roles` the rules that bind none of them are left out. Some rules carry a days-past-due exception that is off until the lender enables it with `exceptions`. Window rules of `id` and `ru` name holiday calendars: supply them with `calendars` (`arrears/holidays` builds them from the date-holidays package; the CLI does so for the year of `now`, one year before and two after). The exact semantics of each kind of rule are in [Compliance documents](compliance-documents.md); every rule below is exercised by the conformance scenarios in `test/scenarios/<preset>/`.',
    '**Confidence:** H, the rule’s own text (or the regulator’s official commentary) was read; M, two or more independent secondary sources agree; L, one secondary source or an inference. **Figure** is what the guard applies, derived from the rule’s data; **Rule** is the rule’s summary; **Reading** is the note on how an ambiguous source was read.',
    index,
  ];
  return `${[...head, ...entries.map(([id, document]) => renderDocument(id, document))].join('\n\n')}\n`;
}
