/**
 * Jurisdiction presets: compliance documents encoded from cited law, rule by rule. They are
 * research findings, not legal advice: have counsel confirm each rule before relying on it.
 * @packageDocumentation
 */
import type { ComplianceDocument } from '../compliance/document.js';
import cnDocument from '../../rules/compliance/cn.json' with { type: 'json' };
import usFederalDocument from '../../rules/compliance/us-federal.json' with { type: 'json' };

/** China: GB/T 45251-2025, the CBA 2026 guideline, the card rules. @category Presets */
export const cn = cnDocument as ComplianceDocument;

/** United States, federal: FDCPA and Regulation F (third-party collectors), the bankruptcy stay. @category Presets */
export const usFederal = usFederalDocument as ComplianceDocument;

/** Every preset by id, to pass to `loadCompliance`. @category Presets */
export const presets = { cn, 'us-federal': usFederal } as const satisfies Record<string, ComplianceDocument>;

/** A preset id. @category Presets */
export type PresetId = keyof typeof presets;

/** The preset ids, in a stable order. @category Presets */
export const presetIds = Object.keys(presets) as PresetId[];
