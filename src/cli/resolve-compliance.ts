import { existsSync } from 'node:fs';
import { ArrearsValidationError, isArrearsValidationError, loadCompliance, validateCompliance } from '../index.js';
import type { Compliance } from '../index.js';
import { presetIds, presets } from '../presets/index.js';
import { didYouMean } from '../_lib/nearest-name.js';
import { invalidDocument, usageError } from './cli-error.js';
import { readJson } from './read-json.js';

/** `presets: cn, us-federal`: the ids a `--compliance` value may name. */
export function presetList(): string {
  return `presets: ${presetIds.join(', ')}`;
}

const looksLikePath = (value: string) => /[\\/]/.test(value) || /\.json$/i.test(value);

/**
 * Turns the `--compliance` values into one loaded compliance: each value is a preset id or the
 * path of a JSON compliance document (or of a list of them). A preset id wins over a file of the
 * same name; write `./cn` for the file.
 */
export async function resolveCompliance(values: readonly string[], command: string): Promise<Compliance> {
  if (values.length === 0) {
    throw usageError(`${command} needs at least one --compliance <preset-id|file>; ${presetList()}`, command);
  }
  const documents: unknown[] = [];
  const sources: string[] = [];
  for (const value of values) {
    if (Object.hasOwn(presets, value)) {
      documents.push(presets[value as keyof typeof presets]);
      sources.push(value);
      continue;
    }
    if (!existsSync(value) && !looksLikePath(value)) {
      throw usageError(`unknown compliance preset "${value}"${didYouMean(value, presetIds)}; ${presetList()}; or give the path of a JSON compliance document`, command);
    }
    const content = await readJson(value, 'compliance file', command);
    // Validated on its own first, so that an issue names the file it is in.
    const result = validateCompliance(content);
    if (!result.success) throw invalidDocument(`${value}: ${new ArrearsValidationError('compliance', result.issues).message}`);
    documents.push(...(Array.isArray(content) ? (content as unknown[]) : [content]));
    sources.push(value);
  }
  try {
    return loadCompliance(documents);
  } catch (error) {
    // Only the composition can fail here (a rule id in two documents); paths index the list.
    if (isArrearsValidationError(error)) throw invalidDocument(`--compliance ${sources.join(', ')}: ${error.message}`);
    throw error;
  }
}
