/**
 * The located records of a search as GeoJSON (RFC 7946) for the map: each record's line when it
 * has one, else its point, with what a map popup shows. Property values are plain text; the map
 * script puts them into the page as text, never as HTML.
 */
import type { Lang } from '../../core/i18n/translate.ts';
import { representativePoint, type Geometry } from '../../core/schema/geometry.ts';
import type { SearchHit } from '../../core/search/types.ts';
import { summarizeRecord } from './record-summary.ts';

export interface MapFeature {
  type: 'Feature';
  id: string;
  geometry: Geometry;
  properties: {
    title: string;
    url: string;
    period?: string;
    /** The record's point (a line's middle when it has no point of its own): where its marker goes. */
    lat: number;
    lon: number;
  };
}

export interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: MapFeature[];
  /** How many records of the search have a place; more than `features` when the map is capped. */
  total: number;
  truncated: boolean;
}

/** The features of `hits` that have a place; records without one are left out. */
export function presentFeatures(hits: readonly SearchHit[], lang: Lang): MapFeature[] {
  return hits.flatMap(({ record }) => {
    const point = record.lat !== undefined && record.lon !== undefined ? { lat: record.lat, lon: record.lon } : record.geometry && representativePoint(record.geometry);
    if (!point) return [];
    const summary = summarizeRecord(record, lang);
    const geometry: Geometry = record.geometry ?? { type: 'Point', coordinates: [point.lon, point.lat] };
    return [
      {
        type: 'Feature' as const,
        id: record.id,
        geometry,
        properties: { title: summary.title.value, url: summary.href, ...(summary.period && { period: summary.period.value }), lat: point.lat, lon: point.lon },
      },
    ];
  });
}
