/** Epoch milliseconds of an ISO instant already validated to carry an offset. */
export function parseInstant(iso: string): number {
  return Date.parse(iso);
}

/** ISO instant in UTC, without milliseconds when they are zero: `2026-07-15T13:30:00Z`. */
export function formatInstant(ms: number): string {
  // The same instant is formatted again and again (every candidate deferred to one opening).
  if (ms === lastMs) return lastIso;
  const iso = new Date(ms).toISOString();
  lastIso = iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  lastMs = ms;
  return lastIso;
}
let lastMs = Number.NaN;
let lastIso = '';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
