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
    // `arrears` re-exports dist/internal.js, the core every entry shares. The build is minified:
    // its source maps say which source files each module holds.
    const sources = (file: string) => (JSON.parse(read(`${file}.map`)) as { sources: string[] }).sources.map((source) => source.replace(/^(\.\.\/)+/, ''));
    const core = [...sources('index.js'), ...sources('internal.js')];
    expect(core).toContain('src/decide.ts');
    for (const folder of ['src/testing/', 'src/lint/', 'src/simulate/', 'src/diff/', 'src/report/']) expect(core.filter((source) => source.startsWith(folder))).toEqual([]);
    expect(sources('testing.js').some((source) => source.startsWith('src/testing/'))).toBe(true);
    expect(sources('lint.js').some((source) => source.startsWith('src/lint/'))).toBe(true);
  });

  it('declare the vitest matchers for TypeScript users', () => {
    expect(read('testing.d.ts')).toContain("declare module 'vitest'");
  });
});
