/**
 * The small map on a record page (public/js/record-map.js): the record's point, and its line
 * when it is a canal section or a seawall, on the site's map background. The page already states
 * the coordinates in words, so without JavaScript the map is simply not shown.
 */
import type { Config } from '../../core/config.ts';
import { translate, type Lang } from '../../core/i18n/translate.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { recordTitle } from './localize.ts';
import { MAP_ASSETS, presentMapBackground, type MapBackgroundView } from './present-map-background.ts';

export interface RecordMapView extends MapBackgroundView {
  /** The map region's accessible name. */
  label: string;
  /** The marker's title. */
  title: string;
  lat: number;
  lon: number;
  /** A LineString or MultiLineString as GeoJSON text, drawn under the marker. */
  line?: string;
  labels: { zoomIn: string; zoomOut: string };
}

/** The record page's scripts and stylesheets when it has a map. */
export const RECORD_MAP_ASSETS = { scripts: [...MAP_ASSETS.scripts, 'js/record-map.js'], styles: MAP_ASSETS.styles } as const;

/** Undefined for a record without a place. */
export function presentRecordMap(record: ArchiveRecord, lang: Lang, tiles: Config['tiles']): RecordMapView | undefined {
  if (record.lat === undefined || record.lon === undefined) return undefined;
  const title = recordTitle(record, lang).value;
  const line = record.geometry && record.geometry.type !== 'Point' ? JSON.stringify(record.geometry) : undefined;
  return {
    label: translate(lang, 'map.record_label', { title }),
    title,
    lat: record.lat,
    lon: record.lon,
    ...(line && { line }),
    ...presentMapBackground(tiles, lang),
    labels: { zoomIn: translate(lang, 'site.map.zoom_in'), zoomOut: translate(lang, 'site.map.zoom_out') },
  };
}
