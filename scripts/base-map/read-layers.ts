/**
 * The source layers as GeoJSON, read from the unpacked packages (source-packages.ts): land at
 * two scales, lakes and rivers, China's provinces, and the provinces' names for labels.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

export interface ProvinceLabel {
  zh: string;
  en: string;
  lat: number;
  lon: number;
  /** The smallest zoom the name is shown at. */
  minZoom: number;
}

export interface SourceLayers {
  landFine: FeatureCollection;
  landCoarse: FeatureCollection;
  lakes: FeatureCollection;
  rivers: FeatureCollection;
  provinces: FeatureCollection<Polygon | MultiPolygon>;
  labels: ProvinceLabel[];
}

/** Natural Earth's code for the country whose first-level divisions are drawn. */
const COUNTRY = 'CHN';

export function readSourceLayers(folders: { worldAtlas: string; saneTopojson: string; geojsonPlaces: string }): SourceLayers {
  const topology = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Topology;
  const objectOf = (topo: Topology, name: string) => asCollection(feature(topo, topo.objects[name]!));
  const fine = topology(path.join(folders.worldAtlas, 'land-10m.json'));
  const coarse = topology(path.join(folders.worldAtlas, 'land-50m.json'));
  const water = topology(path.join(folders.saneTopojson, 'dist', 'world_50m.json'));
  const admin1 = JSON.parse(readFileSync(path.join(folders.geojsonPlaces, 'data', 'build.json'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
  const provinces = admin1.features.filter((entry) => entry.properties?.adm0_a3 === COUNTRY);
  return {
    landFine: objectOf(fine, 'land'),
    landCoarse: objectOf(coarse, 'land'),
    lakes: objectOf(water, 'lakes'),
    rivers: objectOf(water, 'rivers'),
    provinces: { type: 'FeatureCollection', features: provinces.map((entry) => ({ ...entry, properties: {} })) },
    labels: provinces.flatMap((entry) => labelOf(entry)),
  };
}

/**
 * Natural Earth says from which zoom a name fits (`min_label`); the three municipalities are
 * ranked smaller (`labelrank` 7) and wait two zooms more, or they cover their neighbours' names.
 * Names Natural Earth hides until zoom 10 and beyond (the Paracel Islands at 18) are left out.
 */
function labelOf(entry: Feature): ProvinceLabel[] {
  const p = entry.properties as Record<string, unknown>;
  const minLabel = Number(p.min_label);
  if (!(minLabel <= 10) || typeof p.name_zh !== 'string' || typeof p.name_en !== 'string') return [];
  const minZoom = Math.ceil(minLabel) + (Number(p.labelrank) >= 7 ? 2 : 0);
  return [{ zh: p.name_zh, en: p.name_en, lat: Number(p.latitude), lon: Number(p.longitude), minZoom }];
}

function asCollection(value: Feature | FeatureCollection): FeatureCollection<Geometry> {
  return value.type === 'FeatureCollection' ? value : { type: 'FeatureCollection', features: [value] };
}
