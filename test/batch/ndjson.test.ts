/**
 * `decideNdjson`, the engine of `arrears batch`, fed by sources that cut the bytes anywhere and
 * read every chunk into the same buffer, as the CLI's file reader does. Its workers run the built
 * worker (`dist/batch-worker.js`).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decideNdjson, type NdjsonSink } from '../../src/batch/ndjson.js';
import { decide, loadCompliance, loadPolicy, type DecisionInput } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { generatePortfolio } from '../../bench/generate.js';
import { ensureBuild, root } from '../cli/ensure-build.js';

const policy = loadPolicy(JSON.parse(readFileSync(new URL('../../rules/policies/default.json', import.meta.url), 'utf8')));
const compliance = loadCompliance(presets.cn);
const workerUrl = new URL(`file://${root}dist/batch-worker.js`);

beforeAll(() => ensureBuild(), 180_000);

/**
 * `bytes` in pieces of the given sizes (cycling), each read into one reused buffer that is
 * overwritten as soon as the consumer asks for the next piece.
 */
async function* reusingSource(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  const buffer = new Uint8Array(Math.max(...sizes));
  let offset = 0;
  for (let i = 0; offset < bytes.length; i++) {
    const size = Math.min(sizes[i % sizes.length]!, bytes.length - offset);
    buffer.set(bytes.subarray(offset, offset + size));
    offset += size;
    yield buffer.subarray(0, size);
    buffer.fill(0x7b); // `{`: whatever the consumer did not copy is now garbage
  }
}

async function run(bytes: Uint8Array, sizes: readonly number[], chunkBytes: number, workers = 2) {
  const output: Buffer[] = [];
  const bad: string[] = [];
  const sink: NdjsonSink = {
    output(decided, release) {
      output.push(Buffer.from(decided)); // a copy: the buffer is reused once released
      release();
    },
    badLine: (line, message) => bad.push(`${line}: ${message}`),
  };
  const summary = await decideNdjson(reusingSource(bytes, sizes), { policy, compliance, workers, chunkBytes, workerUrl }, sink);
  return { text: Buffer.concat(output).toString('utf8'), bad, summary };
}

const inputs = generatePortfolio(31, 60);
const expected = (list: readonly DecisionInput[]) => list.map((input) => `${JSON.stringify(decide(input, { policy, compliance }))}\n`).join('');

describe('decideNdjson', () => {
  it('decides every line once, in order, however the source cuts the bytes and whatever the chunk size', async () => {
    const bytes = Buffer.from(`${inputs.map((input) => JSON.stringify(input)).join('\n')}\n`);
    const want = expected(inputs);
    // Chunks smaller than one line (each line grows its chunk), about a line, several lines, all.
    for (const chunkBytes of [64, 1_000, 5_000, 1 << 18]) {
      for (const sizes of [[1, 7, 300], [4_096], [bytes.length]]) {
        const { text, bad, summary } = await run(bytes, sizes, chunkBytes);
        expect({ chunkBytes, sizes, same: text === want }).toEqual({ chunkBytes, sizes, same: true });
        expect(bad).toEqual([]);
        expect(summary).toEqual({ lines: inputs.length, decisions: inputs.length, badLines: 0, workers: 2 });
      }
    }
  }, 120_000);

  it('numbers bad lines in the whole input across chunks, and reads a last line without a line end', async () => {
    const lines = inputs.slice(0, 12).map((input) => JSON.stringify(input));
    lines.splice(4, 0, '{"now": ');
    lines.splice(7, 0, '');
    const bytes = Buffer.from(lines.join('\r\n')); // Windows line ends, no final one
    for (const chunkBytes of [0, 100, 3_000, 1 << 18]) {
      const { text, bad, summary } = await run(bytes, [513], chunkBytes, 1);
      expect(text).toBe(expected(inputs.slice(0, 12)));
      expect(bad).toEqual(['5: Invalid JSON: unexpected end of input at column 9']);
      expect(summary).toEqual({ lines: 14, decisions: 12, badLines: 1, workers: 1 });
    }
  }, 60_000);
});
