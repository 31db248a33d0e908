/**
 * Review of an assessment by an IOM mission: a status per indicator, threaded comments, and proposed
 * answers the government team accepts or rejects.
 *
 * Status per indicator: none (not reviewed) → query (a reviewer raised a query or proposed a change)
 * → answered (the team replied or decided on the proposal) → validated (the reviewer is satisfied);
 * a reviewer may raise a new query at any point. An indicator's query is open while its status is
 * `query` or `answered`, or while a proposal waits for a decision; an assessment can be marked
 * validated only when no query is open.
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
    decision: z.nullable(z.extend(stampSchema, { status: z.enum(['accepted', 'rejected']) })),
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

export function pendingProposals(proposals: readonly Proposal[], indicatorId?: string): Proposal[] {
  return proposals.filter((p) => p.decision === null && (indicatorId === undefined || p.indicatorId === indicatorId));
}

/** Whether an indicator has an open query (see the module header). */
export function hasOpenQuery(reviews: readonly Review[], proposals: readonly Proposal[], indicatorId: string): boolean {
  const status = statusOf(reviews, indicatorId);
  return status === 'query' || status === 'answered' || pendingProposals(proposals, indicatorId).length > 0;
}

export interface ReviewOverview {
  domains: { domainId: string; counts: Record<ReviewStatus, number>; open: string[] }[];
  openTotal: number;
}

/** Counts per domain of each review status, and the indicators with an open query, in catalogue order. */
export function reviewOverview(catalogue: Catalogue, reviews: readonly Review[], proposals: readonly Proposal[]): ReviewOverview {
  const domains = catalogue.domains.map((domain) => {
    const counts: Record<ReviewStatus, number> = { none: 0, query: 0, answered: 0, validated: 0 };
    const open: string[] = [];
    for (const indicator of domain.subdomains.flatMap((s) => s.indicators)) {
      counts[statusOf(reviews, indicator.id)] += 1;
      if (hasOpenQuery(reviews, proposals, indicator.id)) open.push(indicator.id);
    }
    return { domainId: domain.id, counts, open };
  });
  // The same count the validation gate uses: queries on indicators the catalogue no longer has still
  // block validation, so they are not dropped.
  return { domains, openTotal: openQueries(reviews, proposals).length };
}

/** Indicators (any catalogue) with an open query; empty means the assessment may be validated. */
export function openQueries(reviews: readonly Review[], proposals: readonly Proposal[]): string[] {
  const ids = new Set([...reviews.map((r) => r.indicatorId), ...proposals.map((p) => p.indicatorId)]);
  return [...ids].filter((indicatorId) => hasOpenQuery(reviews, proposals, indicatorId)).sort();
}
