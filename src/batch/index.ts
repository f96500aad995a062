/**
 * `arrears/batch`: decide a whole portfolio on every core with worker threads. Node only; the
 * main entry (`arrears`) never imports it. See docs/serverless-and-batch.md.
 * @packageDocumentation
 * @module arrears/batch
 */
export { decideMany } from './decide-many.js';

export type { BatchItemError, DecideManyOptions, DecideManyResult } from './decide-many.js';
export type { BatchPoolOptions } from './pool.js';
