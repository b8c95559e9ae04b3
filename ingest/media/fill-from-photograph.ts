/**
 * What the camera recorded fills in what the record lacks: a record without coordinates takes its
 * first photograph's GPS position, marked as such so pages and maps can say where it came from.
 */
import type { ImageMetadata } from '../../core/media/image-metadata.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';

/** True when the record's coordinates were filled in. */
export function fillCoordinatesFromPhotograph(record: ArchiveRecord, firstImage: ImageMetadata | undefined): boolean {
  if (record.lat !== undefined || record.lon !== undefined || !firstImage?.gps) return false;
  record.lat = firstImage.gps.lat;
  record.lon = firstImage.gps.lon;
  record.coordinates_source = 'photograph';
  return true;
}
