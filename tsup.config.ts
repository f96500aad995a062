import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Plugin, PluginBuild } from 'esbuild';
import { minify } from 'terser';
import { defineConfig, type Options } from 'tsup';

type TsupPlugin = NonNullable<Options['plugins']>[number];

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

/**
 * Every JS build is minified by terser, which keeps the `@__PURE__` marks that let a user's
 * bundler leave out what it does not use (esbuild's minifier drops them: one preset of
 * `arrears/presets` bundled alone went from 5.3 to 17.7 kB). A cold start compiles every module
 * it imports: with the core at half its size, `import`, `loadPolicy` and the first decision
 * ended 2.1–2.7 ms sooner in fresh processes (bench/README.md). Terser reads esbuild's source
 * map and writes one to the sources (`node --enable-source-maps`); tsup's own terser option
 * would name the build's absolute path in it.
 */
function minified(): TsupPlugin {
  return {
    name: 'arrears-terser',
    async renderChunk(code, info) {
      if (!/\.c?js$/.test(info.path)) return undefined;
      const content = info.map === undefined || info.map === null ? undefined : typeof info.map === 'string' ? info.map : JSON.stringify(info.map);
      const result = await minify(
        { [basename(info.path)]: code },
        {
          module: this.format === 'esm',
          toplevel: true,
          ecma: 2020,
          compress: true,
          mangle: true,
          format: { preserve_annotations: true, ascii_only: true },
          sourceMap: content === undefined ? false : { content, asObject: true },
        },
      );
      if (result.code === undefined) throw new Error(`terser wrote nothing for ${basename(info.path)}`);
      return { code: result.code, map: (result.map as object | undefined) ?? null };
    },
  };
}

/** The entry points of the package's JS subpaths, by output name (`arrears/presets` is `presets`). */
const entries = { index: 'src/index.ts', presets: 'src/presets/index.ts', testing: 'src/testing/index.ts', lint: 'src/lint/index.ts', holidays: 'src/holidays/index.ts' };

/** `arrears/presets/<id>`, one module per preset (`presets/cn`, `presets/us-federal`…). */
const presetEntries = Object.fromEntries(
  readdirSync('src/presets')
    .filter((file) => file !== 'index.ts' && file.endsWith('.ts'))
    .map((file) => [`presets/${file.slice(0, -3)}`, `src/presets/${file}`]),
);

/** The modules `src/shared.ts` re-exports (`export * from …`), as absolute paths. */
function sharedModules(): Set<string> {
  const text = readFileSync('src/shared.ts', 'utf8');
  return new Set([...text.matchAll(/^export \* from '(\.[^']+)\.js';$/gm)].map((match) => resolve('src', `${match[1]}.ts`)));
}

/** The source files `entry` imports, directly or not, as absolute paths (with `entry` itself). */
async function modulesOf(esbuild: PluginBuild['esbuild'], entry: string): Promise<string[]> {
  const { metafile } = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, metafile: true, packages: 'external', platform: 'node', logLevel: 'silent' });
  return Object.keys(metafile.inputs).map((input) => resolve(input));
}
/** The core's modules, found once for every build of this run that needs them. */
let coreModules: Promise<string[]> | undefined;

/**
 * Makes the entries share single modules instead of code-split chunks:
 * - `dist/shared.js` (and `.cjs`): what must exist once and what light entries need, the
 *   modules `src/shared.ts` re-exports (errors, the options check, the preset registry). Every
 *   other module that imports one of them imports `./shared.js`.
 * - `dist/internal.js`: the core, `src/internal.ts` and every module it imports. With `core`,
 *   an import of one of its modules becomes an import of `./internal.js`, and an import of the
 *   presets one of `./presets.js`: so `arrears` is a list of re-exports, and `arrears/testing`
 *   and `arrears/lint` use the same compiled-policy cache and local-time caches as `arrears`.
 * Code splitting had made nine modules of `arrears` and `arrears/presets` (six chunks of the
 * core), which a cold start reads more slowly: importing the two took 37.7 ms on the benchmark
 * VM, as four modules 33.4 ms (medians of 61 fresh processes each, in random order; see
 * bench/README.md).
 */
function sharedCore({ core, base = './' }: { core: boolean; base?: string }): Plugin {
  return {
    name: 'arrears-shared-core',
    setup(build) {
      const extension = build.initialOptions.format === 'cjs' ? '.cjs' : '.js';
      const shared = sharedModules();
      const sharedEntry = resolve('src/shared.ts');
      const owners = async () => {
        const map = new Map<string, string>();
        if (core) {
          for (const path of await (coreModules ??= modulesOf(build.esbuild, 'src/internal.ts'))) map.set(path, `${base}internal`);
          map.set(resolve(entries.presets), `${base}presets`);
        }
        for (const path of shared) map.set(path, `${base}shared`);
        return map;
      };
      let owned: Promise<Map<string, string>> | undefined;
      build.onResolve({ filter: /^\./ }, async (args) => {
        // An entry is built, not imported; shared.ts is built from the modules it re-exports.
        if (args.kind === 'entry-point' || args.importer === sharedEntry || shared.has(args.importer) || (args.pluginData as { inner?: boolean } | undefined)?.inner) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { inner: true } });
        if (resolved.errors.length > 0) return undefined;
        const owner = (await (owned ??= owners())).get(resolved.path);
        return owner === undefined ? undefined : { path: `${owner}${extension}`, external: true };
      });
    },
  };
}

/** What the library's three JS builds share: one module per entry and format, minified. */
const library = {
  format: ['esm', 'cjs'],
  sourcemap: true,
  plugins: [minified()],
  target: 'es2022',
  splitting: false,
} satisfies Options;

export default defineConfig([
  {
    // The core and the modules every entry shares, one module each per format; not in package.json `exports`.
    ...library,
    entry: { internal: 'src/internal.ts', shared: 'src/shared.ts' },
    esbuildPlugins: [sharedCore({ core: false })],
    clean: true,
    noExternal: bundled,
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
    onSuccess: async () => writeNotices(),
  },
  {
    // The entries, each importing the core.
    ...library,
    entry: entries,
    noExternal: bundled,
    esbuildPlugins: [sharedCore({ core: true })],
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
  },
  {
    // Each preset by itself, in dist/presets/: it imports only `../shared.js`, the registry of
    // shipped presets, and carries its document (a copy of the one `presets.js` carries).
    ...library,
    entry: presetEntries,
    esbuildPlugins: [sharedCore({ core: false, base: '../' })],
  },
  {
    // Their declarations, from the sources, with the types they share in common files.
    entry: { ...entries, ...presetEntries },
    format: ['esm', 'cjs'],
    dts: { only: true },
    target: 'es2022',
  },
  {
    // The binary. Each command is a module of its own under dist/cli/, imported when it runs, with
    // the dependencies only it needs: loaded up front, they made every command, `--help`
    // included, a third of a second slower than it needs to be.
    // With it, the thread `arrears batch` runs on (dist/batch-thread.js, see src/cli/batch-thread.ts),
    // which shares the CLI's chunks.
    entry: { cli: 'src/cli/main.ts', 'batch-thread': 'src/cli/batch-thread.ts' },
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    plugins: [minified()],
    splitting: true,
    esbuildOptions(options) {
      options.chunkNames = 'cli/[name]-[hash]';
    },
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
    plugins: [minified()],
    shims: true,
    noExternal: bundled,
    esbuildPlugins: [sharedCore({ core: true })],
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
  },
  {
    entry: { 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    noExternal: bundled,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    plugins: [minified()],
    define: { __ARREARS_VERSION__: JSON.stringify(version) },
  },
]);
