/**
 * The map view of a result set. The page itself lists the located records with their coordinates
 * (all of it works without JavaScript); public/js/map.js then draws them with Leaflet from the
 * GeoJSON endpoint, reading everything it needs (data URL, tiles, labels) from data- attributes.
 */
import type { Config } from '../../core/config.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import { translate, type Lang, type MessageParams } from '../../core/i18n/translate.ts';
import type { Geometry } from '../../core/schema/geometry.ts';
import type { SearchHit } from '../../core/search/types.ts';
import { DEFAULT_NEAR_KM } from '../search/parse-search-query.ts';
import { withReturn } from '../search/return-search.ts';
import { searchHref, withoutBbox, withoutNear } from '../search/search-url.ts';
import { formatCoordinates } from './format-coordinates.ts';
import { presentMapBackground, type BaseMapView } from './present-map-background.ts';
import type { LocalText } from './localize.ts';
import type { SearchContext } from './present-facets.ts';
import { summarizeRecord } from './record-summary.ts';

/** The most features the GeoJSON endpoint returns for one map (five engine pages of 100). */
export const MAX_MAP_FEATURES = 500;

export interface MapItemView {
  href: string;
  title: LocalText;
  period?: LocalText;
  coordinates: string;
  /** `线（12 个点）` for a record drawn as a line. */
  shape?: string;
}

export interface MapView {
  /** `/api/search.geojson?…`: the located records of the whole search, not just this page. */
  dataUrl: string;
  /** The search without its map area or point, in the map view: the script adds `bbox=` or `near=`. */
  baseHref: string;
  /** `south,west,north,east` / `lat,lon,km` of the search, so the map opens on them. */
  bbox?: string;
  near?: string;
  nearRadiusKm: number;
  tiles?: { url: string; attribution: string };
  /** The offline base map, drawn when no tile server is configured. */
  baseMap?: BaseMapView;
  labels: Record<'map' | 'searchArea' | 'nearPoint' | 'nearRecord' | 'zoomIn' | 'zoomOut' | 'close' | 'loadFailed' | 'cluster', string>;
  items: MapItemView[];
  /** Said when the search has more located records than one map draws. */
  truncated?: string;
}

/**
 * The map of the search in `context`; `total` is how many of its records have a place. The list's
 * record links carry `resultsHref`, the way back to this page.
 */
export function presentMap(hits: readonly SearchHit[], total: number, context: SearchContext, tiles: Config['tiles'], resultsHref: string): MapView {
  const { path, query, lang, url } = context;
  const { bbox, near } = query;
  const t = (key: MessageKey, params: MessageParams = {}) => translate(lang, key, params);
  return {
    dataUrl: searchHref('/api/search.geojson', { ...query, page: 1 }),
    baseHref: searchHref(path, withoutNear(withoutBbox(query)), { ...url, view: 'map' }),
    ...(bbox && { bbox: [bbox.south, bbox.west, bbox.north, bbox.east].join(',') }),
    ...(near && { near: [near.lat, near.lon, near.radiusKm].join(',') }),
    nearRadiusKm: DEFAULT_NEAR_KM,
    ...presentMapBackground(tiles, lang),
    labels: {
      map: t('site.map.label'),
      searchArea: t('site.map.search_area'),
      nearPoint: t('site.map.near_point', { radius: DEFAULT_NEAR_KM }),
      nearRecord: t('site.map.near_record', { radius: DEFAULT_NEAR_KM }),
      zoomIn: t('site.map.zoom_in'),
      zoomOut: t('site.map.zoom_out'),
      close: t('site.map.close'),
      loadFailed: t('site.map.load_failed'),
      cluster: t('map.cluster', { count: '{count}' }),
    },
    items: hits.flatMap((hit) => presentMapItem(hit, lang).map((item) => ({ ...item, href: withReturn(item.href, resultsHref) }))),
    ...(total > MAX_MAP_FEATURES && { truncated: t('site.map.truncated', { maximum: MAX_MAP_FEATURES }) }),
  };
}

function presentMapItem({ record }: SearchHit, lang: Lang): MapItemView[] {
  if (record.lat === undefined || record.lon === undefined) return [];
  const summary = summarizeRecord(record, lang);
  const shape = record.geometry && shapeText(record.geometry, lang);
  return [
    {
      href: summary.href,
      title: summary.title,
      ...(summary.period && { period: summary.period }),
      coordinates: formatCoordinates(record.lat, record.lon, lang),
      ...(shape && { shape }),
    },
  ];
}

/** Lines are worth saying; a point geometry is already the coordinates. */
function shapeText(geometry: Geometry, lang: Lang): string | undefined {
  switch (geometry.type) {
    case 'Point':
      return undefined;
    case 'LineString':
      return translate(lang, 'site.record.geometry_line', { points: geometry.coordinates.length });
    case 'MultiLineString':
      return translate(lang, 'site.record.geometry_lines', { lines: geometry.coordinates.length, points: geometry.coordinates.flat().length });
  }
}
