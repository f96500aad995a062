/**
 * Every input the fuzzer or a limit test once broke, one JSON file each (zod's fuzz-to-fixture
 * rule): the call, its documents and input, and what must happen. Cases marked `isolate` were
 * hangs: they run in a child process killed after a deadline, so a regression fails the test
 * instead of stalling the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../../properties/arbitraries.js';
import { runCase } from './run-case.js';
import type { CaseResult, Found } from './run-case.js';

const here = new URL('./', import.meta.url);
const cases = readdirSync(here)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, found: JSON.parse(readFileSync(new URL(name, here), 'utf8')) as Found }));

/** Runs an isolated case in a child process (tsx), killed after the deadline: `undefined` when it was. */
function runIsolated(name: string, deadlineMs: number): CaseResult | undefined {
  // In a directory of its own, removed afterwards: the scripts once piled up in the system's temp directory.
  const dir = mkdtempSync(join(tmpdir(), 'arrears-found-'));
  try {
    const script = join(dir, `${name}.mts`);
    writeFileSync(
      script,
      [
        `globalThis.__ARREARS_VERSION__ = '0.0.0-found';`,
        `const { runCase } = await import(${JSON.stringify(new URL('./run-case.ts', here).pathname)});`,
        `const found = JSON.parse(${JSON.stringify(readFileSync(new URL(name, here), 'utf8'))});`,
        `process.stdout.write(JSON.stringify(runCase(found)));`,
      ].join('\n'),
    );
    const result = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: root.pathname, encoding: 'utf8', timeout: deadlineMs, killSignal: 'SIGKILL' });
    if (result.error !== undefined || result.status !== 0) {
      if (result.signal === 'SIGKILL') return undefined;
      throw new Error(`The isolated case failed: ${result.stderr}`);
    }
    return JSON.parse(result.stdout) as CaseResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks one case's result against what its file expects. */
function expectCase(found: Found, result: CaseResult | undefined, deadlineMs: number): void {
  expect(result, `still running after ${deadlineMs} ms (killed): ${found.description}`).toBeDefined();
  const { ms, outcome } = result!;
  expect(Math.round(ms), found.description).toBeLessThanOrEqual(found.expect.withinMs ?? 2000);
  if (found.expect.verdict !== undefined) expect(outcome).toEqual({ verdict: found.expect.verdict });
  if (found.expect.success !== undefined) expect(outcome).toEqual({ success: found.expect.success });
  if (found.expect.issues !== undefined) expect(outcome).toEqual({ issues: found.expect.issues });
}

describe('fuzz findings (test/fuzz/found/)', () => {
  it.each(cases.filter((c) => c.found.isolate !== true))('$name', ({ found }) => {
    expectCase(found, runCase(found), Infinity);
  });

  // Cases that once hung run in a child process; they depend on no time zone, so the UTC project runs them.
  describe.skipIf(process.env['TZ'] !== 'UTC')('in a child process, killed at the deadline', () => {
    it.each(cases.filter((c) => c.found.isolate === true))('$name', ({ name, found }) => {
      const deadline = (found.expect.withinMs ?? 2000) + 4000;
      expectCase(found, runIsolated(name, deadline), deadline);
    }, 60_000);
  });
});
