/**
 * Phase: what a second thread can add on this machine, with nothing of the batch around it. The
 * batch worker's work per line (`JSON.parse`, `decide`, `JSON.stringify`) runs over the same
 * in-memory lines (10,000, of the 1,000,000-loan portfolio's kind; three timed passes after an
 * untimed one) with no I/O, no pool and no main-thread work:
 * - on 1 and on 2 worker threads of one process (what `arrears batch` can reach at best);
 * - on 2 processes of one thread each (threads that share nothing but the machine);
 * - on 1 and on 2 threads under `node --single-threaded-gc` (no V8 helper threads: each
 *   isolate collects its own garbage on its own thread);
 * - and, as the control, a loop of integer arithmetic on 1 and on 2 threads: it allocates
 *   nothing and stays in registers, so it shows whether the machine has two whole cores.
 * The threads are worker threads with the batch's young generation (`WORKER_YOUNG_GENERATION_MB`).
 * Every configuration is a fresh process (two, for the processes) whose threads warm up, wait at
 * a barrier and then time their loop; configurations run in random order in each round, and
 * each one's figure is its median over the rounds. A configuration's time is its slowest thread's.
 *
 * The same file is the child process (`scaling.js child <work> <threads>`) and its worker threads.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { generateInput, random } from '../generate.js';
import { log, median, report, round } from '../lib.js';
import { defaultPolicyDocument } from '../policies.js';
import { WORKER_YOUNG_GENERATION_MB } from '../../src/batch/resource-limits.js';
import type * as Arrears from '../../src/index.js';
import type * as Presets from '../../src/presets/index.js';

type Work = 'decide' | 'arithmetic';

interface ThreadSetup {
  readonly work: Work;
  readonly file: string;
  readonly dist: string;
  /** [threads ready, go]: the barrier. */
  readonly barrier: SharedArrayBuffer;
}

const ARITHMETIC_STEPS = 2e8;
/**
 * Passes over the lines, timed, after one untimed pass. The first pass over new lines costs about
 * twice a later one (optimising compilers at work on V8's helper threads, the quarter-hour offset
 * cache filling), as at the start of a batch; a batch of 1,000,000 lines is past it within seconds.
 */
const PASSES = 3;

/** A worker thread: warms up, waits for the barrier, then times its loop and posts the milliseconds. */
async function thread(setup: ThreadSetup): Promise<void> {
  const flags = new Int32Array(setup.barrier);
  let loop: () => number;
  if (setup.work === 'decide') {
    const { decide, loadCompliance, loadPolicy } = (await import(pathToFileURL(join(setup.dist, 'index.js')).href)) as typeof Arrears;
    const { presets } = (await import(pathToFileURL(join(setup.dist, 'presets.js')).href)) as typeof Presets;
    const options = { policy: loadPolicy(defaultPolicyDocument()), compliance: loadCompliance(presets.cn) };
    const lines = readFileSync(setup.file, 'utf8').split('\n').filter((line) => line !== '');
    const pass = () => {
      let bytes = 0;
      for (const line of lines) bytes += JSON.stringify(decide(JSON.parse(line) as never, options)).length;
      return bytes;
    };
    pass();
    loop = () => {
      let bytes = 0;
      for (let i = 0; i < PASSES; i++) bytes += pass();
      return bytes;
    };
  } else {
    const count = (steps: number) => {
      let x = 0;
      for (let i = 0; i < steps; i++) x = (x * 31 + i) | 0;
      return x;
    };
    // A tenth of the loop is enough for V8 to optimise it; the whole one only cost a second per thread.
    count(ARITHMETIC_STEPS / 10);
    loop = () => count(ARITHMETIC_STEPS);
  }
  Atomics.add(flags, 0, 1);
  Atomics.notify(flags, 0);
  Atomics.wait(flags, 1, 0);
  const started = performance.now();
  const sink = loop();
  parentPort!.postMessage({ ms: performance.now() - started, sink });
}

/** A child process: starts its threads, says `ready` on stdout once all are at the barrier, opens it on `go` from stdin. */
async function child(work: Work, threads: number, file: string, dist: string): Promise<void> {
  const barrier = new SharedArrayBuffer(8);
  const flags = new Int32Array(barrier);
  const setup: ThreadSetup = { work, file, dist, barrier };
  const workers = Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }));
  const results = workers.map(async (worker) => {
    const [message] = (await once(worker, 'message')) as [{ ms: number }];
    await worker.terminate();
    return message.ms;
  });
  while (Atomics.load(flags, 0) < threads) await new Promise((resolve) => setTimeout(resolve, 5));
  process.stdout.write('ready\n');
  const input = createInterface({ input: process.stdin });
  await once(input, 'line');
  input.close();
  Atomics.store(flags, 1, 1);
  Atomics.notify(flags, 1);
  process.stdout.write(`${JSON.stringify({ ms: await Promise.all(results) })}\n`);
}

interface Configuration {
  readonly name: string;
  readonly work: Work;
  readonly threads: number;
  readonly processes: number;
  readonly flags: readonly string[];
}

const CONFIGURATIONS: readonly Configuration[] = [
  { name: 'oneThread', work: 'decide', threads: 1, processes: 1, flags: [] },
  { name: 'twoThreads', work: 'decide', threads: 2, processes: 1, flags: [] },
  { name: 'twoProcesses', work: 'decide', threads: 1, processes: 2, flags: [] },
  { name: 'oneThreadSingleThreadedGc', work: 'decide', threads: 1, processes: 1, flags: ['--single-threaded-gc'] },
  { name: 'twoThreadsSingleThreadedGc', work: 'decide', threads: 2, processes: 1, flags: ['--single-threaded-gc'] },
  { name: 'arithmeticOneThread', work: 'arithmetic', threads: 1, processes: 1, flags: [] },
  { name: 'arithmeticTwoThreads', work: 'arithmetic', threads: 2, processes: 1, flags: [] },
];

/** Runs one configuration: its processes start, warm up and wait; all are released at once. Returns the slowest thread's ms. */
async function measure(configuration: Configuration, file: string, dist: string): Promise<number> {
  const children = Array.from({ length: configuration.processes }, () =>
    spawn(process.execPath, [...configuration.flags, fileURLToPath(import.meta.url), 'child', configuration.work, String(configuration.threads), file, dist], { stdio: ['pipe', 'pipe', 'inherit'] }),
  );
  const outputs = children.map((process_) => createInterface({ input: process_.stdout! })[Symbol.asyncIterator]());
  for (const output of outputs) if ((await output.next()).value !== 'ready') throw new Error(`${configuration.name}: a child did not get ready`);
  for (const process_ of children) process_.stdin!.write('go\n');
  let slowest = 0;
  for (const output of outputs) {
    const { value } = await output.next();
    for (const ms of (JSON.parse(String(value)) as { ms: number[] }).ms) slowest = Math.max(slowest, ms);
  }
  await Promise.all(children.map((process_) => (process_.exitCode === null ? once(process_, 'exit') : undefined)));
  return slowest;
}

async function phase(): Promise<void> {
  const SEED = Number(process.env['BENCH_SEED'] ?? 20260715);
  const ROUNDS = Number(process.env['BENCH_SCALING_ROUNDS'] ?? 5);
  const LINES = 10_000;
  const dist = process.env['BENCH_DIST'];
  if (dist === undefined) throw new Error('BENCH_DIST must name the built dist/');
  const dir = mkdtempSync(join(tmpdir(), 'arrears-scaling-'));
  try {
    const file = join(dir, 'lines.ndjson');
    writeFileSync(file, `${Array.from({ length: LINES }, (_, i) => JSON.stringify(generateInput(SEED, i, { historyDivisor: 10 }))).join('\n')}\n`);
    const times = new Map<string, number[]>(CONFIGURATIONS.map((configuration) => [configuration.name, []]));
    const shuffle = random(SEED);
    for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex++) {
      log(`round ${roundIndex + 1} of ${ROUNDS}`);
      const order = CONFIGURATIONS.map((configuration) => ({ configuration, key: shuffle() })).sort((a, b) => a.key - b.key);
      for (const { configuration } of order) times.get(configuration.name)!.push(round(await measure(configuration, file, dist), 1));
    }
    const ms = Object.fromEntries([...times].map(([name, values]) => [name, round(median(values), 1)]));
    // Work done per unit of time, two against one: each thread of a two-thread configuration does what the one thread does.
    const speedUp = (one: string, two: string) => round((2 * ms[one]!) / ms[two]!, 2);
    report({
      lines: LINES,
      rounds: ROUNDS,
      medianMs: ms,
      roundsMs: Object.fromEntries(times),
      ratios: {
        twoThreadsOverOne: speedUp('oneThread', 'twoThreads'),
        twoProcessesOverOne: speedUp('oneThread', 'twoProcesses'),
        twoThreadsOverOneSingleThreadedGc: speedUp('oneThreadSingleThreadedGc', 'twoThreadsSingleThreadedGc'),
        arithmeticTwoThreadsOverOne: speedUp('arithmeticOneThread', 'arithmeticTwoThreads'),
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!isMainThread) await thread(workerData as ThreadSetup);
else if (process.argv[2] === 'child') await child(process.argv[3] as Work, Number(process.argv[4]), process.argv[5]!, process.argv[6]!);
else await phase();
