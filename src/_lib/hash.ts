import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/** JSON with object keys sorted, so equal documents hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}

type NodeCrypto = { createHash(algorithm: 'sha256'): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } } };

/**
 * Node's own SHA-256 where the runtime offers it synchronously (`process.getBuiltinModule`,
 * Node ≥ 20.16, Bun, Deno): native code, where the portable one runs in V8's interpreter on a cold
 * start (a third of `loadPolicy` then). Elsewhere (browsers, edge runtimes) the portable one.
 * Both give the same digest (tested).
 */
function nodeCrypto(): NodeCrypto | undefined {
  const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return host?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  } catch {
    return undefined;
  }
}
// Probed once, at import: loading and deciding never read `process`.
const native = /* @__PURE__ */ nodeCrypto();

/** `sha256:` and the hex SHA-256 of `text`'s UTF-8 bytes. */
export function sha256Hex(text: string, portable = false): string {
  if (native !== undefined && !portable) return `sha256:${native.createHash('sha256').update(text, 'utf8').digest('hex')}`;
  return `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}

/** `sha256:<hex>` of the canonical JSON of a document. */
export function hashDocument(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
