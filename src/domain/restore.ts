/**
 * Restoring stored rows that no longer parse, field by field, instead of dropping them. A row written
 * by an older version, by a buggy build or by hand can have one bad field; dropping the whole row
 * made an answer vanish from the walkthrough and from exports while its history still travelled.
 * Every field that parses is kept as it is; a text that is too long is cut to the limit storage
 * accepts; anything else takes its default. The caller learns which fields were repaired, to count
 * and report them. Only a row without its keys (no assessment or indicator id) cannot be restored.
 */
import { answerSchema, assessmentSchema, emptyAnswer, evidenceSchema, type Answer, type Assessment, type Evidence } from './assessment';

export interface Restored<T> {
  value: T;
  /** The fields that did not parse and were repaired (cut to length or set to their default). */
  repaired: string[];
}

/** A date that sorts before any real change, so a repaired row never looks newer than it is. */
export const RESTORED_DATE = '1970-01-01T00:00:00.000Z';

type Schema = { safeParse: (v: unknown) => { success: true; data: unknown } | { success: false } };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** The longest length a string field accepts, when it is a plain bounded string. */
function maxLengthOf(schema: Schema): number | null {
  for (const length of [20_000, 2000, 500, 200]) {
    if (schema.safeParse('x'.repeat(length)).success && !schema.safeParse('x'.repeat(length + 1)).success) return length;
  }
  return null;
}

/** One field: kept when it parses, cut to length when only too long, else the default (reported). */
function restoreField(schema: Schema, value: unknown, fallback: unknown, field: string, repaired: string[]): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (typeof value === 'string') {
    const max = maxLengthOf(schema);
    if (max !== null) {
      const cut = schema.safeParse(value.slice(0, max));
      if (cut.success) {
        repaired.push(field);
        return cut.data;
      }
    }
  }
  // An optional field simply absent is not damage.
  if (value === undefined && fallback === undefined) return undefined;
  repaired.push(field);
  return fallback;
}

/** Each element kept when it parses (or can be repaired by `each`); the others are left out. */
function restoreList<T>(value: unknown, each: (item: unknown, index: number) => T | null, max: number, field: string, repaired: string[]): T[] {
  if (!Array.isArray(value)) {
    if (value !== undefined) repaired.push(field);
    return [];
  }
  const kept = value.map(each).filter((x): x is T => x !== null);
  if (kept.length !== value.length || kept.length > max) repaired.push(field);
  return kept.slice(0, max);
}

function restoreEvidence(item: unknown, index: number, repaired: string[]): Evidence | null {
  const parsed = evidenceSchema.safeParse(item);
  if (parsed.success) return parsed.data;
  if (!isRecord(item)) return null;
  const shape = evidenceSchema.shape;
  const inner: string[] = [];
  const value = {
    id: nonEmptyString(item.id) ? item.id : `restored-${index}`,
    title: restoreField(shape.title, item.title, '', 'title', inner),
    type: restoreField(shape.type, item.type, 'other', 'type', inner),
    reference: restoreField(shape.reference, item.reference, '', 'reference', inner),
    year: restoreField(shape.year, item.year, null, 'year', inner),
    link: restoreField(shape.link, item.link, '', 'link', inner),
  };
  const result = evidenceSchema.safeParse(value);
  if (!result.success) return null;
  repaired.push(...inner.map((f) => `evidence.${f}`));
  return result.data;
}

/** A stored answer, repaired field by field; null only when it has no assessment or indicator id. */
export function restoreAnswer(row: unknown): Restored<Answer> | null {
  const parsed = answerSchema.safeParse(row);
  if (parsed.success) return { value: parsed.data, repaired: [] };
  if (!isRecord(row) || !nonEmptyString(row.assessmentId) || !nonEmptyString(row.indicatorId)) return null;
  const repaired: string[] = [];
  const shape = answerSchema.shape;
  const empty = emptyAnswer(row.assessmentId, row.indicatorId, RESTORED_DATE);
  const evidenceRepairs: string[] = [];
  const value = {
    assessmentId: row.assessmentId,
    indicatorId: row.indicatorId,
    value: restoreField(shape.value, row.value, empty.value, 'value', repaired),
    narrative: restoreField(shape.narrative, row.narrative, empty.narrative, 'narrative', repaired),
    evidence: restoreList(row.evidence, (e, i) => restoreEvidence(e, i, evidenceRepairs), 500, 'evidence', repaired),
    institutions: restoreList(row.institutions, (x) => (shape.institutions.def.element.safeParse(x).success ? (x as Answer['institutions'][number]) : null), 50, 'institutions', repaired),
    decision: restoreField(shape.decision, row.decision, empty.decision, 'decision', repaired),
    dissentNote: restoreField(shape.dissentNote, row.dissentNote, empty.dissentNote, 'dissentNote', repaired),
    followUp: restoreField(shape.followUp, row.followUp, empty.followUp, 'followUp', repaired),
    updatedAt: restoreField(shape.updatedAt, row.updatedAt, RESTORED_DATE, 'updatedAt', repaired),
  };
  repaired.push(...new Set(evidenceRepairs));
  return { value: answerSchema.parse(value), repaired };
}

/** A stored assessment, repaired field by field; null only when it has no id. */
export function restoreAssessment(row: unknown): Restored<Assessment> | null {
  const parsed = assessmentSchema.safeParse(row);
  if (parsed.success) return { value: parsed.data, repaired: [] };
  if (!isRecord(row) || !nonEmptyString(row.id)) return null;
  const repaired: string[] = [];
  const shape = assessmentSchema.shape;
  const createdAt = restoreField(shape.createdAt, row.createdAt, RESTORED_DATE, 'createdAt', repaired) as string;
  const createdYear = createdAt === RESTORED_DATE ? 2000 : Number(createdAt.slice(0, 4));
  const field = (key: keyof typeof shape, fallback: unknown) => restoreField(shape[key] as Schema, row[key], fallback, key, repaired);
  const value: Record<string, unknown> = {
    id: row.id,
    // A government name is required; a placeholder the team sees and can correct in the details.
    government: field('government', '—'),
    level: field('level', 'national'),
    year: field('year', Math.min(2100, Math.max(2000, createdYear))),
    focalPoint: field('focalPoint', ''),
    institutions: restoreList(row.institutions, (x) => (shape.institutions.def.element.safeParse(x).success ? String(x).trim() : null), 100, 'institutions', repaired),
    context: field('context', ''),
    nationalAssessmentId: field('nationalAssessmentId', undefined),
    catalogueVersion: field('catalogueVersion', 'unknown'),
    status: field('status', 'draft'),
    validatedBy: field('validatedBy', undefined),
    validatedAt: field('validatedAt', undefined),
    archived: field('archived', false),
    deletedAt: field('deletedAt', undefined),
    createdAt,
    updatedAt: field('updatedAt', createdAt),
  };
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return { value: assessmentSchema.parse(value), repaired };
}
