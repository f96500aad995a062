/**
 * The core behind every entry point. The build makes it one module, `dist/internal.js` (and
 * `.cjs`), which package.json does not export: `arrears` re-exports its public part, and
 * `arrears/testing` and `arrears/lint` import it instead of carrying copies or sharing chunks of
 * it. What light entries (`arrears/presets`, `/holidays`, `/batch`) need is in `src/shared.ts`.
 * One module rather than code-split chunks because a cold start reads it faster (see
 * tsup.config.ts). Beyond the public API it exports only what the other entries use.
 * @internal
 */
export * from './index.js';
export { copyJson } from './_lib/copy-json.js';
export { formatPath } from './_lib/format-path.js';
export { DAY_MS, HOUR_MS, MINUTE_MS, formatInstant } from './_lib/instant.js';
export { addDaysToDate, isValidZone, localDate } from './_lib/local-time.js';
export { didYouMean } from './_lib/nearest-name.js';
export { oneOrMany, plural } from './_lib/plural.js';
export { channelOf } from './domain/vocabulary.js';
export { isOperatorName, OPERATORS } from './policy/operators.js';
export { prepare } from './prepare.js';
export { parseDecisionInput } from './validate/parse-input.js';
