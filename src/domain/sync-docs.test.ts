import { emptySnapshot, Laptop } from '../../test/fixtures/exchange/laptop';
import type { AssessmentFile } from './assessment-file';
import { tinyCatalogue } from '../../test/fixtures/catalogue/tiny';
import { buildFile } from './exchange';
import { docsToFile, fileToDocs, nextHead, parseHeadId, tamperedReason, type DocBody } from './sync-docs';

async function sample() {
  const laptop = new Laptop('Ana', 'team', emptySnapshot());
  laptop.edit('health-access', { value: 'partial', narrative: 'Décret n° 12' });
  laptop.setReview('health-access', 'query');
  laptop.edit('school-access', { value: 'yes' });
  laptop.editAssessment({ context: 'Changed' });
  return buildFile(laptop.export(), laptop.actor, '2026-03-04T10:00:00.000Z');
}

/** Order of rows and the file's own stamp are not content. */
function normalize(file: AssessmentFile) {
  const { checksum: _c, exportedAt: _e, ...rest } = file;
  const by = <T>(key: (row: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : 1);
  return {
    ...rest,
    answers: [...rest.answers].sort(by((a) => a.indicatorId)),
    reviews: [...rest.reviews].sort(by((r) => r.indicatorId)),
    history: [...rest.history].sort(by((e) => e.id)),
    comments: [...rest.comments].sort(by((c) => c.id)),
    proposals: [...rest.proposals].sort(by((p) => p.id)),
  };
}

describe('an assessment as replicated documents', () => {
  it('reads back, through the file reader, exactly the records of the file', async () => {
    const file = await sample();
    const { bundles, head } = await fileToDocs(file, 'dev-1');
    expect(bundles.map((b) => b.key).sort()).toEqual(['@assessment', 'health-access', 'school-access']);
    const doc = (await nextHead(head, null))!;
    const read = await docsToFile({ ...head, generation: 1 }, new Map(bundles.map((b) => [b._id, b as DocBody])), () => tinyCatalogue);
    expect(normalize(read)).toEqual(normalize(file));
    expect(parseHeadId(doc._id)).toMatchObject({ device: 'dev-1', generation: 1 });
  });

  it('derives ids from content: the same state gives the same documents, and no new head', async () => {
    const file = await sample();
    const one = await fileToDocs(file, 'dev-1');
    const two = await fileToDocs({ ...file, exportedAt: '2027-01-01T00:00:00.000Z' }, 'dev-1');
    expect(two.bundles.map((b) => b._id)).toEqual(one.bundles.map((b) => b._id));
    const first = (await nextHead(one.head, null))!;
    expect(await nextHead(two.head, first._id)).toBeNull();
    const changed = await fileToDocs({ ...file, exportedBy: { name: 'Ben', role: 'team', device: 'dev-1' } }, 'dev-1');
    expect(parseHeadId((await nextHead(changed.head, first._id))!._id)?.generation).toBe(2);
  });

  it('names a document whose content no longer matches its id or revision', async () => {
    const { bundles, head } = await fileToDocs(await sample(), 'dev-1');
    const bundle = bundles[0]!;
    expect(await tamperedReason(bundle)).toBeNull();
    expect(await tamperedReason({ ...bundle, key: 'other' })).toMatch(/does not match its id/);
    const headDoc = (await nextHead(head, null))!;
    expect(await tamperedReason(headDoc)).toBeNull();
    expect(await tamperedReason({ ...headDoc, bundles: [] })).toMatch(/does not match/);
    expect(await tamperedReason({ ...headDoc, _id: headDoc._id.replace('dev-1', 'dev-2') })).toMatch(/no head of the device/);
    expect(await tamperedReason({ _id: 'x', _rev: '1-a' })).toMatch(/no document of this app/);
  });

  it('refuses a state that lists a bundle of another assessment or a missing one', async () => {
    const { bundles, head } = await fileToDocs(await sample(), 'dev-1');
    const held = new Map(bundles.map((b) => [b._id, b as DocBody]));
    const first = bundles[0]!;
    held.delete(first._id);
    await expect(docsToFile({ ...head, generation: 1 }, held, () => tinyCatalogue)).rejects.toThrow(/is missing/);
    held.set(first._id, { ...first, assessmentId: 'other' });
    await expect(docsToFile({ ...head, generation: 1 }, held, () => tinyCatalogue)).rejects.toThrow(/foreignRecord/);
  });
});
