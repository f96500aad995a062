import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide, loadCompliance, loadPolicy, type Decision, type DecisionInput } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { generatePortfolio } from '../../bench/generate.js';
import { ensureBuild, root } from './ensure-build.js';

// These tests run the built binary, as a user would: `node dist/cli.js batch …`.
const dir = mkdtempSync(join(tmpdir(), 'arrears-batch-test-'));
const inputs = generatePortfolio(21, 40);
const options = { policy: loadPolicy(JSON.parse(readFileSync(`${root}rules/policies/default.json`, 'utf8'))), compliance: loadCompliance(presets.cn) };

function arrears(args: readonly string[], stdin?: string) {
  const result = spawnSync(process.execPath, [`${root}dist/cli.js`, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, ...(stdin === undefined ? {} : { input: stdin }) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The portfolio with a line that is not JSON (line 3), a blank line (6) and an invalid input (9). */
function portfolioWithBadLines(): { text: string; good: DecisionInput[] } {
  const lines = inputs.map((input) => JSON.stringify(input));
  lines.splice(2, 0, '{"now": "2026-07-15T00:00:00Z", "loan": ');
  lines.splice(5, 0, '');
  lines.splice(8, 0, JSON.stringify({ ...inputs[0], loan: { ...inputs[0]!.loan, currency: 'yuan' } }));
  return { text: `${lines.join('\n')}\n`, good: inputs };
}

const SUMMARY = /^arrears batch: ([\d,]+) decisions? from ([\d,]+) lines? \(([\d,]+) bad lines?\) in [\d.]+ s: [\d,]+ decisions\/s on (\d+) workers?, peak RSS [\d,]+ MB$/;

beforeAll(() => ensureBuild(), 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('arrears batch', () => {
  it('prints one decision per good line, in order, and reports each bad line with its number', () => {
    const { text, good } = portfolioWithBadLines();
    const file = join(dir, 'portfolio.ndjson');
    writeFileSync(file, text);
    const { status, stdout, stderr } = arrears(['batch', file, '--compliance', 'cn', '--workers', '2']);
    expect(status).toBe(2);
    const lines = stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(good.length);
    lines.forEach((line, i) => expect(JSON.parse(line) as Decision).toEqual(decide(good[i]!, options)));

    const messages = stderr.trimEnd().split('\n');
    expect(messages).toHaveLength(3);
    const broken = text.split('\n')[2]!;
    expect(messages[0]).toBe(`${file}:3: Invalid JSON: unexpected end of input at column ${broken.length + 1}`);
    expect(messages[1]).toBe(`${file}:9: Invalid input (1 issue): Expected an ISO 4217 currency code such as "CNY" at loan.currency`);
    expect(messages[2]).toMatch(SUMMARY);
    expect(SUMMARY.exec(messages[2]!)?.slice(1)).toEqual([String(good.length), String(good.length + 3), '2', '2']);
    expect(stderr).not.toContain('yuan'); // messages never echo borrower data
  }, 60_000);

  it('exits 0 when every line is decided, and reads standard input with -', () => {
    const text = inputs
      .slice(0, 5)
      .map((input) => JSON.stringify(input))
      .join('\r\n'); // no final line end, Windows line ends
    const { status, stdout, stderr } = arrears(['batch', '-', '--compliance', 'cn', '--workers', '1'], text);
    expect(status).toBe(0);
    expect(stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Decision)).toEqual(inputs.slice(0, 5).map((input) => decide(input, options)));
    expect(stderr).toMatch(/^arrears batch: 5 decisions from 5 lines \(0 bad lines\) in [\d.]+ s: [\d,]+ decisions\/s on 1 worker, peak RSS [\d,]+ MB\n$/);
  }, 60_000);

  it('counts one decision from one line in the singular', () => {
    const { status, stderr } = arrears(['batch', '-', '--compliance', 'cn', '--workers', '1'], JSON.stringify(inputs[0]));
    expect(status).toBe(0);
    expect(stderr).toMatch(/^arrears batch: 1 decision from 1 line \(0 bad lines\) in [\d.]+ s: [\d,]+ decisions\/s on 1 worker, peak RSS [\d,]+ MB\n$/);
  }, 60_000);

  it('reads each line as UTF-8: a byte-order mark at the start of any line is ignored, malformed bytes become U+FFFD', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const named = { ...inputs[1]!, loan: { ...inputs[1]!.loan, id: '张三-ä' } };
    const malformed = Buffer.from(JSON.stringify({ ...inputs[2]!, loan: { ...inputs[2]!.loan, id: 'L-@' } }));
    malformed[malformed.indexOf('"L-@"') + 3] = 0xff; // the @ becomes a byte that is not UTF-8
    const text = Buffer.concat([
      bom,
      Buffer.from(`${JSON.stringify(inputs[0])}\r\n`),
      bom, // as where two files that each start with a byte-order mark were concatenated
      Buffer.from(`${JSON.stringify(named)}\n`),
      malformed,
      Buffer.from('\n'),
    ]);
    const file = join(dir, 'utf8.ndjson');
    writeFileSync(file, text);
    const { status, stdout, stderr } = arrears(['batch', file, '--compliance', 'cn', '--workers', '1']);
    expect(stderr).toMatch(/^arrears batch: 3 decisions from 3 lines \(0 bad lines\)/);
    expect(status).toBe(0);
    const expected = [inputs[0]!, named, { ...inputs[2]!, loan: { ...inputs[2]!.loan, id: 'L-\ufffd' } }].map((input) => decide(input, options));
    expect(stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Decision)).toEqual(expected);
    expect(expected[1]!.loanId).toBe('张三-ä');
  }, 60_000);

  it('cuts chunks at line ends only: a file larger than a chunk gives the same decisions', () => {
    const many = generatePortfolio(22, 400).map((input) => JSON.stringify(input));
    const file = join(dir, 'large.ndjson');
    writeFileSync(file, `${many.join('\n')}\n`);
    expect(readFileSync(file).length).toBeGreaterThan(1 << 20);
    const two = arrears(['batch', file, '--compliance', 'cn', '--workers', '2']);
    const one = arrears(['batch', file, '--compliance', 'cn', '--workers', '1']);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stdout.split('\n')).toHaveLength(401);
  }, 120_000);

  it('reports bad lines in every chunk with their line numbers in the whole file, in order', () => {
    const many = generatePortfolio(24, 400).map((input) => JSON.stringify(input));
    // Bad lines in the first, a middle and the last of the file's chunks (256 KiB each; the file is over 1 MiB).
    for (const at of [2, 199, 397]) many[at] = '{"now": "2026-07-15T00:00:00Z"';
    const file = join(dir, 'bad-lines-in-chunks.ndjson');
    writeFileSync(file, `${many.join('\n')}\n`);
    expect(readFileSync(file).length).toBeGreaterThan(1 << 20);
    const { status, stdout, stderr } = arrears(['batch', file, '--compliance', 'cn', '--workers', '2']);
    expect(status).toBe(2);
    const messages = stderr.trimEnd().split('\n');
    expect(messages.slice(0, -1).map((message) => /:(\d+): Invalid JSON/.exec(message)?.[1])).toEqual(['3', '200', '398']);
    expect(messages.at(-1)).toMatch(SUMMARY);
    expect(SUMMARY.exec(messages.at(-1)!)?.slice(1, 4)).toEqual(['397', '400', '3']);
    expect(stdout.trimEnd().split('\n')).toHaveLength(397);
  }, 120_000);

  // The decisions are written to standard output from the thread that feeds the workers, by file
  // descriptor: a pipe whose reader is behind is full, and the writes wait for it.
  it('writes every decision, in order, to a reader that falls behind, and stops quietly when it leaves', () => {
    const many = generatePortfolio(23, 400).map((input) => JSON.stringify(input));
    const file = join(dir, 'slow-reader.ndjson');
    writeFileSync(file, `${many.join('\n')}\n`);
    const direct = arrears(['batch', file, '--compliance', 'cn', '--workers', '2']);
    const command = (reader: string) => `"${process.execPath}" "${root}dist/cli.js" batch "${file}" --compliance cn --workers 2 | ${reader}`;
    // The reader starts after a second: the pipe (64 KiB) fills long before.
    const slow = spawnSync('sh', ['-c', command('{ sleep 1; cat; }')], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    expect(slow.status).toBe(0);
    expect(slow.stdout).toBe(direct.stdout);
    expect(slow.stderr.trimEnd()).toMatch(SUMMARY);
    // `head` reads two lines and exits: no error, no summary, exit status 0 (`pipefail` reports the batch's).
    const early = spawnSync('bash', ['-o', 'pipefail', '-c', command('head -n 2')], { cwd: root, encoding: 'utf8' });
    expect(early).toMatchObject({ status: 0, stderr: '' });
    expect(early.stdout).toBe(`${direct.stdout.split('\n').slice(0, 2).join('\n')}\n`);
  }, 120_000);

  it('reads standard input as it comes, from a writer that is slower than the workers', () => {
    const text = `${inputs.map((input) => JSON.stringify(input)).join('\n')}\n`;
    const file = join(dir, 'slow-writer.ndjson');
    writeFileSync(file, text);
    const half = inputs.length / 2;
    // Half the lines, a pause, then the rest.
    const writer = `{ head -n ${half} "${file}"; sleep 1; tail -n ${half} "${file}"; }`;
    const result = spawnSync('sh', ['-c', `${writer} | "${process.execPath}" "${root}dist/cli.js" batch - --compliance cn --workers 2`], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Decision)).toEqual(inputs.map((input) => decide(input, options)));
  }, 60_000);

  it('rejects usage errors with exit status 1', () => {
    expect(arrears(['batch', join(dir, 'missing.ndjson'), '--compliance', 'cn'])).toMatchObject({ status: 1, stderr: expect.stringContaining('no such file') as unknown });
    expect(arrears(['batch', '-', '--compliance', 'cn', '--workers', '0'], '')).toMatchObject({ status: 1, stderr: expect.stringContaining('option "--workers" must be a whole number from 1 to 1024, not "0"') as unknown });
    expect(arrears(['batch', '-'], '')).toMatchObject({ status: 1, stderr: expect.stringContaining('batch needs at least one --compliance') as unknown });
  });

  it('prints its help', () => {
    const { status, stdout } = arrears(['batch', '--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: arrears batch <portfolio.ndjson> \[options\]\n/);
    expect(stdout).toMatch(/\nExample:\n {2}arrears batch portfolio.ndjson --compliance cn > decisions.ndjson\n$/);
    expect(arrears(['--help']).stdout).toContain('\n  batch <file.ndjson>   ');
  });

  it.skipIf(!existsSync('/usr/bin/script'))('draws a progress bar on standard error only when it is a terminal', () => {
    const file = join(dir, 'bar.ndjson');
    writeFileSync(file, `${inputs.map((input) => JSON.stringify(input)).join('\n')}\n`);
    // `script` gives the command a pseudo-terminal; the bar is cleared when the run completes.
    const command = `${process.execPath} ${root}dist/cli.js batch ${file} --compliance cn --workers 1 > /dev/null`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/batch \[[█░]+\] \d+%, [\d,]+ decisions, [\d,]+ decisions\/s/);
    expect(result.stdout).toMatch(/arrears batch: 40 decisions from 40 lines/);
    expect(arrears(['batch', file, '--compliance', 'cn', '--workers', '1']).stderr.trimEnd()).toMatch(SUMMARY); // no bar without a terminal
  }, 60_000);
});
