/**
 * `/api/v1/openapi.json`: the OpenAPI 3.1 description of every `/api` route, generated — the
 * components from the zod schemas the presenters are typed by (api-schemas.ts, the record's from
 * the record schema), the parameters from the URL parser's declarations (search-parameters.ts).
 * Tests validate every API response against this document and fail on an `/api` route it omits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { PROJECT_ROOT } from '../../core/config.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import { API_SCHEMAS } from './api-schemas.ts';
import { API_V1 } from './api-urls.ts';
import { PROBLEM_TYPE } from './problem-document.ts';
import { bilingual, idParameter, langParameter, searchParameters, type ParameterObject } from './search-parameters.ts';

const VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

interface Operation {
  operationId: string;
  summary: MessageKey;
  description?: MessageKey;
  parameters: ParameterObject[];
  /** The success response's schema and media type. */
  ok: { schema: Record<string, unknown>; type?: string; link?: boolean };
  /** The error statuses this operation can answer. */
  problems: number[];
}

const SEARCH_PROBLEMS = [400, 406, 503];

/** Every `/api` route, by its OpenAPI path. */
const OPERATIONS: Record<string, Operation> = {
  [`${API_V1}/search`]: {
    operationId: 'searchRecords',
    summary: 'api.op.search',
    description: 'api.op.search.description',
    parameters: searchParameters(),
    ok: { schema: ref('SearchResponse'), link: true },
    problems: SEARCH_PROBLEMS,
  },
  [`${API_V1}/records/{id}`]: {
    operationId: 'readRecord',
    summary: 'api.op.record',
    description: 'api.op.record.description',
    parameters: [idParameter(), langParameter()],
    ok: { schema: ref('RecordResponse') },
    problems: [400, 404, 406, 410],
  },
  [`${API_V1}/collections`]: {
    operationId: 'listCollections',
    summary: 'api.op.collections',
    parameters: [langParameter()],
    ok: { schema: ref('CollectionsResponse') },
    problems: [400, 406],
  },
  [`${API_V1}/collections/{id}`]: {
    operationId: 'readCollection',
    summary: 'api.op.collection',
    parameters: [idParameter(), ...searchParameters(['collection'])],
    ok: { schema: ref('CollectionResponse'), link: true },
    problems: [...SEARCH_PROBLEMS, 404],
  },
  [`${API_V1}/openapi.json`]: {
    operationId: 'describeApi',
    summary: 'api.op.openapi',
    parameters: [],
    ok: { schema: { type: 'object', properties: { openapi: { type: 'string', const: '3.1.0' }, paths: { type: 'object' } }, required: ['openapi', 'paths'] } },
    problems: [400, 406],
  },
  '/api/suggest': {
    operationId: 'suggest',
    summary: 'api.op.suggest',
    parameters: [{ name: 'q', in: 'query', description: bilingual('api.param.suggest_q'), schema: { type: 'string' } }, langParameter()],
    ok: { schema: ref('Suggestions') },
    problems: [400, 406],
  },
  '/api/search.geojson': {
    operationId: 'searchMap',
    summary: 'api.op.geojson',
    parameters: searchParameters().filter((parameter) => !['page', 'per_page', 'cursor'].includes(parameter.name)),
    ok: { schema: ref('MapFeatures'), type: 'application/geo+json' },
    problems: SEARCH_PROBLEMS,
  },
};

/** The OpenAPI paths of every `/api` route, as tests compare them with the app's routes. */
export const API_PATHS: readonly string[] = Object.keys(OPERATIONS);

/** The component schemas, generated from the zod registry; references between them stay references. */
export function componentSchemas(): Record<string, unknown> {
  const { schemas } = z.toJSONSchema(API_SCHEMAS, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
    // Only the API's own descriptions: the record fields' storage metadata (kind, search …) stays inside.
    metadata: API_SCHEMAS,
  });
  // Each component is a schema inside the document, not a document of its own.
  return Object.fromEntries(Object.entries(schemas).map(([name, { $schema: _schema, $id: _id, ...schema }]) => [name, schema]));
}

/** The whole document, with the archive's public origin as its server. */
export function openApiDocument(publicOrigin: string): Record<string, unknown> {
  const problem = { description: bilingual('api.response.problem'), content: { [PROBLEM_TYPE]: { schema: ref('Problem') } } };
  const paths = Object.fromEntries(
    Object.entries(OPERATIONS).map(([route, operation]) => [
      route,
      {
        get: {
          operationId: operation.operationId,
          summary: bilingual(operation.summary),
          ...(operation.description && { description: bilingual(operation.description) }),
          tags: [route.startsWith(API_V1) ? 'v1' : 'site'],
          parameters: operation.parameters,
          responses: {
            200: {
              description: bilingual('api.response.ok'),
              ...(operation.ok.link && { headers: { Link: { description: bilingual('api.header.link'), schema: { type: 'string' } } } }),
              content: { [operation.ok.type ?? 'application/json']: { schema: operation.ok.schema } },
            },
            ...Object.fromEntries(operation.problems.map((status) => [String(status), problem])),
          },
        },
      },
    ]),
  );
  return {
    openapi: '3.1.0',
    info: {
      title: bilingual('api.doc.title'),
      version: VERSION,
      description: bilingual('api.doc.description'),
      license: { name: 'Each record’s own rights statement applies to its text and images', identifier: 'LicenseRef-record-rights' },
    },
    servers: [{ url: publicOrigin }],
    // Every route is public and read-only: nothing to authenticate.
    security: [],
    tags: [
      { name: 'v1', description: 'The JSON API, version 1 · JSON API 第 1 版' },
      { name: 'site', description: 'JSON the site’s own pages read · 网站页面自用的 JSON' },
    ],
    paths,
    components: { schemas: componentSchemas() },
  };
}
