#!/usr/bin/env node
/**
 * The `arrears` binary: reads files, calls the library, prints. tsup bundles this into
 * `dist/cli.js`, keeping the hashbang above (there only, not in the commands' modules). The only
 * code allowed `node:fs`, `process` and the console.
 */
import { run } from './run.js';

// A reader that closes the pipe early (`arrears decide … | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
