import { describe, expect, it } from 'vitest';
import { tinyCatalogue, tinyText } from '../../test/fixtures/catalogue/tiny';
import { CatalogueError, parseCatalogue, parseCatalogueText, retiredIds, type Catalogue, type CatalogueText } from './catalogue';

const clone = (value: typeof tinyCatalogue): Catalogue => structuredClone(value);
const cloneText = (value: typeof tinyText): CatalogueText => structuredClone(value);

function problemOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as Error).message;
  }
  throw new Error('expected a CatalogueError');
}

describe('parseCatalogue', () => {
  it('accepts a valid catalogue', () => {
    expect(parseCatalogue(clone(tinyCatalogue), 'indicators/national.json').domains).toHaveLength(2);
  });

  it.each([
    [
      'a GCM objective outside 1-23',
      (c: Catalogue) => {
        c.domains[0]!.subdomains[0]!.indicators[1]!.gcm = [24];
      },
      /indicators\/national\.json: "school-access": gcm\.0: .*23/,
    ],
    [
      'an unknown institution kind',
      (c: Catalogue) => {
        (c.domains[0]!.subdomains[0]!.indicators[0] as { institutions: string[] }).institutions = ['navy'];
      },
      /"health-access": institutions\.0/,
    ],
    [
      'a duplicated id',
      (c: Catalogue) => {
        c.domains[1]!.subdomains[0]!.indicators[0]!.id = 'health-access';
      },
      /"health-access": id is used more than once/,
    ],
    [
      'a relevance rule pointing nowhere',
      (c: Catalogue) => {
        c.domains[1]!.subdomains[0]!.indicators[1]!.notApplicableWhen = [{ indicator: 'ghost', answers: ['no'] }];
      },
      /"agreement-monitoring": relevance rule points at unknown indicator "ghost"/,
    ],
    [
      'a cycle of relevance rules',
      (c: Catalogue) => {
        c.domains[1]!.subdomains[0]!.indicators[0]!.notApplicableWhen = [{ indicator: 'monitoring-report', answers: ['no'] }];
      },
      /relevance rules form a cycle/,
    ],
    [
      'a retired id still in use',
      (c: Catalogue) => {
        c.retired = [{ id: 'health-access', since: '2026.2' }];
      },
      /"health-access": retired id is still in use/,
    ],
    [
      'a merge into an unknown indicator',
      (c: Catalogue) => {
        c.retired = [{ id: 'old-health', mergedInto: 'ghost', since: '2026.2' }];
      },
      /"old-health": merged into unknown indicator "ghost"/,
    ],
    [
      'an id retired twice',
      (c: Catalogue) => {
        c.retired = [
          { id: 'old-health', since: '2026.2' },
          { id: 'old-health', since: '2026.3' },
        ];
      },
      /"old-health": retired more than once/,
    ],
    [
      'a malformed id',
      (c: Catalogue) => {
        c.domains[0]!.subdomains[0]!.indicators[0]!.id = 'Health Access';
      },
      /kebab-case/,
    ],
  ])('rejects %s, naming the file, the id and the problem', (_, breakIt, expected) => {
    const broken = clone(tinyCatalogue);
    breakIt(broken);
    expect(problemOf(() => parseCatalogue(broken, 'indicators/national.json'))).toMatch(expected);
  });

  it('lists retired ids for importers and readers of old assessments', () => {
    const c = clone(tinyCatalogue);
    c.retired = [{ id: 'old-health', mergedInto: 'health-access', since: '2026.2' }];
    expect([...retiredIds(parseCatalogue(c, 'tiny'))]).toEqual(['old-health']);
    expect(retiredIds(parseCatalogue(clone(tinyCatalogue), 'tiny')).size).toBe(0);
  });

  it('rejects a file that is not a catalogue at all', () => {
    expect(problemOf(() => parseCatalogue([1, 2], 'indicators/local.json'))).toMatch(/^indicators\/local\.json: /);
  });
});

describe('parseCatalogueText', () => {
  const catalogue = parseCatalogue(clone(tinyCatalogue), 'indicators/national.json');

  it('accepts texts for every id', () => {
    expect(parseCatalogueText(cloneText(tinyText), 'locales/es/national.json', catalogue).indicators['health-access']?.question).toBe('Health access?');
  });

  it('names a missing indicator text', () => {
    const broken = cloneText(tinyText) as { indicators: Record<string, unknown> };
    delete broken.indicators['school-access'];
    expect(problemOf(() => parseCatalogueText(broken, 'locales/es/national.json', catalogue))).toBe(
      'locales/es/national.json: "school-access": no text in indicators',
    );
  });

  it('names an empty sentence', () => {
    const broken = cloneText(tinyText);
    broken.indicators['labour-agreements']!.gap = '  ';
    expect(problemOf(() => parseCatalogueText(broken, 'locales/fr/national.json', catalogue))).toMatch(
      /locales\/fr\/national\.json: "labour-agreements": gap: must not be empty/,
    );
  });

  it('names text for an indicator the catalogue lacks', () => {
    const broken = cloneText(tinyText) as { indicators: Record<string, unknown> };
    broken.indicators['retired-one'] = tinyText.indicators['health-access'];
    expect(problemOf(() => parseCatalogueText(broken, 'locales/en/national.json', catalogue))).toMatch(/"retired-one": text for an indicator/);
  });
});
