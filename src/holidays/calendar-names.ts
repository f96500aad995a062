/**
 * Which holiday calendars compliance documents name: kept apart from date-holidays, so that the
 * CLI can tell whether it needs to load it (a third of a second) before it does.
 */
import type { ComplianceDocument } from '../compliance/document.js';

/** The calendar names the window rules of `documents` give in `holidayCalendars`, sorted. @category Holidays */
export function calendarNames(documents: readonly ComplianceDocument[]): string[] {
  const names = new Set<string>();
  for (const document of documents) {
    for (const rule of document.rules) if (rule.kind === 'window') for (const name of rule.holidayCalendars ?? []) names.add(name);
  }
  return [...names].sort();
}
