/**
 * Checks the package as users get it (STYLE §3.8 "Package", §3.11): packs the built package
 * once, lints the tarball with publint and attw, installs it into a scratch project, and there
 * imports every entry point of `exports` with `import` and `require`, type-checks a consumer
 * with `tsc` (`module: NodeNext`, ESM and CJS), type-checks and runs every file of `examples/`
 * against the installed package, and runs the installed `arrears` binary.
 *
 * Entry points are read from package.json `exports` at run time (patterns such as
 * `./presets/*` expanded from the build), so new subpaths are covered without editing this
 * file. Run after `npm run build`: `npx tsx scripts/check-package.ts`.
 * Prints one line per check and exits 1 when any failed. `--keep` keeps the scratch project.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandExports, sizeLimitCovers } from './package-exports.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const keep = process.argv.includes('--keep');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

interface PackageJson {
  name: string;
  version: string;
  exports: Record<string, string | { import?: unknown; require?: unknown }>;
  bin?: Record<string, string>;
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;

const exportsMap = expandExports(pkg.exports, root);

/** The subpaths of `exports`: JS entries (with `import`/`require`) and plain files (JSON). */
const subpaths = Object.keys(exportsMap).sort();
const jsEntries = subpaths.filter((subpath) => typeof exportsMap[subpath] === 'object');
const fileEntries = subpaths.filter((subpath) => typeof exportsMap[subpath] === 'string');
const specifier = (subpath: string) => (subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`);

const results: { name: string; ok: boolean; detail: string }[] = [];

function record(name: string, ok: boolean, detail = ''): void {
  results.push({ name, ok, detail });
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail === '' ? '' : `\n${detail.replace(/^/gm, '     ')}`}\n`);
}

function run(command: string, args: readonly string[], cwd: string, timeout = 300_000) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.replace(/^npm warn Unknown user config.*\n/gm, '').trim();
  return { ok: result.status === 0, status: result.status, stdout: result.stdout ?? '', output: result.error ? `${String(result.error)}\n${output}` : output };
}

function check(name: string, command: string, args: readonly string[], cwd: string, timeout?: number): boolean {
  const result = run(command, args, cwd, timeout);
  record(name, result.ok, result.ok ? '' : result.output.slice(-4000));
  return result.ok;
}

// ---------------------------------------------------------------------------------------------
// 1. Pack once (the build is CI's previous step; no `prepare` here), then lint the tarball.

const scratch = mkdtempSync(join(tmpdir(), 'arrears-package-'));
const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], root);
if (!packed.ok) {
  record('npm pack', false, packed.output);
  process.exit(1);
}
const [packInfo] = JSON.parse(packed.stdout) as { filename: string; size: number; unpackedSize: number; files: { path: string }[] }[];
const tarball = join(scratch, packInfo!.filename);
const packedFiles = new Set(packInfo!.files.map((file) => file.path));
record('npm pack', true, `${packInfo!.filename}: ${(packInfo!.size / 1024).toFixed(0)} kB packed, ${(packInfo!.unpackedSize / 1024).toFixed(0)} kB unpacked, ${packedFiles.size} files`);

/** Every file that `exports` and `bin` point to, in every condition. */
function targetsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(targetsOf);
  return [];
}
const targets = [...new Set([...targetsOf(exportsMap), ...targetsOf(pkg.bin ?? {})].map((target) => target.replace(/^\.\//, '')))].sort();
const missing = targets.filter((target) => !packedFiles.has(target));
record(`tarball holds every file of exports and bin (${targets.length})`, missing.length === 0, missing.join('\n'));

// Every JS entry has a size ceiling (the ESM file of each `import` condition in .size-limit.json).
const sizeLimits = JSON.parse(readFileSync(join(root, '.size-limit.json'), 'utf8')) as { path: string }[];
const measuredPaths = sizeLimits.map((entry) => entry.path);
const esmFileOf = (subpath: string): string | undefined => {
  const entry = exportsMap[subpath] as { import?: string | { default?: string } };
  const target = typeof entry.import === 'string' ? entry.import : entry.import?.default;
  return target?.replace(/^\.\//, '');
};
const unmeasured = jsEntries.filter((subpath) => !sizeLimitCovers(measuredPaths, esmFileOf(subpath) ?? ''));
record(`.size-limit.json has a ceiling for every JS entry (${jsEntries.length})`, unmeasured.length === 0, unmeasured.map((subpath) => `no entry for ${specifier(subpath)} (${esmFileOf(subpath)})`).join('\n'));

check('publint (strict)', bin('publint'), ['run', tarball, '--strict'], root);
check('attw (profile node16)', bin('attw'), [tarball, '--profile', 'node16', '--format', 'table-flipped', '--no-emoji'], root);

// ---------------------------------------------------------------------------------------------
// 2. A scratch project with the tarball installed, as a user would have it.

const project = join(scratch, 'consumer');
mkdirSync(project);
writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'arrears-consumer', private: true, version: '0.0.0', type: 'module' }, null, 2)}\n`);
const installed = check('npm install <tarball> into a scratch project', 'npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', tarball], project, 600_000);
if (!installed) finish();

// Every JS entry through `import` and `require`: both load, and give the same named exports.
for (const subpath of jsEntries) {
  const spec = JSON.stringify(specifier(subpath));
  const name = subpath === '.' ? 'root' : subpath.slice(2).replace(/\W/g, '-');
  writeFileSync(join(project, `probe-${name}.mjs`), `const m = await import(${spec});\nconsole.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default' && k !== 'module.exports').sort()));\n`);
  writeFileSync(join(project, `probe-${name}.cjs`), `const m = require(${spec});\nconsole.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule').sort()));\n`);
  const esm = run(process.execPath, [`probe-${name}.mjs`], project);
  const cjs = run(process.execPath, [`probe-${name}.cjs`], project);
  const same = esm.ok && cjs.ok && esm.stdout === cjs.stdout && (JSON.parse(esm.stdout) as string[]).length > 0;
  const detail = esm.ok && cjs.ok ? (same ? `${(JSON.parse(esm.stdout) as string[]).length} exports` : `import: ${esm.stdout}\nrequire: ${cjs.stdout}`) : `${esm.output}\n${cjs.output}`;
  record(`import and require ${specifier(subpath)}`, same, detail);
}
for (const subpath of fileEntries) {
  const spec = JSON.stringify(specifier(subpath));
  const json = subpath.endsWith('.json');
  const esmSource = json ? `import data from ${spec} with { type: 'json' };\nconsole.log(typeof data);\n` : `import.meta.resolve(${spec});\nconsole.log('object');\n`;
  writeFileSync(join(project, 'probe-file.mjs'), esmSource);
  writeFileSync(join(project, 'probe-file.cjs'), `console.log(typeof require(${spec}));\n`);
  const esm = run(process.execPath, ['probe-file.mjs'], project);
  const cjs = run(process.execPath, ['probe-file.cjs'], project);
  record(`import and require ${specifier(subpath)}`, esm.ok && cjs.ok && esm.stdout.trim() === 'object' && cjs.stdout.trim() === 'object', `${esm.output}\n${cjs.output}`.trim());
}

// ---------------------------------------------------------------------------------------------
// 3. TypeScript consumers (module NodeNext): an ESM file and a CJS file naming every entry, a
//    typed decision, and every example.

const alias = (_subpath: string, i: number) => `entry${i}`;
writeFileSync(
  join(project, 'consumer.mts'),
  [
    ...jsEntries.map((subpath, i) => `import * as ${alias(subpath, i)} from ${JSON.stringify(specifier(subpath))};`),
    `import { decide, loadCompliance, loadPolicy, isArrearsValidationError } from ${JSON.stringify(pkg.name)};`,
    `import type { Decision, DecisionInput } from ${JSON.stringify(pkg.name)};`,
    `import { presets } from ${JSON.stringify(`${pkg.name}/presets`)};`,
    '',
    `export const entries = [${jsEntries.map(alias).join(', ')}] as const;`,
    'const input: DecisionInput = {',
    "  now: '2026-07-15T02:00:00Z',",
    "  loan: { id: 'L-1', product: 'cash_loan', currency: 'CNY', balance: 8400, amountOverdue: 1200, oldestUnpaidDueDate: '2026-06-20', borrower: { id: 'B-1', timeZone: 'Asia/Shanghai' } },",
    '};',
    "const policy = loadPolicy({ rules: [{ name: 'sms', conditions: { all: [] }, event: { type: 'candidate', params: { action: 'sms', rank: 1 } } }] });",
    'const decision: Decision = decide(input, { policy, compliance: loadCompliance(presets.cn) });',
    "export const when: string | undefined = decision.type === 'none' ? undefined : decision.at;",
    'export const isError: (error: unknown) => boolean = isArrearsValidationError;',
    '// @ts-expect-error `now` is required',
    "decide({ loan: input.loan }, { policy, compliance: loadCompliance(presets.cn) });",
    '',
  ].join('\n'),
);
writeFileSync(
  join(project, 'consumer.cts'),
  [
    ...jsEntries.map((subpath, i) => `import ${alias(subpath, i)} = require(${JSON.stringify(specifier(subpath))});`),
    `const entries = [${jsEntries.map(alias).join(', ')}] as const;`,
    `const decide: typeof entry${jsEntries.indexOf('.')}.decide = entry${jsEntries.indexOf('.')}.decide;`,
    'export = { entries, decide };',
    '',
  ].join('\n'),
);
cpSync(join(root, 'examples'), join(project, 'examples'), { recursive: true });
cpSync(join(root, 'rules'), join(project, 'rules'), { recursive: true });
writeFileSync(
  join(project, 'tsconfig.json'),
  `${JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022'],
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true,
        verbatimModuleSyntax: true,
        resolveJsonModule: true,
        noEmit: true,
        skipLibCheck: false,
        typeRoots: [join(root, 'node_modules', '@types')],
        types: ['node'],
      },
      include: ['consumer.mts', 'consumer.cts', 'examples/**/*.ts'],
    },
    null,
    2,
  )}\n`,
);
check(`tsc (module NodeNext, skipLibCheck false): ESM and CJS consumers of ${jsEntries.length} entries, and ${readdirSync(join(project, 'examples')).filter((f) => f.endsWith('.ts')).length} examples`, process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], project);

// ---------------------------------------------------------------------------------------------
// 4. Every example runs against the installed package and prints its `// Output:` block.

const MARKER = '// Output:';
const normalise = (text: string) => text.replace(/sha256:[0-9a-f]{64}/g, 'sha256:…').replace(/\barrears \d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?/g, 'arrears x.y.z').trimEnd();
function documentedOutput(source: string): string | undefined {
  const at = source.lastIndexOf(`\n${MARKER}\n`);
  if (at === -1) return undefined;
  return source
    .slice(at + MARKER.length + 2)
    .trimEnd()
    .split('\n')
    .map((line) => (line === '//' ? '' : line.replace(/^\/\/ /, '')))
    .join('\n');
}
for (const file of readdirSync(join(project, 'examples')).filter((f) => f.endsWith('.ts')).sort()) {
  const result = run(bin('tsx'), [join('examples', file)], project, 120_000);
  const expected = documentedOutput(readFileSync(join(project, 'examples', file), 'utf8'));
  const matches = expected === undefined || normalise(result.stdout) === normalise(expected);
  record(`example ${file} runs against the installed package${expected === undefined ? '' : ' and prints its output block'}`, result.ok && matches, result.ok ? (matches ? '' : `printed:\n${result.stdout}`) : result.output.slice(-3000));
}

// ---------------------------------------------------------------------------------------------
// 5. The installed binary.

for (const name of Object.keys(pkg.bin ?? {})) {
  const version = run(join(project, 'node_modules', '.bin', name), ['--version'], project);
  record(`${name} --version (installed bin)`, version.ok && version.stdout.trim() === pkg.version, version.output);
  const decided = run(join(project, 'node_modules', '.bin', name), ['decide', join(root, 'test', 'fixtures', 'cli', 'cn-loan.json'), '--compliance', 'cn'], project);
  record(`${name} decide (installed bin)`, decided.ok && (JSON.parse(decided.stdout) as { type?: string }).type !== undefined, decided.ok ? '' : decided.output);
  // Each command is a module of its own, loaded when it runs, and holiday calendars one more:
  // `ru` names one, and `batch` finds its worker from its own module's place in dist/.
  const withCalendar = run(join(project, 'node_modules', '.bin', name), ['decide', join(root, 'test', 'fixtures', 'cli', 'cn-loan.json'), '--compliance', 'ru'], project);
  record(`${name} decide --compliance ru (installed bin, holiday calendars)`, withCalendar.ok && (JSON.parse(withCalendar.stdout) as { type?: string }).type !== undefined, withCalendar.ok ? '' : withCalendar.output);
  const line = JSON.stringify(JSON.parse(readFileSync(join(root, 'test', 'fixtures', 'cli', 'cn-loan.json'), 'utf8')));
  writeFileSync(join(project, 'portfolio.ndjson'), `${line}\n${line}\n`);
  const batch = run(join(project, 'node_modules', '.bin', name), ['batch', 'portfolio.ndjson', '--compliance', 'cn', '--workers', '2'], project);
  const decisions = batch.stdout.split('\n').filter((text) => text !== '');
  const batched = batch.ok && decisions.length === 2 && decisions.every((text) => (JSON.parse(text) as { type?: string }).type !== undefined);
  record(`${name} batch (installed bin, 2 workers)`, batched, batched ? '' : batch.output.slice(-3000));
}

finish();

function finish(): never {
  if (!keep) rmSync(scratch, { recursive: true, force: true });
  else process.stdout.write(`scratch project kept at ${project}\n`);
  const failed = results.filter((r) => !r.ok).length;
  process.stdout.write(`package checks: ${results.length - failed} passed, ${failed} failed\n`);
  process.exit(failed === 0 ? 0 : 1);
}
