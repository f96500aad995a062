/**
 * Jurisdiction presets: compliance documents encoded from cited law, rule by rule. They are
 * research findings, not legal advice: have counsel confirm each rule before relying on it.
 * State and city presets (`us-ma`, `us-wa`, `us-nyc`) are overlays: load them with
 * `us-federal`, and the stricter rule wins. Presets whose windows name holiday calendars
 * (`id`, `ru`) need `calendars` in `loadCompliance`: `arrears/holidays` builds them.
 * The rules of every preset, with their figures and citations: docs/compliance-presets.md.
 * Presets are deep-frozen: make a document of your own by spreading one, never by changing it.
 * `loadCompliance` takes a preset as it is, without running the schema again (every preset is
 * checked against it by the test suite); a copy or an edit of one is validated like any document.
 * @packageDocumentation
 * @module arrears/presets
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import cnDocument from '../../rules/compliance/cn.json' with { type: 'json' };
import usFederalDocument from '../../rules/compliance/us-federal.json' with { type: 'json' };
import usMaDocument from '../../rules/compliance/us-ma.json' with { type: 'json' };
import usWaDocument from '../../rules/compliance/us-wa.json' with { type: 'json' };
import usNycDocument from '../../rules/compliance/us-nyc.json' with { type: 'json' };
import ukDocument from '../../rules/compliance/uk.json' with { type: 'json' };
import indiaDocument from '../../rules/compliance/in.json' with { type: 'json' };
import idDocument from '../../rules/compliance/id.json' with { type: 'json' };
import phDocument from '../../rules/compliance/ph.json' with { type: 'json' };
import vnDocument from '../../rules/compliance/vn.json' with { type: 'json' };
import ruDocument from '../../rules/compliance/ru.json' with { type: 'json' };

/** China: GB/T 45251-2025, the CBA 2026 guideline, the card rules, the NIFA 2018 convention (provisional). @category Presets */
export const cn = /* @__PURE__ */ shipPreset(cnDocument as ComplianceDocument);

/** United States, federal: FDCPA and Regulation F (third-party collectors), the bankruptcy stay. @category Presets */
export const usFederal = /* @__PURE__ */ shipPreset(usFederalDocument as ComplianceDocument);

/** Massachusetts overlay on `us-federal`: 940 CMR 7.00 (creditors) and 209 CMR 18.00 (debt collectors). @category Presets */
export const usMa = /* @__PURE__ */ shipPreset(usMaDocument as ComplianceDocument);

/** Washington overlay on `us-federal`: RCW 19.16.250 (licensed collection agencies). @category Presets */
export const usWa = /* @__PURE__ */ shipPreset(usWaDocument as ComplianceDocument);

/** New York City overlay on `us-federal`: the DCWP SHIELD amendments, from 2026-09-01 (provisional). @category Presets */
export const usNyc = /* @__PURE__ */ shipPreset(usNycDocument as ComplianceDocument);

/** United Kingdom: CONC 7, Breathing Space and mental health crisis moratoria, CCA default notice, Pre-Action Protocol. @category Presets */
export const uk = /* @__PURE__ */ shipPreset(ukDocument as ComplianceDocument);

/** India: the RBI's 2022 rules for recovery agents (provisional). Id `in`, a reserved word in JavaScript. @category Presets */
export const india = /* @__PURE__ */ shipPreset(indiaDocument as ComplianceDocument);

/** Indonesia: POJK 22/2023 collection days and hours, SEOJK 19/2023 (provisional; needs the `ID` holiday calendar). @category Presets */
export const id = /* @__PURE__ */ shipPreset(idDocument as ComplianceDocument);

/** Philippines: SEC MC 18 s.2019 and BSP Circular 454 (provisional). @category Presets */
export const ph = /* @__PURE__ */ shipPreset(phDocument as ComplianceDocument);

/** Vietnam: Circular 43/2016/TT-NHNN as amended (provisional). @category Presets */
export const vn = /* @__PURE__ */ shipPreset(vnDocument as ComplianceDocument);

/** Russia: Federal Law 230-FZ art. 7 (provisional; needs the `RU` holiday calendar). @category Presets */
export const ru = /* @__PURE__ */ shipPreset(ruDocument as ComplianceDocument);

/** Every preset by id, to pass to `loadCompliance`. @category Presets */
export const presets = {
  cn,
  'us-federal': usFederal,
  'us-ma': usMa,
  'us-wa': usWa,
  'us-nyc': usNyc,
  uk,
  in: india,
  id,
  ph,
  vn,
  ru,
} as const satisfies Record<string, ComplianceDocument>;

/** A preset id. @category Presets */
export type PresetId = keyof typeof presets;

/** The preset ids, in a stable order. @category Presets */
export const presetIds = /* @__PURE__ */ Object.keys(presets) as PresetId[];
