// A stored answer is keyed by its indicator id. Once a catalogue version is published, an id that
// leaves the catalogue must be listed as retired (with where it went), and changing the ids means a
// new version: otherwise answers on laptops in the field would vanish from view without a word.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allIndicators, parseCatalogue, retiredIds, type CatalogueKind } from '../../src/domain/catalogue';

const published = JSON.parse(readFileSync('indicators/published-ids.json', 'utf8')) as Record<CatalogueKind, Record<string, string[]>>;

describe.each(['national', 'local'] as const)('the %s catalogue keeps faith with what was published', (kind) => {
  const catalogue = parseCatalogue(JSON.parse(readFileSync(`indicators/${kind}.json`, 'utf8')), kind);
  const current = new Set(allIndicators(catalogue).map((i) => i.id));
  const versions = Object.keys(published[kind]);

  it('publishes its current version with exactly its current ids (changed ids need a new version)', () => {
    expect(versions.at(-1)).toBe(catalogue.version);
    expect([...current].sort()).toEqual([...published[kind][catalogue.version]!].sort());
  });

  it('still has, or lists as retired, every id any published version had', () => {
    const retired = retiredIds(catalogue);
    const lost = versions.flatMap((v) => published[kind][v]!.filter((id) => !current.has(id) && !retired.has(id)).map((id) => `${v}: ${id}`));
    expect(lost).toEqual([]);
  });
});
