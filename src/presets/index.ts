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
 * This module loads all eleven presets; each is also a module of its own, `arrears/presets/<id>`
 * (`import { cn } from 'arrears/presets/cn'`), for a process that needs one jurisdiction.
 * @packageDocumentation
 * @module arrears/presets
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { cn } from './cn.js';
import { usFederal } from './us-federal.js';
import { usMa } from './us-ma.js';
import { usWa } from './us-wa.js';
import { usNyc } from './us-nyc.js';
import { uk } from './uk.js';
import { india } from './in.js';
import { id } from './id.js';
import { ph } from './ph.js';
import { vn } from './vn.js';
import { ru } from './ru.js';

export { cn, usFederal, usMa, usWa, usNyc, uk, india, id, ph, vn, ru };

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
