/**
 * Who changed what: one history entry per changed field, recorded on the device where the change was
 * made and carried along in exchange files. The merge (merge.ts) finds common ancestors in it, so the
 * ordering rules below matter:
 *
 * - `seq` is a Lamport counter per answer (assessment + indicator): a new entry gets one more than the
 *   highest `seq` of any entry of that answer the device holds, including entries imported from other
 *   laptops. Entries written knowing another entry therefore sort after it, whatever the laptops'
 *   clocks say (workshop laptops are often minutes or hours apart).
 * - Entries are ordered by (seq, at, id): ties between concurrent entries are broken the same way on
 *   every device.
 * - For a person's edit, `old` is the value before and `new` the value after. For a conflict resolution
 *   (`via: 'resolve'`), `old` is the value set aside and `new` the value kept, so the set-aside value
 *   stays visible in the history instead of being dropped.
 */
import * as z from 'zod/mini';
import { answerSchema, assessmentSetupSchema, emptyAnswer, type Answer, type Assessment } from './assessment';

const isoDate = z.iso.datetime({ offset: true });

export const roles = ['team', 'reviewer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** The person working on a device, as recorded with every change. */
export const actorSchema = z.object({
  /** May be empty until someone types a name in "Who is working on this laptop". */
  name: z.string().check(z.maxLength(200)),
  role: roleSchema,
  device: z.string().check(z.minLength(1), z.maxLength(100)),
});
export type Actor = z.infer<typeof actorSchema>;

/** Pseudo indicator id for the assessment's own fields (government, context, status…). */
export const ASSESSMENT_KEY = '@assessment';

export const reviewStatuses = ['none', 'query', 'answered', 'validated'] as const;
export const reviewStatusSchema = z.enum(reviewStatuses);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

/** Answer fields a person edits; each gets its own history. */
export const answerFields = ['value', 'narrative', 'evidence', 'institutions', 'decision', 'dissentNote', 'followUp'] as const;
export type AnswerField = (typeof answerFields)[number];
/** Assessment fields shared between laptops (archive flags and local links stay on each device). */
export const assessmentFields = ['government', 'year', 'focalPoint', 'institutions', 'context', 'status', 'validatedBy', 'validatedAt'] as const;
export type AssessmentField = (typeof assessmentFields)[number];
/** The review status of one indicator. */
export const REVIEW_FIELD = 'review';

export type TrackedField = AnswerField | AssessmentField | typeof REVIEW_FIELD;
const trackedFields = [...new Set<string>([...answerFields, ...assessmentFields, REVIEW_FIELD])];

const answerShape = answerSchema.shape;
const valueSchemas: Record<AnswerField, z.ZodMiniType> = {
  value: answerShape.value,
  narrative: answerShape.narrative,
  evidence: answerShape.evidence,
  institutions: answerShape.institutions,
  decision: answerShape.decision,
  dissentNote: answerShape.dissentNote,
  followUp: answerShape.followUp,
};
const setupShape = assessmentSetupSchema.shape;
const assessmentValueSchemas: Record<AssessmentField, z.ZodMiniType> = {
  government: setupShape.government,
  year: setupShape.year,
  focalPoint: setupShape.focalPoint,
  institutions: setupShape.institutions,
  context: setupShape.context,
  status: z.enum(['draft', 'validated']),
  // Absent until validated; recorded as null in history (JSON has no undefined).
  validatedBy: z.nullable(z.string().check(z.maxLength(200))),
  validatedAt: z.nullable(isoDate),
};

/** The schema a field's values must satisfy, or null when the field does not exist for that key. */
export function fieldValueSchema(indicatorId: string, field: string): z.ZodMiniType | null {
  if (indicatorId === ASSESSMENT_KEY) return (assessmentValueSchemas as Record<string, z.ZodMiniType>)[field] ?? null;
  if (field === REVIEW_FIELD) return reviewStatusSchema;
  return (valueSchemas as Record<string, z.ZodMiniType>)[field] ?? null;
}

export const historyVia = ['proposal', 'merge', 'resolve'] as const;

export const historyEntrySchema = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(100)),
    assessmentId: z.string().check(z.minLength(1)),
    indicatorId: z.string().check(z.minLength(1), z.maxLength(200)),
    field: z.enum(trackedFields as [string, ...string[]]),
    old: z.unknown(),
    new: z.unknown(),
    by: actorSchema.shape.name,
    role: roleSchema,
    device: actorSchema.shape.device,
    at: isoDate,
    seq: z.int().check(z.minimum(1), z.maximum(1_000_000_000)),
    /** How the change came about when it was not a plain edit. */
    via: z.optional(z.enum(historyVia)),
  })
  .check(
    z.refine((entry) => {
      const schema = fieldValueSchema(entry.indicatorId, entry.field);
      return schema !== null && schema.safeParse(entry.old).success && schema.safeParse(entry.new).success;
    }, 'old and new must be values of the field'),
  );
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Deep equality of JSON values (answers, evidence lists…), independent of key order. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** JSON with object keys sorted and no spaces: the same value always gives the same text (checksums, fingerprints). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/** The order every device agrees on (see the module header). */
export function compareEntries(a: HistoryEntry, b: HistoryEntry): number {
  return a.seq - b.seq || Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Key of one tracked field: indicator (or ASSESSMENT_KEY) and field name. */
export function fieldKey(indicatorId: string, field: string): string {
  return `${indicatorId}\u0000${field}`;
}
export function splitFieldKey(key: string): { indicatorId: string; field: string } {
  const [indicatorId = '', field = ''] = key.split('\u0000');
  return { indicatorId, field };
}

/** The fields whose value differs between two versions of an answer. */
export function changedAnswerFields(before: Answer, after: Answer): AnswerField[] {
  return answerFields.filter((field) => !sameValue(before[field], after[field]));
}
export function changedAssessmentFields(before: Assessment, after: Assessment): AssessmentField[] {
  return assessmentFields.filter((field) => !sameValue(assessmentFieldValue(before, field), assessmentFieldValue(after, field)));
}

/** An assessment field as history records it: an absent optional field (validation) is null. */
export function assessmentFieldValue(assessment: Assessment, field: AssessmentField): unknown {
  return assessment[field] ?? null;
}

/** The value a field has before anyone touched it. */
export function defaultFieldValue(indicatorId: string, field: string): unknown {
  if (indicatorId === ASSESSMENT_KEY) return field === 'validatedBy' || field === 'validatedAt' ? null : undefined; // others are set at creation
  if (field === REVIEW_FIELD) return 'none' satisfies ReviewStatus;
  return emptyAnswer('', '', '')[field as AnswerField];
}

/** The next Lamport counter for an answer, given the entries of that answer held on this device. */
export function nextSeq(entries: readonly HistoryEntry[]): number {
  return entries.reduce((max, e) => Math.max(max, e.seq), 0) + 1;
}

/** History entries within which edits by one person on one device are folded into one entry. */
export const COALESCE_MS = 5 * 60_000;

/**
 * Whether a new edit may update `last` instead of adding an entry: same person, same device, a plain
 * edit, recent, and not yet sent to another laptop (`sealedAt` is this device's last export of the
 * assessment). Keeps typing a paragraph from writing dozens of entries, without ever changing an entry
 * another laptop already holds.
 */
export function canCoalesce(last: HistoryEntry | undefined, actor: Actor, now: string, sealedAt: string | null): last is HistoryEntry {
  if (!last || last.via) return false;
  if (last.device !== actor.device || last.by !== actor.name || last.role !== actor.role) return false;
  const at = Date.parse(last.at);
  if (sealedAt && at <= Date.parse(sealedAt)) return false;
  return Date.parse(now) - at <= COALESCE_MS && Date.parse(now) >= at;
}

export interface FieldChange {
  indicatorId: string;
  field: TrackedField;
  old: unknown;
  new: unknown;
}

/**
 * The history writes for a set of field changes to one answer (or the assessment): which entries to
 * add and which recent entries to update in place. Pure, so storage only executes the plan.
 */
export function recordChanges(
  existing: readonly HistoryEntry[],
  changes: readonly FieldChange[],
  context: {
    assessmentId: string;
    actor: Actor;
    now: string;
    sealedAt: string | null;
    newId: () => string;
    via?: HistoryEntry['via'];
    /**
     * Whether an edit may be folded into this entry at all. Storage allows only entries the same tab
     * wrote: two tabs of one laptop share person and device, and folding one tab's typing into the
     * other's entry would erase that version from the history.
     */
    mayFold?: (entry: HistoryEntry) => boolean;
  },
): { put: HistoryEntry[]; remove: string[] } {
  const put: HistoryEntry[] = [];
  const remove: string[] = [];
  let seq = nextSeq(existing);
  for (const change of changes) {
    const forField = existing.filter((e) => e.indicatorId === change.indicatorId && e.field === change.field).sort(compareEntries);
    const last = forField.at(-1);
    if (!context.via && canCoalesce(last, context.actor, context.now, context.sealedAt) && (context.mayFold?.(last) ?? true)) {
      if (sameValue(last.old, change.new)) remove.push(last.id); // typed and undone: nothing happened
      else put.push({ ...last, new: change.new, at: context.now });
      continue;
    }
    put.push({
      id: context.newId(),
      assessmentId: context.assessmentId,
      indicatorId: change.indicatorId,
      field: change.field,
      old: change.old,
      new: change.new,
      by: context.actor.name,
      role: context.actor.role,
      device: context.actor.device,
      at: context.now,
      seq: seq++,
      ...(context.via ? { via: context.via } : {}),
    });
  }
  return { put, remove };
}
