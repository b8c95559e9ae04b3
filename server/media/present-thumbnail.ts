/** The small picture of a record in result lists and collection pages: its first photograph's thumbnail. */
import type { Catalog } from '../../core/catalog/catalog.ts';
import { DERIVATIVE_FORMATS, derivativeFileName } from '../../core/media/derivatives.ts';
import type { ReadyMedia } from '../../core/media/media-repository.ts';
import type { Lang } from '../../core/i18n/translate.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { mediaUrl } from './media-urls.ts';
import { titleOf } from './present-record-media.ts';

export interface ThumbnailView {
  src: string;
  width: number;
  height: number;
  alt: string;
  /** AVIF and WebP versions of the same thumbnail. */
  sources: { type: string; srcset: string }[];
}

/** The thumbnail of one record, or undefined when it has no photograph. `alt` is usually the record's title. */
export function presentThumbnail(catalog: Catalog, recordId: string, alt: string): ThumbnailView | undefined {
  return presentThumbnails(catalog, [{ id: recordId, alt }]).get(recordId);
}

/** Thumbnails of records by id, each described by its title in `lang`, in one query. */
export function thumbnailsOfRecords(catalog: Catalog, records: readonly ArchiveRecord[], lang: Lang): Map<string, ThumbnailView> {
  return presentThumbnails(catalog, records.map((record) => ({ id: record.id, alt: titleOf(record, lang) })));
}

/** Thumbnails of many records in one query (a page of search hits). */
export function presentThumbnails(catalog: Catalog, records: readonly { id: string; alt: string }[]): Map<string, ThumbnailView> {
  const first = catalog.media.firstOfRecords(records.map((record) => record.id));
  const thumbnails = new Map<string, ThumbnailView>();
  for (const { id, alt } of records) {
    const media = first.get(id);
    if (media) thumbnails.set(id, thumbnailOf(media, alt));
  }
  return thumbnails;
}

function thumbnailOf(media: ReadyMedia, alt: string): ThumbnailView {
  const { width, height } = media.derivatives.thumb;
  return {
    src: mediaUrl(media.hash, derivativeFileName('thumb', 'jpeg')),
    width,
    height,
    alt,
    sources: (['avif', 'webp'] as const).map((format) => ({ type: DERIVATIVE_FORMATS[format].mime, srcset: mediaUrl(media.hash, derivativeFileName('thumb', format)) })),
  };
}
