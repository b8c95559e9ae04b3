/**
 * `navPlace` (the IIIF navPlace extension): a GeoJSON FeatureCollection with the record's line
 * (a canal section, a seawall) when it has one, else its point, labelled with the record's title.
 */
import type { Geometry } from '../../core/schema/geometry.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import type { LanguageMap } from './language-map.ts';

export interface NavPlace {
  id: string;
  type: 'FeatureCollection';
  features: { id: string; type: 'Feature'; properties: { label: LanguageMap }; geometry: Geometry }[];
}

/** The record's place, or undefined when it has neither a geometry nor coordinates. */
export function navPlaceOf(record: ArchiveRecord, manifestId: string, label: LanguageMap): NavPlace | undefined {
  const geometry: Geometry | undefined =
    record.geometry ?? (record.lat !== undefined && record.lon !== undefined ? { type: 'Point', coordinates: [record.lon, record.lat] } : undefined);
  if (!geometry) return undefined;
  const id = `${manifestId}/place`;
  return { id, type: 'FeatureCollection', features: [{ id: `${id}/1`, type: 'Feature', properties: { label }, geometry }] };
}
