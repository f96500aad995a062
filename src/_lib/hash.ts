import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

/**
 * JSON with object keys sorted, so equal documents hash equally whatever their key order.
 *
 * Every document hashed here is plain JSON once validated. For that, `JSON.stringify` does the
 * work natively: given every key of the document, sorted, as its property list, it writes each
 * object's keys in that order. The recursive writer it replaces built a string and two arrays
 * per object, half a megabyte of garbage for a 13 KB policy on a cold start. Anything else (class
 * instances, functions, holes, keys that `Object.prototype` also has, which the property list
 * would read through the prototype) takes the recursive writer: a test holds the two to the same
 * output.
 */
export function canonicalJson(value: unknown): string {
  const keys = new Set<string>();
  if (!collectKeys(value, keys)) return writeCanonical(value);
  return JSON.stringify(value, [...keys].sort()) ?? 'null';
}

/** Adds every object key in `value` to `keys`; false when `value` is not plain JSON that the property list writes alike. */
function collectKeys(value: unknown, keys: Set<string>): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return true;
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !collectKeys(value[i], keys)) return false;
    return true;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (key in Object.prototype) return false;
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && !collectKeys(item, keys)) return false;
    keys.add(key);
  }
  return true;
}

/** The canonical JSON of any value, recursively (keys whose value is `undefined` are left out). */
export function writeCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(writeCanonical).join(',')}]`;
  const entries = Object.keys(value)
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${writeCanonical((value as Record<string, unknown>)[key])}`);
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
