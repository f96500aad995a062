import * as z from 'zod/mini';
import { LEGAL_STEPS, PURPOSES, RECIPIENTS } from '../domain/vocabulary.js';
import { idString } from './primitives.js';

/** The params the guard reads, as a zod shape: of `check`'s action, and of a policy's candidates. */
export const guardParamsShape = () => ({
  purpose: z.optional(z.enum(PURPOSES)),
  address: z.optional(idString()),
  step: z.optional(z.enum(LEGAL_STEPS)),
  recipient: z.optional(z.enum(RECIPIENTS)),
  contactId: z.optional(idString()),
});
