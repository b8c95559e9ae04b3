/**
 * A record as the statements every standard output makes about it — oai_dc, IIIF `metadata`,
 * schema.org JSON-LD, exports — generated from the schema's declaration (`dc`, `schemaOrg`,
 * `label` in record.ts), never from a hand list per format. Fields sharing a label make one
 * statement (`title_zh` and `title_en` are one "Title" in two languages; start and end year are
 * one span), each value tagged with its language when it has one.
 */
import { formatYearSpan } from '../i18n/format-year-span.ts';
import type { MessageKey } from '../i18n/messages.ts';
import type { Lang } from '../i18n/translate.ts';
import type { ArchiveCollection } from './collection.ts';
import { fieldMeta, RECORD_FIELDS, type ArchiveRecord, type DcElement, type RecordField } from './record.ts';
import { PROTECTION_LEVELS, RECORD_TYPES, type Vocabulary } from './vocabularies.ts';

export interface StatementValue {
  value: string;
  /** The value's language; absent for values that have none (ids, numbers, URLs, untagged text). */
  lang?: Lang;
}

export interface Statement {
  /** What the statement is shown under (zh and en in the message tables). */
  label: MessageKey;
  dc?: DcElement;
  schemaOrg?: string;
  fields: RecordField[];
  values: StatementValue[];
}

export interface StatementContext {
  /** The archive's public origin: records and related records are named by their permanent URL. */
  publicOrigin: string;
  /** Collections by id, for their titles. */
  collectionById: ReadonlyMap<string, ArchiveCollection>;
}

const VOCABULARIES: Partial<Record<RecordField, Vocabulary>> = { type: RECORD_TYPES, protection_level: PROTECTION_LEVELS };

/** The vocabulary whose entries label a vocabulary field's keys. */
export function fieldVocabulary(field: RecordField): Vocabulary | undefined {
  return VOCABULARIES[field];
}

/** The record's permanent URL at the archive's public origin. */
export function recordUri(publicOrigin: string, id: string): string {
  return `${publicOrigin}/items/${encodeURIComponent(id)}`;
}

/** Every statement the record makes, in schema order; fields it leaves empty make none. */
export function recordStatements(record: ArchiveRecord, context: StatementContext): Statement[] {
  const statements = new Map<MessageKey, Statement>();
  for (const field of RECORD_FIELDS) {
    const meta = fieldMeta(field);
    if (!meta.label || !meta.dc) continue;
    const values = valuesOf(record, field, context);
    if (values.length === 0) continue;
    const statement = statements.get(meta.label);
    if (statement) {
      statement.fields.push(field);
      statement.values.push(...values.filter((value) => !statement.values.some((known) => known.value === value.value && known.lang === value.lang)));
    } else {
      statements.set(meta.label, { label: meta.label, dc: meta.dc, ...(meta.schemaOrg && { schemaOrg: meta.schemaOrg }), fields: [field], values });
    }
  }
  return [...statements.values()];
}

function valuesOf(record: ArchiveRecord, field: RecordField, context: StatementContext): StatementValue[] {
  const meta = fieldMeta(field);
  const raw = record[field];
  if (raw === undefined) return [];
  const lang = meta.lang;
  switch (field) {
    case 'id':
      return [{ value: recordUri(context.publicOrigin, record.id) }];
    case 'collections':
      return record.collections!.flatMap((id) => bothLanguages(context.collectionById.get(id), id));
    case 'related':
      return record.related!.map((id) => ({ value: recordUri(context.publicOrigin, id) }));
    case 'start_year':
    case 'end_year':
      return (['zh', 'en'] as const).map((language) => ({ value: formatYearSpan(record.start_year, record.end_year, language)!, lang: language }));
    case 'lat':
    case 'lon':
      return record.lat === undefined || record.lon === undefined ? [] : [{ value: `${record.lat}, ${record.lon}` }];
    default:
      break;
  }
  switch (meta.kind) {
    case 'vocabulary': {
      const entry = VOCABULARIES[field]?.find((candidate) => candidate.key === raw);
      return entry ? [{ value: entry.zh, lang: 'zh' }, { value: entry.en, lang: 'en' }] : [{ value: String(raw) }];
    }
    case 'hierarchy':
      // Administrative names are Chinese.
      return [{ value: String(raw).split('/').join(' › '), lang: 'zh' }];
    case 'list':
      return (raw as string[]).map((value) => ({ value, ...(lang && { lang }) }));
    default:
      return [{ value: String(raw), ...(lang && { lang }) }];
  }
}

function bothLanguages(collection: ArchiveCollection | undefined, id: string): StatementValue[] {
  if (!collection) return [{ value: id }];
  return [
    ...(collection.title_zh ? [{ value: collection.title_zh, lang: 'zh' as const }] : []),
    ...(collection.title_en ? [{ value: collection.title_en, lang: 'en' as const }] : []),
  ];
}
