import { pathToFileURL } from 'node:url';
import { esmFileOf, RUN_IN_RUNTIME, sample } from './bundle.js';

/** What the runtime function gives in Node itself, from the built package: the reference. */
export async function inNode(): Promise<RuntimeResult> {
  const core = (await import(pathToFileURL(esmFileOf('.')).href)) as Record<string, unknown>;
  const { presets } = (await import(pathToFileURL(esmFileOf('./presets')).href)) as Record<string, unknown>;
  const global = globalThis as { arrears?: unknown };
  global.arrears = { ...core, presets };
  try {
    // The same source runs in every runtime under test.
    const run = new Function(`return ${RUN_IN_RUNTIME}`)() as (json: string) => string;
    return JSON.parse(run(JSON.stringify(sample))) as RuntimeResult;
  } finally {
    delete global.arrears;
  }
}

export interface RuntimeResult {
  codeGeneration: true | string;
  evaluator: 'codegen' | 'closures';
  decisions: { type: string; at?: string; action?: { type: string }; version: string }[];
  explanation: string;
}
