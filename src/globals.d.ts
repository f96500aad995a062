/** Replaced at build time with the package version (tsup and vitest `define`). */
declare const __ARREARS_VERSION__: string;
