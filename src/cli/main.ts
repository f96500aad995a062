#!/usr/bin/env node
/**
 * The `arrears` binary: reads files, calls the library, prints. tsup bundles this into
 * `dist/cli.js`, keeping the hashbang above (there only, not in the commands' modules). The only
 * code allowed `node:fs`, `process` and the console.
 */
import { fileURLToPath } from 'node:url';
import { relaunch, shouldRelaunch } from './relaunch.js';

const args = process.argv.slice(2);

if (shouldRelaunch(args, process.execArgv, process.versions)) {
  // `arrears batch` decides in a `node` started with the flags it needs (see relaunch.ts); this
  // process only waits for it, having loaded nothing else.
  process.exitCode = await relaunch(fileURLToPath(import.meta.url), args);
} else {
  const { run } = await import('./run.js');

  // A reader that closes the pipe early (`arrears decide … | head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  process.exitCode = await run(args, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
}
