import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, root } from '../cli/ensure-build.js';
import { bundleCore } from './bundle.js';

// The core entry runs anywhere JavaScript runs: no Node built-ins, no environment, no clock.
// A bundler for the browser fails on any Node built-in; `define` then turns every reference
// to a forbidden global into a marker that must not appear in our own code.
const FORBIDDEN = { process: '__ARREARS_PROCESS__', 'Date.now': '__ARREARS_DATE_NOW__', 'Math.random': '__ARREARS_MATH_RANDOM__', 'performance.now': '__ARREARS_PERFORMANCE_NOW__', console: '__ARREARS_CONSOLE__' };

// From src/: dist/ carries zod, @date-fns/tz and @noble/hashes bundled in, whose code is not ours.
async function ownCode(file: string, platform: 'neutral' | 'node' = 'neutral'): Promise<string> {
  const result = await build({
    entryPoints: [file],
    bundle: true,
    platform,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    packages: 'external',
    external: ['node:*'],
    define: { ...FORBIDDEN, __ARREARS_VERSION__: '"0.0.0"' },
  });
  return result.outputFiles[0]!.text;
}

beforeAll(() => ensureBuild(), 180_000);

describe('the core entry', () => {
  it('bundles for the browser with every dependency and no Node built-in', async () => {
    const { metafile } = await bundleCore();
    const imports = Object.values(metafile.outputs).flatMap((output) => output.imports.map((i) => i.path));
    expect(imports).toEqual([]);
    const sources = Object.keys(metafile.inputs);
    // Deciding never runs json-rules-engine, and loading a policy no longer asks it either.
    expect(sources.filter((path) => path.includes('json-rules-engine'))).toEqual([]);
    expect(sources.filter((path) => /^node:|(^|\/)(fs|path|os|worker_threads|child_process)(\.js)?$/.test(path))).toEqual([]);
  }, 60_000);

  it('reads no environment, clock, randomness or console in its own code', async () => {
    const code = await ownCode(`${root}src/index.ts`);
    expect(Object.values(FORBIDDEN).filter((marker) => code.includes(marker))).toEqual([]);
    // The check can fail: the CLI reads `process` and the console.
    const cli = await ownCode(`${root}src/cli/main.ts`, 'node');
    expect(cli).toContain(FORBIDDEN.process);
  }, 60_000);
});
