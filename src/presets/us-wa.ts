/**
 * `arrears/presets/us-wa`: the `us-wa` preset by itself. `arrears/presets` loads all eleven; a cold
 * start that needs one jurisdiction is shorter importing it from here. The same document as `usWa`
 * there, as a copy of its own (equal to it, not the same object): deep-frozen, and taken by
 * `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/us-wa
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/us-wa.json' with { type: 'json' };

/** Washington overlay on `us-federal`: RCW 19.16.250 (licensed collection agencies). @category Presets */
export const usWa = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
