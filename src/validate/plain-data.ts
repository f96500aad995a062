import type { Issue } from '../errors.js';
import { formatPath } from '../_lib/format-path.js';
import { MAX_LIST_ITEMS, MAX_OBJECT_KEYS } from './limits.js';

/** The most issues one walk reports: a document full of class instances gives a short list, not millions. */
const MAX_ISSUES = 100;

/** A plain object: an object literal or parsed JSON, from this realm or another (its prototype is a root), or `Object.create(null)`. */
export function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function kindOf(value: object): string {
  if (value instanceof Date) return 'a `Date`';
  const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? `an instance of ${name}` : 'an object with a prototype';
}

/** Options of {@link plainDataIssues}. */
export interface PlainDataOptions {
  /** Nesting deeper than this is an issue (`too_deep`); default 1,000. */
  maxDepth?: number;
  /** A key of the root object whose value is not walked (the caller has checked it otherwise). */
  skipRootKey?: string;
}

interface Frame {
  node: object;
  depth: number;
  parent: Frame | undefined;
  key: PropertyKey | undefined;
}

/** Down to this depth every object is looked for among its ancestors; a longer cycle ends as too deep. */
const CYCLE_CHECK_DEPTH = 100;

/** The nesting limit when none is given: far beyond any valid document, and it ends any cycle. */
const DEFAULT_MAX_DEPTH = 1000;

function pathOf(frame: Frame | undefined, prefix: readonly PropertyKey[]): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (let f = frame; f !== undefined && f.key !== undefined; f = f.parent) keys.push(f.key);
  return [...prefix, ...keys.reverse()];
}

function isOwnAncestor(frame: Frame): boolean {
  for (let f = frame.parent; f !== undefined; f = f.parent) if (f.node === frame.node) return true;
  return false;
}

/**
 * Checks that `value` is plain data before zod reads it: arrays and plain objects only (zod reads
 * inherited properties, so a class instance or `Object.create(proto)` could smuggle fields in),
 * no cycles, no nesting deeper than `maxDepth`, no list longer than the history's limit, no
 * object with more than {@link MAX_OBJECT_KEYS} keys, and no own `__proto__` key (zod drops it
 * from records without a word; documents are strict). Scalars of any type are left for zod,
 * which names what it expected. Iterative, reads each property once, never throws.
 * @param prefix - The path of `value` in its document, for the issues.
 */
export function plainDataIssues(value: unknown, prefix: readonly PropertyKey[] = [], options: PlainDataOptions = {}): Issue[] {
  if (typeof value !== 'object' || value === null) return [];
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const skipRootKey = options.skipRootKey;
  const issues: Issue[] = [];
  const stack: Frame[] = [{ node: value, depth: 0, parent: undefined, key: undefined }];
  let current: Frame | undefined;
  const add = (frame: Frame, code: string, message: string) => {
    issues.push({ code, path: formatPath(pathOf(frame, prefix)), message });
  };

  try {
    while (stack.length > 0 && issues.length < MAX_ISSUES) {
      const frame = stack.pop()!;
      current = frame;
      const { node, depth } = frame;
      if (depth > 0 && depth <= CYCLE_CHECK_DEPTH && isOwnAncestor(frame)) {
        add(frame, 'invalid_type', 'Expected plain JSON data, found a cycle');
        continue;
      }
      if (depth > maxDepth) {
        add(frame, 'too_deep', `Data nests deeper than ${maxDepth} levels`);
        continue;
      }
      if (Array.isArray(node)) {
        const list = node as readonly unknown[];
        // The longest list a document may hold is the history: reject longer ones before walking them.
        if (list.length > MAX_LIST_ITEMS) {
          add(frame, 'too_big', `Too big: expected array to have <=${MAX_LIST_ITEMS} items`);
          continue;
        }
        // Pushed in reverse, so that issues come out in document order.
        for (let i = list.length - 1; i >= 0; i--) {
          const item = list[i];
          if (typeof item === 'object' && item !== null) stack.push({ node: item, depth: depth + 1, parent: frame, key: i });
        }
        continue;
      }
      if (!isPlainObject(node)) {
        add(frame, 'invalid_type', `Expected plain JSON data (an object literal or parsed JSON), found ${kindOf(node)}`);
        continue;
      }
      const record = node as Record<string, unknown>;
      const keys = Object.keys(record);
      if (keys.length > MAX_OBJECT_KEYS) {
        add(frame, 'too_big', `Too big: expected object to have <=${MAX_OBJECT_KEYS} keys`);
        continue;
      }
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i]!;
        if (key === '__proto__') {
          add(frame, 'unrecognized_keys', 'Unrecognized key: "__proto__"');
          continue;
        }
        if (depth === 0 && key === skipRootKey) continue;
        const item = record[key];
        if (typeof item === 'object' && item !== null) stack.push({ node: item, depth: depth + 1, parent: frame, key });
      }
    }
  } catch {
    // A getter or proxy trap threw: nothing can be read reliably.
    return [{ code: 'invalid_type', path: formatPath(pathOf(current, prefix)), message: 'Expected plain JSON data' }];
  }
  return issues.slice(0, MAX_ISSUES);
}
