/**
 * `arrears/presets/us-ma`: the `us-ma` preset by itself. `arrears/presets` loads all eleven; a cold
 * start that needs one jurisdiction is shorter importing it from here. The same document as `usMa`
 * there, as a copy of its own (equal to it, not the same object): deep-frozen, and taken by
 * `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/us-ma
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/us-ma.json' with { type: 'json' };

/** Massachusetts overlay on `us-federal`: 940 CMR 7.00 (creditors) and 209 CMR 18.00 (debt collectors). @category Presets */
export const usMa = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
