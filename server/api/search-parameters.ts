/**
 * The search parameters as OpenAPI parameter objects, generated from the declarations the URL
 * parser reads (parse-search-query.ts, parse-search-view.ts, the facet list, the sorts): a facet,
 * a sort or a page size added there is described here without anyone copying it.
 */
import { translate } from '../../core/i18n/translate.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import type { MessageParams } from '../../core/i18n/translate.ts';
import { FACETS } from '../../core/schema/facets.ts';
import { SORTS } from '../../core/search/types.ts';
import { MAX_CURSOR_LENGTH } from './cursor-token.ts';
import { lastPageFor, MAX_TEXT_LENGTH, MAX_VALUE_LENGTH, MAX_VALUES_PER_FACET, PAGE_SIZES } from '../search/parse-search-query.ts';
import { SEARCH_VIEWS } from '../search/parse-search-view.ts';

export interface ParameterObject {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  style?: 'form';
  explode?: boolean;
  schema: Record<string, unknown>;
}

/** "English · 中文" from one message pair: the description serves readers of either language. */
export function bilingual(key: MessageKey, params: MessageParams = {}): string {
  return `${translate('en', key, params)} · ${translate('zh', key, params)}`;
}

const query = (name: string, description: string, schema: Record<string, unknown>): ParameterObject => ({ name, in: 'query', description, schema });

/** Every parameter of the search page, and `cursor`; `without` leaves out the facets a path fixes. */
export function searchParameters(without: readonly string[] = []): ParameterObject[] {
  const facets = FACETS.filter((facet) => !without.includes(facet.key)).map((facet) => ({
    ...query(facet.key, bilingual('api.param.facet', { label: `${facet.label.en} · ${facet.label.zh}` }), {
      type: 'array',
      maxItems: MAX_VALUES_PER_FACET,
      items: facet.kind === 'boolean' ? { type: 'string', enum: ['yes', 'no'] } : { type: 'string', maxLength: MAX_VALUE_LENGTH },
    }),
    style: 'form' as const,
    explode: true,
  }));
  return [
    query('q', bilingual('api.param.q'), { type: 'string', maxLength: MAX_TEXT_LENGTH }),
    ...facets,
    query('year_from', bilingual('api.param.year'), { type: 'string' }),
    query('year_to', bilingual('api.param.year'), { type: 'string' }),
    query('bbox', bilingual('api.param.bbox'), { type: 'string', examples: ['30.3,120.1,30.6,120.4'] }),
    query('near', bilingual('api.param.near'), { type: 'string', examples: ['30.48,120.19,5'] }),
    query('sort', bilingual('api.param.sort'), { type: 'string', enum: [...SORTS], default: 'relevance' }),
    query('page', bilingual('api.param.page'), { type: 'integer', minimum: 1, maximum: lastPageFor(PAGE_SIZES[0]) }),
    query('per_page', bilingual('api.param.per_page', { sizes: PAGE_SIZES.join(', ') }), { type: 'integer', default: PAGE_SIZES[0], examples: [...PAGE_SIZES] }),
    query('view', bilingual('api.param.view'), { type: 'string', enum: [...SEARCH_VIEWS], default: SEARCH_VIEWS[0] }),
    langParameter(),
    query('cursor', bilingual('api.param.cursor'), { type: 'string', maxLength: MAX_CURSOR_LENGTH }),
  ];
}

export function langParameter(): ParameterObject {
  return query('lang', bilingual('api.param.lang'), { type: 'string', enum: ['zh', 'en'] });
}

export function idParameter(): ParameterObject {
  return { name: 'id', in: 'path', required: true, description: bilingual('api.param.id'), schema: { type: 'string' } };
}
