import cliProgress from 'cli-progress';

/** A progress bar, or nothing when standard error is not a terminal. */
export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A progress bar on standard error for a long run over `total` loans, drawn only when standard
 * error is a terminal (never in pipes, files or CI logs) and the run has more than a handful of loans.
 */
export function progressBar(label: string, total: number): Progress | undefined {
  if (process.stderr.isTTY !== true || total < 10) return undefined;
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {value}/{total} loans, {eta_formatted} left`, hideCursor: true, clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return {
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
