// @vitest-environment node
import { refusal } from './policy';

const anonymous = { name: null, roles: [] };
const member = { name: 'ana', roles: ['mgi:team:a1'] };
const admin = { name: 'admin', roles: ['_admin'] };

describe('what the sync server refuses before its engine', () => {
  it.each([
    ['GET', '/', anonymous, null],
    ['POST', '/_session', anonymous, null],
    ['GET', '/_all_dbs', anonymous, 401],
    ['GET', '/mgi-a1/_changes', anonymous, 401],
    ['PUT', '/mgi-a1', anonymous, 401],
    ['GET', '/_users/_all_docs', anonymous, 401],
    ['GET', '/_all_dbs', member, 403],
    ['GET', '/_users/org.couchdb.user:ana', member, 403],
    ['POST', '/_replicate', member, 403],
    ['PUT', '/mgi-a1', member, 403],
    ['DELETE', '/mgi-a1', member, 403],
    ['GET', '/_session', member, null],
    ['GET', '/mgi-a1/_changes', member, null],
    ['POST', '/mgi-a1/_bulk_docs', member, null],
    ['PUT', '/mgi-a1', admin, null],
    ['GET', '/_all_dbs', admin, null],
  ] as const)('%s %s as %o → %s', (method, path, user, status) => {
    expect(refusal(method, path, { name: user.name, roles: [...user.roles] })?.status ?? null).toBe(status);
  });
});
