/**
 * Writes `src/_lib/zone-table.ts`: the IANA zones whose UTC offset, as this runtime's `Intl`
 * reads it, from some instant (`since`) until 2100, either stays the same or changes by two
 * yearly rules (daylight saving time, as the tz database writes its rules). Run it with
 * `npm run zones:generate` on the Node.js whose time-zone data (`process.versions.tz`) the table
 * should answer for; `arrears` reads the table only on a runtime with that same data, and
 * `test/_lib/zone-table.test.ts` checks every entry against `Intl` there.
 *
 * Why the table exists: a process's first `Intl.DateTimeFormat` costs 10–20 ms (V8 builds its
 * list of available locales, `Intl::BuildLocaleSet`), which is half of a serverless cold start's
 * budget; for these zones a decision no longer needs `Intl` at all.
 *
 * How: every zone name `Intl` accepts (its own list, and the names and links of the system's
 * `tzdata.zi` when there is one: `Intl` lists canonical names only, `Asia/Calcutta` but not
 * `Asia/Kolkata`) is read once a day from 1970 to 2100, and each change of its offset found to
 * the second by bisection. A zone whose last change comes before 2050 has a fixed offset from
 * then on. For any other, the longest run of changes up to 2100 that two yearly rules produce
 * exactly (the same instants, the same offsets, no change more or less: checked with the
 * library's own `ruleInstant`) gives its rules, from the first change of that run. A zone with
 * neither (`Africa/Casablanca`, whose changes follow Ramadan) is left to `Intl`.
 */
import { tzOffset } from '@date-fns/tz/tzOffset';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleInstant, type ZoneRule } from '../src/_lib/zone-rules.js';

const UNTIL = Date.UTC(2100, 0, 1);
const LAST_CHANGE = Date.UTC(2050, 0, 1);
const DAY = 86_400_000;
const QUARTER_HOUR = 900_000;
const TZDATA_ZI = '/usr/share/zoneinfo/tzdata.zi';

/** A change of a zone's offset. */
interface Change {
  at: number;
  before: number;
  after: number;
}

/** One zone of the table. */
export interface TableZone {
  name: string;
  /** Epoch milliseconds from which the entry holds (0: since 1970 at least). */
  since: number;
  /** Minutes east of UTC, for a zone without rules. */
  offset?: number;
  rules?: [ZoneRule, ZoneRule];
}

/** The zone names to try: `Intl`'s own list, `UTC`, and the system's tzdata names and links. */
export function candidateNames(): string[] {
  const names = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
  if (existsSync(TZDATA_ZI)) {
    for (const line of readFileSync(TZDATA_ZI, 'utf8').split('\n')) {
      const [kind, first, second] = line.split(' ');
      if (kind === 'Z' && first !== undefined) names.add(first);
      if (kind === 'L' && second !== undefined) names.add(second);
    }
  }
  return [...names].sort();
}

/** Every change of `zone`'s offset from 1970 to 2100, each found to the second. */
function changes(zone: string): Change[] {
  const offsetAt = (ms: number) => tzOffset(zone, new Date(ms));
  const found: Change[] = [];
  let before = offsetAt(0);
  for (let day = DAY; day < UNTIL; day += DAY) {
    const after = offsetAt(day);
    if (after === before) continue;
    let low = day - DAY;
    let high = day;
    while (high - low > 1000) {
      const mid = low + Math.floor((high - low) / 2000) * 1000;
      if (offsetAt(mid) === after) high = mid;
      else low = mid;
    }
    found.push({ at: high, before, after });
    before = after;
  }
  return found;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/** The rules that could have made `change`: the local date and the day before and after it, each day spec that finds it. */
function candidateRules(change: Change): ZoneRule[] {
  const rules: ZoneRule[] = [];
  const localDay = Math.floor((change.at + change.before * 60_000) / DAY);
  for (const shift of [0, -1, 1]) {
    const day = localDay + shift;
    const date = new Date(day * DAY);
    const [year, month, dayOfMonth, weekday] = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCDay()];
    const minutes = (change.at - day * DAY) / 60_000;
    for (let onOrAfter = dayOfMonth; onOrAfter >= Math.max(1, dayOfMonth - 6); onOrAfter--) rules.push({ month, weekday, onOrAfter, minutes, offset: change.after });
    if (dayOfMonth + 7 > daysInMonth(year, month)) rules.push({ month, weekday, onOrAfter: 0, minutes, offset: change.after });
  }
  return rules;
}

/** The changes two rules make from `since` until 2100, in order. */
function ruleChanges(rules: readonly ZoneRule[], since: number): { at: number; after: number }[] {
  const made: { at: number; after: number }[] = [];
  for (let year = new Date(since).getUTCFullYear() - 1; year <= 2100; year++) {
    for (const rule of rules) {
      const at = ruleInstant(rule, year);
      if (at >= since && at < UNTIL) made.push({ at, after: rule.offset });
    }
  }
  return made.sort((a, b) => a.at - b.at);
}

/** Two rules that make exactly `run` (alternate changes), if there are. */
function fitRules(run: readonly Change[]): [ZoneRule, ZoneRule] | undefined {
  const fitted: ZoneRule[] = [];
  for (const parity of [0, 1]) {
    const group = run.filter((_, i) => i % 2 === parity);
    const first = group[0];
    if (first === undefined) return undefined;
    const rule = candidateRules(first).find((candidate) =>
      group.every((change) => {
        const year = new Date(change.at).getUTCFullYear();
        return change.after === candidate.offset && [year - 1, year, year + 1].some((y) => ruleInstant(candidate, y) === change.at);
      }),
    );
    if (rule === undefined) return undefined;
    fitted.push(rule);
  }
  const made = ruleChanges(fitted, run[0]!.at);
  const exact = made.length === run.length && made.every((change, i) => change.at === run[i]!.at && change.after === run[i]!.after);
  return exact ? (fitted as [ZoneRule, ZoneRule]) : undefined;
}

function entryOf(zone: string): Omit<TableZone, 'name'> | undefined {
  const found = changes(zone);
  const last = found.at(-1);
  const onQuarterHours = (list: readonly Change[]) => list.every((change) => change.at % QUARTER_HOUR === 0 && Number.isInteger(change.after));
  if (last === undefined) {
    const offset = tzOffset(zone, new Date(0));
    return Number.isInteger(offset) ? { since: 0, offset } : undefined;
  }
  if (last.at < LAST_CHANGE) return onQuarterHours([last]) ? { since: last.at, offset: last.after } : undefined;
  for (let start = 0; start < found.length - 1; start++) {
    const run = found.slice(start);
    if (!onQuarterHours(run)) continue;
    const rules = fitRules(run);
    if (rules !== undefined) return { since: run[0]!.at, rules };
  }
  return undefined;
}

/** Every zone name this runtime's `Intl` accepts that the table can hold. */
export function tableZones(names: readonly string[] = candidateNames()): TableZone[] {
  const byCanonical = new Map<string, Omit<TableZone, 'name'> | undefined>();
  const zones: TableZone[] = [];
  for (const name of names) {
    let canonical: string;
    try {
      canonical = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    } catch {
      continue;
    }
    if (!byCanonical.has(canonical)) byCanonical.set(canonical, entryOf(canonical));
    const entry = byCanonical.get(canonical);
    if (entry !== undefined) zones.push({ name, ...entry });
  }
  return zones;
}

const minuteIso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';
const ruleText = (rule: ZoneRule) =>
  `M${rule.month + 1}.${rule.weekday}${rule.onOrAfter === 0 ? 'L' : `>=${rule.onOrAfter}`}@${rule.minutes}=${rule.offset}`;

/** The module's source. */
export function zoneTableModule(zones: readonly TableZone[], tzdata: string): string {
  const withRules = zones.filter((zone) => zone.rules !== undefined).length;
  return `/**
 * Generated by \`npm run zones:generate\` (\`scripts/generate-zone-table.ts\`): do not edit.
 *
 * The IANA zones whose UTC offset, in the time-zone data ${tzdata} (\`process.versions.tz\`), from
 * \`since\` until ${minuteIso(UNTIL)}, stays the same (${zones.length - withRules} names) or changes by two yearly
 * rules (${withRules} names), links among them. One line each: \`name since offset\`, the offset in
 * minutes east of UTC and \`since\` the zone's last change (1970-01-01 when it changed before),
 * or \`name since rule rule\`, \`since\` the first change the rules make, each rule
 * \`M<month>.<weekday>>=<day>@<minutes>=<offset>\` (\`L\` for the month's last weekday): on the
 * first weekday (0 = Sunday) on or after the day, at the minutes after midnight UTC of that date,
 * the offset becomes the one given (\`ZoneRule\` in \`zone-rules.ts\`). Read only on a runtime
 * whose time-zone data is ${tzdata}, where it answers as \`Intl\` does (the generator checked every
 * change to 2100; \`test/_lib/zone-table.test.ts\` checks every entry again); elsewhere every
 * offset comes from \`Intl\`.
 */

/** The time-zone data release the table was read from. */
export const ZONE_TABLE_TZDATA = '${tzdata}';

/** The end of the span the table answers for, epoch milliseconds (${minuteIso(UNTIL)}). */
export const ZONE_TABLE_UNTIL = ${UNTIL};

/** One line per zone, sorted by name, between a leading and a trailing newline. */
export const ZONE_TABLE = \`
${zones.map((zone) => `${zone.name} ${minuteIso(zone.since)} ${zone.rules === undefined ? String(zone.offset) : zone.rules.map(ruleText).join(' ')}`).join('\n')}
\`;
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const tzdata = process.versions.tz;
  if (tzdata === undefined) throw new Error('this runtime does not say which time-zone data it has (process.versions.tz)');
  const started = performance.now();
  const zones = tableZones();
  const target = fileURLToPath(new URL('../src/_lib/zone-table.ts', import.meta.url));
  writeFileSync(target, zoneTableModule(zones, tzdata));
  console.log(`${zones.length} zones of tzdata ${tzdata} written to src/_lib/zone-table.ts in ${Math.round((performance.now() - started) / 1000)} s`);
}
