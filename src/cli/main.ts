#!/usr/bin/env node
/**
 * The `arrears` binary: reads files, calls the library, prints. tsup bundles this into
 * `dist/cli.js`, keeping the hashbang above (there only, not in the commands' modules). The only
 * code allowed `node:fs`, `process` and the console.
 */
import { fileURLToPath } from 'node:url';
import { relaunch, shouldRelaunch } from './relaunch.js';

const args = process.argv.slice(2);

/** Runs the command in this process. */
async function runHere(): Promise<number> {
  const { run } = await import('./run.js');

  // A reader that closes the pipe early (`arrears decide … | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  return run(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}

// `arrears batch` decides in a `node` started with the flags it needs (see relaunch.ts); this
// process only waits for it, having loaded nothing else. If that `node` cannot be started, the
// batch runs here.
const status = shouldRelaunch(args, process.execArgv, process.versions) ? await relaunch(fileURLToPath(import.meta.url), args) : undefined;
process.exitCode = status ?? (await runHere());
