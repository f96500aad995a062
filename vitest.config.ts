import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The whole suite runs twice: in UTC and in a zone with a half-hour offset and DST, so that
// nothing in the library can depend on the host's time zone.
const zones = ['UTC', 'America/St_Johns'];

export default defineConfig({
  define: { __ARREARS_VERSION__: JSON.stringify(version) },
  test: {
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
