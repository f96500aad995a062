/**
 * package.json `exports` with each pattern (`./presets/*`) expanded into the subpaths the build
 * has for it (`./presets/cn`…), read from the files its `import` target matches. Shared by
 * scripts/check-package.ts and test/package/exports.test.ts, so that both check every subpath.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export type ExportsMap = Record<string, string | { import?: unknown; require?: unknown }>;

/** `exports` with its patterns expanded from the files under `root` (the package's directory). */
export function expandExports(exports: ExportsMap, root: string): ExportsMap {
  const expanded: ExportsMap = {};
  for (const [subpath, target] of Object.entries(exports)) {
    if (!subpath.includes('*')) {
      expanded[subpath] = target;
      continue;
    }
    const pattern = /"default":"(\.\/[^"]*\*\.js)"/.exec(JSON.stringify(target))?.[1];
    if (pattern === undefined) throw new Error(`exports ${subpath}: no "default" target ending in *.js to expand`);
    const [prefix = '', suffix = ''] = pattern.split('*');
    const dir = prefix.slice(0, prefix.lastIndexOf('/') + 1);
    const names = readdirSync(join(root, dir))
      .map((file) => `${dir}${file}`)
      .filter((file) => file.startsWith(prefix) && file.endsWith(suffix))
      .map((file) => file.slice(prefix.length, file.length - suffix.length))
      .sort();
    if (names.length === 0) throw new Error(`exports ${subpath}: no file matches ${pattern}`);
    for (const name of names) expanded[subpath.replace('*', name)] = JSON.parse(JSON.stringify(target).replaceAll('*', name)) as ExportsMap[string];
  }
  return expanded;
}

/** Whether a size-limit `path` names `file`, or is a pattern (`dist/presets/*.js`) that matches it. */
export function sizeLimitCovers(paths: readonly string[], file: string): boolean {
  return paths.some((path) => new RegExp(`^${path.replace(/^\.\//, '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]+')}$`).test(file));
}
