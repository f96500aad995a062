/**
 * Input limits that are not a zod check on one field: documented in docs/limits.md, each
 * producing an issue with its path (never a crash, never a silent truncation).
 */

/** How deep input data may nest; deeper data (or a cycle) is rejected before zod sees it. */
export const MAX_INPUT_DEPTH = 64;

/** The most items any list in a document may hold: the history's limit (`MAX_HISTORY_EVENTS`, a test keeps them equal). */
export const MAX_LIST_ITEMS = 200_000;

/** The most keys any input object may hold, so `loan.attributes` holds at most 1,000 attributes. */
export const MAX_OBJECT_KEYS = 1000;


/** The largest amount of money: a trillion major units, beyond any consumer loan in any currency. */
export const MAX_MONEY = 1e12;

/**
 * `now` must fall in [1970-01-01T00:00:00Z, 9000-01-01T00:00:00Z): zone data before 1970 is not
 * reliable, and a deferral (up to five years ahead) must still be a four-digit-year instant that
 * can be decided again.
 */
export const EARLIEST_NOW = '1970-01-01T00:00:00Z';
export const EARLIEST_NOW_MS = 0;
export const LATEST_NOW = '9000-01-01T00:00:00Z';
export const LATEST_NOW_MS = 221_845_392_000_000; // Date.UTC(9000, 0, 1)
