import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, root } from '../cli/ensure-build.js';

// arrears/testing and arrears/lint are optional weight: the core entry never pulls them in, and
// neither needs vitest (or anything else) at run time, so they work under jest or plain node.
beforeAll(() => ensureBuild(), 180_000);

const read = (file: string) => readFileSync(`${root}dist/${file}`, 'utf8');
const imports = (code: string) => [...code.matchAll(/(?:from\s*|import\s*\(|require\()\s*["']([^"'./][^"']*)["']/g)].map((match) => match[1]!);

describe('the arrears/testing and arrears/lint bundles', () => {
  it.each(['testing.js', 'testing.cjs', 'lint.js', 'lint.cjs'])('%s imports only runtime dependencies, never vitest or node:', (file) => {
    const code = read(file);
    const { dependencies } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { dependencies: Record<string, string> };
    for (const name of imports(code)) {
      expect(name.startsWith('node:'), name).toBe(false);
      expect(Object.keys(dependencies).some((dependency) => name === dependency || name.startsWith(`${dependency}/`)), name).toBe(true);
    }
    expect(code).not.toMatch(/Math\.random|Date\.now\(/);
  });

  it('stay out of the core entry', () => {
    // `arrears` re-exports dist/internal.js, the core every entry shares.
    const core = read('index.js') + read('internal.js');
    expect(core).toContain('function decide(');
    for (const name of ['lintPolicy', 'simulate', 'diffPolicies', 'arrearsMatchers', 'mulberry32']) expect(core).not.toContain(name);
  });

  it('declare the vitest matchers for TypeScript users', () => {
    expect(read('testing.d.ts')).toContain("declare module 'vitest'");
  });
});
