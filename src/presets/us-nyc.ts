/**
 * `arrears/presets/us-nyc`: the `us-nyc` preset by itself. `arrears/presets` loads all eleven; a
 * cold start that needs one jurisdiction is shorter importing it from here. The same document as
 * `usNyc` there, as a copy of its own (equal to it, not the same object): deep-frozen, and taken by
 * `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/us-nyc
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/us-nyc.json' with { type: 'json' };

/** New York City overlay on `us-federal`: the DCWP SHIELD amendments, from 2026-09-01 (provisional). @category Presets */
export const usNyc = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
