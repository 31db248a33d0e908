import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Answer, AnswerPatch } from '../../domain/assessment';
import { emptyAnswer } from '../../domain/assessment';
import type { AnswerValue } from '../../domain/answer';
import type { Catalogue } from '../../domain/catalogue';
import { sameValue, type AnswerField } from '../../domain/history';
import { answersForCatalogue, type RetiredAnswer } from '../../domain/retired';
import { expectChange } from '../../storage/answers';
import { answerTarget, edits, indicatorOf, ofAssessment } from '../../storage/edits';
import { watchAnswers } from '../../storage/watch-answers';
import { stateOf, type SaveState } from '../../storage/save-queue';
import { useEdits } from '../../ui/use-edits';
import { whenIdle } from '../../ui/when-idle';

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
  /**
   * Fields this tab saved that another window or device has since changed (their version is stored;
   * this tab's is in the answer's history), by indicator.
   */
  overwritten: ReadonlyMap<string, AnswerField[]>;
}

/** What this tab stored for one answer: the result, and the fields it wrote. */
interface Mine {
  answer: Answer;
  fields: ReadonlySet<string>;
}

/**
 * The answers of one assessment, live across tabs (a change reads only the answers it touched), saved
 * through the tab's save queue. Another tab's change shows here at once for every field this tab is
 * not in the middle of editing.
 */
export function useAnswers(assessmentId: string, catalogue: Catalogue): AnswersApi {
  const stored = useStoredAnswers(assessmentId);
  const view = useEdits();
  // What this tab has just stored: shown until the live query delivers the same or a newer record,
  // so a saved answer never flickers back to its old value in between.
  const [written, setWritten] = useState<ReadonlyMap<string, Mine>>(new Map());
  useEffect(
    () =>
      edits.onWritten(({ target, patch, result }) => {
        if (target.kind !== 'answer' || target.assessmentId !== assessmentId) return;
        setWritten((map) => {
          const fields = new Set([...(map.get(target.indicatorId!)?.fields ?? []), ...Object.keys(patch)]);
          return new Map(map).set(target.indicatorId!, { answer: result as Answer, fields });
        });
      }),
    [assessmentId],
  );

  const pending = useMemo(() => {
    const map = new Map<string, AnswerPatch>();
    for (const [key, entry] of view.pending) {
      const id = indicatorOf(assessmentId, key);
      if (id !== null) map.set(id, entry.patch as AnswerPatch);
    }
    return map;
  }, [view, assessmentId]);
  const { state: saveState, error: saveError } = useMemo(() => stateOf(view, ofAssessment(assessmentId)), [view, assessmentId]);

  // Read against the current catalogue: an answer to a merged indicator shows under the one that absorbed it.
  const read = useMemo(() => answersForCatalogue(catalogue, stored ?? []), [catalogue, stored]);
  const byId = useMemo(() => {
    const map = new Map(read.answers.map((a) => [a.indicatorId, a]));
    for (const [id, { answer }] of written) {
      const current = map.get(id);
      if (!current || current.updatedAt < answer.updatedAt) map.set(id, answer);
    }
    return map;
  }, [read, written]);
  // A field this tab wrote, changed since by a newer write elsewhere: the person is told (both
  // versions are in the history), instead of their text vanishing without a word.
  const overwritten = useMemo(() => {
    const map = new Map<string, AnswerField[]>();
    for (const [id, { answer, fields }] of written) {
      const now = byId.get(id);
      if (!now || now.updatedAt <= answer.updatedAt) continue;
      const lost = ([...fields] as AnswerField[]).filter((f) => !(f in (pending.get(id) ?? {})) && !sameValue(now[f], answer[f]));
      if (lost.length > 0) map.set(id, lost);
    }
    return map;
  }, [written, byId, pending]);
  const now = useMemo(() => new Date().toISOString(), []);
  const answerOf = useCallback(
    (indicatorId: string): Answer => ({
      ...(byId.get(indicatorId) ?? emptyAnswer(assessmentId, indicatorId, now)),
      ...pending.get(indicatorId),
    }),
    [byId, pending, assessmentId, now],
  );
  // The same map while no value changes (typing a narrative, a save finishing), so the screen's parts
  // that depend on values only (progress, the indicator list) are not drawn again.
  const lastValues = useRef<ReadonlyMap<string, AnswerValue | null>>(new Map());
  const values = useMemo(() => {
    const map = new Map<string, AnswerValue | null>();
    for (const [id, answer] of byId) map.set(id, answer.value);
    for (const [id, patch] of pending) if (patch.value !== undefined) map.set(id, patch.value);
    const last = lastValues.current;
    if (map.size === last.size && [...map].every(([id, value]) => last.has(id) && last.get(id) === value)) return last;
    lastValues.current = map;
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
        edits.edit(answerTarget(assessmentId, indicatorId), carried ? { ...editable(answerOf(indicatorId)), ...patch } : patch, immediate);
      },
      [assessmentId, read, written, answerOf],
    ),
    flush: useCallback(() => edits.flush(), []),
    saveState,
    saveError,
    retired: read.retired,
    overwritten,
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

/**
 * While the person reads the indicator on screen, reads what choosing an answer will read, so that
 * first choice is stored in one round trip (see `expectChange`). Failing costs only that: ignored.
 */
export function useExpectChoice(assessmentId: string, indicatorId: string): void {
  useEffect(() => whenIdle(() => void expectChange(assessmentId, indicatorId, ['value']).catch(() => undefined)), [assessmentId, indicatorId]);
}

/**
 * The answers of one assessment, current across tabs, reading again only the answers that change (see
 * storage/watch-answers.ts); undefined until first read. A failed read is thrown while
 * rendering, as `useStored` does, for the screen's error boundary. Here, not in storage/live.ts: that
 * module is on the first screen's path, and this one would bring the answer storage with it.
 */
function useStoredAnswers(assessmentId: string): readonly Answer[] | undefined {
  const [state, setState] = useState<{ assessmentId: string; answers?: readonly Answer[]; error?: unknown }>({ assessmentId });
  useEffect(
    () =>
      watchAnswers(
        assessmentId,
        (answers) => setState({ assessmentId, answers }),
        (error) => setState({ assessmentId, error }),
      ),
    [assessmentId],
  );
  if (state.assessmentId !== assessmentId) return undefined;
  if (state.error !== undefined) throw state.error;
  return state.answers;
}
