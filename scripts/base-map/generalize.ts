/**
 * Cartographic generalization of the source layers for one zoom band: clip to a box, simplify
 * with shared borders kept shared (topojson: neighbouring provinces keep one boundary between
 * them), keep each province border once (a mesh of the arcs two provinces share, so coasts are
 * not drawn twice), and round coordinates to what the band can show.
 */
import { bboxClip } from '@turf/bbox-clip';
import type { BBox, Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterWeight, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';

/** What one band (or one cell of it) holds: each layer one geometry, the way Leaflet draws it. */
export interface BaseMapLayers {
  land: MultiPolygon;
  lakes: MultiPolygon;
  rivers: MultiLineString;
  /** Borders between provinces, each drawn once. */
  provinces: MultiLineString;
}

export interface BandSources {
  land: FeatureCollection;
  lakes: FeatureCollection;
  rivers: FeatureCollection;
  provinces: FeatureCollection;
}

/**
 * @param minArea triangles smaller than this (in square degrees) are simplified away; about a
 *   square pixel at the band's smallest zoom
 */
export function generalize(sources: BandSources, box: BBox, minArea: number): BaseMapLayers {
  const clipped = { land: clip(sources.land, box), lakes: clip(sources.lakes, box), rivers: clip(sources.rivers, box), provinces: clip(sources.provinces, box) };
  // The types of topojson-server and topojson-simplify disagree on the properties' type; none are kept.
  const topo = presimplify(topology(clipped) as unknown as Topology<Objects>);
  // Islands and lakes smaller than the tolerance go too, not only their vertices.
  const simple = filter(simplify(topo, minArea), filterWeight(topo, minArea));
  const polygons = (name: keyof typeof clipped) => toMultiPolygon(asCollection(feature(simple, simple.objects[name]!)));
  const provinces = simple.objects.provinces as GeometryCollection;
  return {
    land: polygons('land'),
    lakes: polygons('lakes'),
    rivers: toMultiLine(asCollection(feature(simple, simple.objects.rivers!))),
    provinces: mesh(simple, provinces, (a, b) => a !== b),
  };
}

/** `layers` within `box` (a cell of the detail grid), or undefined when nothing is there. */
export function clipLayers(layers: BaseMapLayers, box: BBox): BaseMapLayers | undefined {
  const polygons = (geometry: MultiPolygon) => toMultiPolygon(clip({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] }, box));
  const lines = (geometry: MultiLineString) => toMultiLine(clip({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] }, box));
  const cell = { land: polygons(layers.land), lakes: polygons(layers.lakes), rivers: lines(layers.rivers), provinces: lines(layers.provinces) };
  const empty = Object.values(cell).every((geometry) => geometry.coordinates.length === 0);
  return empty ? undefined : cell;
}

/** Coordinates to `decimals` places, repeated points dropped, rings and lines that collapse removed. */
export function roundLayers(layers: BaseMapLayers, decimals: number): BaseMapLayers {
  const factor = 10 ** decimals;
  const line = (points: Position[]) => {
    const out: Position[] = [];
    for (const [x, y] of points) {
      const point = [Math.round(x! * factor) / factor, Math.round(y! * factor) / factor];
      const last = out.at(-1);
      if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point);
    }
    return out;
  };
  const rings = (polygon: Position[][]) => polygon.map(line).filter((ring) => ring.length >= 4);
  const polygons = (geometry: MultiPolygon): MultiPolygon => ({ type: 'MultiPolygon', coordinates: geometry.coordinates.map(rings).filter((polygon) => polygon.length > 0) });
  const lines = (geometry: MultiLineString): MultiLineString => ({ type: 'MultiLineString', coordinates: geometry.coordinates.map(line).filter((points) => points.length >= 2) });
  return { land: polygons(layers.land), lakes: polygons(layers.lakes), rivers: lines(layers.rivers), provinces: lines(layers.provinces) };
}

function clip(collection: FeatureCollection, box: BBox): FeatureCollection {
  const features = collection.features.flatMap((entry) => {
    const geometry = entry.geometry;
    if (!geometry || !['Polygon', 'MultiPolygon', 'LineString', 'MultiLineString'].includes(geometry.type)) return [];
    const clipped = bboxClip(geometry as Parameters<typeof bboxClip>[0] & Geometry, box);
    return [{ type: 'Feature' as const, properties: {}, geometry: dropDegenerate(clipped.geometry) }];
  });
  return { type: 'FeatureCollection', features: features.filter((entry) => entry.geometry.coordinates.length > 0) };
}

/** bboxClip leaves rings of fewer than four points (and empty polygons) where a shape only touched the box. */
function dropDegenerate<G extends Geometry>(geometry: G): G {
  switch (geometry.type) {
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.filter((ring) => ring.length >= 4) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.filter((ring) => ring.length >= 4)).filter((polygon) => polygon.length > 0 && polygon[0]!.length >= 4) };
    case 'LineString':
      return geometry.coordinates.length >= 2 ? geometry : { ...geometry, coordinates: [] };
    case 'MultiLineString':
      return { ...geometry, coordinates: geometry.coordinates.filter((points) => points.length >= 2) };
    default:
      return geometry;
  }
}

/** An object whose every geometry was filtered away comes back as one feature with none. */
function asCollection(value: Feature | FeatureCollection): FeatureCollection {
  return value.type === 'FeatureCollection' ? value : { type: 'FeatureCollection', features: [value] };
}

function toMultiPolygon(collection: FeatureCollection): MultiPolygon {
  const coordinates = collection.features.flatMap((entry) => {
    const geometry = entry.geometry;
    if (geometry?.type === 'Polygon') return [geometry.coordinates];
    if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
    return [];
  });
  return { type: 'MultiPolygon', coordinates: coordinates.filter((polygon) => polygon.length > 0 && polygon[0]!.length >= 4) };
}

function toMultiLine(collection: FeatureCollection): MultiLineString {
  const coordinates = collection.features.flatMap((entry) => {
    const geometry = entry.geometry;
    if (geometry?.type === 'LineString') return [geometry.coordinates];
    if (geometry?.type === 'MultiLineString') return geometry.coordinates;
    return [];
  });
  return { type: 'MultiLineString', coordinates: coordinates.filter((points) => points.length >= 2) };
}
