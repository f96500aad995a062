import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, root } from '../cli/ensure-build.js';

// Every example runs as a reader would run it (with tsx, as `npx tsx examples/…` does, but
// without npm's start-up cost; importing the built package), and each numbered example must print exactly what its `// Output:` block says, so
// the docs cannot go stale. `UPDATE_EXAMPLES=1 npx vitest run test/examples` rewrites the blocks.
const EXAMPLES = `${root}examples/`;
const MARKER = '// Output:';
const files = readdirSync(EXAMPLES)
  .filter((name) => name.endsWith('.ts'))
  .sort();
const numbered = files.filter((name) => /^\d\d-/.test(name));

function runExample(name: string) {
  const result = spawnSync(`${root}node_modules/.bin/tsx`, [`examples/${name}`], { cwd: root, encoding: 'utf8', env: { ...process.env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The lines of the `// Output:` block that ends the file, without their `// ` prefix. */
function documentedOutput(source: string): string | undefined {
  const at = source.lastIndexOf(`\n${MARKER}\n`);
  if (at === -1) return undefined;
  return source
    .slice(at + MARKER.length + 2)
    .trimEnd()
    .split('\n')
    .map((line) => (line === '//' ? '' : line.startsWith('// ') ? line.slice(3) : `<not a comment line: ${line}>`))
    .join('\n');
}

function outputBlock(stdout: string): string {
  return `${MARKER}\n${stdout
    .trimEnd()
    .split('\n')
    .map((line) => `// ${line}`.trimEnd())
    .join('\n')}\n`;
}

// Hashes change with every edit of a preset or of the default policy, the version with every
// release; neither is what an example teaches.
const normalise = (text: string) => text.replace(/sha256:[0-9a-f]{64}/g, 'sha256:…').replace(/\barrears \d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/g, 'arrears x.y.z');

beforeAll(() => ensureBuild(), 180_000);

describe('examples', () => {
  it('has numbered examples', () => {
    expect(numbered.length).toBeGreaterThanOrEqual(5);
  });

  it.each(numbered)('%s prints its `// Output:` block', (name) => {
    const path = `${EXAMPLES}${name}`;
    const source = readFileSync(path, 'utf8');
    const { status, stdout, stderr } = runExample(name);
    expect(status, stderr).toBe(0);
    if (process.env['UPDATE_EXAMPLES'] === '1') {
      const head = source.includes(`\n${MARKER}\n`) ? source.slice(0, source.lastIndexOf(`\n${MARKER}\n`) + 1) : `${source.trimEnd()}\n\n`;
      writeFileSync(path, `${head}${outputBlock(stdout)}`);
      return;
    }
    const documented = documentedOutput(source);
    expect(documented, `${name} ends without a "${MARKER}" block`).toBeDefined();
    expect(normalise(stdout.trimEnd())).toBe(normalise(documented!));
  }, 60_000);

  it('runs the demo: one row per loan of the portfolio, a summary and an explanation', () => {
    const portfolio = JSON.parse(readFileSync(`${EXAMPLES}data/portfolio.json`, 'utf8')) as { loans: { input: { loan: { id: string } } }[] };
    const { status, stdout, stderr } = runExample('demo.ts');
    expect(status, stderr).toBe(0);
    for (const { input } of portfolio.loans) expect(stdout).toMatch(new RegExp(`^${input.loan.id} +\\S+ +\\d+ +(act|wait|none) `, 'm'));
    expect(stdout).toMatch(new RegExp(`^${portfolio.loans.length} decisions: \\d+ act now, \\d+ wait, \\d+ none$`, 'm'));
    expect(stdout).toMatch(/^Loan \S+ at \S+: /m);
    expect(stdout).not.toContain('\u001b['); // no colours when stdout is not a terminal
  }, 60_000);

  it.each(files.filter((name) => !numbered.includes(name) && name !== 'demo.ts'))('%s runs', (name) => {
    const { status, stderr } = runExample(name);
    expect(status, stderr).toBe(0);
  }, 60_000);
});
