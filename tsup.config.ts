import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Bundled into dist/ rather than imported at run time: loading zod/mini's hundred-odd modules
 * took 90 ms of a cold start on the benchmark VM, the same code in one file about 20 ms. Only
 * the parts arrears uses are kept (tree-shaken). Types never expose them.
 */
const bundled = ['zod', '@date-fns/tz', '@noble/hashes'];

/** Their MIT licenses travel with the code: dist/THIRD-PARTY-LICENSES.md, written after each build. */
function writeNotices(): void {
  const sections = bundled.map((name) => {
    const dir = new URL(`./node_modules/${name}/`, import.meta.url);
    const { version, license } = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { version: string; license: string };
    const file = readdirSync(dir).find((entry) => /^licen[cs]e/i.test(entry));
    if (file === undefined) throw new Error(`${name} has no license file`);
    return `## ${name} ${version} (${license})\n\n${readFileSync(new URL(file, dir), 'utf8').trim()}\n`;
  });
  writeFileSync(
    new URL('./dist/THIRD-PARTY-LICENSES.md', import.meta.url),
    `# Third-party licenses\n\nThe files in this directory include code from these packages, bundled at build time.\n\n${sections.join('\n')}`,
  );
}

export default defineConfig([
  {
    entry: { index: 'src/index.ts', presets: 'src/presets/index.ts', testing: 'src/testing/index.ts', lint: 'src/lint/index.ts', holidays: 'src/holidays/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    noExternal: bundled,
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
    onSuccess: async () => writeNotices(),
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
    noExternal: bundled,
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
    noExternal: bundled,
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
  },
  {
    entry: { 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    noExternal: bundled,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
  },
]);
