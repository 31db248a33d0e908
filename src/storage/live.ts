/** React access to stored data that stays current across tabs (Dexie live queries). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Answer } from '../domain/assessment';
import { watchAnswers } from './watch-answers';

/** Runs a storage read and re-runs it whenever the tables it read change, in this tab or another. */
export function useStored<T>(read: () => Promise<T>, deps: unknown[]): T | undefined {
  return useLiveQuery(read, deps);
}

/**
 * The answers of one assessment, current across tabs, reading again only the answers that change (see
 * watch-answers.ts); undefined until first read. A failed read is thrown while rendering, as
 * `useStored` does, for the screen's error boundary.
 */
export function useStoredAnswers(assessmentId: string): readonly Answer[] | undefined {
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
