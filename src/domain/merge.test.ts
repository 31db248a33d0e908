import { describe, expect, it } from 'vitest';
import { emptySnapshot, Laptop, newAssessment, testId } from '../../test/fixtures/exchange/laptop';
import type { Evidence } from './assessment';
import { ASSESSMENT_KEY, compareEntries } from './history';
import { mergeSnapshots, type Snapshot } from './merge';
import type { Comment, Proposal } from './review';

const law = (id: string, title: string): Evidence => ({ id, title, type: 'law', reference: '', year: 2020, link: '' });

/** Laptop A (government team) starts the assessment and answers two questions; B (reviewer) gets a copy. */
function workshop() {
  const a = new Laptop('Ana', 'team', emptySnapshot());
  a.edit('health', { value: 'partial', narrative: 'A decree covers emergency care.', evidence: [law('e1', 'Decree 12/2021')], institutions: ['health'] });
  a.edit('school', { value: 'yes', narrative: 'The education act covers every child.' });
  const b = new Laptop('Ben', 'reviewer', a.export());
  return { a, b };
}

type Case = [string, (a: Laptop, b: Laptop) => void, (outcome: ReturnType<Laptop['import']>, a: Laptop) => void];

describe('merging a file from another laptop into this one (A imports B)', () => {
  it.each<Case>([
    [
      'takes a change made on their side only',
      (_a, b) => b.edit('health', { value: 'yes' }),
      (o, a) => {
        expect(o.conflicts).toEqual([]);
        expect(o.taken).toMatchObject([{ indicatorId: 'health', field: 'value', old: 'partial', new: 'yes' }]);
        expect(a.answer('health').value).toBe('yes');
      },
    ],
    [
      'keeps a change made on this side only',
      (a) => a.edit('health', { narrative: 'Rewritten here.' }),
      (o, a) => {
        expect(o.conflicts).toEqual([]);
        expect(o.taken).toEqual([]);
        expect(a.answer('health').narrative).toBe('Rewritten here.');
      },
    ],
    [
      'takes their changes and keeps ours when each side changed different fields of one answer',
      (a, b) => {
        a.edit('health', { narrative: 'Narrative from A.' });
        b.edit('health', { value: 'no' });
      },
      (o, a) => {
        expect(o.conflicts).toEqual([]);
        expect(a.answer('health')).toMatchObject({ value: 'no', narrative: 'Narrative from A.' });
      },
    ],
    [
      'sees no conflict when both sides reached the same value',
      (a, b) => {
        a.edit('school', { value: 'partial' });
        b.edit('school', { value: 'partial' });
      },
      (o, a) => {
        expect(o.conflicts).toEqual([]);
        expect(a.answer('school').value).toBe('partial');
      },
    ],
    [
      'reports a real conflict with base, ours and theirs, and who changed each when',
      (a, b) => {
        a.edit('health', { narrative: 'Ana: the decree was extended in 2023.' });
        b.edit('health', { narrative: 'Ben: the decree lapsed in 2024.' });
      },
      (o, a) => {
        expect(o.undecided).toHaveLength(1);
        const [c] = o.undecided;
        expect(c).toMatchObject({
          indicatorId: 'health',
          field: 'narrative',
          base: { value: 'A decree covers emergency care.', entry: { by: 'Ana' } },
          mine: { value: 'Ana: the decree was extended in 2023.', entry: { by: 'Ana', role: 'team', device: 'device-ana' } },
          theirs: { value: 'Ben: the decree lapsed in 2024.', entry: { by: 'Ben', role: 'reviewer', device: 'device-ben' } },
        });
        expect(c!.theirs.entry?.at).toMatch(/^2026-03-02T/);
        // Waiting for a person: nothing changed on this laptop.
        expect(a.answer('health').narrative).toBe('Ana: the decree was extended in 2023.');
      },
    ],
    [
      'combines evidence added on both sides',
      (a, b) => {
        a.edit('health', { evidence: [law('e1', 'Decree 12/2021'), law('e2', 'Health act')] });
        b.edit('health', { evidence: [law('e1', 'Decree 12/2021'), law('e3', 'Ministerial circular')] });
      },
      (o, a) => {
        expect(o.conflicts).toEqual([]);
        expect(o.combined).toMatchObject([{ indicatorId: 'health', field: 'evidence' }]);
        expect(a.answer('health').evidence.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
      },
    ],
    [
      'combines an evidence item removed on one side with one added on the other',
      (a, b) => {
        a.edit('health', { evidence: [] });
        b.edit('health', { evidence: [law('e1', 'Decree 12/2021'), law('e4', 'Census 2020')] });
      },
      (o, a) => {
        expect(o.conflicts).toEqual([]);
        expect(a.answer('health').evidence.map((e) => e.id)).toEqual(['e4']);
      },
    ],
    [
      'reports a conflict when one evidence item was edited differently on both sides',
      (a, b) => {
        a.edit('health', { evidence: [law('e1', 'Decree 12/2021 (amended)')] });
        b.edit('health', { evidence: [law('e1', 'Decree 12 of 2021')] });
      },
      (o) => {
        expect(o.undecided).toMatchObject([{ indicatorId: 'health', field: 'evidence' }]);
      },
    ],
    [
      'reports a conflict when an evidence item was edited on one side and removed on the other',
      (a, b) => {
        a.edit('health', { evidence: [law('e1', 'Decree 12/2021 (amended)')] });
        b.edit('health', { evidence: [] });
      },
      (o) => {
        expect(o.undecided).toMatchObject([{ indicatorId: 'health', field: 'evidence' }]);
      },
    ],
    [
      'combines institutions added and removed on both sides',
      (a, b) => {
        a.edit('health', { institutions: ['health', 'labour'] });
        b.edit('health', { institutions: ['social-protection'] });
      },
      (o, a) => {
        expect(o.conflicts).toEqual([]);
        expect(a.answer('health').institutions).toEqual(['labour', 'social-protection']);
      },
    ],
    [
      "takes the assessment's context changed on their side",
      (_a, b) => b.editAssessment({ context: 'Context revised by the mission.' }),
      (o, a) => {
        expect(o.taken).toMatchObject([{ indicatorId: ASSESSMENT_KEY, field: 'context' }]);
        expect(a.snapshot.assessment.context).toBe('Context revised by the mission.');
      },
    ],
    [
      "takes a reviewer's status change",
      (_a, b) => b.setReview('school', 'validated'),
      (o, a) => {
        expect(o.conflicts).toEqual([]);
        expect(a.snapshot.reviews).toMatchObject([{ indicatorId: 'school', status: 'validated' }]);
      },
    ],
    [
      'takes an answer to a question this laptop never opened',
      (_a, b) => b.edit('border', { value: 'no', narrative: 'No border agency yet.' }),
      (o, a) => {
        expect(o.conflicts).toEqual([]);
        expect(a.answer('border')).toMatchObject({ assessmentId: 'assessment-1', value: 'no', narrative: 'No border agency yet.' });
      },
    ],
  ])('%s', (_, act, check) => {
    const { a, b } = workshop();
    act(a, b);
    check(a.import(b.export()), a);
  });

  it('orders by who knew what, not by wrong laptop clocks', () => {
    const a = new Laptop('Ana', 'team', emptySnapshot());
    a.edit('health', { value: 'partial' });
    // B's clock is three hours behind: its later edit carries an earlier time than A's.
    const b = new Laptop('Ben', 'reviewer', a.export(), -180);
    b.edit('health', { value: 'yes' });
    const outcome = a.import(b.export());
    expect(outcome.conflicts).toEqual([]);
    expect(a.answer('health').value).toBe('yes');
  });

  it('calls data recorded before history existed a conflict when the two sides differ, never picking one silently', () => {
    const base = emptySnapshot();
    const mine: Snapshot = { ...base, answers: [{ ...emptyAnswerRow('health'), value: 'yes' }] };
    const theirs: Snapshot = { ...base, answers: [{ ...emptyAnswerRow('health'), value: 'no' }] };
    const outcome = mergeSnapshots(mine, theirs, { actor: { name: 'Ana', role: 'team', device: 'd' }, now: '2026-03-03T10:00:00.000Z', newId: () => testId() });
    expect(outcome.undecided).toMatchObject([{ field: 'value', base: null, mine: { value: 'yes', entry: null }, theirs: { value: 'no', entry: null } }]);
  });
});

function emptyAnswerRow(indicatorId: string) {
  return {
    assessmentId: 'assessment-1',
    indicatorId,
    value: null,
    narrative: '',
    evidence: [],
    institutions: [],
    decision: 'consensus' as const,
    dissentNote: '',
    followUp: false,
    updatedAt: '2026-03-01T09:00:00.000Z',
  };
}

describe('deciding a conflict', () => {
  function conflicted() {
    const { a, b } = workshop();
    a.edit('health', { narrative: 'Mine.' });
    b.edit('health', { narrative: 'Theirs.' });
    return { a, b, file: b.export() };
  }

  it.each([
    ['theirs', 'Theirs.', 'Mine.'],
    ['mine', 'Mine.', 'Theirs.'],
  ] as const)('keeping %s records the value set aside in the history', (decision, kept, setAside) => {
    const { a, file } = conflicted();
    const outcome = a.import(file, () => decision);
    expect(outcome.undecided).toEqual([]);
    expect(a.answer('health').narrative).toBe(kept);
    const last = a.snapshot.history.filter((e) => e.indicatorId === 'health' && e.field === 'narrative').sort(compareEntries).at(-1);
    expect(last).toMatchObject({ via: 'resolve', old: setAside, new: kept, by: 'Ana' });
  });

  it.each(['mine', 'theirs'] as const)('importing the same file again changes nothing (kept %s)', (decision) => {
    const { a, file } = conflicted();
    a.import(file, () => decision);
    const before = structuredClone(a.snapshot);
    const again = a.import(file);
    expect(again.changed).toBe(false);
    expect(again.conflicts).toEqual([]);
    expect(a.snapshot).toEqual(before);
  });

  it('sends the decision back: the other laptop takes it without a new conflict', () => {
    const { a, b, file } = conflicted();
    a.import(file, () => 'mine');
    const back = b.import(a.export());
    expect(back.conflicts).toEqual([]);
    expect(b.answer('health').narrative).toBe('Mine.');
  });

  it('a decision is not applied to values that changed since they were shown', () => {
    const { a, b, file } = conflicted();
    const shown = a.import(file).undecided[0]!;
    a.edit('health', { narrative: 'Mine, typed again while the conflict was on screen.' });
    const outcome = mergeSnapshots(a.snapshot, file, { actor: a.actor, now: a.now(), newId: () => testId(), decisions: { [shown.fingerprint]: 'theirs' } });
    expect(outcome.undecided).toHaveLength(1);
    expect(outcome.undecided[0]!.mine.value).toBe('Mine, typed again while the conflict was on screen.');
    expect(b.answer('health').narrative).toBe('Theirs.');
  });
});

describe('idempotence and unions', () => {
  it('importing an unchanged file changes nothing', () => {
    const { a, b } = workshop();
    b.edit('health', { value: 'yes' });
    const file = b.export();
    expect(a.import(file).changed).toBe(true);
    const before = structuredClone(a.snapshot);
    const again = a.import(file);
    expect(again.changed).toBe(false);
    expect(a.snapshot).toEqual(before);
  });

  it('importing a file it sent out itself changes nothing', () => {
    const { a } = workshop();
    const file = a.export();
    a.edit('school', { value: 'partial' });
    expect(a.import(file).changed).toBe(false);
    expect(a.answer('school').value).toBe('partial');
  });

  it('keeps every history entry of both sides', () => {
    const { a, b } = workshop();
    a.edit('health', { narrative: 'A1' });
    b.edit('school', { narrative: 'B1' });
    const ids = new Set([...a.snapshot.history, ...b.snapshot.history].map((e) => e.id));
    a.import(b.export());
    expect(new Set(a.snapshot.history.map((e) => e.id))).toEqual(ids);
  });

  it('unions comments and keeps the later text edit and the later resolution', () => {
    const comment = (over: Partial<Comment>): Comment => ({
      id: 'c1',
      assessmentId: 'assessment-1',
      indicatorId: 'health',
      parentId: null,
      kind: 'query',
      text: 'Which decree?',
      by: 'Ben',
      role: 'reviewer',
      device: 'device-ben',
      at: '2026-03-02T10:00:00.000Z',
      editedAt: null,
      resolution: null,
      ...over,
    });
    const mine: Snapshot = { ...emptySnapshot(), comments: [comment({ resolution: { resolved: true, by: 'Ana', role: 'team', device: 'device-ana', at: '2026-03-02T12:00:00.000Z' } })] };
    const theirs: Snapshot = {
      ...emptySnapshot(),
      comments: [comment({ text: 'Which decree, and is it in force?', editedAt: '2026-03-02T11:00:00.000Z' }), comment({ id: 'c2', parentId: 'c1', kind: 'comment', text: 'Reply' })],
    };
    const outcome = mergeSnapshots(mine, theirs, { actor: { name: 'Ana', role: 'team', device: 'device-ana' }, now: '2026-03-03T10:00:00.000Z', newId: () => testId() });
    expect(outcome.added.comments).toBe(1);
    expect(outcome.updated.comments).toBe(1);
    expect(outcome.snapshot.comments.find((c) => c.id === 'c1')).toMatchObject({ text: 'Which decree, and is it in force?', resolution: { resolved: true, by: 'Ana' } });
  });

  it('takes a decision on a proposal made on the other laptop', () => {
    const proposal: Proposal = {
      id: 'p1',
      assessmentId: 'assessment-1',
      indicatorId: 'health',
      value: 'yes',
      note: 'The 2023 act closes the gap.',
      by: 'Ben',
      role: 'reviewer',
      device: 'device-ben',
      at: '2026-03-02T10:00:00.000Z',
      decision: null,
    };
    const decided = { ...proposal, decision: { status: 'rejected' as const, by: 'Ana', role: 'team' as const, device: 'device-ana', at: '2026-03-02T11:00:00.000Z' } };
    const outcome = mergeSnapshots({ ...emptySnapshot(), proposals: [proposal] }, { ...emptySnapshot(), proposals: [decided] }, {
      actor: { name: 'Ben', role: 'reviewer', device: 'device-ben' },
      now: '2026-03-03T10:00:00.000Z',
      newId: () => testId(),
    });
    expect(outcome.snapshot.proposals).toEqual([decided]);
  });

  it('lets a rejection taken back win over the older rejection, on both laptops alike', () => {
    const base: Proposal = {
      id: 'p1',
      assessmentId: 'assessment-1',
      indicatorId: 'health',
      value: 'yes',
      note: '',
      by: 'Ben',
      role: 'reviewer',
      device: 'device-ben',
      at: '2026-03-02T10:00:00.000Z',
      decision: null,
    };
    const stamp = { by: 'Ana', role: 'team' as const, device: 'device-ana' };
    const rejected: Proposal = { ...base, decision: { ...stamp, status: 'rejected', at: '2026-03-02T11:00:00.000Z', reason: 'Covered by the 2019 law.' } };
    const reopened: Proposal = { ...base, decision: { ...stamp, status: 'reopened', at: '2026-03-02T12:00:00.000Z' } };
    const acceptedLater: Proposal = { ...base, decision: { ...stamp, status: 'accepted', at: '2026-03-02T13:00:00.000Z' } };
    const merge = (mine: Proposal, theirs: Proposal) =>
      mergeSnapshots({ ...emptySnapshot(), proposals: [mine] }, { ...emptySnapshot(), proposals: [theirs] }, {
        actor: { name: 'Ana', role: 'team', device: 'device-ana' },
        now: '2026-03-03T10:00:00.000Z',
        newId: () => testId(),
      }).snapshot.proposals;
    expect(merge(rejected, reopened)).toEqual([reopened]);
    expect(merge(reopened, rejected)).toEqual([reopened]);
    // Decided again after the undo: the later decision stands.
    expect(merge(reopened, acceptedLater)).toEqual([acceptedLater]);
    expect(merge(acceptedLater, reopened)).toEqual([acceptedLater]);
  });
});

describe('three laptops editing one assessment', () => {
  it('converge after exchanging files, with one real conflict decided by a person', () => {
    const a = new Laptop('Ana', 'team', emptySnapshot(newAssessment({ context: 'Launch context.' })));
    a.edit('health', { value: 'partial', narrative: 'Draft.' });
    a.edit('school', { value: 'yes' });
    const launch = a.export();
    const b = new Laptop('Ben', 'reviewer', launch, 7);
    const c = new Laptop('Chloé', 'team', launch, -45);

    // Day two: each laptop works on its own part, with some overlap.
    a.edit('border', { value: 'no' });
    b.edit('health', { narrative: 'Ben: cite the 2023 act.' }).setReview('school', 'query');
    c.edit('health', { value: 'yes', evidence: [law('c1', 'Health act 2023')] });
    c.edit('school', { institutions: ['education'] });
    c.editAssessment({ context: 'Context completed by the ministry of health.' });
    // And one question answered differently on two laptops.
    b.edit('labour', { value: 'partial' });
    c.edit('labour', { value: 'no' });

    // A collects both files.
    expect(a.import(b.export()).conflicts).toEqual([]);
    const fromC = a.import(c.export(), (conflict) => {
      expect(conflict).toMatchObject({ indicatorId: 'labour', field: 'value', base: { value: null }, mine: { value: 'partial', entry: { by: 'Ben' } }, theirs: { value: 'no', entry: { by: 'Chloé' } } });
      return 'theirs';
    });
    expect(fromC.conflicts).toHaveLength(1);

    expect(a.answer('health')).toMatchObject({ value: 'yes', narrative: 'Ben: cite the 2023 act.', evidence: [law('c1', 'Health act 2023')] });
    expect(a.answer('school')).toMatchObject({ value: 'yes', institutions: ['education'] });
    expect(a.answer('border').value).toBe('no');
    expect(a.answer('labour').value).toBe('no');
    expect(a.snapshot.assessment.context).toBe('Context completed by the ministry of health.');
    expect(a.snapshot.reviews).toMatchObject([{ indicatorId: 'school', status: 'query' }]);

    // A sends the merged assessment back; B and C take it without conflicts.
    const merged = a.export();
    expect(b.import(merged).conflicts).toEqual([]);
    expect(c.import(merged).conflicts).toEqual([]);
    expect(b.visible()).toEqual(a.visible());
    expect(c.visible()).toEqual(a.visible());

    // Every history entry written anywhere is on every laptop; importing again changes nothing.
    const ids = (l: Laptop) => new Set(l.snapshot.history.map((e) => e.id));
    expect(ids(b)).toEqual(ids(a));
    expect(ids(c)).toEqual(ids(a));
    for (const laptop of [a, b, c]) expect(laptop.import(merged).changed).toBe(false);
  });

  it('converge whatever order the files travel in', () => {
    const a = new Laptop('Ana', 'team', emptySnapshot());
    a.edit('q1', { value: 'yes' });
    const launch = a.export();
    const b = new Laptop('Ben', 'reviewer', launch);
    const c = new Laptop('Chloé', 'team', launch);
    a.edit('q2', { value: 'no' });
    b.edit('q3', { value: 'partial', evidence: [law('b1', 'B law')] });
    c.edit('q3', { evidence: [law('c1', 'C law')] });
    c.edit('q1', { narrative: 'Why yes.' });

    // Round one: a chain B → C → A, then A's result to everyone.
    c.import(b.export());
    a.import(c.export());
    const result = a.export();
    b.import(result);
    c.import(result);
    expect(b.visible()).toEqual(a.visible());
    expect(c.visible()).toEqual(a.visible());
    // C combined the evidence (its own item first); everyone now holds that list.
    expect(a.answer('q3')).toMatchObject({ value: 'partial', evidence: [law('c1', 'C law'), law('b1', 'B law')] });
    expect(a.answer('q1')).toMatchObject({ value: 'yes', narrative: 'Why yes.' });
  });
});
