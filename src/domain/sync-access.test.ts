import { accessOf, canWrite, databaseName, parseServerRole, serverRole } from './sync-access';

describe('access to an assessment on a sync server', () => {
  it.each([
    ['3f2a-uuid-like_id', 'mgi-3f2a-uuid-like_id'],
    ['Has Capitals', 'mgi-x486173204361706974616c73'],
    ['é', 'mgi-xc3a9'],
  ])('names the database of %s as %s', (id, name) => {
    expect(databaseName(id)).toBe(name);
    expect(name).toMatch(/^[a-z][a-z0-9_$()+/-]*$/);
  });

  it('reads back the roles it writes, and nothing else', () => {
    expect(parseServerRole(serverRole('a:b', 'reviewer'))).toEqual({ assessmentId: 'a:b', role: 'reviewer' });
    expect(parseServerRole('_admin')).toBeNull();
    expect(parseServerRole('mgi:owner:a1')).toBeNull();
    expect(parseServerRole('mgi:team:')).toBeNull();
  });

  it('keeps the strongest access per assessment and lets only team and reviewers write', () => {
    const roles = ['mgi:reader:a1', 'mgi:team:a1', 'mgi:reader:a2', 'other'];
    expect(accessOf(roles)).toEqual(new Map([['a1', 'team'], ['a2', 'reader']]));
    expect(canWrite(roles, 'a1')).toBe(true);
    expect(canWrite(roles, 'a2')).toBe(false);
    expect(canWrite(roles, 'a3')).toBe(false);
    expect(canWrite(['_admin'], 'a3')).toBe(true);
  });
});
