/**
 * Reads what the camera recorded with exifr. Never throws: broken EXIF offsets or hostile XMP
 * cost the metadata, never the image (bad-inputs row 22).
 */
import exifr from 'exifr';
import type { ImageMetadata } from '../../core/media/image-metadata.ts';
import type { ImageType } from '../../core/media/image-types.ts';
import { normalizeMetadata, type ExifrSegments } from './normalize-metadata.ts';

/** exifr reads JPEG, TIFF, PNG and HEIF/AVIF containers; WebP and GIF are not among them. */
const READABLE: ReadonlySet<ImageType> = new Set(['jpeg', 'tiff', 'png', 'avif']);

const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  iptc: true,
  xmp: true,
  ihdr: true,
  ifd1: false,
  interop: false,
  icc: false,
  jfif: false,
  makerNote: false,
  userComment: false,
  translateValues: false,
  reviveValues: false,
  mergeOutput: false,
  sanitize: true,
};

export interface MetadataOutcome {
  metadata: ImageMetadata;
  /** Why the metadata could not be read; the image itself is fine. */
  problem?: string;
}

export async function readImageMetadata(bytes: Uint8Array, type: ImageType): Promise<MetadataOutcome> {
  if (!READABLE.has(type)) return { metadata: {} };
  try {
    const segments = ((await exifr.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), EXIFR_OPTIONS)) ?? {}) as ExifrSegments;
    return { metadata: normalizeMetadata(segments) };
  } catch (error) {
    return { metadata: {}, problem: firstLine(error) };
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}
