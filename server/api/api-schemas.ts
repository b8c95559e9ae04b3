/**
 * The shapes of every `/api` answer, as zod schemas: the presenters' output types are inferred
 * from them, and the OpenAPI document's components are generated from them (openapi-document.ts),
 * so the description cannot drift from what is sent. The record itself comes from the record
 * schema's declaration (core/schema/record-json.ts).
 */
import * as z from 'zod';
import { SIZE_NAMES, type DerivativeSize } from '../../core/media/derivatives.ts';
import { FACET_KEYS } from '../../core/schema/facets.ts';
import { languageMapSchema, recordJsonSchema, statementJsonSchema } from '../../core/schema/record-json.ts';
import { SORTS } from '../../core/search/types.ts';
import { LANGUAGE_TAGS } from '../../core/i18n/language-tags.ts';
import { SEARCH_VIEWS } from '../search/parse-search-view.ts';

/** Component schemas by name, for the OpenAPI document. */
export const API_SCHEMAS = z.registry<{ id: string; description?: string }>();

const url = z.url();
const text = languageMapSchema(z.string());
const count = z.number().int().min(0);

export const linksSchema = z
  .object({ html: url.optional(), api: url.optional(), self: url.optional(), next: url.optional(), records: url.optional() })
  .register(API_SCHEMAS, { id: 'Links', description: 'Absolute URLs at the archive’s public origin: its page, its API address, and for searches the next page of a cursor walk.' });

export const recordSchema = recordJsonSchema.register(API_SCHEMAS, {
  id: 'Record',
  description: 'A record’s published fields, generated from the record schema: bilingual fields as language maps (zh-Hans, en), vocabularies as a key with both labels.',
});

export const recordRefSchema = z.object({ id: z.string(), title: text, links: linksSchema }).register(API_SCHEMAS, { id: 'RecordRef' });

const derivativeSchema = z.object({ url, width: count, height: count });

export const imageSchema = z
  .object({
    width: count,
    height: count,
    /** IIIF Image API 3 level 0: the deep-zoom tiles' info.json. */
    iiif_info: url,
    /** One JPEG per derivative size (core/media/derivatives.ts). */
    derivatives: z.object(Object.fromEntries(SIZE_NAMES.map((size) => [size, derivativeSchema])) as Record<DerivativeSize, typeof derivativeSchema>),
  })
  .register(API_SCHEMAS, { id: 'Image', description: 'A photograph of the record: its IIIF image service and JPEG derivatives (no EXIF, no GPS).' });

export const highlightsSchema = z
  .object({ title: text.optional(), snippet: text.optional() })
  .register(API_SCHEMAS, { id: 'Highlights', description: 'HTML: the record’s text escaped, the matches wrapped in <mark>.' });

export const hitSchema = z
  .object({ id: z.string(), links: linksSchema, record: recordSchema, highlights: highlightsSchema, thumbnail: z.object({ url, width: count, height: count }).optional() })
  .register(API_SCHEMAS, { id: 'Hit' });

export const facetSchema = z
  .object({
    key: z.enum(FACET_KEYS as [string, ...string[]]),
    label: text,
    values: z.array(z.object({ value: z.string(), label: text, count, selected: z.boolean() })),
  })
  .register(API_SCHEMAS, { id: 'Facet', description: 'Counts per value; a facet’s counts ignore its own selection (multi-select).' });

export const appliedQuerySchema = z
  .object({
    q: z.string(),
    filters: z.record(z.string(), z.array(z.string())),
    year_from: z.number().int().optional(),
    year_to: z.number().int().optional(),
    bbox: z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() }).optional(),
    near: z.object({ lat: z.number(), lon: z.number(), km: z.number() }).optional(),
    sort: z.enum(SORTS),
    view: z.enum(SEARCH_VIEWS),
    per_page: z.number().int(),
    lang: z.enum(['zh', 'en']),
  })
  .register(API_SCHEMAS, { id: 'AppliedQuery', description: 'The search as parsed and applied: page sizes snapped, years as integers (negative for BCE).' });

export const searchResponseSchema = z
  .object({
    query: appliedQuerySchema,
    total: count,
    /** False when the engine stopped counting (Meilisearch past 10,000): the total is a lower bound. */
    total_is_exact: z.boolean(),
    per_page: z.number().int(),
    /** Set when the request asked for a page by number; absent in a cursor walk. */
    page: z.number().int().min(1).optional(),
    page_count: count,
    hits: z.array(hitSchema),
    facets: z.array(facetSchema),
    links: linksSchema,
  })
  .register(API_SCHEMAS, { id: 'SearchResponse' });

export const recordResponseSchema = z
  .object({
    id: z.string(),
    links: linksSchema,
    record: recordSchema,
    collections: z.array(recordRefSchema),
    related: z.array(recordRefSchema),
    images: z.array(imageSchema),
    history: z.object({ versions: count, created: z.string().optional(), modified: z.string() }),
    /** The record as the statements every standard output makes (Dublin Core, schema.org), labelled in both languages. */
    metadata: z.array(statementJsonSchema.register(API_SCHEMAS, { id: 'Statement' })),
  })
  .register(API_SCHEMAS, { id: 'RecordResponse' });

export const collectionSchema = z
  .object({
    id: z.string(),
    order: z.number().int(),
    title: text,
    summary: text.optional(),
    /** Markdown, as the curator wrote it. */
    narrative: text.optional(),
    /** How many public records it holds; absent while search is unavailable. */
    record_count: count.optional(),
    cover: recordRefSchema.optional(),
    links: linksSchema,
  })
  .register(API_SCHEMAS, { id: 'Collection' });

export const collectionsResponseSchema = z.object({ collections: z.array(collectionSchema) }).register(API_SCHEMAS, { id: 'CollectionsResponse' });

export const collectionResponseSchema = searchResponseSchema
  .extend({ collection: collectionSchema })
  .register(API_SCHEMAS, { id: 'CollectionResponse', description: 'A collection and a search of its records (every search parameter applies, the collection fixed).' });

const problemText = z.object({ title: z.string(), detail: z.string() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string(),
    /** The archive's own name for the problem (a message key), stable across languages. */
    code: z.string(),
    /** The language of `title` and `detail`: the request's. */
    language: z.enum([LANGUAGE_TAGS.zh, LANGUAGE_TAGS.en]),
    /** The same title and detail in both languages. */
    i18n: z.object({ [LANGUAGE_TAGS.zh]: problemText, [LANGUAGE_TAGS.en]: problemText }),
    /** 410 only: when the record was deleted. */
    deleted_at: z.string().optional(),
  })
  .register(API_SCHEMAS, { id: 'Problem', description: 'An RFC 9457 problem document (application/problem+json), in the request’s language and in both.' });

export const suggestionsSchema = z
  .object({ suggestions: z.array(z.object({ text: z.string(), url: z.string() })) })
  .register(API_SCHEMAS, { id: 'Suggestions', description: 'Search-as-you-type suggestions: a title leads to its record, another name to a search for it (site-relative URLs).' });

const position = z.tuple([z.number(), z.number()]);
export const mapFeaturesSchema = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.discriminatedUnion('type', [
          z.object({ type: z.literal('Point'), coordinates: position }),
          z.object({ type: z.literal('LineString'), coordinates: z.array(position) }),
          z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position)) }),
        ]),
        properties: z.object({ title: z.string(), url: z.string(), period: z.string().optional(), lat: z.number(), lon: z.number() }),
      }),
    ),
    total: count,
    truncated: z.boolean(),
  })
  .register(API_SCHEMAS, { id: 'MapFeatures', description: 'The located records of a search as GeoJSON (RFC 7946), as the map draws them.' });

export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type HitJson = z.infer<typeof hitSchema>;
export type FacetJson = z.infer<typeof facetSchema>;
export type RecordResponse = z.infer<typeof recordResponseSchema>;
export type RecordRef = z.infer<typeof recordRefSchema>;
export type ImageJson = z.infer<typeof imageSchema>;
export type CollectionJson = z.infer<typeof collectionSchema>;
export type Problem = z.infer<typeof problemSchema>;
export type LinksJson = z.infer<typeof linksSchema>;
