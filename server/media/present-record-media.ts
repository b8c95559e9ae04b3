/**
 * View-models for a record's photographs: `<picture>` sources with srcset/sizes per format, alt
 * text, the IIIF info.json URL for the deep-zoom viewer, and what the camera recorded that a
 * visitor may see (capture date, creator, copyright, credit; never GPS or camera serials).
 */
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { DERIVATIVE_FORMATS, FORMAT_NAMES, SIZE_NAMES, derivativeFileName, type DerivativeFormat } from '../../core/media/derivatives.ts';
import type { ReadyMedia } from '../../core/media/media-repository.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { MEDIA_ASSETS } from './media-assets.ts';
import { iiifInfoUrl, mediaUrl } from './media-urls.ts';

/** The record page shows images up to about two thirds of a wide screen, the full width of a phone. */
export const RECORD_IMAGE_SIZES = '(min-width: 64rem) 66vw, 100vw';
const MAX_ALT = 150;

export interface PictureSourceView {
  type: string;
  srcset: string;
}

export interface RecordImageView {
  alt: string;
  /** The display-size JPEG: the `<img>` fallback. */
  src: string;
  srcset: string;
  sizes: string;
  /** Of the display derivative, so the browser reserves the right box before it loads. */
  width: number;
  height: number;
  /** AVIF then WebP, each with every size. */
  sources: PictureSourceView[];
  largeUrl: string;
  iiifInfoUrl: string;
  loading: 'eager' | 'lazy';
  caption?: string;
  captured?: { datetime: string; text: string };
  credits: string[];
  /** "image 2 of 3" when the record has several. */
  position?: string;
}

/** The viewer's buttons, in the page's language (OpenSeadragon's own strings are English). */
export interface ViewerControlsView {
  zoomIn: string;
  zoomOut: string;
  home: string;
  fullPage: string;
}

export interface RecordMediaView {
  hasImages: boolean;
  viewerLabel: string;
  zoomLabel: string;
  controls: ViewerControlsView;
  images: RecordImageView[];
  assets: typeof MEDIA_ASSETS;
}

/** The record's photographs (as `readRecord` reads them) for its page. */
export function presentRecordMedia(media: readonly ReadyMedia[], record: ArchiveRecord | undefined, lang: Lang): RecordMediaView {
  const title = media.length > 0 ? titleOf(record, lang) : '';
  const images = media.map((item, index) => presentImage(item, { lang, title, index, count: media.length }));
  return {
    hasImages: images.length > 0,
    viewerLabel: translate(lang, 'media.viewer_label'),
    zoomLabel: translate(lang, 'media.viewer_open'),
    controls: {
      zoomIn: translate(lang, 'media.viewer_zoom_in'),
      zoomOut: translate(lang, 'media.viewer_zoom_out'),
      home: translate(lang, 'media.viewer_home'),
      fullPage: translate(lang, 'media.viewer_full_page'),
    },
    images,
    assets: MEDIA_ASSETS,
  };
}

function presentImage(media: ReadyMedia, context: { lang: Lang; title: string; index: number; count: number }): RecordImageView {
  const { lang, index, count } = context;
  const { metadata } = media;
  const display = media.derivatives.display;
  return {
    alt: shorten(metadata.headline ?? metadata.caption ?? context.title),
    src: mediaUrl(media.hash, derivativeFileName('display', 'jpeg')),
    srcset: srcsetOf(media, 'jpeg'),
    sizes: RECORD_IMAGE_SIZES,
    width: display.width,
    height: display.height,
    sources: FORMAT_NAMES.filter((format) => format !== 'jpeg').map((format) => ({ type: DERIVATIVE_FORMATS[format].mime, srcset: srcsetOf(media, format) })),
    largeUrl: mediaUrl(media.hash, derivativeFileName('large', 'jpeg')),
    iiifInfoUrl: iiifInfoUrl(media.hash),
    // The first image is what the visitor came for; the rest load as they scroll.
    loading: index === 0 ? 'eager' : 'lazy',
    ...(metadata.caption && { caption: metadata.caption }),
    ...(metadata.captureDate && { captured: { datetime: metadata.captureDate, text: translate(lang, 'media.captured', { date: formatCaptureDate(metadata.captureDate, lang) }) } }),
    credits: creditsOf(media, lang),
    ...(count > 1 && { position: translate(lang, 'media.image_position', { index: index + 1, count }) }),
  };
}

/** Every size of one format, by actual width; sizes that came out equal (a small photograph) are listed once. */
export function srcsetOf(media: ReadyMedia, format: DerivativeFormat): string {
  const byWidth = new Map<number, string>();
  for (const size of SIZE_NAMES) {
    const { width } = media.derivatives[size];
    if (!byWidth.has(width)) byWidth.set(width, `${mediaUrl(media.hash, derivativeFileName(size, format))} ${width}w`);
  }
  return [...byWidth.values()].join(', ');
}

function creditsOf(media: ReadyMedia, lang: Lang): string[] {
  const { creator, copyright, credit } = media.metadata;
  const credits: string[] = [];
  if (creator) credits.push(translate(lang, 'media.creator', { name: creator }));
  if (copyright) credits.push(copyright);
  if (credit && credit !== creator && !copyright?.includes(credit)) credits.push(translate(lang, 'media.credit', { name: credit }));
  return credits;
}

/** The day the photograph was taken, as written by the camera (its local date, never shifted by time zones). */
export function formatCaptureDate(captureDate: string, lang: Lang): string {
  const [year, month, day] = captureDate.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-Hans' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function titleOf(record: ArchiveRecord | undefined, lang: Lang): string {
  if (!record) return '';
  return (lang === 'zh' ? (record.title_zh ?? record.title_en) : (record.title_en ?? record.title_zh)) ?? record.id;
}

function shorten(text: string): string {
  return text.length > MAX_ALT ? `${text.slice(0, MAX_ALT - 1)}…` : text;
}
