/**
 * `arrears batch` decides in a second `node` process started with `--single-threaded-gc`: with a
 * worker on every core, V8's garbage-collector helper threads could only run by preempting a
 * worker, and each collection's hand-offs to them cost more than they save. The flag is V8's,
 * so it can only be given on the command line: Node refuses it in `NODE_OPTIONS`, a worker
 * thread cannot have it, and `v8.setFlagsFromString` after start-up crashed V8
 * (`Check failed: concurrent_marking_handle_…`, bench/README.md). Node 20 cannot replace its own
 * process (`process.execve` came in Node 23), so this one starts the other, hands it the same
 * standard input, output and error, passes on the signals that stop a run, and ends as it ends.
 *
 * Only when `node` was started without flags of its own, as the `arrears` binary is: anyone who
 * starts `node` with flags (`--inspect`, `--cpu-prof`, `--no-single-threaded-gc`) gets the batch
 * in that process, as they started it.
 */
import { constants } from 'node:os';

/** The flags the deciding process of `arrears batch` is started with. */
export const BATCH_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];

/**
 * The variable in which the deciding process finds the resident memory of the process that
 * started it (kB), to report the peak of the two: the starting process holds about as much as a
 * bare `node` (44 MB on the benchmark's VM) from start to end.
 */
export const LAUNCHER_RSS_VARIABLE = 'ARREARS_BATCH_LAUNCHER_RSS_KB';

/**
 * The resident memory (kB) of the process that started this one as `arrears batch`'s deciding
 * process; 0 when there is none.
 */
export function launcherRssKb(env: NodeJS.ProcessEnv = process.env): number {
  const value = env[LAUNCHER_RSS_VARIABLE];
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : 0;
}

/** The signals passed on to the deciding process: those a terminal, a shell or a job runner stops a run with. */
const FORWARDED: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Whether the command line `args` (without `node` and the script) should run in a second process:
 * `batch` (not its help), under Node (not Bun or Deno, whose `node` compatibility is not this
 * flag's), started without flags of its own.
 */
export function shouldRelaunch(args: readonly string[], execArgv: readonly string[], versions: NodeJS.ProcessVersions): boolean {
  if (args[0] !== 'batch' || args.includes('-h') || args.includes('--help')) return false;
  if ('bun' in versions || 'deno' in versions) return false;
  return execArgv.length === 0;
}

/**
 * Runs `script args` in `node` (this process's executable) with {@link BATCH_NODE_FLAGS},
 * standard streams shared, and resolves with its exit status. When it was ended by a signal,
 * this process ends by the same signal (so a shell sees the same status as without the second
 * process). Resolves with `undefined` when the second process could not be started at all (a
 * limit on processes, say): the batch then runs in this one, as it would have before.
 */
export async function relaunch(script: string, args: readonly string[], node: string = process.execPath): Promise<number | undefined> {
  // Loaded here, not with the binary: `node:child_process` takes 2–3 ms to load, which every
  // other command would pay for nothing.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const env = { ...process.env, [LAUNCHER_RSS_VARIABLE]: String(process.resourceUsage().maxRSS) };
    const child = spawn(node, [...BATCH_NODE_FLAGS, script, ...args], { stdio: 'inherit', env });
    let started = false;
    // Ctrl-C reaches both processes (the terminal signals its whole foreground group); a signal
    // sent to this one alone, as a job runner sends it, must still stop the run.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, forward);
    const stopForwarding = () => {
      for (const signal of FORWARDED) process.off(signal, forward);
    };
    child.on('spawn', () => (started = true));
    child.on('error', () => {
      // Once started, the process ends with an `exit` of its own (a failed `kill` is reported here too).
      if (started) return;
      stopForwarding();
      resolve(undefined);
    });
    child.on('exit', (code, signal) => {
      stopForwarding();
      if (signal !== null) {
        process.kill(process.pid, signal);
        // Where a signal cannot end this process as it ended the other (Windows), the shell's convention.
        resolve(128 + (constants.signals[signal] ?? 0));
        return;
      }
      resolve(code ?? 1);
    });
  });
}
