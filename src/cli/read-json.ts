import { readFileSync } from 'node:fs';
import { invalidDocument, usageError } from './cli-error.js';
import { findJsonSyntaxError } from './find-json-syntax-error.js';

/** The argument that means "read standard input". */
export const STDIN = '-';

/** How a file is named in messages: its path as given, or `<stdin>`. */
export function sourceLabel(path: string): string {
  return path === STDIN ? '<stdin>' : path;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function readText(path: string, what: string, command: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
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
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const error = findJsonSyntaxError(text);
    const where = error === undefined ? '' : `: ${error.problem} at line ${error.line}, column ${error.column}`;
    throw invalidDocument(`${sourceLabel(path)}: Invalid JSON${where}`);
  }
}
