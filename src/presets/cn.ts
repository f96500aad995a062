/**
 * `arrears/presets/cn`: the `cn` preset by itself. `arrears/presets` loads all eleven; a cold start
 * that needs one jurisdiction is shorter importing it from here. The same document as `cn` there,
 * as a copy of its own (equal to it, not the same object): deep-frozen, and taken by
 * `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/cn
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/cn.json' with { type: 'json' };

/** China: GB/T 45251-2025, the CBA 2026 guideline, the card rules, the NIFA 2018 convention (provisional). @category Presets */
export const cn = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
