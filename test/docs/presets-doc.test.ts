import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFigure, GENERATE_COMMAND, renderPresetsDoc } from '../../scripts/presets-doc.js';
import type { ComplianceDocument } from '../../src/index.js';
import { presets } from '../../src/presets/index.js';

const page = readFileSync(new URL('../../docs/compliance-presets.md', import.meta.url), 'utf8');

describe('docs/compliance-presets.md', () => {
  it('is the page scripts/generate-presets-doc.ts writes from the presets', () => {
    expect(page, `stale: run \`${GENERATE_COMMAND}\``).toBe(renderPresetsDoc(presets));
  });

  it('says that the presets are not legal advice', () => {
    expect(page).toContain('**Not legal advice.**');
  });

  it('has a section per preset and an entry per rule, with its citation and confidence', () => {
    for (const [id, document] of Object.entries(presets) as [string, ComplianceDocument][]) {
      expect(page).toContain(`## ${id}: ${document.title}`);
      for (const rule of document.rules) {
        const entry = page.slice(page.indexOf(`#### \`${rule.id}\``));
        expect(entry.startsWith(`#### \`${rule.id}\``), rule.id).toBe(true);
        const section = entry.slice(0, entry.indexOf('\n####', 1) === -1 ? undefined : entry.indexOf('\n####', 1));
        expect(section).toContain(`- **Citation:** ${rule.citation}`);
        expect(section).toContain(`- **Confidence:** ${rule.confidence} (`);
        expect(section).toContain('- **Binds:** ');
      }
    }
  });

  it('prints each preset description, where the open points are listed', () => {
    for (const document of Object.values(presets) as ComplianceDocument[]) {
      for (const paragraph of (document.description ?? '').split(/\n\s*\n/)) expect(page).toContain(paragraph.trim());
      expect(document.description ?? '', document.id).toMatch(/Open points \(COMPLIANCE\.md section 7\)/);
      expect(document.description ?? '', document.id).toMatch(/Not encoded/);
    }
  });
});

describe('the figure sentences', () => {
  const rule = (id: string) => {
    for (const document of Object.values(presets) as ComplianceDocument[]) {
      const found = document.rules.find((r) => r.id === id);
      if (found !== undefined) return found;
    }
    throw new Error(`no rule ${id}`);
  };

  it('state window boundaries to the second', () => {
    expect(describeFigure(rule('us-fdcpa-convenient-hours'))).toBe(
      'Permitted every day from 08:00:00 up to, not including, 21:00:00, on the borrower’s wall clock, in every candidate zone.',
    );
    expect(describeFigure(rule('us-wa-rcw-19-16-250-hours'))).toContain('every day from 07:30:01 (07:30:00 itself excluded) up to, not including, 21:00:00');
    expect(describeFigure(rule('ru-230-fz-interaction-hours'))).toBe(
      'Permitted Monday to Friday from 08:00:00 up to, not including, 22:00:00; Saturday, Sunday and holidays from 09:00:00 up to, not including, 20:00:00, on the borrower’s wall clock, in every candidate zone. The dates of holiday calendar `RU` are holidays: on them only the holiday hours apply; a date in a year the calendar does not cover blocks.',
    );
    expect(describeFigure(rule('id-pojk-22-2023-collection-hours'))).toContain('Monday to Saturday from 08:00:00');
    expect(describeFigure(rule('id-pojk-22-2023-collection-hours'))).toContain('no contact on them');
  });

  it('state caps with their period, scope and what counts', () => {
    expect(describeFigure(rule('us-reg-f-7-in-7'))).toContain('At most 7 in any 7 consecutive local calendar days (today being day 7), per debt, the action itself included');
    expect(describeFigure(rule('us-ma-940-cmr-call-cap'))).toContain('At most 2 in any rolling 168 hours (7 × 24 hours), per debt');
    expect(describeFigure(rule('ru-230-fz-calls-per-week'))).toContain('At most 2 per local calendar week starting Monday, per borrower, across debts');
    expect(describeFigure(rule('cn-cba-2026-unanswered-attempts'))).toContain('per number or address');
  });

  it('state statuses, notices, thresholds and third-party limits', () => {
    expect(describeFigure(rule('uk-breathing-space-standard'))).toContain('taken to last 61 consecutive local calendar days');
    expect(describeFigure(rule('uk-cca-s88-default-notice'))).toContain('Terminations, demands and enforcement steps wait 15 consecutive local calendar days after a `default_notice` notice is served');
    expect(describeFigure(rule('uk-ia-1986-bankruptcy-level'))).toContain('Bankruptcy petitions need a balance of at least 5,000 GBP');
    expect(describeFigure(rule('id-pojk-22-2023-consumer-only'))).toContain('none at all');
    expect(describeFigure(rule('cn-gbt-45251-contacts'))).toContain('no conversation with the borrower in the last 7 days (168 hours) and at least 1 unanswered attempt');
  });
});
