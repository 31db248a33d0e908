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

const query = (indicatorId: string, resolved: boolean): Comment => ({
  ...comment(`q-${indicatorId}`, null, '2026-03-02T10:00:00.000Z'),
  indicatorId,
  kind: 'query',
  resolution: resolved ? { by: 'Ana', role: 'team', device: 'a', at: '2026-03-02T12:00:00.000Z', resolved: true } : null,
});
const withDecision = (p: Proposal, status: 'accepted' | 'rejected' | 'reopened'): Proposal => ({
  ...p,
  decision: { status, by: 'Ana', role: 'team', device: 'a', at: '2026-03-02T11:00:00.000Z' },
});

describe('open queries', () => {
  it.each([
    ['nothing reviewed', [], [], []],
    ['a query raised', [query('health-access', false)], [], ['health-access']],
    ['a query answered, not resolved', [query('health-access', false), { ...comment('reply', 'q-health-access', '2026-03-02T11:00:00.000Z') }], [], ['health-access']],
    ['a resolved query', [query('health-access', true)], [], []],
    ['a plain comment', [comment('c', null, '2026-03-02T10:00:00.000Z')], [], []],
    ['a proposal waiting for a decision', [], [proposal('school-access', false)], ['school-access']],
    ['an accepted proposal', [], [proposal('school-access', true)], []],
    ['a rejected proposal', [], [withDecision(proposal('school-access', false), 'rejected')], []],
    ['a rejection taken back', [], [withDecision(proposal('school-access', false), 'reopened')], ['school-access']],
    ['a query on an indicator the catalogue no longer has', [query('retired-one', false)], [], ['retired-one']],
  ] as [string, Comment[], Proposal[], string[]][])('%s', (_, comments, proposals, open) => {
    expect(openQueries(comments, proposals)).toEqual(open);
  });

  it('counts statuses and open queries per domain', () => {
    const overview = reviewOverview(
      tinyCatalogue,
      [review('health-access', 'query'), review('school-access', 'validated'), review('retired-one', 'query')],
      [query('health-access', false), query('retired-one', false)],
      [proposal('labour-agreements', false)],
    );
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
