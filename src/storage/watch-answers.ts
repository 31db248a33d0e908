/**
 * The answers of one assessment, kept current by reading again only the answers that changed.
 *
 * A live query on "every answer of the assessment" reads and parses all of them again after each
 * change, in this tab or another: about 120 rows for one click on a choice, and the next click's write
 * waits behind that read. Dexie announces every committed change (its `storagemutated` event, which it
 * also relays from other tabs) with the primary keys written; this reads those keys only. A change
 * given as a range (a deleted assessment, a bulk import of 50 or more rows) reads everything again.
 */
import Dexie, { cmp, RangeSet, rangesOverlap, type IntervalTree, type ObservabilitySet } from 'dexie';
import type { Answer } from '../domain/assessment';
import { getAnswers } from './answers';
import { parseAnswer } from './assessments';
import { database, guard } from './connection';

type AnswerKey = [string, string];

/**
 * Which answers of the assessment a committed change touched: their indicator ids, or 'all' when the
 * change was given as a range that reaches into the assessment. Exported for its unit test.
 */
export function touchedIndicators(parts: ObservabilitySet, dbName: string, assessmentId: string): Set<string> | 'all' {
  const ours = new RangeSet([assessmentId, Dexie.minKey], [assessmentId, Dexie.maxKey]);
  const touched = new Set<string>();
  let all = false;
  // Trees relayed from another tab arrive as plain objects, so they are walked by hand.
  const visit = (node: IntervalTree | null | undefined): void => {
    if (!node || !('from' in node) || all) return;
    if (cmp(node.from, node.to) === 0) {
      const key = node.from as unknown;
      if (Array.isArray(key) && key[0] === assessmentId && typeof key[1] === 'string') touched.add(key[1]);
    } else if (rangesOverlap(new RangeSet(node.from, node.to), ours)) {
      all = true;
    }
    visit(node.l);
    visit(node.r);
  };
  visit(parts[`idb://${dbName}/answers/`]);
  return all ? 'all' : touched;
}

/**
 * Reads the assessment's answers, then again those that change, and calls `onChange` with all of them
 * after each read. Reads never overlap: what changes during one is read right after it. Returns the
 * function that stops watching.
 */
export function watchAnswers(assessmentId: string, onChange: (answers: readonly Answer[]) => void, onError: (error: unknown) => void): () => void {
  const rows = new Map<string, Answer>();
  let wanted: Set<string> | 'all' = 'all';
  let reading = false;
  let stopped = false;

  const read = async () => {
    if (reading) return;
    reading = true;
    try {
      while (!stopped && (wanted === 'all' || wanted.size > 0)) {
        const now = wanted;
        wanted = new Set();
        if (now === 'all') {
          const all = await getAnswers(assessmentId);
          rows.clear();
          for (const a of all) rows.set(a.indicatorId, a);
        } else {
          const ids = [...now];
          const found = await guard(() => database().answers.bulkGet(ids.map((id): AnswerKey => [assessmentId, id])));
          ids.forEach((id, i) => {
            const answer = parseAnswer(found[i]);
            if (answer) rows.set(id, answer);
            else rows.delete(id);
          });
        }
        if (!stopped) onChange([...rows.values()]);
      }
    } catch (error) {
      if (!stopped) onError(error);
    } finally {
      reading = false;
    }
  };

  const onMutated = (parts: ObservabilitySet) => {
    const touched = touchedIndicators(parts, database().name, assessmentId);
    if (touched === 'all') wanted = 'all';
    else if (wanted !== 'all') for (const id of touched) wanted.add(id);
    else return;
    if (touched === 'all' || touched.size > 0) void read();
  };

  Dexie.on('storagemutated', onMutated);
  void read();
  return () => {
    stopped = true;
    Dexie.on.storagemutated.unsubscribe(onMutated);
  };
}
