/**
 * `arrears/presets/ph`: the `ph` preset by itself. `arrears/presets` loads all eleven; a cold start
 * that needs one jurisdiction is shorter importing it from here. The same document as `ph` there,
 * as a copy of its own (equal to it, not the same object): deep-frozen, and taken by
 * `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/ph
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/ph.json' with { type: 'json' };

/** Philippines: SEC MC 18 s.2019 and BSP Circular 454 (provisional). @category Presets */
export const ph = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
