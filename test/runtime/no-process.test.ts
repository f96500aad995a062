import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../cli/ensure-build.js';
import { bundleCore, RUN_IN_RUNTIME, sample } from './bundle.js';
import { inNode } from './node-reference.js';
import type { RuntimeResult } from './node-reference.js';

// An edge-runtime stand-in: a V8 context with the web platform's basics (timers, TextEncoder,
// URL, a console) but no `process`, `require`, `Buffer` or `setImmediate`, and with code
// generation from strings disallowed (`new Function` and `eval` throw), as under a CSP or on
// runtimes that forbid it. The policy must then run on the closure evaluator.
const silent = { log() {}, info() {}, warn() {}, error() {}, debug() {} };
const webGlobals = () => ({ TextEncoder, TextDecoder, URL, setTimeout, clearTimeout, queueMicrotask, structuredClone, atob, btoa, console: silent });

let bundle: string;
let reference: RuntimeResult;

beforeAll(async () => {
  ensureBuild();
  bundle = (await bundleCore()).code;
  reference = await inNode();
}, 180_000);

function runInContext(context: vm.Context): RuntimeResult {
  vm.runInContext(bundle, context, { filename: 'arrears-bundle.js' });
  context['args'] = JSON.stringify(sample);
  return JSON.parse(vm.runInContext(`(${RUN_IN_RUNTIME})(args)`, context) as string) as RuntimeResult;
}

describe('a runtime without `process` and without code generation', () => {
  it('decides exactly as Node does, on the closure evaluator', () => {
    const context = vm.createContext(webGlobals(), { codeGeneration: { strings: false, wasm: false } });
    expect(vm.runInContext('typeof process', context)).toBe('undefined');
    const result = runInContext(context);
    expect(result.codeGeneration).toBe('EvalError');
    expect(result.evaluator).toBe('closures');
    expect(result.decisions).toEqual(reference.decisions);
    expect(result.explanation).toBe(reference.explanation);
    expect(result.decisions.map((d) => d.type)).toEqual(['act', 'wait']);
  });

  it('reads `process` only at import, to find Node’s crypto and time-zone data; never while loading or deciding', () => {
    const reads: string[] = [];
    const env = new Proxy({}, { get: (_, key) => void reads.push(`process.env.${String(key)}`), has: (_, key) => (reads.push(`process.env.${String(key)}`), false) });
    const fakeProcess = new Proxy({ env }, { get: (target, key) => (reads.push(`process.${String(key)}`), (target as Record<PropertyKey, unknown>)[key]) });
    const globals = webGlobals();
    Object.defineProperty(globals, 'process', { get: () => (reads.push('process'), fakeProcess), enumerable: true });
    const context = vm.createContext(globals, { codeGeneration: { strings: false, wasm: false } });
    vm.runInContext(bundle, context);
    // The two probes, at import: `process.getBuiltinModule` for Node's native SHA-256 (absent
    // here, so the portable one hashes), and `process.versions` for the time-zone data the
    // fixed-offset table needs (absent here, so every offset comes from `Intl`). No
    // environment variable is read, ever.
    expect([...new Set(reads.splice(0))].sort()).toEqual(['process', 'process.getBuiltinModule', 'process.versions']);
    context['args'] = JSON.stringify(sample);
    const result = JSON.parse(vm.runInContext(`(${RUN_IN_RUNTIME})(args)`, context) as string) as RuntimeResult;
    expect(reads).toEqual([]);
    expect(result.decisions).toEqual(reference.decisions);
  });

  it('uses generated code where it is allowed, with the same decisions', () => {
    expect(reference.codeGeneration).toBe(true);
    expect(reference.evaluator).toBe('codegen');
    const context = vm.createContext(webGlobals());
    const result = runInContext(context);
    expect(result.evaluator).toBe('codegen');
    expect(result.decisions).toEqual(reference.decisions);
  });
});
