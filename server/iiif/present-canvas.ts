/**
 * One Canvas per photograph: its size is the image's (what `info.json` says), painted by the
 * large JPEG derivative with the photograph's level-0 IIIF Image service, so viewers that speak
 * the Image API zoom through the tiles and the rest show the JPEG.
 */
import { derivativeFileName, type DerivativeSize } from '../../core/media/derivatives.ts';
import type { ReadyMedia } from '../../core/media/media-repository.ts';
import { iiifBaseUrl, mediaUrl } from '../media/media-urls.ts';
import { messageMap, type LanguageMap } from './language-map.ts';

export interface ImageResource {
  id: string;
  type: 'Image';
  format: 'image/jpeg';
  width: number;
  height: number;
  service?: { id: string; type: 'ImageService3'; profile: 'level0' }[];
}

export interface Canvas {
  id: string;
  type: 'Canvas';
  label: LanguageMap;
  width: number;
  height: number;
  thumbnail?: ImageResource[];
  items: {
    id: string;
    type: 'AnnotationPage';
    items: { id: string; type: 'Annotation'; motivation: 'painting'; body: ImageResource; target: string }[];
  }[];
}

/**
 * The size of the one canvas of a record without photographs (4:3, like most of the archive's
 * photographs): IIIF requires a manifest to have a canvas and a canvas to have a size, not content.
 */
export const EMPTY_CANVAS_SIZE = { width: 1200, height: 900 } as const;

/** The canvases of a record's photographs, in order; a record without any gets one empty canvas. */
export function presentCanvases(media: readonly ReadyMedia[], manifestId: string, publicOrigin: string): Canvas[] {
  if (media.length === 0) {
    return [{ id: `${manifestId}/canvas/1`, type: 'Canvas', label: messageMap('iiif.canvas_without_image'), ...EMPTY_CANVAS_SIZE, items: [] }];
  }
  return media.map((item, index) => {
    const id = `${manifestId}/canvas/${index + 1}`;
    const caption = item.metadata.headline ?? item.metadata.caption;
    return {
      id,
      type: 'Canvas',
      // Captions come from the camera or the photographer's software, in no known language.
      label: caption ? { none: [caption] } : messageMap('iiif.canvas_label', { n: index + 1 }),
      width: item.width,
      height: item.height,
      thumbnail: [imageResource(item, 'thumb', publicOrigin)],
      items: [
        {
          id: `${id}/page`,
          type: 'AnnotationPage',
          items: [{ id: `${id}/page/image`, type: 'Annotation', motivation: 'painting', body: paintedImage(item, publicOrigin), target: id }],
        },
      ],
    };
  });
}

/** A derivative JPEG as a IIIF image resource, with its own pixel size. */
export function imageResource(media: ReadyMedia, size: DerivativeSize, publicOrigin: string): ImageResource {
  const { width, height } = media.derivatives[size];
  return { id: `${publicOrigin}${mediaUrl(media.hash, derivativeFileName(size, 'jpeg'))}`, type: 'Image', format: 'image/jpeg', width, height };
}

function paintedImage(media: ReadyMedia, publicOrigin: string): ImageResource {
  return { ...imageResource(media, 'large', publicOrigin), service: [{ id: `${publicOrigin}${iiifBaseUrl(media.hash)}`, type: 'ImageService3', profile: 'level0' }] };
}
