/**
 * Cheap checks of the build against package.json `exports`, discovered at test time: every
 * target exists, each JS entry loads with `import` and `require` with the same exports, and each
 * has a size ceiling and API pages. The packed-tarball checks (publint, attw, a scratch install,
 * tsc over consumers, the examples) are `npm run check:package` (scripts/check-package.ts), a
 * CI step of their own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandExports, sizeLimitCovers } from '../../scripts/package-exports.js';
import { ensureBuild, root } from '../cli/ensure-build.js';

interface Conditions {
  import: { types: string; default: string };
  require: { types: string; default: string };
}
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { name: string; exports: Record<string, string | Conditions>; bin: Record<string, string> };
// The build comes first: the subpaths of `./presets/*` are read from it, to make a test of each.
ensureBuild();
/** `exports` with `./presets/*` expanded into a subpath per built preset module. */
const exportsMap = (): Record<string, string | Conditions> => expandExports(pkg.exports, root) as Record<string, string | Conditions>;
const jsEntries = Object.entries(exportsMap()).filter((entry): entry is [string, Conditions] => typeof entry[1] === 'object');
const fileEntries = Object.entries(exportsMap()).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
const file = (target: string) => `${root}${target.replace(/^\.\//, '')}`;

/** tsup's entry names and sources (`index: 'src/index.ts'`), read from tsup.config.ts. */
function tsupEntries(): Map<string, string> {
  const text = readFileSync(`${root}tsup.config.ts`, 'utf8');
  const named: [string, string][] = [...text.matchAll(/['"]?([\w-]+)['"]?\s*:\s*'(src\/[^']+\.ts)'/g)].map((m) => [m[1]!, m[2]!]);
  // `presetEntries`: one entry per module of src/presets/ but the index, as the config builds them.
  const presets: [string, string][] = readdirSync(`${root}src/presets`)
    .filter((name) => name !== 'index.ts' && name.endsWith('.ts'))
    .map((name) => [`presets/${name.slice(0, -3)}`, `src/presets/${name}`]);
  return new Map([...named, ...presets]);
}

describe('package.json exports', () => {
  it('has JS entries with types first in each condition, ESM .d.ts and CJS .d.cts', () => {
    expect(jsEntries.length).toBeGreaterThan(0);
    for (const [subpath, conditions] of jsEntries) {
      expect(Object.keys(conditions), subpath).toEqual(['import', 'require']);
      expect(Object.keys(conditions.import), subpath).toEqual(['types', 'default']);
      expect(Object.keys(conditions.require), subpath).toEqual(['types', 'default']);
      expect(conditions.import.types, subpath).toMatch(/\.d\.ts$/);
      expect(conditions.require.types, subpath).toMatch(/\.d\.cts$/);
      expect(conditions.import.default, subpath).toMatch(/\.js$/);
      expect(conditions.require.default, subpath).toMatch(/\.cjs$/);
    }
  });

  it('points only at files the build and the repository hold', () => {
    const targets = [...jsEntries.flatMap(([, c]) => [c.import.types, c.import.default, c.require.types, c.require.default]), ...fileEntries.map(([, t]) => t), ...Object.values(pkg.bin)];
    expect(targets.filter((target) => !existsSync(file(target)))).toEqual([]);
  });

  it.each(jsEntries.map(([subpath, c]) => [subpath, c] as const))('loads %s with import and require, with the same named exports', async (_subpath, conditions) => {
    const esm = (await import(pathToFileURL(file(conditions.import.default)).href)) as Record<string, unknown>;
    const cjs = createRequire(import.meta.url)(file(conditions.require.default)) as Record<string, unknown>;
    const names = (m: Record<string, unknown>) => Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule' && k !== 'module.exports').sort();
    expect(names(esm).length).toBeGreaterThan(0);
    expect(names(cjs)).toEqual(names(esm));
  });

  it('has a size ceiling in .size-limit.json for every JS entry', () => {
    const limits = JSON.parse(readFileSync(`${root}.size-limit.json`, 'utf8')) as { path: string; limit: string }[];
    const paths = limits.map((entry) => entry.path);
    expect(jsEntries.map(([, c]) => c.import.default.replace(/^\.\//, '')).filter((path) => !sizeLimitCovers(paths, path))).toEqual([]);
    for (const entry of limits) expect(entry.limit, entry.path).toMatch(/^\d+ B$/);
  });

  it('has API pages: every JS entry is an entry point of typedoc.json', () => {
    const typedoc = JSON.parse(readFileSync(`${root}typedoc.json`, 'utf8')) as { entryPoints: string[] };
    const sources = tsupEntries();
    const missing = jsEntries
      .map(([, c]) => sources.get(c.import.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '')))
      .filter((source) => source === undefined || !typedoc.entryPoints.includes(source));
    expect(missing).toEqual([]);
  });
});

describe('the built entries', () => {
  const presetModules = readdirSync(`${root}dist/presets`).filter((name) => name.endsWith('.js')).map((name) => `presets/${name.slice(0, -3)}`);
  const built = ['index', 'presets', 'testing', 'lint', 'holidays', 'batch', ...presetModules];
  const relativeImports = (code: string) => [...code.matchAll(/(?:from\s*|import\s*|require\()\s*["'](\.[^"']*)["']/g)].map((match) => match[1]!);

  it.each(built.flatMap((name) => [`${name}.js`, `${name}.cjs`]))('%s imports the core, the shared modules and the presets as single modules, never a chunk', (name) => {
    const extension = name.endsWith('.cjs') ? '.cjs' : '.js';
    const allowed = new Set([`./internal${extension}`, `./shared${extension}`, `./presets${extension}`, `../shared${extension}`]);
    const imports = relativeImports(readFileSync(`${root}dist/${name}`, 'utf8'));
    expect(imports.filter((path) => !allowed.has(path))).toEqual([]);
    if (!name.startsWith('index')) return;
    expect(imports).toContain(`./internal${extension}`);
  });

  it('share one core: what arrears/batch and arrears/holidays throw is an instance of the arrears classes', async () => {
    const load = async (subpath: string) => (await import(pathToFileURL(file((pkg.exports[subpath] as Conditions).import.default)).href)) as Record<string, unknown>;
    const core = await load('.');
    const { decideMany } = (await load('./batch')) as { decideMany: (inputs: unknown[], options: unknown) => unknown };
    const { holidayCalendar } = (await load('./holidays')) as { holidayCalendar: (country: string, options: unknown) => unknown };
    const ArrearsValidationError = core['ArrearsValidationError'] as new (...args: never[]) => Error;
    expect(() => decideMany([], { workers: 0 })).toThrow(ArrearsValidationError);
    expect(() => holidayCalendar('XX', { years: [2026] })).toThrow(ArrearsValidationError);
    const cjs = createRequire(import.meta.url)(file((pkg.exports['./holidays'] as Conditions).require.default)) as { holidayCalendar: (country: string, options: unknown) => unknown };
    const cjsCore = createRequire(import.meta.url)(file((pkg.exports['.'] as Conditions).require.default)) as Record<string, unknown>;
    expect(() => cjs.holidayCalendar('XX', { years: [2026] })).toThrow(cjsCore['ArrearsValidationError'] as new (...args: never[]) => Error);
  });
});
