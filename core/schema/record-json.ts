/**
 * A record as JSON for researchers (the JSON API; JSON exports may reuse it), and the zod schema
 * of that JSON, both generated from the schema's declaration like `recordStatements`: a field
 * leaves the archive when it declares a Dublin Core element (or `publish`), a field with a `lang`
 * joins its other-language twin in one language map under their shared stem (`title_zh` and
 * `title_en` become `title: { "zh-Hans": …, "en": … }`), and a vocabulary field carries its key
 * with both labels. A field added to the schema reaches the JSON and its JSON Schema (OpenAPI)
 * without anyone listing it.
 */
import * as z from 'zod';
import { LANGUAGE_TAGS, type LanguageTag } from '../i18n/language-tags.ts';
import { fieldMeta, RECORD_FIELDS, recordShape, type ArchiveRecord, type RecordField } from './record.ts';
import { fieldVocabulary, type Statement } from './record-statements.ts';
import { MESSAGES } from '../i18n/messages.ts';

export type LanguageMap<T> = Partial<Record<LanguageTag, T>>;

/** `{ "zh-Hans"?: value, "en"?: value }`: a value per language, absent where the record has none. */
export function languageMapSchema<T extends z.ZodType>(value: T) {
  return z.object({ [LANGUAGE_TAGS.zh]: value.optional(), [LANGUAGE_TAGS.en]: value.optional() } as Record<LanguageTag, z.ZodOptional<T>>);
}

/** The fields that leave the archive, in schema order. */
export const PUBLISHED_FIELDS: readonly RecordField[] = RECORD_FIELDS.filter((field) => fieldMeta(field).dc !== undefined || fieldMeta(field).publish === true);

/** The JSON property a field is published under: the stem of a language twin, else its own name. */
export function jsonProperty(field: RecordField): string {
  const { lang } = fieldMeta(field);
  return lang ? field.slice(0, -`_${lang}`.length) : field;
}

/** The schema of one field's value as the record schema declares it, without its optionality. */
function valueSchema(field: RecordField): z.ZodType {
  const schema = recordShape[field] as z.ZodType;
  return schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
}

function propertySchema(field: RecordField): z.ZodType {
  const meta = fieldMeta(field);
  const value = valueSchema(field);
  if (meta.lang) return languageMapSchema(value);
  if (meta.kind === 'vocabulary') return z.object({ key: value, label: languageMapSchema(z.string()) });
  return value;
}

function buildRecordJsonSchema() {
  const shape: Record<string, z.ZodType> = {};
  for (const field of PUBLISHED_FIELDS) {
    const property = jsonProperty(field);
    if (shape[property]) continue;
    const schema = propertySchema(field);
    shape[property] = field === 'id' ? schema : schema.optional();
  }
  return z.object(shape);
}

/** The zod schema of `recordJson`'s output (its JSON Schema is the API's `Record`). */
export const recordJsonSchema = buildRecordJsonSchema();
export type RecordJson = z.infer<typeof recordJsonSchema>;

/** The record's published fields as JSON: language maps for bilingual fields, keys with labels for vocabularies. */
export function recordJson(record: ArchiveRecord): RecordJson {
  const json: Record<string, unknown> = {};
  for (const field of PUBLISHED_FIELDS) {
    const value = record[field];
    if (value === undefined) continue;
    const meta = fieldMeta(field);
    const property = jsonProperty(field);
    if (meta.lang) {
      const map = (json[property] ??= {}) as Record<string, unknown>;
      map[LANGUAGE_TAGS[meta.lang]] = value;
    } else if (meta.kind === 'vocabulary') {
      const entry = fieldVocabulary(field)?.find((candidate) => candidate.key === value);
      json[property] = { key: value, label: entry ? { [LANGUAGE_TAGS.zh]: entry.zh, [LANGUAGE_TAGS.en]: entry.en } : {} };
    } else {
      json[property] = value;
    }
  }
  return json as RecordJson;
}

/** A statement of `recordStatements` as JSON: its label in both languages, its terms, its tagged values. */
export const statementJsonSchema = z.object({
  label: languageMapSchema(z.string()),
  dc: z.string().optional(),
  schema_org: z.string().optional(),
  fields: z.array(z.string()),
  values: z.array(z.object({ value: z.string(), language: z.enum([LANGUAGE_TAGS.zh, LANGUAGE_TAGS.en]).optional() })),
});
export type StatementJson = z.infer<typeof statementJsonSchema>;

export function statementJson(statement: Statement): StatementJson {
  const label = MESSAGES[statement.label];
  return {
    label: { [LANGUAGE_TAGS.zh]: label.zh, [LANGUAGE_TAGS.en]: label.en },
    ...(statement.dc && { dc: statement.dc }),
    ...(statement.schemaOrg && { schema_org: statement.schemaOrg }),
    fields: [...statement.fields],
    values: statement.values.map(({ value, lang }) => ({ value, ...(lang && { language: LANGUAGE_TAGS[lang] }) })),
  };
}
