/**
 * The modules every entry point must share one instance of and that light entries need without
 * the core: the error classes (so that `instanceof` holds whichever entry threw), the options
 * check, and the registry of shipped presets. The build makes this `dist/shared.js` (and `.cjs`),
 * which package.json does not export; see `src/internal.ts` and tsup.config.ts.
 * @internal
 */
export * from './errors.js';
export * from './options.js';
export * from './compliance/shipped-presets.js';
