/**
 * `arrears/presets/uk`: the `uk` preset by itself. `arrears/presets` loads all eleven; a cold start
 * that needs one jurisdiction is shorter importing it from here. The same document as `uk` there,
 * as a copy of its own (equal to it, not the same object): deep-frozen, and taken by
 * `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/uk
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/uk.json' with { type: 'json' };

/** United Kingdom: CONC 7, Breathing Space and mental health crisis moratoria, CCA default notice, Pre-Action Protocol. @category Presets */
export const uk = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
