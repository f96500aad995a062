import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The whole suite runs twice: in UTC and in a zone with a half-hour offset and DST, so that
// nothing in the library can depend on the host's time zone.
const zones = ['UTC', 'America/St_Johns'];

export default defineConfig({
  define: { __ARREARS_VERSION__: JSON.stringify(version) },
  test: {
    // Many tests run the built CLI as a user would, several processes per test: a node start is
    // 100–250 ms on the CI VM and several times that when the machine is busy. With vitest's
    // default of 5 s, three such tests timed out while three suites ran at once; a test that
    // hangs still fails, after 30 s.
    testTimeout: 30_000,
    projects: zones.map((zone) => ({
      extends: true,
      test: {
        name: `TZ=${zone}`,
        include: ['test/**/*.test.ts'],
        env: { TZ: zone },
        setupFiles: ['test/setup.ts'],
      },
    })),
  },
});
