import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig([
  {
    entry: { index: 'src/index.ts', presets: 'src/presets/index.ts', testing: 'src/testing/index.ts', lint: 'src/lint/index.ts', holidays: 'src/holidays/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
  },
  {
    // `arrears/batch` (Node only) and its worker thread, which `batch` and `cli` load from dist/.
    entry: { batch: 'src/batch/index.ts' },
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { types: ['node'] } },
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    shims: true,
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
  },
  {
    entry: { 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
  },
]);
