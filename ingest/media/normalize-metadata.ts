/**
 * Turns exifr's per-segment output into `ImageMetadata`. Each value has an order of sources:
 * XMP first (always UTF-8, so Chinese captions survive), then IPTC, then EXIF. Anything odd
 * (a year 0000, GPS 0/0, a camera's default caption) is dropped rather than guessed at.
 */
import type { ImageMetadata } from '../../core/media/image-metadata.ts';

type Segment = Record<string, unknown>;
export type ExifrSegments = Partial<Record<'ifd0' | 'exif' | 'gps' | 'iptc' | 'dc' | 'photoshop' | 'xmp' | 'xap' | 'ihdr', Segment>>;

const MAX_CAPTION = 2000;
const MAX_TEXT = 300;
const EARLIEST_PHOTOGRAPH = 1826;
const LATEST_YEAR = 2100;
/** Captions cameras write by themselves; they describe nothing. */
const CAMERA_DEFAULT_CAPTIONS = /^(olympus digital camera|sony dsc|digital camera|dcim|default|image|picture|camera)$/i;

export function normalizeMetadata(segments: ExifrSegments): ImageMetadata {
  const { ifd0 = {}, exif = {}, gps = {}, iptc = {}, dc = {}, photoshop = {}, ihdr = {} } = segments;
  const xmpBasic = segments.xmp ?? segments.xap ?? {};
  const metadata: ImageMetadata = {
    captureDate:
      exifDate(exif.DateTimeOriginal, exif.OffsetTimeOriginal) ??
      isoDate(photoshop.DateCreated) ??
      iptcDate(iptc.DateCreated) ??
      exifDate(exif.CreateDate, exif.OffsetTimeDigitized) ??
      isoDate(xmpBasic.CreateDate),
    gps: coordinates(gps),
    orientation: orientation(ifd0.Orientation),
    camera: camera(ifd0.Make ?? ihdr.Make, ifd0.Model ?? ihdr.Model),
    headline: text(photoshop.Headline, MAX_TEXT) ?? text(iptc.Headline, MAX_TEXT),
    caption: caption(langAlt(dc.description)) ?? caption(iptc.Caption) ?? caption(ifd0.ImageDescription),
    creator: text(list(dc.creator), MAX_TEXT) ?? text(list(iptc.Byline), MAX_TEXT) ?? text(ifd0.Artist, MAX_TEXT),
    copyright: text(langAlt(dc.rights), MAX_TEXT) ?? text(iptc.CopyrightNotice, MAX_TEXT) ?? text(ifd0.Copyright, MAX_TEXT),
    credit: text(photoshop.Credit, MAX_TEXT) ?? text(iptc.Credit, MAX_TEXT),
  };
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)) as ImageMetadata;
}

/** EXIF writes `2018:07:25 16:34:23` in the camera's local time, with the offset in a separate tag if at all. */
function exifDate(value: unknown, offset: unknown): string | undefined {
  const match = typeof value === 'string' ? /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim()) : null;
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  if (!plausibleDate(year!, month!, day!)) return undefined;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '';
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`;
}

/** XMP dates are ISO 8601 and may stop at the year, month or day. */
function isoDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value.trim()) : null;
  if (!match || !plausibleDate(match[1]!, match[2]!, match[3]!)) return undefined;
  return value as string;
}

/** IPTC writes `20070419`. */
function iptcDate(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^(\d{4})(\d{2})(\d{2})$/.exec(value.trim()) : null;
  if (!match || !plausibleDate(match[1]!, match[2]!, match[3]!)) return undefined;
  return `${match[1]}-${match[2]}-${match[3]}`;
}

/** A real calendar day (no 30 February) between the first photograph and the schema's last year. */
function plausibleDate(year: string, month: string, day: string): boolean {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= EARLIEST_PHOTOGRAPH && y <= LATEST_YEAR && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** exifr computes signed decimal degrees; a position of exactly 0/0 is a camera without a fix. */
function coordinates(gps: Segment): ImageMetadata['gps'] {
  const lat = gps.latitude;
  const lon = gps.longitude;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return undefined;
  return { lat: round(lat), lon: round(lon) };
}

/** Six decimals is about 10 cm, more than any phone's GPS can tell. */
function round(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}

function orientation(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8 ? value : undefined;
}

/** "Canon" + "Canon EOS 1300D" is "Canon EOS 1300D", not "Canon Canon EOS 1300D". */
function camera(make: unknown, model: unknown): string | undefined {
  const makeText = text(make, MAX_TEXT);
  const modelText = text(model, MAX_TEXT);
  if (makeText && modelText) return modelText.toLowerCase().startsWith(makeText.toLowerCase().split(' ')[0]!) ? modelText : `${makeText} ${modelText}`;
  return modelText ?? makeText;
}

function caption(value: unknown): string | undefined {
  const cleaned = text(value, MAX_CAPTION);
  return cleaned && !CAMERA_DEFAULT_CAPTIONS.test(cleaned) ? cleaned : undefined;
}

/** XMP language alternatives: `{ lang, value }`, a list of them, or a plain string; x-default wins. */
function langAlt(value: unknown): unknown {
  if (Array.isArray(value)) return langAlt(value.find((entry) => (entry as Segment)?.lang === 'x-default') ?? value[0]);
  if (value && typeof value === 'object' && 'value' in value) return (value as Segment).value;
  return value;
}

/** XMP and IPTC repeat some fields (several creators); they are shown joined. */
function list(value: unknown): unknown {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string').join('; ') : value;
}

/** Trimmed single-spaced text without control characters, cut to `max`; undefined when empty. */
function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (cleaned === '') return undefined;
  return cleaned.length > max ? `${cleaned.slice(0, max - 1)}…` : cleaned;
}
