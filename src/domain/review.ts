/**
 * Review of an assessment by an IOM mission: a status per indicator, threaded comments, and proposed
 * answers the government team accepts or rejects.
 *
 * Status per indicator: none (not reviewed) → query (a reviewer raised a query or proposed a change)
 * → answered (the team replied or decided on the proposal, or changed an answer the reviewer had
 * validated) → validated (the reviewer is satisfied); a reviewer may raise a new query at any point.
 * The status says where the conversation is; what blocks validation is narrower: an indicator has an
 * open query while one of its query threads is not resolved or one of its proposals waits for a
 * decision. A resolved query or a rejected proposal is closed. An assessment can be marked validated
 * only when no query is open.
 */
import * as z from 'zod/mini';
import { answerValueSchema } from './answer';
import type { Catalogue } from './catalogue';
import { actorSchema, reviewStatusSchema, roleSchema, type Actor, type ReviewStatus } from './history';

const isoDate = z.iso.datetime({ offset: true });
const id = z.string().check(z.minLength(1), z.maxLength(100));
export const COMMENT_MAX = 10_000;

/** Who did something, and when. */
const stampSchema = z.object({ by: actorSchema.shape.name, role: roleSchema, device: actorSchema.shape.device, at: isoDate });
export type Stamp = z.infer<typeof stampSchema>;

export function stamp(actor: Actor, now: string): Stamp {
  return { by: actor.name, role: actor.role, device: actor.device, at: now };
}

export const reviewSchema = z.object({
  assessmentId: z.string().check(z.minLength(1)),
  indicatorId: z.string().check(z.minLength(1), z.maxLength(200)),
  status: reviewStatusSchema,
  updatedAt: isoDate,
});
export type Review = z.infer<typeof reviewSchema>;

export const commentKinds = ['comment', 'query'] as const;

export const commentSchema = z.object({
  id,
  assessmentId: z.string().check(z.minLength(1)),
  indicatorId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Null for the first message of a thread; otherwise the id of that first message. */
  parentId: z.nullable(id),
  kind: z.enum(commentKinds),
  text: z.string().check(z.minLength(1), z.maxLength(COMMENT_MAX)),
  ...stampSchema.shape,
  /** Set when the author changed the text; the later edit wins when laptops are merged. */
  editedAt: z.nullable(isoDate),
  /** Resolved or reopened (threads only), by whom and when; null while never touched. */
  resolution: z.nullable(z.extend(stampSchema, { resolved: z.boolean() })),
});
export type Comment = z.infer<typeof commentSchema>;

export const proposalSchema = z
  .object({
    id,
    assessmentId: z.string().check(z.minLength(1)),
    indicatorId: z.string().check(z.minLength(1), z.maxLength(200)),
    /** The answer the reviewer proposes, if they propose one. */
    value: z.optional(z.nullable(answerValueSchema)),
    /** The narrative the reviewer proposes, if they propose one. */
    narrative: z.optional(z.string().check(z.maxLength(20_000))),
    note: z.string().check(z.maxLength(COMMENT_MAX)),
    ...stampSchema.shape,
    /**
     * The team's decision; "reopened" takes back a rejection, so the proposal waits again (a value,
     * not null, so the undo travels to other laptops and wins over the older rejection there).
     */
    decision: z.nullable(
      z.extend(stampSchema, {
        status: z.enum(['accepted', 'rejected', 'reopened']),
        /** Why the team rejected it, when it said so. */
        reason: z.optional(z.string().check(z.maxLength(COMMENT_MAX))),
      }),
    ),
  })
  .check(z.refine((p) => p.value !== undefined || p.narrative !== undefined, 'a proposal changes the answer or the narrative'));
export type Proposal = z.infer<typeof proposalSchema>;

/** Author identity: the same name on the same device (names alone are not unique across laptops). */
export function isAuthor(comment: Pick<Comment, 'by' | 'device'>, actor: Actor): boolean {
  return comment.device === actor.device && comment.by === actor.name;
}

export function isResolved(comment: Comment): boolean {
  return comment.resolution?.resolved === true;
}

export interface Thread {
  root: Comment;
  replies: Comment[];
}

/** Comments of one indicator as threads, oldest first. Replies whose thread is missing become threads. */
export function threadsOf(comments: readonly Comment[], indicatorId?: string): Thread[] {
  const mine = comments.filter((c) => indicatorId === undefined || c.indicatorId === indicatorId);
  const roots = new Map(mine.filter((c) => c.parentId === null).map((c) => [c.id, { root: c, replies: [] as Comment[] }]));
  for (const c of mine) {
    if (c.parentId === null) continue;
    const thread = roots.get(c.parentId);
    if (thread) thread.replies.push(c);
    else roots.set(c.id, { root: c, replies: [] });
  }
  const byTime = (a: Comment, b: Comment) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1);
  return [...roots.values()].map((t) => ({ ...t, replies: t.replies.sort(byTime) })).sort((a, b) => byTime(a.root, b.root));
}

export function statusOf(reviews: readonly Review[], indicatorId: string): ReviewStatus {
  return reviews.find((r) => r.indicatorId === indicatorId)?.status ?? 'none';
}

/** A proposal waiting for the team's decision (never decided, or its rejection taken back). */
export function isPending(proposal: Proposal): boolean {
  return proposal.decision === null || proposal.decision.status === 'reopened';
}

export function pendingProposals(proposals: readonly Proposal[], indicatorId?: string): Proposal[] {
  return proposals.filter((p) => isPending(p) && (indicatorId === undefined || p.indicatorId === indicatorId));
}

/** Query threads nobody has resolved yet. */
function openQueryThreads(comments: readonly Comment[], indicatorId?: string): Comment[] {
  return comments.filter((c) => c.parentId === null && c.kind === 'query' && !isResolved(c) && (indicatorId === undefined || c.indicatorId === indicatorId));
}

/** Whether an indicator has an open query (see the module header). */
export function hasOpenQuery(comments: readonly Comment[], proposals: readonly Proposal[], indicatorId: string): boolean {
  return openQueryThreads(comments, indicatorId).length > 0 || pendingProposals(proposals, indicatorId).length > 0;
}

export interface ReviewOverview {
  domains: { domainId: string; counts: Record<ReviewStatus, number>; open: string[] }[];
  openTotal: number;
}

/** Counts per domain of each review status, and the indicators with an open query, in catalogue order. */
export function reviewOverview(catalogue: Catalogue, reviews: readonly Review[], comments: readonly Comment[], proposals: readonly Proposal[]): ReviewOverview {
  const domains = catalogue.domains.map((domain) => {
    const counts: Record<ReviewStatus, number> = { none: 0, query: 0, answered: 0, validated: 0 };
    const open: string[] = [];
    for (const indicator of domain.subdomains.flatMap((s) => s.indicators)) {
      counts[statusOf(reviews, indicator.id)] += 1;
      if (hasOpenQuery(comments, proposals, indicator.id)) open.push(indicator.id);
    }
    return { domainId: domain.id, counts, open };
  });
  // The same count the validation gate uses: queries on indicators the catalogue no longer has still
  // block validation, so they are not dropped.
  return { domains, openTotal: openQueries(comments, proposals).length };
}

/** Indicators (any catalogue) with an open query; empty means the assessment may be validated. */
export function openQueries(comments: readonly Comment[], proposals: readonly Proposal[]): string[] {
  const ids = new Set([...openQueryThreads(comments).map((c) => c.indicatorId), ...pendingProposals(proposals).map((p) => p.indicatorId)]);
  return [...ids].sort();
}
