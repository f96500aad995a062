/**
 * `arrears/presets/ru`: the `ru` preset by itself. `arrears/presets` loads all eleven; a cold start
 * that needs one jurisdiction is shorter importing it from here. The same document as `ru` there,
 * as a copy of its own (equal to it, not the same object): deep-frozen, and taken by
 * `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/ru
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/ru.json' with { type: 'json' };

/** Russia: Federal Law 230-FZ art. 7 (provisional; needs the `RU` holiday calendar). @category Presets */
export const ru = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
