/**
 * The one record schema. Validation, catalog columns, search-engine settings, facets, the API and
 * the views all read this declaration; `.meta()` says how each field is stored and searched.
 */
import * as z from 'zod';
import type { MessageKey } from '../i18n/messages.ts';
import { geometrySchema } from './geometry.ts';
import { EARLIEST_YEAR, LATEST_YEAR } from './years.ts';
import { PROTECTION_LEVELS, RECORD_TYPES, vocabularyKeys } from './vocabularies.ts';

/** How a field is stored and coerced from CSV cells. */
export type FieldKind = 'id' | 'text' | 'list' | 'year' | 'latitude' | 'longitude' | 'vocabulary' | 'hierarchy' | 'geometry';
/** Which full-text column a field feeds, if any: title outranks names, names outrank body. */
export type SearchColumn = 'title' | 'names' | 'body';

/** The fifteen elements of unqualified Dublin Core (oai_dc), the field's common denominator. */
export type DcElement =
  | 'title' | 'creator' | 'subject' | 'description' | 'publisher' | 'contributor' | 'date' | 'type'
  | 'format' | 'identifier' | 'source' | 'language' | 'relation' | 'coverage' | 'rights';

export interface FieldMeta {
  kind: FieldKind;
  search?: SearchColumn;
  lang?: 'zh' | 'en';
  /**
   * How the field leaves the archive: its Dublin Core element (OAI-PMH oai_dc, exports), its
   * schema.org property (JSON-LD), and the label it is shown under (record pages, IIIF
   * `metadata`), a message key with zh and en text. Every standard output is generated from these
   * (core/schema/dublin-core.ts), never from a list of its own. Fields without `dc` stay inside.
   */
  dc?: DcElement;
  schemaOrg?: string;
  label?: MessageKey;
  /**
   * Published in the archive's JSON (core/schema/record-json.ts) though no Dublin Core element
   * fits it: a canal's line is public on every map.
   */
  publish?: boolean;
}

export const RECORD_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,127}$/;
export const MAX_LIST_ITEMS = 100;
/** `identifier` keeps the original of a mapped id, so an id longer than this cannot be kept. */
export const MAX_IDENTIFIER_LENGTH = 256;

const field = <T extends z.ZodType>(schema: T, meta: FieldMeta) => schema.optional().meta(meta as unknown as Record<string, unknown>);
const text = (max: number) => z.string().min(1).max(max);
const list = (maxItemLength: number) => z.array(text(maxItemLength)).max(MAX_LIST_ITEMS);
const year = z.number().int().min(EARLIEST_YEAR).max(LATEST_YEAR);

export const recordShape = {
  id: z.string().regex(RECORD_ID_PATTERN).meta({ kind: 'id', dc: 'identifier', schemaOrg: 'identifier', label: 'site.field.id' }),
  identifier: field(text(MAX_IDENTIFIER_LENGTH), { kind: 'text', search: 'title', dc: 'identifier', schemaOrg: 'identifier', label: 'site.field.identifier' }),
  title_zh: field(text(500), { kind: 'text', search: 'title', lang: 'zh', dc: 'title', schemaOrg: 'name', label: 'site.field.title' }),
  title_en: field(text(500), { kind: 'text', search: 'title', lang: 'en', dc: 'title', schemaOrg: 'name', label: 'site.field.title' }),
  description_zh: field(text(20_000), { kind: 'text', search: 'body', lang: 'zh', dc: 'description', schemaOrg: 'description', label: 'site.field.description' }),
  description_en: field(text(20_000), { kind: 'text', search: 'body', lang: 'en', dc: 'description', schemaOrg: 'description', label: 'site.field.description' }),
  type: field(z.enum(vocabularyKeys(RECORD_TYPES)), { kind: 'vocabulary', dc: 'type', schemaOrg: 'additionalType', label: 'site.field.type' }),
  period_zh: field(text(100), { kind: 'text', search: 'names', lang: 'zh', dc: 'coverage', schemaOrg: 'temporalCoverage', label: 'site.field.period' }),
  period_en: field(text(100), { kind: 'text', search: 'names', lang: 'en', dc: 'coverage', schemaOrg: 'temporalCoverage', label: 'site.field.period' }),
  start_year: field(year, { kind: 'year', dc: 'date', schemaOrg: 'temporalCoverage', label: 'site.field.years' }),
  end_year: field(year, { kind: 'year', dc: 'date', schemaOrg: 'temporalCoverage', label: 'site.field.years' }),
  place_zh: field(text(200), { kind: 'text', search: 'names', lang: 'zh', dc: 'coverage', schemaOrg: 'spatialCoverage', label: 'site.field.place' }),
  place_en: field(text(200), { kind: 'text', search: 'names', lang: 'en', dc: 'coverage', schemaOrg: 'spatialCoverage', label: 'site.field.place' }),
  admin_area: field(text(200), { kind: 'hierarchy', search: 'names', dc: 'coverage', schemaOrg: 'spatialCoverage', label: 'site.field.admin_area' }),
  lat: field(z.number().min(-90).max(90), { kind: 'latitude', dc: 'coverage', schemaOrg: 'geo', label: 'site.field.coordinates' }),
  lon: field(z.number().min(-180).max(180), { kind: 'longitude', dc: 'coverage', schemaOrg: 'geo', label: 'site.field.coordinates' }),
  collections: field(z.array(z.string().regex(RECORD_ID_PATTERN)).max(MAX_LIST_ITEMS), { kind: 'list', dc: 'relation', schemaOrg: 'isPartOf', label: 'site.field.collections' }),
  keywords_zh: field(list(100), { kind: 'list', search: 'names', lang: 'zh', dc: 'subject', schemaOrg: 'keywords', label: 'site.field.keywords' }),
  keywords_en: field(list(100), { kind: 'list', search: 'names', lang: 'en', dc: 'subject', schemaOrg: 'keywords', label: 'site.field.keywords' }),
  protection_level: field(z.enum(vocabularyKeys(PROTECTION_LEVELS)), { kind: 'vocabulary', dc: 'subject', label: 'site.field.protection_level' }),
  rights: field(text(500), { kind: 'text', dc: 'rights', schemaOrg: 'copyrightNotice', label: 'site.field.rights' }),
  source: field(text(2000), { kind: 'text', dc: 'source', schemaOrg: 'citation', label: 'site.field.source' }),
  images: field(list(1000), { kind: 'list' }),
  related: field(z.array(z.string().regex(RECORD_ID_PATTERN)).max(MAX_LIST_ITEMS), { kind: 'list', dc: 'relation', label: 'site.field.related' }),
  /** Where `lat`/`lon` came from: the curator (`record`, the default) or the first photograph's GPS. */
  coordinates_source: field(z.enum(['record', 'photograph']), { kind: 'text' }),
  /** GeoJSON (a JSON cell in CSV) for what a point cannot show: a canal section or seawall as a line. */
  geometry: field(geometrySchema, { kind: 'geometry', publish: true }),
};

export const recordSchema = z
  .strictObject(recordShape)
  .refine((r) => r.title_zh !== undefined || r.title_en !== undefined, {
    path: ['title_zh'],
    params: { code: 'title_required' },
  })
  .refine((r) => r.start_year === undefined || r.end_year === undefined || r.start_year <= r.end_year, {
    path: ['start_year'],
    params: { code: 'start_after_end' },
  })
  .refine((r) => (r.lat === undefined) === (r.lon === undefined), {
    path: ['lat'],
    params: { code: 'coordinates_incomplete' },
  });

export type ArchiveRecord = z.infer<typeof recordSchema>;
export type RecordField = keyof typeof recordShape;

/** Every field in declaration order (the template's column order, with `identifier` second). */
export const RECORD_FIELDS = Object.keys(recordShape) as RecordField[];

/** Read once: zod keeps metadata in a registry whose lookups are too slow for per-row use. */
const FIELD_META = new Map(RECORD_FIELDS.map((name) => [name, recordShape[name].meta() as unknown as FieldMeta]));

export function fieldMeta(name: RecordField): FieldMeta {
  return FIELD_META.get(name)!;
}

/**
 * The import template's header: a contract with curators, so these names and their order never
 * change. Fields added later (`identifier`, `coordinates_source` …) are accepted but not listed.
 */
export const TEMPLATE_COLUMNS = [
  'id', 'title_zh', 'title_en', 'description_zh', 'description_en', 'type', 'period_zh', 'period_en', 'start_year', 'end_year',
  'place_zh', 'place_en', 'admin_area', 'lat', 'lon', 'collections', 'keywords_zh', 'keywords_en', 'protection_level', 'rights',
  'source', 'images', 'related',
] as const satisfies readonly RecordField[];

/**
 * Columns an import file may carry that are not part of the record but of the catalog's state
 * of it: `visibility` (`public`, `hidden`, or an embargo date such as `2030-01-01`). An import
 * without the column keeps each existing record's visibility; new records are public.
 */
export const CATALOG_COLUMNS = ['visibility'] as const;
