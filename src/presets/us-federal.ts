/**
 * `arrears/presets/us-federal`: the `us-federal` preset by itself. `arrears/presets` loads all
 * eleven; a cold start that needs one jurisdiction is shorter importing it from here. The same
 * document as `usFederal` there, as a copy of its own (equal to it, not the same object):
 * deep-frozen, and taken by `loadCompliance` as it is.
 * @packageDocumentation
 * @module arrears/presets/us-federal
 */
import type { ComplianceDocument } from '../compliance/document.js';
import { shipPreset } from '../compliance/shipped-presets.js';
import document from '../../rules/compliance/us-federal.json' with { type: 'json' };

/** United States, federal: FDCPA and Regulation F (third-party collectors), the bankruptcy stay. @category Presets */
export const usFederal = /* @__PURE__ */ shipPreset(document as ComplianceDocument);
