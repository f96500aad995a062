import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import { BATCH_NODE_FLAGS, LAUNCHER_RSS_VARIABLE, launcherRssKb, relaunch, shouldRelaunch } from '../../src/cli/relaunch.js';
import { generatePortfolio } from '../../bench/generate.js';
import { ensureBuild, root } from './ensure-build.js';

const node = process.versions;

describe('shouldRelaunch', () => {
  it('starts a second process for `batch` when node was started without flags', () => {
    expect(shouldRelaunch(['batch', 'portfolio.ndjson', '--compliance', 'cn'], [], node)).toBe(true);
    expect(shouldRelaunch(['batch', '-', '--compliance', 'cn', '--workers', '2'], [], node)).toBe(true);
  });

  it('runs in this process for every other command, for help, and when node has flags of its own', () => {
    expect(shouldRelaunch(['decide', 'input.json', '--compliance', 'cn'], [], node)).toBe(false);
    expect(shouldRelaunch([], [], node)).toBe(false);
    expect(shouldRelaunch(['help', 'batch'], [], node)).toBe(false);
    expect(shouldRelaunch(['batch', '--help'], [], node)).toBe(false);
    expect(shouldRelaunch(['batch', 'portfolio.ndjson', '-h'], [], node)).toBe(false);
    // The deciding process itself, and anyone who chose node's flags (to profile, to debug, or
    // to keep V8's parallel collector).
    expect(shouldRelaunch(['batch', 'portfolio.ndjson'], [...BATCH_NODE_FLAGS], node)).toBe(false);
    expect(shouldRelaunch(['batch', 'portfolio.ndjson'], ['--inspect'], node)).toBe(false);
    expect(shouldRelaunch(['batch', 'portfolio.ndjson'], ['--no-single-threaded-gc'], node)).toBe(false);
  });

  it('runs in this process under Bun and Deno', () => {
    expect(shouldRelaunch(['batch', 'portfolio.ndjson'], [], { ...node, bun: '1.2.0' })).toBe(false);
    expect(shouldRelaunch(['batch', 'portfolio.ndjson'], [], { ...node, deno: '2.1.0' })).toBe(false);
  });
});

describe('relaunch', () => {
  it('resolves with nothing, leaving no signal handler behind, when the second process cannot be started', async () => {
    const listeners = process.listenerCount('SIGTERM');
    await expect(relaunch(`${root}dist/cli.js`, ['batch', '-'], `${root}no-such-node`)).resolves.toBeUndefined();
    expect(process.listenerCount('SIGTERM')).toBe(listeners);
  });
});

describe('launcherRssKb', () => {
  it('reads the starting process\'s resident memory, and 0 when there is none or it is not a number of kB', () => {
    expect(launcherRssKb({ [LAUNCHER_RSS_VARIABLE]: '45120' })).toBe(45_120);
    expect(launcherRssKb({})).toBe(0);
    for (const value of ['', '-1', '4.5', '1e6', '45120 ', '1234567890']) expect(launcherRssKb({ [LAUNCHER_RSS_VARIABLE]: value })).toBe(0);
  });
});

/** The processes `pid` started (Linux: `/proc/<pid>/task/<pid>/children`). */
function childrenOf(pid: number): number[] {
  const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return text === '' ? [] : text.split(' ').map(Number);
}

/** A process's command line, as its arguments. */
const commandLine = (pid: number): string[] => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').slice(0, -1);

/** `node [flags] dist/cli.js batch - --compliance cn --workers 1`, fed one loan, standard input left open. */
function startBatch(flags: readonly string[]): ChildProcess {
  const batch = spawn(process.execPath, [...flags, `${root}dist/cli.js`, 'batch', '-', '--compliance', 'cn', '--workers', '1'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  batch.stdin!.write(`${JSON.stringify(generatePortfolio(31, 1)[0])}\n`);
  return batch;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The process `pid` starts, once it has (within 20 s). */
async function firstChild(pid: number): Promise<number> {
  for (let waited = 0; waited < 20_000; waited += 10) {
    const [child] = childrenOf(pid);
    if (child !== undefined) return child;
    await sleep(10);
  }
  throw new Error(`process ${pid} started no other`);
}

// Linux only: the tests read the processes' relations from /proc.
describe.skipIf(!existsSync('/proc/self/task'))('arrears batch in a second process', () => {
  beforeAll(() => ensureBuild(), 180_000);

  it('decides in a node started with the batch flags, and stops it when it is stopped', async () => {
    // Standard input from a FIFO that this test holds open, not from a pipe, which Node closes
    // when the process it started ends: the deciding process must be stopped, not run out of input.
    const fifo = join(mkdtempSync(join(tmpdir(), 'arrears-relaunch-')), 'stdin');
    execFileSync('mkfifo', [fifo]);
    const input = openSync(fifo, 'r+');
    writeSync(input, `${JSON.stringify(generatePortfolio(31, 1)[0])}\n`);
    const batch = spawn(process.execPath, [`${root}dist/cli.js`, 'batch', '-', '--compliance', 'cn', '--workers', '1'], { cwd: root, stdio: [input, 'ignore', 'ignore'] });
    const decider = await firstChild(batch.pid!);
    // Until it has started `node`, a forked process shows its parent's command line, or none.
    for (let waited = 0; !commandLine(decider).includes(BATCH_NODE_FLAGS[0]!) && waited < 5_000; waited += 10) await sleep(10);
    expect(commandLine(decider)).toEqual([process.execPath, ...BATCH_NODE_FLAGS, `${root}dist/cli.js`, 'batch', '-', '--compliance', 'cn', '--workers', '1']);
    // It adds the starting process's memory to its own peak.
    const environment = readFileSync(`/proc/${decider}/environ`, 'utf8').split('\0');
    expect(environment.find((entry) => entry.startsWith(`${LAUNCHER_RSS_VARIABLE}=`))).toMatch(new RegExp(`^${LAUNCHER_RSS_VARIABLE}=[1-9]\\d+$`));
    // A job runner stops the process it started, not its children.
    batch.kill('SIGTERM');
    const [code, signal] = (await once(batch, 'exit')) as [number | null, NodeJS.Signals | null];
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGTERM' });
    for (let waited = 0; existsSync(`/proc/${decider}`) && waited < 5_000; waited += 10) await sleep(10);
    const running = existsSync(`/proc/${decider}`);
    if (running) process.kill(decider, 'SIGKILL');
    closeSync(input);
    rmSync(dirname(fifo), { recursive: true });
    expect(running).toBe(false);
  }, 60_000);

  it('ends as the deciding process ends: its exit status, its output', async () => {
    const batch = startBatch([]);
    let stdout = '';
    let stderr = '';
    batch.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    batch.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    batch.stdin!.end('{"not": "an input"}\n');
    const [code] = (await once(batch, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^<stdin>:2: Invalid input \(\d+ issues?\): /);
    expect(stderr).toMatch(/\narrears batch: 1 decision from 2 lines \(1 bad line\) in /);
  }, 60_000);

  it('runs in place when node was started with flags of its own', async () => {
    const batch = startBatch(['--no-single-threaded-gc']);
    const exited = once(batch, 'exit') as Promise<[number | null]>;
    let children = 0;
    const watch = setInterval(() => {
      if (batch.exitCode === null) children += childrenOf(batch.pid!).length;
    }, 5);
    await sleep(500);
    batch.stdin!.end();
    const [code] = await exited;
    clearInterval(watch);
    expect(code).toBe(0);
    expect(children).toBe(0);
  }, 60_000);
});
