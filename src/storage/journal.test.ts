import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AssessmentSetup } from '../domain/assessment';
import { getAnswer } from './answers';
import { createAssessment } from './assessments';
import { journalAnswer, replayJournal, setAsideEntries } from './journal';
import { withFreshDatabase } from '../../test/fresh-database';

const setup: AssessmentSetup = { government: 'Republic of Testland', level: 'national', year: 2026, focalPoint: '', institutions: [], context: '' };
withFreshDatabase();
afterEach(() => localStorage.clear());

describe('journal replay, entry by entry', () => {
  it('one malformed entry and one refused field block nothing else; both are set aside, not lost', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const a = await createAssessment(setup, '1');
    // The 25,000-character narrative storage refuses, journalled together with a choice made after it.
    journalAnswer(a.id, 'long', { narrative: 'x'.repeat(25_000), value: 'yes' });
    journalAnswer(a.id, 'fine', { narrative: 'typed before the crash' });
    const journal = JSON.parse(localStorage.getItem('mgi.journal.v1')!) as Record<string, unknown>;
    // Sorted first, so a replay that stops at the first failure would replay nothing.
    localStorage.setItem('mgi.journal.v1', JSON.stringify({ '\u0000broken': { patch: 'not an object' }, ...journal }));

    expect(await replayJournal()).toEqual({ replayed: 2, setAside: 2, kept: 0 });
    expect((await getAnswer(a.id, 'fine'))?.narrative).toBe('typed before the crash');
    expect((await getAnswer(a.id, 'long'))?.value).toBe('yes');
    const aside = setAsideEntries();
    expect(aside.map((x) => x.reason)).toEqual(['malformed', 'refused: narrative']);
    expect((aside[1]!.entry as { patch: { narrative: string } }).patch.narrative).toHaveLength(25_000);
    // Nothing is left to replay forever.
    expect(localStorage.getItem('mgi.journal.v1')).toBeNull();
  });

  it('a field this version does not know is set aside, the other answers replayed', async () => {
    const a = await createAssessment(setup, '1');
    journalAnswer(a.id, 'bad-decision', { decision: 'vote' as never });
    journalAnswer(a.id, 'ok', { value: 'no' });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await replayJournal()).toEqual({ replayed: 1, setAside: 1, kept: 0 });
    expect((await getAnswer(a.id, 'ok'))?.value).toBe('no');
  });
});
