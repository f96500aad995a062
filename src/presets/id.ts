/**
 * `arrears/presets/id`: the `id` preset by itself. `arrears/presets` loads all eleven; a cold start
 * that needs one jurisdiction is shorter importing it from here. The same document as `id` there,
 * as a copy of its own (equal to it, not the same object): deep-frozen, and taken by
 * `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/id
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/id.json' with { type: 'json' };

/** Indonesia: POJK 22/2023 collection days and hours, SEOJK 19/2023 (provisional; needs the `ID` holiday calendar). @category Presets */
export const id = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
