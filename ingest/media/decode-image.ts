/**
 * The one decode of a photograph: first page only, turned upright (EXIF orientation applied once,
 * here), converted to sRGB through its embedded ICC profile (a CMYK JPEG comes out right), held
 * as raw pixels that every output clones.
 */
import sharp, { type Sharp, type SharpOptions } from 'sharp';

export interface Decoded {
  image: Sharp;
  width: number;
  height: number;
}

export interface DecodeOptions {
  maxPixels: number;
  seconds: () => number;
}

/**
 * `failOn: 'error'` refuses truncated and corrupt files (a cut-off JPEG would otherwise become a
 * half-grey picture) while still accepting files with mere warnings, such as a PNG whose ICC
 * chunk is invalid.
 */
export const DECODE_OPTIONS = { failOn: 'error', pages: 1, autoOrient: true } as const satisfies SharpOptions;

export async function decodeImage(bytes: Uint8Array, options: DecodeOptions): Promise<Decoded> {
  const { data, info } = await sharp(bytes, { ...DECODE_OPTIONS, limitInputPixels: options.maxPixels })
    .timeout({ seconds: options.seconds() })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const image = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  return { image, width: info.width, height: info.height };
}
