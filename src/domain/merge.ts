/**
 * Merging an assessment from another laptop into the one on this device, field by field.
 *
 * For every tracked field (answer fields, review status, the assessment's shared fields) we look for
 * the common ancestor in the two histories: the last entry (in the order of history.ts) that both
 * sides hold. A side has changed the field since then when it holds entries the other side lacks that
 * come after that ancestor, or when its value differs from the ancestor's. Then:
 * - neither changed, or both reached the same value: keep ours;
 * - only theirs changed: take theirs;
 * - only ours changed: keep ours;
 * - both changed to different values: evidence lists and institution lists are combined item by item
 *   when no item was changed on both sides; anything else is a conflict that a person decides, with
 *   base, ours and theirs and who changed each, when.
 * Histories, comments and proposals are unioned by id, so nothing is dropped; a decided conflict
 * records an entry keeping the value set aside. Merging the same file twice changes nothing, and
 * laptops that exchange files in any order converge.
 */
import { emptyAnswer, type Answer, type Assessment, type Evidence } from './assessment';
import {
  ASSESSMENT_KEY,
  assessmentFieldValue,
  REVIEW_FIELD,
  answerFields,
  assessmentFields,
  canonicalJson,
  compareEntries,
  defaultFieldValue,
  fieldKey,
  nextSeq,
  sameValue,
  splitFieldKey,
  type Actor,
  type AssessmentField,
  type FieldChange,
  type HistoryEntry,
  type ReviewStatus,
  type TrackedField,
} from './history';
import type { Comment, Proposal, Review } from './review';

/** Everything stored about one assessment. */
export interface Snapshot {
  assessment: Assessment;
  answers: Answer[];
  reviews: Review[];
  comments: Comment[];
  proposals: Proposal[];
  history: HistoryEntry[];
}

/** One side's value of a field, with the history entry that set it (who and when), if known. */
export interface Version {
  value: unknown;
  entry: HistoryEntry | null;
}

export interface Conflict {
  key: string;
  indicatorId: string;
  field: TrackedField;
  /** Null when the two histories share no ancestor for this field (e.g. data from before history). */
  base: Version | null;
  mine: Version;
  theirs: Version;
  /** Identifies the exact values shown, so a decision is never applied to values that changed since. */
  fingerprint: string;
}

export type Decision = 'mine' | 'theirs';

export interface MergeOptions {
  actor: Actor;
  now: string;
  newId: () => string;
  /** Decisions on conflicts, by conflict fingerprint. */
  decisions?: Readonly<Record<string, Decision>>;
}

export interface MergeOutcome {
  /** The merged assessment (undecided conflicts keep our value). Storage writes what differs from ours. */
  snapshot: Snapshot;
  /** Whether anything differs from ours. */
  changed: boolean;
  /** Fields changed on their side only, taken. */
  taken: FieldChange[];
  /** Fields changed on both sides and combined item by item. */
  combined: FieldChange[];
  /** Every real conflict, decided or not. */
  conflicts: Conflict[];
  /** Conflicts without a decision: applying the outcome must wait for a person. */
  undecided: Conflict[];
  added: { history: number; comments: number; proposals: number };
  updated: { comments: number; proposals: number };
}

/**
 * Whether two records are copies of one assessment: the same id and the same creation time, which every
 * copy keeps from the laptop that created it. A file relabelled with another assessment's id fails this.
 */
export function sameAssessment(a: Pick<Assessment, 'id' | 'createdAt'>, b: Pick<Assessment, 'id' | 'createdAt'>): boolean {
  return a.id === b.id && Date.parse(a.createdAt) === Date.parse(b.createdAt);
}

type Getter = (indicatorId: string, field: string) => unknown;

/** What the field comparison reads of a side: the rows holding tracked fields, and their history. */
type FieldSide = Pick<Snapshot, 'assessment' | 'answers' | 'reviews' | 'history'>;

function getterOf(snapshot: FieldSide): Getter {
  const answers = new Map(snapshot.answers.map((a) => [a.indicatorId, a]));
  const reviews = new Map(snapshot.reviews.map((r) => [r.indicatorId, r]));
  return (indicatorId, field) => {
    if (indicatorId === ASSESSMENT_KEY) return assessmentFieldValue(snapshot.assessment, field as AssessmentField);
    if (field === REVIEW_FIELD) return reviews.get(indicatorId)?.status ?? defaultFieldValue(indicatorId, field);
    const answer = answers.get(indicatorId);
    return answer ? (answer as Record<string, unknown>)[field] : defaultFieldValue(indicatorId, field);
  };
}

function keysOf(snapshot: FieldSide): string[] {
  const keys: string[] = assessmentFields.map((f) => fieldKey(ASSESSMENT_KEY, f));
  for (const a of snapshot.answers) for (const f of answerFields) keys.push(fieldKey(a.indicatorId, f));
  for (const r of snapshot.reviews) keys.push(fieldKey(r.indicatorId, REVIEW_FIELD));
  for (const e of snapshot.history) keys.push(fieldKey(e.indicatorId, e.field));
  return keys;
}

function indexHistory(history: readonly HistoryEntry[]): Map<string, HistoryEntry[]> {
  const index = new Map<string, HistoryEntry[]>();
  for (const entry of history) {
    const key = fieldKey(entry.indicatorId, entry.field);
    const list = index.get(key);
    if (list) list.push(entry);
    else index.set(key, [entry]);
  }
  for (const list of index.values()) list.sort(compareEntries);
  return index;
}

type Base = { known: true; value: unknown; entry: HistoryEntry | null } | { known: false };

/** The common ancestor's value of one field (see the module header). */
function findBase(mine: readonly HistoryEntry[], theirs: readonly HistoryEntry[], theirIds: ReadonlySet<string>): Base {
  const shared = mine.filter((e) => theirIds.has(e.id));
  const last = shared.at(-1);
  if (last) return { known: true, value: last.new, entry: last };
  // No shared entry: both sides started from the value before their first recorded change, if they agree.
  const mineStart = mine[0];
  const theirStart = theirs[0];
  if (mineStart && theirStart) return sameValue(mineStart.old, theirStart.old) ? { known: true, value: mineStart.old, entry: null } : { known: false };
  const start = mineStart ?? theirStart;
  return start ? { known: true, value: start.old, entry: null } : { known: false };
}

function changedSince(entries: readonly HistoryEntry[], otherIds: ReadonlySet<string>, base: Base, value: unknown): boolean {
  if (!base.known) return true;
  if (!sameValue(value, base.value)) return true;
  const ancestor = base.entry;
  return entries.some((e) => !otherIds.has(e.id) && (ancestor === null || compareEntries(e, ancestor) > 0));
}

/** Three-way merge of institution lists: an institution added on either side stays, one removed on either side goes. */
function combineSets(base: unknown, mine: unknown, theirs: unknown): unknown[] | null {
  if (!Array.isArray(base) || !Array.isArray(mine) || !Array.isArray(theirs)) return null;
  const has = (list: unknown[], item: unknown) => list.some((x) => sameValue(x, item));
  const result: unknown[] = [];
  for (const item of [...mine, ...theirs]) {
    if (has(result, item)) continue;
    const keep = (has(mine, item) && has(theirs, item)) || !has(base, item);
    if (keep) result.push(item);
  }
  return result;
}

/** Three-way merge of evidence by item id; null when one item was changed (or changed and removed) on both sides. */
function combineEvidence(base: unknown, mine: unknown, theirs: unknown): Evidence[] | null {
  if (!Array.isArray(base) || !Array.isArray(mine) || !Array.isArray(theirs)) return null;
  const byId = (list: Evidence[]) => new Map(list.map((e) => [e.id, e]));
  const [b, m, t] = [byId(base as Evidence[]), byId(mine as Evidence[]), byId(theirs as Evidence[])];
  const order = [...m.keys(), ...[...t.keys()].filter((id) => !m.has(id))];
  const result: Evidence[] = [];
  for (const id of order) {
    const [bi, mi, ti] = [b.get(id), m.get(id), t.get(id)];
    if (mi && ti) {
      if (sameValue(mi, ti) || sameValue(ti, bi)) result.push(mi);
      else if (sameValue(mi, bi)) result.push(ti);
      else return null;
    } else if (mi) {
      if (!bi) result.push(mi); // added here
      else if (!sameValue(mi, bi)) return null; // changed here, removed there
    } else if (ti) {
      if (!bi) result.push(ti); // added there
      else if (!sameValue(ti, bi)) return null; // removed here, changed there
    }
  }
  return result;
}

function combine(indicatorId: string, field: string, base: unknown, mine: unknown, theirs: unknown): unknown {
  if (field === 'institutions') return combineSets(base, mine, theirs);
  if (field === 'evidence' && indicatorId !== ASSESSMENT_KEY) return combineEvidence(base, mine, theirs);
  return null;
}

const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);

export function conflictFingerprint(key: string, mine: unknown, theirs: unknown): string {
  return canonicalJson([key, mine, theirs]);
}

/** Histories: the union by id, ours first; what they add is counted. */
function mergeHistory(mine: readonly HistoryEntry[], theirs: readonly HistoryEntry[]): { union: HistoryEntry[]; added: HistoryEntry[] } {
  const mineIds = new Set(mine.map((e) => e.id));
  const added = theirs.filter((e) => !mineIds.has(e.id));
  return { union: [...mine, ...added], added };
}

/** What the three-way comparison of every tracked field decided, before it is applied to rows. */
interface FieldResults {
  /** The value each changed field takes, by field key, in key order. */
  results: Map<string, unknown>;
  taken: FieldChange[];
  combined: FieldChange[];
  conflicts: Conflict[];
  undecided: Conflict[];
  /** History entries recording what the merge set (taken without an entry, combined, decided). */
  written: HistoryEntry[];
}

/** Every tracked field of both sides, compared with its common ancestor (see the module header). */
function mergeFields(mine: FieldSide, theirs: FieldSide, union: readonly HistoryEntry[], options: MergeOptions): FieldResults {
  const mineIds = new Set(mine.history.map((e) => e.id));
  const theirIds = new Set(theirs.history.map((e) => e.id));
  const mineIndex = indexHistory(mine.history);
  const theirIndex = indexHistory(theirs.history);
  const unionIndex = indexHistory(union);
  const valueMine = getterOf(mine);
  const valueTheirs = getterOf(theirs);

  // Lamport counters per answer, advanced as merge entries are written.
  const seqs = new Map<string, number>();
  const seqFor = (indicatorId: string) => {
    const next = seqs.get(indicatorId) ?? nextSeq(union.filter((e) => e.indicatorId === indicatorId));
    seqs.set(indicatorId, next + 1);
    return next;
  };
  const out: FieldResults = { results: new Map(), taken: [], combined: [], conflicts: [], undecided: [], written: [] };
  const record = (indicatorId: string, field: TrackedField, old: unknown, value: unknown, via: 'merge' | 'resolve') => {
    out.written.push({
      id: options.newId(),
      assessmentId: mine.assessment.id,
      indicatorId,
      field,
      old,
      new: value,
      by: options.actor.name,
      role: options.actor.role,
      device: options.actor.device,
      at: options.now,
      seq: seqFor(indicatorId),
      via,
    });
  };

  for (const key of [...new Set([...keysOf(mine), ...keysOf(theirs)])].sort()) {
    const { indicatorId, field } = splitFieldKey(key) as { indicatorId: string; field: TrackedField };
    const mineEntries = mineIndex.get(key) ?? [];
    const theirEntries = theirIndex.get(key) ?? [];
    const a = valueMine(indicatorId, field);
    const b = valueTheirs(indicatorId, field);
    if (sameValue(a, b)) continue; // same value: histories are unioned, nothing else to do
    const base = findBase(mineEntries, theirEntries, theirIds);
    const mineChanged = changedSince(mineEntries, theirIds, base, a);
    const theirsChanged = changedSince(theirEntries, mineIds, base, b);
    if (!theirsChanged) continue;
    const latestUnion = (unionIndex.get(key) ?? []).at(-1);
    if (!mineChanged) {
      out.results.set(key, b);
      out.taken.push({ indicatorId, field, old: a, new: b });
      // Keep "the latest entry holds the current value" true when their history does not say so.
      if (!latestUnion || !sameValue(latestUnion.new, b)) record(indicatorId, field, a, b, 'merge');
      continue;
    }
    const merged = base.known ? combine(indicatorId, field, base.value, a, b) : null;
    if (merged !== null) {
      if (sameValue(merged, a)) continue;
      out.results.set(key, merged);
      out.combined.push({ indicatorId, field, old: a, new: merged });
      record(indicatorId, field, a, merged, 'merge');
      continue;
    }
    const conflict: Conflict = {
      key,
      indicatorId,
      field,
      base: base.known ? { value: base.value, entry: base.entry } : null,
      mine: { value: a, entry: mineEntries.at(-1) ?? null },
      theirs: { value: b, entry: theirEntries.at(-1) ?? null },
      fingerprint: conflictFingerprint(key, a, b),
    };
    out.conflicts.push(conflict);
    const decision = options.decisions?.[conflict.fingerprint];
    if (decision === 'theirs') {
      out.results.set(key, b);
      record(indicatorId, field, a, b, 'resolve');
    } else if (decision === 'mine') {
      record(indicatorId, field, b, a, 'resolve');
    } else {
      out.undecided.push(conflict);
    }
  }
  return out;
}

/** Field results of one record kind, in key order: the assessment's own fields, review statuses, or answer fields. */
function resultsOf(results: ReadonlyMap<string, unknown>, kind: 'assessment' | 'review' | 'answer'): { indicatorId: string; field: string; value: unknown }[] {
  const out: { indicatorId: string; field: string; value: unknown }[] = [];
  for (const [key, value] of results) {
    const { indicatorId, field } = splitFieldKey(key);
    const of = indicatorId === ASSESSMENT_KEY ? 'assessment' : field === REVIEW_FIELD ? 'review' : 'answer';
    if (of === kind) out.push({ indicatorId, field, value });
  }
  return out;
}

/** The assessment's own fields set to their merged values; ours unchanged (the same object) when none changed. */
function mergeAssessmentFields(mine: Assessment, theirUpdatedAt: string, changes: readonly { field: string; value: unknown }[]): Assessment {
  let assessment = mine;
  for (const { field, value } of changes) {
    // null stands for an absent optional field (see assessmentFieldValue): removed, not stored as null.
    const { [field]: _, ...rest } = assessment as Record<string, unknown>;
    assessment = { ...(value === null ? rest : { ...rest, [field]: value }), updatedAt: later(assessment.updatedAt, theirUpdatedAt) } as Assessment;
  }
  return assessment;
}

/**
 * Answers with their merged field values; an answer only they hold starts empty. `fallbackAt` (their
 * assessment's last change) dates a change when their side has no row for that answer.
 */
function mergeAnswers(
  mine: readonly Answer[],
  theirs: readonly Answer[],
  changes: readonly { indicatorId: string; field: string; value: unknown }[],
  assessmentId: string,
  fallbackAt: string,
): { answers: Answer[]; touched: number } {
  const theirAnswers = new Map(theirs.map((x) => [x.indicatorId, x]));
  const answers = new Map(mine.map((x) => [x.indicatorId, x]));
  const touched = new Map<string, Answer>();
  for (const { indicatorId, field, value } of changes) {
    const theirsAt = theirAnswers.get(indicatorId)?.updatedAt ?? fallbackAt;
    const current = touched.get(indicatorId) ?? answers.get(indicatorId) ?? emptyAnswer(assessmentId, indicatorId, theirsAt);
    touched.set(indicatorId, { ...current, [field]: value, updatedAt: later(current.updatedAt, theirsAt) });
  }
  for (const [id, answer] of touched) answers.set(id, answer);
  return { answers: [...answers.values()], touched: touched.size };
}

/** Review statuses with their merged values, dated as `mergeAnswers` dates answers. */
function mergeReviews(
  mine: readonly Review[],
  theirs: readonly Review[],
  changes: readonly { indicatorId: string; value: unknown }[],
  assessmentId: string,
  fallbackAt: string,
): { reviews: Review[]; touched: number } {
  const theirReviews = new Map(theirs.map((x) => [x.indicatorId, x]));
  const reviews = new Map(mine.map((x) => [x.indicatorId, x]));
  const touched = new Map<string, Review>();
  for (const { indicatorId, value } of changes) {
    const theirsAt = theirReviews.get(indicatorId)?.updatedAt ?? fallbackAt;
    const current = touched.get(indicatorId) ?? reviews.get(indicatorId);
    touched.set(indicatorId, { assessmentId, indicatorId, status: value as ReviewStatus, updatedAt: current ? later(current.updatedAt, theirsAt) : theirsAt });
  }
  for (const [id, review] of touched) reviews.set(id, review);
  return { reviews: [...reviews.values()], touched: touched.size };
}

/** Records unioned by id, the ones both sides hold merged by `merge`; counts what was added and what changed. */
function unionById<T extends { id: string }>(mine: readonly T[], theirs: readonly T[], merge: (mine: T, theirs: T) => T): { items: T[]; added: number; updated: number } {
  const byId = new Map(mine.map((x) => [x.id, x]));
  let added = 0;
  let updated = 0;
  for (const item of theirs) {
    const own = byId.get(item.id);
    const next = own ? merge(own, item) : item;
    if (own && sameValue(own, next)) continue;
    if (own) updated += 1;
    else added += 1;
    byId.set(item.id, next);
  }
  return { items: [...byId.values()], added, updated };
}

function mergeComment(mine: Comment, theirs: Comment): Comment {
  let next = mine;
  const editedMine = mine.editedAt ? Date.parse(mine.editedAt) : -Infinity;
  const editedTheirs = theirs.editedAt ? Date.parse(theirs.editedAt) : -Infinity;
  if (editedTheirs > editedMine || (editedTheirs === editedMine && theirs.text > mine.text)) {
    next = { ...next, text: theirs.text, editedAt: theirs.editedAt };
  }
  const resolvedMine = mine.resolution ? Date.parse(mine.resolution.at) : -Infinity;
  const resolvedTheirs = theirs.resolution ? Date.parse(theirs.resolution.at) : -Infinity;
  if (
    resolvedTheirs > resolvedMine ||
    (resolvedTheirs === resolvedMine && theirs.resolution && canonicalJson(theirs.resolution) > canonicalJson(mine.resolution))
  ) {
    next = { ...next, resolution: theirs.resolution };
  }
  return next;
}

/** Comments: union by id; the later edit and the later resolution of a comment both hold. */
function mergeComments(mine: readonly Comment[], theirs: readonly Comment[]): { comments: Comment[]; added: number; updated: number } {
  const { items, added, updated } = unionById(mine, theirs, mergeComment);
  return { comments: items, added, updated };
}

function mergeProposal(mine: Proposal, theirs: Proposal): Proposal {
  if (!theirs.decision) return mine;
  if (!mine.decision) return { ...mine, decision: theirs.decision };
  const a = Date.parse(mine.decision.at);
  const b = Date.parse(theirs.decision.at);
  const order = b - a || (canonicalJson(theirs.decision) < canonicalJson(mine.decision) ? -1 : 1);
  // A rejection taken back ("reopened") and what was decided after it follow each other in time: the
  // later one stands. Accepted and rejected on two laptops: the first decision stands (the answer
  // itself merges through history).
  const undo = mine.decision.status === 'reopened' || theirs.decision.status === 'reopened';
  if (sameValue(mine.decision, theirs.decision)) return mine;
  if (undo ? order > 0 : order < 0) return { ...mine, decision: theirs.decision };
  return mine;
}

/** Proposals: union by id; a decision taken on either side is kept (see `mergeProposal`). */
function mergeProposals(mine: readonly Proposal[], theirs: readonly Proposal[]): { proposals: Proposal[]; added: number; updated: number } {
  const { items, added, updated } = unionById(mine, theirs, mergeProposal);
  return { proposals: items, added, updated };
}

/** Merges their snapshot of an assessment into ours. Pure: ids and time come from `options`. */
export function mergeSnapshots(mine: Snapshot, theirs: Snapshot, options: MergeOptions): MergeOutcome {
  const history = mergeHistory(mine.history, theirs.history);
  const fields = mergeFields(mine, theirs, history.union, options);
  const id = mine.assessment.id;
  const theirAt = theirs.assessment.updatedAt;
  const assessment = mergeAssessmentFields(mine.assessment, theirAt, resultsOf(fields.results, 'assessment'));
  const answers = mergeAnswers(mine.answers, theirs.answers, resultsOf(fields.results, 'answer'), id, theirAt);
  const reviews = mergeReviews(mine.reviews, theirs.reviews, resultsOf(fields.results, 'review'), id, theirAt);
  const comments = mergeComments(mine.comments, theirs.comments);
  const proposals = mergeProposals(mine.proposals, theirs.proposals);

  const changed =
    assessment !== mine.assessment ||
    answers.touched + reviews.touched + comments.added + comments.updated + proposals.added + proposals.updated + history.added.length + fields.written.length > 0;
  return {
    snapshot: {
      assessment,
      answers: answers.answers,
      reviews: reviews.reviews,
      comments: comments.comments,
      proposals: proposals.proposals,
      history: [...history.union, ...fields.written],
    },
    changed,
    taken: fields.taken,
    combined: fields.combined,
    conflicts: fields.conflicts,
    undecided: fields.undecided,
    added: { history: history.added.length, comments: comments.added, proposals: proposals.added },
    updated: { comments: comments.updated, proposals: proposals.updated },
  };
}
