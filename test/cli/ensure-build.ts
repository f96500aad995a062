import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

const OUTPUTS = ['dist/cli.js', 'dist/index.js', 'dist/presets.js'];
const SOURCES = ['src', 'rules', 'package.json', 'tsup.config.ts'];
const LOCK = `${root}node_modules/.arrears-build-lock`;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(`${path}/${name}`)), stat.mtimeMs);
}

function isStale(): boolean {
  const sources = Math.max(...SOURCES.map((path) => newestMtime(`${root}${path}`)));
  try {
    return OUTPUTS.some((path) => statSync(`${root}${path}`).mtimeMs < sources);
  } catch {
    return true;
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds `dist/` with tsup when it is missing or older than the sources. Both vitest projects
 * (TZ=UTC, TZ=America/St_Johns) may get here at once: a lock directory lets one build while
 * the other waits, since tsup empties `dist/` first.
 */
export function ensureBuild(): void {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock left behind by a killed run: no build takes five minutes.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock !== undefined && Date.now() - lock.mtimeMs > 300_000) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${LOCK}; remove it if no build is running`);
      sleep(200);
    }
  }
  try {
    if (isStale()) execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'pipe' });
  } finally {
    rmdirSync(LOCK);
  }
}
