/**
 * `arrears/presets/<id>`: each preset by itself, for a cold start that needs one jurisdiction.
 * Each module carries the very document `arrears/presets` has under that id (in the build, a
 * copy of its own), registered as shipped, so that `loadCompliance` takes it as it is and gives
 * the same compliance, hash included.
 */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isShippedPreset } from '../../src/compliance/shipped-presets.js';
import { presetIds, presets, type PresetId } from '../../src/presets/index.js';
import { ensureBuild, root } from '../cli/ensure-build.js';

const calendars = { ID: { years: [2026], dates: ['2026-01-01'] }, RU: { years: [2026], dates: ['2026-01-01'] } };
const onlyExport = (module: Record<string, unknown>) => {
  const names = Object.keys(module).filter((name) => name !== 'default' && name !== 'module.exports');
  expect(names).toHaveLength(1);
  return module[names[0]!];
};

describe('the modules of src/presets/', () => {
  it('are one per preset id, named after it', () => {
    const modules = readdirSync(`${root}src/presets`).filter((name) => name !== 'index.ts').map((name) => name.slice(0, -3));
    expect(modules.sort()).toEqual([...presetIds].sort());
  });

  it.each(presetIds)('%s exports the preset of arrears/presets, frozen and shipped', async (id) => {
    const document = onlyExport((await import(/* @vite-ignore */ pathToFileURL(`${root}src/presets/${id}.ts`).href)) as Record<string, unknown>);
    expect(document).toBe(presets[id]);
    expect(Object.isFrozen(document)).toBe(true);
    expect(isShippedPreset(document)).toBe(true);
  });
});

describe('the built modules of arrears/presets/<id>', () => {
  ensureBuild();
  const load = async (file: string) => (await import(pathToFileURL(`${root}dist/${file}`).href)) as Record<string, unknown>;

  it.each(presetIds)('%s: a copy of the preset of arrears/presets that loadCompliance takes as a shipped preset', async (id: PresetId) => {
    const core = await load('index.js');
    const shared = await load('shared.js');
    const all = (await load('presets.js'))['presets'] as Record<PresetId, object>;
    const alone = onlyExport(await load(`presets/${id}.js`)) as object;
    expect(alone).toStrictEqual(all[id]);
    expect(alone).not.toBe(all[id]);
    expect((shared['isShippedPreset'] as (document: unknown) => boolean)(alone)).toBe(true);
    const loadCompliance = core['loadCompliance'] as (documents: unknown, options: unknown) => { hash: string; rules: unknown[] };
    const fromModule = loadCompliance(alone, { calendars });
    const fromAll = loadCompliance(all[id], { calendars });
    expect(fromModule.hash).toBe(fromAll.hash);
    expect(fromModule.rules).toStrictEqual(fromAll.rules);
  });
});
