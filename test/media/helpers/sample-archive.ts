/**
 * An archive with photographs already imported, for the router, presenter and browser tests:
 * `street` shows a geotagged Pixel photograph (two IIIF levels) and the IPTC reference image,
 * `chart` a 48×80 chart stored sideways (one tile), `hostile` a photograph whose EXIF caption
 * and artist are HTML.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { images } from '../../fixtures/images/index.ts';
import { csv, openMediaArchive, type Lifetime, type MediaArchive } from './media-archive.ts';

export const HOSTILE_CAPTION = '<img src=x onerror=alert(1)>';

export interface SampleArchive extends MediaArchive {
  /** Hashes of each record's photographs, in order. */
  hashes: Record<'street' | 'chart' | 'hostile', string[]>;
}

export async function openSampleArchive(t: Lifetime, options: { publishOriginals?: boolean } = {}): Promise<SampleArchive> {
  const archive = openMediaArchive(t);
  archive.addPhoto(images.jpegWithGps, 'photos/street.jpg');
  archive.addPhoto(images.iptcStaffPhotographer, 'photos/farmer.jpg');
  archive.addPhoto(images.orientation6, 'photos/chart.jpg');
  const hostile = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#345' } })
    .jpeg()
    .withExif({ IFD0: { ImageDescription: HOSTILE_CAPTION, Artist: '<script>alert(2)</script>' } })
    .toBuffer();
  writeFileSync(path.join(archive.importDir, 'photos', 'hostile.jpg'), hostile);
  archive.write('records.csv', csv([
    ['id', 'title_zh', 'title_en', 'images'],
    ['street', '临平街景', 'A street in Linping', 'photos/street.jpg;photos/farmer.jpg'],
    ['chart', '测试图', 'Test chart', 'photos/chart.jpg'],
    ['hostile', '恶意说明', 'Hostile caption', 'photos/hostile.jpg'],
    ['no-images', '无图', 'No images', ''],
  ]));
  const { report } = await archive.ingest(undefined, { media: { publishOriginals: options.publishOriginals ?? false } });
  if (report.hasFailures()) throw new Error(`sample archive import failed: ${JSON.stringify(report.entries)}`);
  const repository = archive.catalog.media;
  const hashesOf = (id: string) => repository.ofRecord(id).map((media) => media.hash);
  return { ...archive, hashes: { street: hashesOf('street'), chart: hashesOf('chart'), hostile: hashesOf('hostile') } };
}
