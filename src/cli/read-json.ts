import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { withoutBom } from '../_lib/bom.js';
import { CliError, invalidDocument, usageError } from './cli-error.js';
import { findJsonSyntaxError } from './find-json-syntax-error.js';

/** The argument that means "read standard input". */
export const STDIN = '-';

/** How a file is named in messages: its path as given, or `<stdin>`. */
export function sourceLabel(path: string): string {
  return path === STDIN ? '<stdin>' : path;
}

/**
 * The largest JSON document the CLI reads: 256 MiB, above any valid input (200,000 history
 * events of the longest fields) and below V8's longest string. Checked before reading, so a
 * huge file fails at once instead of exhausting memory. Larger portfolios go through
 * `arrears batch` as JSON Lines.
 */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

function tooLarge(label: string): never {
  throw invalidDocument(`${label}: Document too large: the limit is ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    if (bytes > MAX_DOCUMENT_BYTES) tooLarge(sourceLabel(STDIN));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/** Reads a file (a regular file, a pipe, a device) up to the limit, in chunks: `/dev/zero` ends in an error, not a hang. */
function readBounded(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > MAX_DOCUMENT_BYTES) tooLarge(path);
    const chunks: Buffer[] = [];
    let bytes = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      bytes += read;
      if (bytes > MAX_DOCUMENT_BYTES) tooLarge(path);
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, bytes).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function readText(path: string, what: string, command: string): string {
  try {
    return readBounded(path);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = (code !== undefined ? REASONS[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
    throw usageError(`cannot read ${what} "${path}": ${reason}`, command);
  }
}

/**
 * Reads and parses a JSON file (`-` = standard input). A file that is not JSON is an invalid
 * document (exit 2); the message gives the position, never the file's contents.
 * @param what - How the file is named in messages: `input file`, `policy file`…
 */
export async function readJson(path: string, what: string, command: string): Promise<unknown> {
  const raw = path === STDIN ? await readStdin() : readText(path, what, command);
  const text = withoutBom(raw);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const error = findJsonSyntaxError(text);
    const where = error === undefined ? '' : `: ${error.problem} at line ${error.line}, column ${error.column}`;
    throw invalidDocument(`${sourceLabel(path)}: Invalid JSON${where}`);
  }
}
