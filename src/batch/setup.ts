/**
 * A policy and compliance as they cross to another thread, and back: the loaded policy holds
 * compiled code, which cannot be cloned, so its rules travel and the other thread compiles its
 * own. Used by the pool (to each deciding worker) and by `arrears batch` (to the thread that
 * feeds them).
 */
import type { DecideOptions } from '../decide.js';
import { ArrearsError } from '../errors.js';
import { loadPolicy } from '../policy/load-policy.js';
import type { WorkerSetup } from './protocol.js';

/** What another thread needs to decide as `options` does. */
export function setupOf(options: DecideOptions): WorkerSetup {
  return { rules: options.policy.rules, policyHash: options.policy.hash, compliance: options.compliance, trace: options.trace ?? 'summary' };
}

/**
 * The decide options of a setup, in the thread that received it: the policy compiled again from
 * its rules, and checked to be the same policy (its hash).
 */
export function optionsOf(setup: WorkerSetup): DecideOptions {
  const policy = loadPolicy(setup.rules);
  if (policy.hash !== setup.policyHash) throw new ArrearsError('INVALID_POLICY', 'A batch thread loaded a different policy than the one given');
  return { policy, compliance: setup.compliance, trace: setup.trace };
}
