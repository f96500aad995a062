/**
 * Bundles the built core entry (what `import … from 'arrears'` resolves to) for a browser with
 * esbuild, as a user's bundler would: dependencies included, no Node built-ins available.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import type { Metafile } from 'esbuild';
import { root } from '../cli/ensure-build.js';

interface ExportConditions {
  import?: string | { default?: string };
}

/** The ESM file of a subpath of the package's `exports` (`.`, `./presets`…), read from package.json. */
export function esmFileOf(subpath: string): string {
  const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { exports: Record<string, string | ExportConditions> };
  const entry = pkg.exports[subpath];
  const target = typeof entry === 'string' ? entry : typeof entry?.import === 'string' ? entry.import : entry?.import?.default;
  if (target === undefined) throw new Error(`package.json exports has no ESM file for "${subpath}"`);
  return `${root}${target.replace(/^\.\//, '')}`;
}

export interface Bundle {
  code: string;
  metafile: Metafile;
}

/**
 * An IIFE that sets `globalThis.arrears` to the core entry's exports plus `presets`, for a
 * browser page or a `vm` context. The core and the presets entry are both browser entries.
 */
export async function bundleCore(): Promise<Bundle> {
  const contents = `export * from ${JSON.stringify(esmFileOf('.'))};\nexport { presets } from ${JSON.stringify(esmFileOf('./presets'))};\n`;
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: 'runtime-entry.js' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'arrears',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return { code: result.outputFiles[0]!.text, metafile: result.metafile };
}

/** The input, documents and expected decision every runtime test decides. */
export const sample = {
  input: {
    now: '2026-07-15T02:00:00Z',
    loan: {
      id: 'L-1001',
      product: 'cash_loan',
      currency: 'CNY',
      balance: 8400,
      amountOverdue: 1200,
      oldestUnpaidDueDate: '2026-06-20',
      borrower: { id: 'B-77', timeZone: 'Asia/Shanghai' },
    },
    history: [
      { type: 'contact', at: '2026-07-14T02:05:00Z', channel: 'call', direction: 'outbound', outcome: 'no_answer' },
      { type: 'contact', at: '2026-07-13T01:00:00Z', channel: 'sms', direction: 'outbound', outcome: 'delivered' },
    ],
  },
  /** A wait across a DST change in two zones, to exercise the zone arithmetic. */
  waitInput: {
    now: '2026-03-08T06:30:00Z',
    loan: {
      id: 'L-2001',
      product: 'cash_loan',
      currency: 'USD',
      balance: 2400,
      amountOverdue: 300,
      oldestUnpaidDueDate: '2026-02-01',
      borrower: { id: 'B-2', timeZones: ['America/New_York', 'America/Los_Angeles'] },
    },
    history: [],
  },
  policy: JSON.parse(readFileSync(`${root}rules/policies/default.json`, 'utf8')) as unknown,
};

/**
 * Source of a function run inside the runtime under test (a page, a `vm` context): parses the
 * samples there (objects of that realm), loads the documents with the bundled library, decides
 * both samples and reports the evaluator chosen and whether `new Function` works there. Written
 * as text so that no test-side code leaks in.
 */
export const RUN_IN_RUNTIME = `(json) => {
  const args = JSON.parse(json);
  const { decide, explain, loadCompliance, loadPolicy, presets } = globalThis.arrears;
  let codeGeneration;
  try { codeGeneration = new Function('return 1')() === 1; } catch (error) { codeGeneration = String(error && error.name); }
  const policy = loadPolicy(args.policy);
  const decisions = [
    decide(args.input, { policy, compliance: loadCompliance(presets.cn) }),
    decide(args.waitInput, { policy, compliance: loadCompliance([presets['us-federal']]) }),
  ];
  return JSON.stringify({ codeGeneration, evaluator: policy.evaluator, decisions, explanation: explain(decisions[0]) });
}`;
