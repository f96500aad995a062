/**
 * Policies of any size built from the default policy, as in PERFORMANCE.md §6: the 21 base rules
 * plus segment-specific variants of them, each adding `attributes.segment == "S<k>"` as its last
 * condition. Loans are spread over the segments (see `generate.ts`), so they match about as
 * often as with the base policy. Used by the benchmark and by the differential test.
 */
import defaultPolicy from '../rules/policies/default.json' with { type: 'json' };

/** A json-rules-engine rule, as JSON. */
export interface RuleJson {
  name: string;
  conditions: Record<string, unknown>;
  event: { type: string; params: Record<string, unknown> };
  [key: string]: unknown;
}

/** The bundled default policy (21 rules). */
export function defaultPolicyDocument(): { rules: RuleJson[] } {
  return structuredClone(defaultPolicy) as unknown as { rules: RuleJson[] };
}

/** `size` rules: the base rules, then variants of them for segments `S0`…`S<segments − 1>`, in turn. */
export function scaledPolicy(size: number, segments = 100, base: readonly RuleJson[] = defaultPolicyDocument().rules): RuleJson[] {
  const rules: RuleJson[] = base.slice(0, size).map((rule) => structuredClone(rule));
  for (let k = 0; rules.length < size; k++) {
    const rule = structuredClone(base[k % base.length]!);
    const segment = { fact: 'attributes.segment', operator: 'equal', value: `S${k % segments}` };
    const all = rule.conditions['all'];
    rule.conditions = Array.isArray(all) ? { ...rule.conditions, all: [...(all as unknown[]), segment] } : { all: [rule.conditions, segment] };
    rules.push({ ...rule, name: `${rule.name}~s${k}` });
  }
  return rules;
}
