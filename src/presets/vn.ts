/**
 * `arrears/presets/vn`: the `vn` preset by itself. `arrears/presets` loads all eleven; a cold start
 * that needs one jurisdiction is shorter importing it from here. The same document as `vn` there,
 * as a copy of its own (equal to it, not the same object): deep-frozen, and taken by
 * `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/vn
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/vn.json' with { type: 'json' };

/** Vietnam: Circular 43/2016/TT-NHNN as amended (provisional). @category Presets */
export const vn = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
