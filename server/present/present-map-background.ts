/**
 * What every map of the site is drawn on (public/js/map-background.js): the configured tile
 * server, which takes precedence, or else the offline vector base map made from Natural Earth
 * (public/base-map/, `npm run build:base-map`), with its credit and its names in the page's
 * language.
 */
import type { Config } from '../../core/config.ts';
import { translate, type Lang } from '../../core/i18n/translate.ts';

export interface BaseMapView {
  /** Leaflet's attribution line. */
  credit: string;
  /** What the base map shows and leaves out, under the map. */
  note: string;
  /** The language of its place names. */
  lang: Lang;
}

export interface MapBackgroundView {
  /** The title of the map library's link in the credits, in the page's language. */
  library: string;
  tiles?: { url: string; attribution: string };
  baseMap?: BaseMapView;
}

/** The tile server when one is configured, otherwise the base map. */
export function presentMapBackground(tiles: Config['tiles'], lang: Lang): MapBackgroundView {
  const library = translate(lang, 'map.library_title');
  if (tiles.url) return { library, tiles: { url: tiles.url, attribution: tiles.attribution ?? '' } };
  return { library, baseMap: { credit: translate(lang, 'map.base_map_credit'), note: translate(lang, 'map.base_map_note'), lang } };
}

/** The scripts and stylesheets every map needs, before its own (paths under the asset root). */
export const MAP_ASSETS = {
  scripts: ['vendor/leaflet/leaflet.js', 'vendor/markercluster/leaflet.markercluster.js', 'js/map-background.js'],
  styles: ['vendor/leaflet/leaflet.css', 'vendor/markercluster/MarkerCluster.css', 'css/map.css'],
} as const;
