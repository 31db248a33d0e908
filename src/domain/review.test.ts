import { describe, expect, it } from 'vitest';
import { tinyCatalogue } from '../../test/fixtures/catalogue/tiny';
import { isAuthor, openQueries, reviewOverview, threadsOf, type Comment, type Proposal, type Review } from './review';

const review = (indicatorId: string, status: Review['status']): Review => ({ assessmentId: 'a1', indicatorId, status, updatedAt: '2026-03-02T10:00:00.000Z' });
const proposal = (indicatorId: string, decided: boolean): Proposal => ({
  id: `p-${indicatorId}`,
  assessmentId: 'a1',
  indicatorId,
  value: 'yes',
  note: '',
  by: 'Ben',
  role: 'reviewer',
  device: 'b',
  at: '2026-03-02T10:00:00.000Z',
  decision: decided ? { status: 'accepted', by: 'Ana', role: 'team', device: 'a', at: '2026-03-02T11:00:00.000Z' } : null,
});
const comment = (id: string, parentId: string | null, at: string): Comment => ({
  id,
  assessmentId: 'a1',
  indicatorId: 'health-access',
  parentId,
  kind: 'comment',
  text: id,
  by: 'Ben',
  role: 'reviewer',
  device: 'b',
  at,
  editedAt: null,
  resolution: null,
});

describe('open queries', () => {
  it.each([
    ['nothing reviewed', [], [], []],
    ['a query raised', [review('health-access', 'query')], [], ['health-access']],
    ['a query answered but not yet validated', [review('health-access', 'answered')], [], ['health-access']],
    ['validated', [review('health-access', 'validated')], [], []],
    ['a proposal waiting for a decision', [review('health-access', 'validated')], [proposal('school-access', false)], ['school-access']],
    ['a decided proposal', [], [proposal('school-access', true)], []],
    ['a query on an indicator the catalogue no longer has', [review('retired-one', 'query')], [], ['retired-one']],
  ] as [string, Review[], Proposal[], string[]][])('%s', (_, reviews, proposals, open) => {
    expect(openQueries(reviews, proposals)).toEqual(open);
  });

  it('counts statuses and open queries per domain', () => {
    const overview = reviewOverview(tinyCatalogue, [review('health-access', 'query'), review('school-access', 'validated'), review('retired-one', 'query')], [proposal('labour-agreements', false)]);
    expect(overview.domains).toEqual([
      { domainId: 'rights', counts: { none: 0, query: 1, answered: 0, validated: 1 }, open: ['health-access'] },
      { domainId: 'partners', counts: { none: 3, query: 0, answered: 0, validated: 0 }, open: ['labour-agreements'] },
    ]);
    // The stray query still blocks validation.
    expect(overview.openTotal).toBe(3);
  });
});

describe('threads', () => {
  it('groups replies under their thread, oldest first, and keeps orphans visible', () => {
    const threads = threadsOf([
      comment('r2', 't1', '2026-03-02T12:00:00.000Z'),
      comment('t1', null, '2026-03-02T10:00:00.000Z'),
      comment('r1', 't1', '2026-03-02T11:00:00.000Z'),
      comment('orphan', 'gone', '2026-03-02T09:00:00.000Z'),
    ]);
    expect(threads.map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([
      ['orphan', []],
      ['t1', ['r1', 'r2']],
    ]);
  });

  it('knows the author by name and device together', () => {
    const c = comment('c', null, '2026-03-02T10:00:00.000Z');
    expect(isAuthor(c, { name: 'Ben', role: 'reviewer', device: 'b' })).toBe(true);
    expect(isAuthor(c, { name: 'Ben', role: 'reviewer', device: 'other-laptop' })).toBe(false);
    expect(isAuthor(c, { name: 'Ana', role: 'team', device: 'b' })).toBe(false);
  });
});
