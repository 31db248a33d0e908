import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Answer, AnswerPatch } from '../../domain/assessment';
import { emptyAnswer } from '../../domain/assessment';
import type { AnswerValue } from '../../domain/answer';
import type { Catalogue } from '../../domain/catalogue';
import { answersForCatalogue, type RetiredAnswer } from '../../domain/retired';
import { getAnswers, saveAnswer } from '../../storage/answers';
import { journalAnswer, settleJournal } from '../../storage/journal';
import { useStored } from '../../storage/live';
import { Autosaver, type SaveState } from './autosave';

export interface AnswersApi {
  loaded: boolean;
  /** What the person sees: stored answer with their unsaved edits on top. */
  answerOf: (indicatorId: string) => Answer;
  values: ReadonlyMap<string, AnswerValue | null>;
  edit: (indicatorId: string, patch: AnswerPatch, immediate?: boolean) => void;
  flush: () => Promise<void>;
  saveState: SaveState;
  saveError: unknown;
  /** Stored answers to indicators the catalogue no longer has (shown read-only, never written). */
  retired: RetiredAnswer[];
}

/**
 * The answers of one assessment, live across tabs, with autosave. Another tab's change shows here at
 * once for every field this tab is not in the middle of editing.
 */
export function useAnswers(assessmentId: string, catalogue: Catalogue): AnswersApi {
  const stored = useStored(() => getAnswers(assessmentId), [assessmentId]);
  const [pending, setPending] = useState<ReadonlyMap<string, AnswerPatch>>(new Map());
  const [saveState, setSaveState] = useState<SaveState>('saved');
  const [saveError, setSaveError] = useState<unknown>(null);
  // What this tab has just stored: shown until the live query delivers the same or a newer record,
  // so a saved answer never flickers back to its old value in between.
  const [written, setWritten] = useState<ReadonlyMap<string, Answer>>(new Map());

  const saver = useMemo(
    () =>
      new Autosaver<Answer>({
        write: (indicatorId, patch) => saveAnswer(assessmentId, indicatorId, patch),
        written: (indicatorId, result) => setWritten((map) => new Map(map).set(indicatorId, result)),
        journal: (indicatorId, patch) => journalAnswer(assessmentId, indicatorId, patch),
        settle: (indicatorId, patch) => settleJournal(assessmentId, indicatorId, patch),
        onChange: (state, nextPending, error) => {
          setSaveState(state);
          setPending(nextPending);
          setSaveError(error);
        },
      }),
    [assessmentId],
  );

  // Leaving the page, switching tab or hiding the window writes at once.
  const saverRef = useRef(saver);
  saverRef.current = saver;
  useEffect(() => {
    const flush = () => void saverRef.current.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      saver.dispose();
    };
  }, [saver]);

  // Read against the current catalogue: an answer to a merged indicator shows under the one that absorbed it.
  const read = useMemo(() => answersForCatalogue(catalogue, stored ?? []), [catalogue, stored]);
  const byId = useMemo(() => {
    const map = new Map(read.answers.map((a) => [a.indicatorId, a]));
    for (const [id, answer] of written) {
      const current = map.get(id);
      if (!current || current.updatedAt < answer.updatedAt) map.set(id, answer);
    }
    return map;
  }, [read, written]);
  const now = useMemo(() => new Date().toISOString(), []);
  const answerOf = useCallback(
    (indicatorId: string): Answer => ({
      ...(byId.get(indicatorId) ?? emptyAnswer(assessmentId, indicatorId, now)),
      ...pending.get(indicatorId),
    }),
    [byId, pending, assessmentId, now],
  );
  const values = useMemo(() => {
    const map = new Map<string, AnswerValue | null>();
    for (const [id, answer] of byId) map.set(id, answer.value);
    for (const [id, patch] of pending) if (patch.value !== undefined) map.set(id, patch.value);
    return map;
  }, [byId, pending]);

  return {
    loaded: stored !== undefined,
    answerOf,
    values,
    edit: useCallback(
      (indicatorId, patch, immediate) => {
        // A carried-over answer exists only as read: the first edit stores all of it with the change,
        // so the note and sources the team sees are never dropped from the indicator they now belong to.
        const carried = read.carriedOver.has(indicatorId) && !written.has(indicatorId);
        saver.edit(indicatorId, carried ? { ...editable(answerOf(indicatorId)), ...patch } : patch, immediate);
      },
      [saver, read, written, answerOf],
    ),
    flush: useCallback(() => saver.flush(), [saver]),
    saveState,
    saveError,
    retired: read.retired,
  };
}

function editable(a: Answer): AnswerPatch {
  return {
    value: a.value,
    narrative: a.narrative,
    evidence: a.evidence,
    institutions: a.institutions,
    decision: a.decision,
    dissentNote: a.dissentNote,
    followUp: a.followUp,
  };
}
