import { describe, expect, it } from 'vitest';
import { tinyCatalogue } from '../../test/fixtures/catalogue/tiny';
import { emptySnapshot, Laptop } from '../../test/fixtures/exchange/laptop';
import { checkSnapshot, compareCatalogueVersions, knownIndicatorIds, plausibleDate } from './snapshot-check';

const NOW = '2026-03-10T12:00:00.000Z';

/** A snapshot built without any file, as sync will build one from a server's answer. */
function fromElsewhere() {
  const laptop = new Laptop('Ana', 'team', emptySnapshot());
  laptop.edit('health-access', { value: 'yes', narrative: 'Loi de 2019.' }).edit('monitoring-report', { value: 'na' }).setReview('health-access', 'query');
  return laptop.export();
}

describe('checking a snapshot that did not come from a file', () => {
  it('accepts a workshop laptop’s snapshot as it is', () => {
    const snapshot = fromElsewhere();
    expect(checkSnapshot(snapshot, tinyCatalogue, { now: NOW })).toEqual({ ok: true, snapshot, repaired: [] });
  });

  it('names the problem with a code and parameters, never a sentence', () => {
    const snapshot = fromElsewhere();
    snapshot.answers.push({ ...snapshot.answers[0]!, indicatorId: 'retired-or-invented' });
    const result = checkSnapshot(snapshot, tinyCatalogue, { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.error.problem, result.error.detail]).toEqual(['catalogue', { code: 'unknownIndicators', values: { count: 1, id: 'retired-or-invented', version: '2026.1' } }]);
  });

  it('accepts “Not applicable” where a relevance rule rules the indicator out, and refuses it elsewhere', () => {
    const ruled = fromElsewhere();
    ruled.answers.push({ ...ruled.answers[0]!, indicatorId: 'labour-agreements', value: 'no' }, { ...ruled.answers[0]!, indicatorId: 'agreement-monitoring', value: 'na' });
    expect(checkSnapshot(ruled, tinyCatalogue, { now: NOW }).ok).toBe(true);
    const forbidden = fromElsewhere();
    forbidden.answers.push({ ...forbidden.answers[0]!, indicatorId: 'agreement-monitoring', value: 'na' });
    const result = checkSnapshot(forbidden, tinyCatalogue, { now: NOW });
    expect(!result.ok && result.error.detail?.code).toBe('notApplicableForbidden');
  });

  it('repairs device-local marks and a validation that an open query contradicts, and says so', () => {
    const snapshot = fromElsewhere();
    snapshot.assessment = { ...snapshot.assessment, status: 'validated', archived: true, deletedAt: NOW };
    snapshot.comments.push({
      id: 'q1',
      assessmentId: snapshot.assessment.id,
      indicatorId: 'health-access',
      parentId: null,
      kind: 'query',
      text: 'Which law?',
      by: 'Ben',
      role: 'reviewer',
      device: 'b',
      at: NOW,
      editedAt: null,
      resolution: null,
    });
    const result = checkSnapshot(snapshot, tinyCatalogue, { now: NOW });
    expect(result).toMatchObject({ ok: true, repaired: ['deletedMarkDropped', 'archivedCleared', 'reopenedForOpenQuery'] });
    expect(result.ok && result.snapshot.assessment).toMatchObject({ status: 'draft', archived: false });
    expect(result.ok && 'deletedAt' in result.snapshot.assessment).toBe(false);
  });
});

describe('the rules behind the check', () => {
  it.each([
    ['2026.1', '2026.1', 0],
    ['2026.10', '2026.9', 1],
    ['2025.3', '2026.1', -1],
    ['latest', '2026.1', null],
  ])('compares catalogue version %s with %s', (a, b, sign) => {
    const result = compareCatalogueVersions(a, b);
    expect(result === null ? null : Math.sign(result)).toBe(sign);
  });

  it.each([
    ['2026-03-10T11:00:00.000Z', true],
    ['2027-02-01T00:00:00.000Z', true], // a laptop clock months ahead
    ['1999-12-31T23:59:59.000Z', false],
    ['9999-12-31T23:59:59.000Z', false],
    ['0000-01-01T00:00:00.000Z', false],
  ])('takes %s as plausible: %s', (date, plausible) => {
    expect(plausibleDate(date, NOW)).toBe(plausible);
  });

  it('knows the catalogue’s indicators (and its retired ones)', () => {
    expect([...knownIndicatorIds(tinyCatalogue)].sort()).toEqual(['agreement-monitoring', 'health-access', 'labour-agreements', 'monitoring-report', 'school-access']);
  });
});
