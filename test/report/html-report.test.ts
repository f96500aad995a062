import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCompliance, loadPolicy } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';
import { diffPolicies, renderDiffReport, renderSimulationReport, simulate } from '../../src/testing/index.js';

const root = new URL('../../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as unknown;
const CHROMIUM = '/usr/bin/chromium';

interface Entry {
  compliance: ('cn' | 'us-federal')[];
  input: Parameters<typeof simulate>[0][number];
}
const everyLoan = (json('test/fixtures/toolkit/portfolio.json') as { loans: Entry[] }).loans;
const compliance = { cn: loadCompliance(presets.cn), 'us-federal': loadCompliance(presets['us-federal']) };
const complianceIn = (entries: readonly Entry[]) => (_input: unknown, index: number) => compliance[entries[index]!.compliance[0]!];
// A quarter of the loans for the month simulation (it decides each loan many times a day); all of them for the diff.
const portfolio = everyLoan.filter((_, i) => i % 4 === 0);
const inputs = portfolio.map((entry) => entry.input);
const complianceOf = complianceIn(portfolio);
const allInputs = everyLoan.map((entry) => entry.input);
const before = loadPolicy(json('rules/policies/default.json'));
const after = loadPolicy(json('test/fixtures/toolkit/policy-proposed.json'));

describe('renderSimulationReport and renderDiffReport', () => {
  const report = simulate(inputs, { policy: before, compliance: complianceOf, start: '2026-07-16T00:00:00Z', days: 14, seed: 3 });
  const diff = diffPolicies(allInputs, { before, after, compliance: complianceIn(everyLoan) });

  it('write one self-contained page: inline style and SVG, nothing fetched', () => {
    for (const html of [renderSimulationReport(report), renderDiffReport(diff)]) {
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html).toContain('<style>');
      expect(html).toContain('<svg class="chart"');
      expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
      expect(html.match(/https?:\/\/[^"]+/g) ?? []).toEqual(['http://www.w3.org/2000/svg', ...(html.includes('data-chart="end-states"') ? ['http://www.w3.org/2000/svg'] : [])]);
    }
  });

  it('escape what they print', () => {
    expect(renderDiffReport(diff, { title: 'A <b>&</b> "B"' })).toContain('<title>A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot;</title>');
  });

  it('title a report of one loan, one day or one changed decision in the singular', () => {
    const one = simulate(inputs.slice(0, 1), { policy: before, compliance: complianceOf, start: '2026-07-16T00:00:00Z', days: 1, seed: 3 });
    expect(renderSimulationReport(one)).toContain('<title>Simulation: 1 loan over 1 day</title>');
    expect(renderSimulationReport(report)).toContain(`<title>Simulation: ${inputs.length} loans over 14 days</title>`);
    const loanId = diff.changes[0]!.examples[0]!.loanId;
    const changed = allInputs.findIndex((input) => input.loan.id === loanId);
    const single = diffPolicies([allInputs[changed]!], { before, after, compliance: () => complianceIn(everyLoan)(allInputs[changed], changed) });
    expect(renderDiffReport(single)).toContain('<title>Policy diff: 1 of 1 decision changes</title>');
  });

  it('are the same for the same inputs', () => {
    expect(renderSimulationReport(simulate(inputs, { policy: before, compliance: complianceOf, start: '2026-07-16T00:00:00Z', days: 14, seed: 3 }))).toBe(renderSimulationReport(report));
  });
});

// Opens the reports in headless Chromium, as a reviewer would, and checks that the charts render.
describe.skipIf(!existsSync(CHROMIUM))('HTML reports in headless Chromium', () => {
  let browser: Browser;
  const dir = mkdtempSync(join(tmpdir(), 'arrears-report-'));
  const zone = (process.env['TZ'] ?? 'host').replace(/\W+/g, '-');

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, html: string) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    // Nothing may be fetched: the file must stand alone.
    const requests: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href);
    return { page, requests };
  }

  it('draws the simulation report: actions per day stacked by action, end states, a screenshot', async () => {
    const report = simulate(inputs, { policy: before, compliance: complianceOf, start: '2026-07-16T00:00:00Z', days: 30, seed: 7 });
    const { page, requests } = await open(`simulation-${zone}`, renderSimulationReport(report));
    const perDay = page.locator('svg[data-chart="actions-per-day"]');
    expect(await page.locator('svg.chart').count()).toBe(2);
    const box = await perDay.boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    expect(box!.height).toBeGreaterThan(150);
    const bars = perDay.locator('rect.bar');
    expect(await bars.count()).toBeGreaterThan(30);
    const first = await bars.first().boundingBox();
    expect(first!.width * first!.height).toBeGreaterThan(0);
    const series = await bars.evaluateAll((rects) => [...new Set(rects.map((rect) => rect.getAttribute('data-series')))].sort());
    expect(series).toEqual(expect.arrayContaining(['call', 'sms']));
    expect(await page.locator('svg[data-chart="end-states"] rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('text=No violations').count()).toBe(1);
    const png = join(tmpdir(), `arrears-simulation-report-${zone}.png`);
    await page.screenshot({ path: png, fullPage: true });
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);

  it('draws the diff report: changed and unchanged decisions by days-past-due band', async () => {
    const diff = diffPolicies(allInputs, { before, after, compliance: complianceIn(everyLoan) });
    expect(diff.changed).toBeGreaterThan(0);
    const { page, requests } = await open(`diff-${zone}`, renderDiffReport(diff));
    const chart = page.locator('svg[data-chart="changes-by-band"]');
    const box = await chart.boundingBox();
    expect(box!.width * box!.height).toBeGreaterThan(0);
    expect(await chart.locator('rect.bar[data-series="unchanged"]').count()).toBeGreaterThan(3);
    const changed = chart.locator('rect.bar[data-series="changed"]');
    expect(await changed.count()).toBeGreaterThan(0);
    const bar = await changed.first().boundingBox();
    expect(bar!.width * bar!.height).toBeGreaterThan(0);
    expect(await chart.locator('text.label').allTextContents()).toEqual(['0', '1–7', '8–30', '31–60', '61–90', '91–120', '121+']);
    await page.screenshot({ path: join(tmpdir(), `arrears-diff-report-${zone}.png`), fullPage: true });
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);
});
