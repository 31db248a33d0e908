/**
 * Stored review data: change history, review status per indicator, comment threads and proposals.
 * Every write runs in one transaction, records who did it (the device's actor) and is parsed by the
 * domain schemas; every read is parsed, and rows that do not parse are left out rather than trusted.
 */
import { compareEntries, type Actor, type HistoryEntry } from '../domain/history';
import {
  COMMENT_MAX,
  commentSchema,
  isAuthor,
  isPending,
  openQueries,
  proposalSchema,
  stamp,
  type Comment,
  type Proposal,
  type Review,
} from '../domain/review';
import type { AnswerValue } from '../domain/answer';
import { readActor } from './actor';
import { answerTables, writeAnswer } from './answers';
import { writeAssessment } from './assessments';
import { database, guard, newId, parseWith, present, type MgiDatabase } from './connection';
import { parseHistoryEntry, parseReview, writeReviewStatus } from './history';

export type ReviewProblem = 'notAuthor' | 'notFound' | 'openQueries' | 'empty' | 'tooLong' | 'decided' | 'teamOnly';

/** A review action that is not allowed; `problem` picks the message in the UI language. */
export class ReviewError extends Error {
  constructor(readonly problem: ReviewProblem) {
    super(`review: ${problem}`);
    this.name = 'ReviewError';
  }
}

/** Storage failures become StorageError (as everywhere); review rules stay ReviewError. */
async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReviewError) throw error;
    return guard(() => Promise.reject(error));
  }
}

export { parseReview };
export const parseComment = parseWith<Comment>(commentSchema);
export const parseProposal = parseWith<Proposal>(proposalSchema);

/** History of one answer (or of the whole assessment), in the order every device agrees on. */
export function getHistory(assessmentId: string, indicatorId?: string): Promise<HistoryEntry[]> {
  return run(async () => {
    const db = database();
    const rows =
      indicatorId === undefined
        ? await db.history.where('assessmentId').equals(assessmentId).toArray()
        : await db.history.where('[assessmentId+indicatorId]').equals([assessmentId, indicatorId]).toArray();
    return rows.map(parseHistoryEntry).filter(present).sort(compareEntries);
  });
}

/** How many history entries one answer has, counted by IndexedDB without reading them. */
export function countHistory(assessmentId: string, indicatorId: string): Promise<number> {
  return run(() => database().history.where('[assessmentId+indicatorId]').equals([assessmentId, indicatorId]).count());
}

export interface ReviewData {
  reviews: Review[];
  comments: Comment[];
  proposals: Proposal[];
}

export function getReviewData(assessmentId: string): Promise<ReviewData> {
  return run(async () => {
    const db = database();
    // The three reads at once: one round trip. This transaction holds `reviews`, which an answer's save
    // writes, so the first change made on a freshly opened indicator waits for it to end.
    return db.transaction('r', db.reviews, db.comments, db.proposals, async () => {
      const [reviews, comments, proposals] = await Promise.all([
        db.reviews.where('assessmentId').equals(assessmentId).toArray(),
        db.comments.where('assessmentId').equals(assessmentId).toArray(),
        db.proposals.where('assessmentId').equals(assessmentId).toArray(),
      ]);
      return {
        reviews: reviews.map(parseReview).filter(present),
        comments: comments.map(parseComment).filter(present),
        proposals: proposals.map(parseProposal).filter(present),
      };
    });
  });
}

function checkText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new ReviewError('empty');
  if (trimmed.length > COMMENT_MAX) throw new ReviewError('tooLong');
  return trimmed;
}

const writeStatus = writeReviewStatus;

const reviewTables = (db: MgiDatabase) => [...new Set([db.comments, db.proposals, ...answerTables(db)])];

async function insertComment(
  db: MgiDatabase,
  actor: Actor,
  fields: Pick<Comment, 'assessmentId' | 'indicatorId' | 'parentId' | 'kind'> & { text: string },
  now: string,
): Promise<Comment> {
  const comment = commentSchema.parse({ ...fields, id: newId(), text: checkText(fields.text), ...stamp(actor, now), editedAt: null, resolution: null });
  await db.comments.add(comment);
  return comment;
}

/** Adds a comment: a new thread (parentId null) or a reply to a thread. */
export function addComment(
  assessmentId: string,
  indicatorId: string,
  text: string,
  parentId: string | null = null,
  now = new Date().toISOString(),
): Promise<Comment> {
  return run(async () => {
    const db = database();
    return db.transaction('rw', reviewTables(db), async () => {
      const actor = await readActor(db);
      return insertComment(db, actor, { assessmentId, indicatorId, parentId, kind: 'comment', text }, now);
    });
  });
}

/** A reviewer's query: a new thread, and the indicator's status becomes "query raised". */
export function raiseQuery(assessmentId: string, indicatorId: string, text: string, now = new Date().toISOString()): Promise<Comment> {
  return run(async () => {
    const db = database();
    return db.transaction('rw', reviewTables(db), async () => {
      const actor = await readActor(db);
      const comment = await insertComment(db, actor, { assessmentId, indicatorId, parentId: null, kind: 'query', text }, now);
      await writeStatus(db, assessmentId, indicatorId, 'query', now);
      return comment;
    });
  });
}

/** The team's reply to a query thread; the indicator's status becomes "answered". */
export function answerQuery(assessmentId: string, indicatorId: string, threadId: string, text: string, now = new Date().toISOString()): Promise<Comment> {
  return run(async () => {
    const db = database();
    return db.transaction('rw', reviewTables(db), async () => {
      const actor = await readActor(db);
      const comment = await insertComment(db, actor, { assessmentId, indicatorId, parentId: threadId, kind: 'comment', text }, now);
      await writeStatus(db, assessmentId, indicatorId, 'answered', now);
      return comment;
    });
  });
}

/** Changes a comment's text; only its author (same name on the same device) may. */
export function editComment(commentId: string, text: string, now = new Date().toISOString()): Promise<Comment> {
  return run(async () => {
    const db = database();
    return db.transaction('rw', db.comments, db.settings, async () => {
      const stored = parseComment(await db.comments.get(commentId));
      if (!stored) throw new ReviewError('notFound');
      if (!isAuthor(stored, await readActor(db))) throw new ReviewError('notAuthor');
      const next = commentSchema.parse({ ...stored, text: checkText(text), editedAt: now });
      await db.comments.put(next);
      return next;
    });
  });
}

/** Resolves or reopens a thread (anyone may: the thread records who did it). */
export function setThreadResolved(commentId: string, resolved: boolean, now = new Date().toISOString()): Promise<Comment> {
  return run(async () => {
    const db = database();
    return db.transaction('rw', db.comments, db.settings, async () => {
      const stored = parseComment(await db.comments.get(commentId));
      if (!stored) throw new ReviewError('notFound');
      const next = commentSchema.parse({ ...stored, resolution: { ...stamp(await readActor(db), now), resolved } });
      await db.comments.put(next);
      return next;
    });
  });
}

/** The reviewer is satisfied with an indicator: status "validated", its open query threads resolved. */
export function validateIndicator(assessmentId: string, indicatorId: string, now = new Date().toISOString()): Promise<void> {
  return run(async () => {
    const db = database();
    await db.transaction('rw', reviewTables(db), async () => {
      const actor = await readActor(db);
      const comments = (await db.comments.where('[assessmentId+indicatorId]').equals([assessmentId, indicatorId]).toArray())
        .map(parseComment)
        .filter(present);
      for (const c of comments) {
        if (c.parentId === null && c.kind === 'query' && c.resolution?.resolved !== true) {
          await db.comments.put(commentSchema.parse({ ...c, resolution: { ...stamp(actor, now), resolved: true } }));
        }
      }
      await writeStatus(db, assessmentId, indicatorId, 'validated', now);
    });
  });
}

/** A reviewer proposes another answer and/or narrative; the indicator's status becomes "query raised". */
export function proposeChange(
  assessmentId: string,
  indicatorId: string,
  change: { value?: AnswerValue | null; narrative?: string; note: string },
  now = new Date().toISOString(),
): Promise<Proposal> {
  return run(async () => {
    const db = database();
    return db.transaction('rw', reviewTables(db), async () => {
      const actor = await readActor(db);
      const parsed = proposalSchema.safeParse({
        id: newId(),
        assessmentId,
        indicatorId,
        ...(change.value !== undefined ? { value: change.value } : {}),
        ...(change.narrative !== undefined ? { narrative: change.narrative } : {}),
        note: change.note.trim(),
        ...stamp(actor, now),
        decision: null,
      });
      if (!parsed.success) throw new ReviewError(change.note.length > COMMENT_MAX ? 'tooLong' : 'empty');
      await db.proposals.add(parsed.data);
      await writeStatus(db, assessmentId, indicatorId, 'query', now);
      return parsed.data;
    });
  });
}

/**
 * The team accepts or rejects a proposal (a rejection may give a reason). Accepting writes the
 * proposed answer in the same transaction, so the history records it (marked as coming from a
 * proposal). Either way the status becomes "answered".
 */
export function decideProposal(
  proposalId: string,
  decision: 'accepted' | 'rejected',
  now = new Date().toISOString(),
  reason = '',
): Promise<Proposal> {
  return run(async () => {
    const db = database();
    return db.transaction('rw', reviewTables(db), async () => {
      const stored = parseProposal(await db.proposals.get(proposalId));
      if (!stored) throw new ReviewError('notFound');
      if (!isPending(stored)) throw new ReviewError('decided');
      const actor = await readActor(db);
      if (actor.role !== 'team') throw new ReviewError('teamOnly');
      if (reason.trim().length > COMMENT_MAX) throw new ReviewError('tooLong');
      if (decision === 'accepted') {
        await writeAnswer(
          db,
          stored.assessmentId,
          stored.indicatorId,
          {
            ...(stored.value !== undefined ? { value: stored.value } : {}),
            ...(stored.narrative !== undefined ? { narrative: stored.narrative } : {}),
          },
          now,
          'proposal',
        );
      }
      const note = decision === 'rejected' && reason.trim() ? { reason: reason.trim() } : {};
      const next = proposalSchema.parse({ ...stored, decision: { ...stamp(actor, now), status: decision, ...note } });
      await db.proposals.put(next);
      await writeStatus(db, stored.assessmentId, stored.indicatorId, 'answered', now);
      return next;
    });
  });
}

/**
 * Takes back a rejection: the proposal waits for a decision again (recorded as "reopened", so the
 * undo travels to other laptops and wins over the older rejection there).
 */
export function undoRejection(proposalId: string, now = new Date().toISOString()): Promise<Proposal> {
  return run(async () => {
    const db = database();
    return db.transaction('rw', reviewTables(db), async () => {
      const stored = parseProposal(await db.proposals.get(proposalId));
      if (!stored) throw new ReviewError('notFound');
      if (stored.decision?.status !== 'rejected') throw new ReviewError('decided');
      const next = proposalSchema.parse({ ...stored, decision: { ...stamp(await readActor(db), now), status: 'reopened' } });
      await db.proposals.put(next);
      await writeStatus(db, stored.assessmentId, stored.indicatorId, 'query', now);
      return next;
    });
  });
}

/**
 * Marks the assessment validated, refusing while any query is open (checked in the same transaction);
 * who and when are stored with it, so they travel in files and appear on the profile's cover.
 */
export function validateAssessment(assessmentId: string, now = new Date().toISOString()): Promise<void> {
  return run(async () => {
    const db = database();
    await db.transaction('rw', reviewTables(db), async () => {
      const actor = await readActor(db);
      if (actor.role !== 'team') throw new ReviewError('teamOnly');
      const comments = (await db.comments.where('assessmentId').equals(assessmentId).toArray()).map(parseComment).filter(present);
      const proposals = (await db.proposals.where('assessmentId').equals(assessmentId).toArray()).map(parseProposal).filter(present);
      if (openQueries(comments, proposals).length > 0) throw new ReviewError('openQueries');
      await writeAssessment(db, assessmentId, { status: 'validated', validatedBy: actor.name, validatedAt: now }, now);
    });
  });
}

/** Back to draft, e.g. when a new round of comments starts. */
export function reopenAssessment(assessmentId: string, now = new Date().toISOString()): Promise<void> {
  return run(async () => {
    const db = database();
    await db.transaction('rw', reviewTables(db), () => writeAssessment(db, assessmentId, { status: 'draft', validatedBy: undefined, validatedAt: undefined }, now));
  });
}
