/**
 * `arrears/presets/in`: the `in` preset by itself. `arrears/presets` loads all eleven; a cold start
 * that needs one jurisdiction is shorter importing it from here. The same document as `india`
 * there, as a copy of its own (equal to it, not the same object): deep-frozen, and taken by
 * `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/in
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/in.json' with { type: 'json' };

/** India: the RBI's 2022 rules for recovery agents (provisional). Id `in`, a reserved word in JavaScript. @category Presets */
export const india = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
