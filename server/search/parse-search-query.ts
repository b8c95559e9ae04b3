/**
 * Parse once, at the edge: URL parameters in, a typed and clamped `SearchQuery` out, or a
 * `BadRequestError` naming what to correct. Declared keys are `q`, one key per facet in FACETS
 * (`?type=bridge&type=site`), `year_from`, `year_to`, `bbox` (`south,west,north,east`), `near`
 * (`lat,lon,km`), `sort`, `page`, `per_page` (20, 50 or 100), `view` (parse-search-view.ts) and
 * `lang` (read by the language middleware). Every other key is dropped, except keys naming a record field that is not a facet
 * (`?rights=…`): a filter on a field that cannot be filtered is refused.
 */
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { FACETS, FACET_KEYS, type FacetKey } from '../../core/schema/facets.ts';
import type { Envelope } from '../../core/schema/geometry.ts';
import { RECORD_FIELDS } from '../../core/schema/record.ts';
import { parseYear } from '../../core/schema/years.ts';
import { DEFAULT_PAGE_SIZE, SORTS, type SearchQuery, type SearchSort } from '../../core/search/types.ts';
import { BadRequestError } from '../errors.ts';
import { firstValue, type QueryParams } from '../params/query-params.ts';

/** The page sizes a visitor can choose; the first is the default. */
export const PAGE_SIZES = [DEFAULT_PAGE_SIZE, 50, 100] as const;
/** Deep pages cost the engine a sort of everything before them: no page reaches past 10,000 hits. */
export const MAX_DEEP_HITS = 10_000;
/** The last page that can be asked for at the default page size. */
export const MAX_PAGE = lastPageFor(DEFAULT_PAGE_SIZE);
export const MAX_TEXT_LENGTH = 200;
export const MAX_VALUES_PER_FACET = 20;
export const MAX_VALUE_LENGTH = 200;
/** `near` radii are clamped to this range; a missing radius is the default. */
export const MIN_NEAR_KM = 0.1;
export const MAX_NEAR_KM = 500;
export const DEFAULT_NEAR_KM = 5;
/** A bad `bbox` or `near` is echoed in the error message, cut to this length. */
const MAX_ECHO_LENGTH = 60;

const NOT_FILTERABLE = new Set<string>(RECORD_FIELDS.filter((field) => !(FACET_KEYS as readonly string[]).includes(field)));

/** The typed, clamped query of a search page's URL parameters; throws `BadRequestError` with a message key. */
export function parseSearchQuery(params: QueryParams, lang: Lang): SearchQuery {
  refuseUndeclaredFilters(params);
  const { yearFrom, yearTo } = parseYearRange(params, lang);
  const bbox = parseBbox(params);
  const near = parseNear(params);
  const pageSize = parsePageSize(params);
  return {
    text: parseText(params),
    filters: parseFilters(params, lang),
    ...(yearFrom !== undefined && { yearFrom }),
    ...(yearTo !== undefined && { yearTo }),
    ...(bbox && { bbox }),
    ...(near && { near }),
    sort: parseSort(params),
    page: parsePage(params, pageSize),
    pageSize,
    lang,
  };
}

function refuseUndeclaredFilters(params: QueryParams): void {
  const field = Object.keys(params).find((key) => NOT_FILTERABLE.has(key));
  if (field) throw new BadRequestError('site.error.not_filterable', { field, facets: FACET_KEYS.join(', ') });
}

/** Whitespace runs (including ideographic spaces) count as one space. */
function parseText(params: QueryParams): string {
  const text = (firstValue(params, 'q') ?? '').replace(/\s+/gu, ' ').trim();
  if (text.length > MAX_TEXT_LENGTH) throw new BadRequestError('site.error.text_too_long', { maximum: MAX_TEXT_LENGTH });
  return text;
}

/** Empty values (an empty form field) are dropped, duplicates kept once, in the order given. */
function parseFilters(params: QueryParams, lang: Lang): SearchQuery['filters'] {
  const filters: Partial<Record<FacetKey, string[]>> = {};
  for (const facet of FACETS) {
    const values = [...new Set((params[facet.key] ?? []).map((value) => value.trim()).filter(Boolean))];
    if (values.length === 0) continue;
    const facetLabel = facet.label[lang];
    if (values.length > MAX_VALUES_PER_FACET) throw new BadRequestError('site.error.too_many_values', { facet: facetLabel, maximum: MAX_VALUES_PER_FACET });
    for (const value of values) {
      if (value.length > MAX_VALUE_LENGTH) throw new BadRequestError('site.error.value_too_long', { facet: facetLabel, maximum: MAX_VALUE_LENGTH });
      if (!isAllowedValue(facet.key, value)) throw new BadRequestError('site.error.unknown_value', { facet: facetLabel, value });
    }
    filters[facet.key] = values;
  }
  return filters;
}

/**
 * Yes/no facets accept only `yes` and `no`. Other values are matched as given: a value no record
 * has (an old link, a vocabulary key since renamed) is a search with no results, shown with its
 * filter removable, not an error.
 */
function isAllowedValue(key: FacetKey, value: string): boolean {
  const facet = FACETS.find((spec) => spec.key === key)!;
  return facet.kind !== 'boolean' || value === 'yes' || value === 'no';
}

function parseYearRange(params: QueryParams, lang: Lang): { yearFrom?: number; yearTo?: number } {
  const yearFrom = parseYearParam(params, 'year_from', lang);
  const yearTo = parseYearParam(params, 'year_to', lang);
  if (yearFrom !== undefined && yearTo !== undefined && yearFrom > yearTo) {
    throw new BadRequestError('site.error.year_range_reversed');
  }
  return { yearFrom, yearTo };
}

/** Any form `parseYear` knows: `-3300`, `3300 BCE`, `公元前3300年`, `1990`. */
function parseYearParam(params: QueryParams, key: 'year_from' | 'year_to', lang: Lang): number | undefined {
  const raw = firstValue(params, key)?.trim();
  if (!raw) return undefined;
  const parsed = parseYear(raw);
  if (!parsed.ok) {
    throw new BadRequestError('site.error.bad_year', { field: translate(lang, `site.search.${key}`), value: raw });
  }
  return parsed.year;
}

/** `south,west,north,east` in degrees, as "search this area" writes it; an empty value is no box. */
function parseBbox(params: QueryParams): Envelope | undefined {
  const raw = firstValue(params, 'bbox')?.trim();
  if (!raw) return undefined;
  const numbers = decimals(raw);
  const refuse = () => new BadRequestError('site.error.bad_bbox', { value: raw.slice(0, MAX_ECHO_LENGTH) });
  if (numbers?.length !== 4) throw refuse();
  const [south, west, north, east] = numbers as [number, number, number, number];
  if (!isLatitude(south) || !isLatitude(north) || !isLongitude(west) || !isLongitude(east)) throw refuse();
  // A box across the antimeridian (west > east) is refused: neither engine can search one.
  if (!(south < north && west < east)) throw refuse();
  return { south, west, north, east };
}

/** `lat,lon` or `lat,lon,km`; the radius is clamped, the point must be on the globe. */
function parseNear(params: QueryParams): SearchQuery['near'] {
  const raw = firstValue(params, 'near')?.trim();
  if (!raw) return undefined;
  const numbers = decimals(raw);
  if (!numbers || numbers.length < 2 || numbers.length > 3 || !isLatitude(numbers[0]!) || !isLongitude(numbers[1]!)) {
    throw new BadRequestError('site.error.bad_near', { value: raw.slice(0, MAX_ECHO_LENGTH) });
  }
  const radiusKm = Math.min(MAX_NEAR_KM, Math.max(MIN_NEAR_KM, numbers[2] ?? DEFAULT_NEAR_KM));
  return { lat: numbers[0]!, lon: numbers[1]!, radiusKm };
}

const DECIMAL = /^[-+]?\d{1,12}(?:\.\d{1,12})?$/;

/** Comma-separated plain decimals (`30.48,-120.1`); undefined when any part is something else (`1e3`, `Infinity`, ``). */
function decimals(raw: string): number[] | undefined {
  const parts = raw.split(',').map((part) => part.trim());
  return parts.every((part) => DECIMAL.test(part)) ? parts.map(Number) : undefined;
}

function isLatitude(value: number): boolean {
  return value >= -90 && value <= 90;
}

function isLongitude(value: number): boolean {
  return value >= -180 && value <= 180;
}

function parseSort(params: QueryParams): SearchSort {
  const sort = firstValue(params, 'sort')?.trim();
  if (!sort) return 'relevance';
  if (!(SORTS as readonly string[]).includes(sort)) throw new BadRequestError('site.error.bad_sort', { value: sort, options: SORTS.join(', ') });
  return sort as SearchSort;
}

/** The last page that can be asked for at `pageSize` (500 at 20, 100 at 100). */
export function lastPageFor(pageSize: number): number {
  return Math.floor(MAX_DEEP_HITS / pageSize);
}

/**
 * Pages are clamped, not refused: `-1` is page 1 and `1e9` is the last page `lastPageFor` allows
 * (a page past the results' last is then redirected by the route, which alone knows how many
 * there are). Only text that is not a number at all is refused.
 */
function parsePage(params: QueryParams, pageSize: number): number {
  const raw = firstValue(params, 'page')?.trim();
  if (!raw) return 1;
  const page = Number(raw);
  if (Number.isNaN(page)) throw new BadRequestError('site.error.bad_page', { value: raw });
  return Math.min(lastPageFor(pageSize), Math.max(1, Math.trunc(page)));
}

/**
 * A page size is one of PAGE_SIZES: any other number becomes the smallest choice that holds it
 * (`37` → 50, `100000` → 100, `-1` → 20), so an edited address still works and pages stay few
 * enough to cache. Only text that is not a number is refused.
 */
function parsePageSize(params: QueryParams): number {
  const raw = firstValue(params, 'per_page')?.trim();
  if (!raw) return DEFAULT_PAGE_SIZE;
  const size = Number(raw);
  if (Number.isNaN(size)) throw new BadRequestError('browse.error.bad_per_page', { value: raw.slice(0, MAX_ECHO_LENGTH), options: PAGE_SIZES.join(', ') });
  return PAGE_SIZES.find((choice) => size <= choice) ?? PAGE_SIZES.at(-1)!;
}
