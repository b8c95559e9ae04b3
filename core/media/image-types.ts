/**
 * The allow-list of image types the archive decodes. Anything else (SVG, PDF, PSD, HEIC, text)
 * is refused before a decoder sees it.
 */
export const IMAGE_TYPES = {
  jpeg: { label: 'JPEG', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  png: { label: 'PNG', extensions: ['png'] },
  webp: { label: 'WebP', extensions: ['webp'] },
  tiff: { label: 'TIFF', extensions: ['tif', 'tiff'] },
  avif: { label: 'AVIF', extensions: ['avif'] },
  gif: { label: 'GIF', extensions: ['gif'] },
} as const;

export type ImageType = keyof typeof IMAGE_TYPES;

/** HEIC/HEIF: common from iPhones, recognised so the report can say how to convert them. */
export const HEIC_EXTENSIONS = ['heic', 'heif', 'hif'] as const;

/** Extensions that mark a file as a photograph when a folder is walked. */
export const PHOTO_EXTENSIONS: ReadonlySet<string> = new Set([...Object.values(IMAGE_TYPES).flatMap((type) => type.extensions), ...HEIC_EXTENSIONS]);

export function isImageType(value: string): value is ImageType {
  return Object.hasOwn(IMAGE_TYPES, value);
}

/** The extension a file of this type is stored and served with (`tiff` → `tif`). */
export function canonicalExtension(type: ImageType): string {
  return IMAGE_TYPES[type].extensions[0];
}
