/**
 * Where a record lies when a point is not enough: canal sections and seawalls are lines. A
 * GeoJSON geometry (RFC 7946: [longitude, latitude] positions, WGS 84) — a Point, LineString or
 * MultiLineString — validated here and summarised as an envelope for map search.
 */
import * as z from 'zod';

export const MAX_POSITIONS = 10_000;

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const line = z.array(position).min(2).max(MAX_POSITIONS);

export const geometrySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: position }),
  z.strictObject({ type: z.literal('LineString'), coordinates: line }),
  z.strictObject({ type: z.literal('MultiLineString'), coordinates: z.array(line).min(1).max(1000) }),
]);

export type Geometry = z.infer<typeof geometrySchema>;

export interface Envelope {
  south: number;
  west: number;
  north: number;
  east: number;
}

function positionsOf(geometry: Geometry): [number, number][] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
      return geometry.coordinates.flat();
  }
}

/** The smallest latitude/longitude box holding the record: its geometry, else its point. */
export function envelopeOf(record: { lat?: number; lon?: number; geometry?: Geometry }): Envelope | undefined {
  const positions = record.geometry ? positionsOf(record.geometry) : record.lat !== undefined && record.lon !== undefined ? [[record.lon, record.lat] as [number, number]] : [];
  if (positions.length === 0) return undefined;
  const lons = positions.map(([lon]) => lon);
  const lats = positions.map(([, lat]) => lat);
  return { south: Math.min(...lats), west: Math.min(...lons), north: Math.max(...lats), east: Math.max(...lons) };
}

/** A point to stand for the geometry: the middle of its middle positions, as lat/lon. */
export function representativePoint(geometry: Geometry): { lat: number; lon: number } {
  const positions = positionsOf(geometry);
  const [lon1, lat1] = positions[Math.floor((positions.length - 1) / 2)]!;
  const [lon2, lat2] = positions[Math.ceil((positions.length - 1) / 2)]!;
  return { lat: (lat1 + lat2) / 2, lon: (lon1 + lon2) / 2 };
}
