import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../cli/ensure-build.js';
import { bundleCore, RUN_IN_RUNTIME, sample } from './bundle.js';
import { inNode } from './node-reference.js';
import type { RuntimeResult } from './node-reference.js';

// Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing), driven by
// playwright-core. CHROMIUM_PATH overrides the path.
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

let browser: Browser;
let bundle: string;
let reference: RuntimeResult;

beforeAll(async () => {
  if (!existsSync(executablePath)) throw new Error(`No Chromium at ${executablePath}: run \`apt-get install -y chromium\` or set CHROMIUM_PATH`);
  ensureBuild();
  bundle = (await bundleCore()).code;
  reference = await inNode();
  browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

/** Serves one page at https://arrears.test/ (no network), with the given CSP, and decides in it. */
async function decideInPage(options: { csp?: string; timezoneId?: string } = {}): Promise<RuntimeResult> {
  const context = await browser.newContext(options.timezoneId === undefined ? {} : { timezoneId: options.timezoneId });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const headers: Record<string, string> = { 'content-type': 'text/html' };
    if (options.csp !== undefined) headers['content-security-policy'] = options.csp;
    // The decision runs in a page script, under the page's CSP; the test only reads its result.
    const body = [
      '<!doctype html><title>arrears</title>',
      `<script type="application/json" id="sample">${JSON.stringify(sample).replaceAll('<', '\\u003c')}</script>`,
      `<script>${bundle.replaceAll('</script', '<\\/script')}</script>`,
      `<script>window.result = (${RUN_IN_RUNTIME})(document.getElementById('sample').textContent);</script>`,
    ].join('\n');
    await page.route('**/*', (route) => route.fulfill({ status: 200, headers, body }));
    await page.goto('https://arrears.test/');
    const text = await page.evaluate('window.result');
    if (errors.length > 0 || typeof text !== 'string') throw new Error(`The page failed: ${errors.join('; ')}`);
    return JSON.parse(text as string) as RuntimeResult;
  } finally {
    await context.close();
  }
}

describe('headless Chromium', () => {
  it('decides exactly as Node does', async () => {
    const result = await decideInPage();
    expect(result.decisions).toEqual(reference.decisions);
    expect(result.explanation).toBe(reference.explanation);
    expect(result.decisions.map((d) => d.type)).toEqual(['act', 'wait']);
  }, 60_000);

  it('decides the same in a page whose time zone is Pacific/Apia', async () => {
    const result = await decideInPage({ timezoneId: 'Pacific/Apia' });
    expect(result.decisions).toEqual(reference.decisions);
  }, 60_000);

  it('falls back to the closure evaluator under a CSP without unsafe-eval, with the same decisions', async () => {
    const result = await decideInPage({ csp: "default-src 'none'; script-src 'unsafe-inline'" });
    expect(result.codeGeneration).toBe('EvalError');
    expect(result.evaluator).toBe('closures');
    expect(result.decisions).toEqual(reference.decisions);
  }, 60_000);
});
