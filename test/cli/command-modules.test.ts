import { builtinModules } from 'node:module';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, root } from './ensure-build.js';

// The binary loads a command's module, and the packages only that command needs, when the
// command runs: loaded up front, date-holidays, json-rules-engine, piscina and cli-progress made
// every command (`arrears --help` included) a third of a second slower. These tests read the
// built modules' import statements (as esbuild reads them: the build is minified), so that a
// static import added in the wrong place fails here.

const DIST = `${root}dist/`;
const HEAVY = ['cli-progress', 'date-holidays', 'json-rules-engine', 'piscina'];

/** What `file` imports, statically (`import … from`) and with `import()`, as written. */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const { metafile } = buildSync({ entryPoints: [`${DIST}${file}`], bundle: true, external: ['*'], write: false, metafile: true, format: 'esm', platform: 'node', logLevel: 'silent' });
  const imports = Object.values(metafile.inputs)[0]?.imports ?? [];
  return { static: imports.filter((i) => i.kind === 'import-statement').map((i) => i.path), dynamic: imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path) };
}
/** `./cli/run-decide-X.js` imported from `dist/cli.js` is `cli/run-decide-X.js`. */
const resolve = (from: string, specifier: string) => new URL(specifier, `file:///${from}`).pathname.slice(1);
const isRelative = (specifier: string) => specifier.startsWith('.');

/** The built modules `file` imports statically, directly or not. */
function chunksOf(file: string): string[] {
  const found = new Set<string>();
  const visit = (current: string) => {
    for (const specifier of importsOf(current).static) {
      if (!isRelative(specifier)) continue;
      const target = resolve(current, specifier);
      if (found.has(target)) continue;
      found.add(target);
      visit(target);
    }
  };
  visit(file);
  return [...found];
}

/** The packages a module and everything it imports statically load, without the node built-ins. */
function staticPackages(entry: string): string[] {
  const packages = new Set<string>();
  for (const file of [entry, ...chunksOf(entry)]) {
    for (const specifier of importsOf(file).static) {
      if (!isRelative(specifier) && !specifier.startsWith('node:') && !builtinModules.includes(specifier)) packages.add(specifier);
    }
  }
  return [...packages].sort();
}

/** The modules `file` imports with `import()`, by name without the hash (`run-decide`). */
function dynamicImports(file: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const specifier of importsOf(file).dynamic) {
    const target = resolve(file, specifier);
    found.set(/([a-z-]+)-[A-Z0-9]+\.js$/.exec(target)?.[1] ?? target, target);
  }
  return found;
}

beforeAll(() => ensureBuild(), 180_000);

/**
 * The module that runs the commands: `dist/cli.js` first decides whether `batch` decides in a
 * second process (src/cli/relaunch.ts), then imports it.
 */
const dispatcher = (): string => dynamicImports('cli.js').get('run')!;

describe('the binary loads what a command needs when it runs', () => {
  it('imports no dependency up front, and each command by itself', () => {
    expect(staticPackages('cli.js')).toEqual([]);
    expect([...dynamicImports('cli.js').keys()]).toEqual(['run']);
    // Nor the built-in that starts `batch`'s second process (2–3 ms to load).
    const builtins = [...chunksOf('cli.js'), 'cli.js'].flatMap((file) => importsOf(file).static).map((specifier) => specifier.replace(/^node:/, ''));
    expect(builtins).toContain('os');
    expect(builtins).not.toContain('child_process');
    expect(staticPackages(dispatcher())).toEqual([]);
    expect([...dynamicImports(dispatcher()).keys()].sort()).toEqual(['run-batch', 'run-check', 'run-decide', 'run-diff', 'run-lint', 'run-schema', 'run-simulate']);
  });

  it('loads each dependency only with the commands that use it', () => {
    const commands = dynamicImports(dispatcher());
    const heavy = (name: string) => staticPackages(commands.get(name)!).filter((dependency) => HEAVY.includes(dependency));
    expect(heavy('run-decide')).toEqual([]);
    expect(heavy('run-check')).toEqual([]);
    expect(heavy('run-schema')).toEqual([]);
    expect(heavy('run-lint')).toEqual(['json-rules-engine']);
    // `batch` draws its bar on the main thread; the thread that feeds the workers loads piscina.
    expect(heavy('run-batch')).toEqual(['cli-progress']);
    expect(staticPackages('batch-thread.js').filter((dependency) => HEAVY.includes(dependency))).toEqual(['piscina']);
    expect(heavy('run-simulate')).toEqual(['cli-progress']);
    expect(heavy('run-diff')).toEqual(['cli-progress']);
  });

  it('loads date-holidays only when a compliance document names a holiday calendar', () => {
    const importers = [...new Set([...dynamicImports(dispatcher()).values()].flatMap((file) => [file, ...chunksOf(file)]))];
    const holidays = importers.flatMap((file) => [...dynamicImports(file)].filter(([name]) => name === 'holidays').map(([, target]) => target));
    expect(new Set(holidays).size).toBe(1);
    expect(staticPackages(holidays[0]!)).toContain('date-holidays');
  });
});
