/**
 * The record page's "IIIF manifest" link, by the IIIF drag-and-drop convention: the IIIF logo
 * links to an address carrying the manifest in `?manifest=`, so dragging it onto any IIIF viewer
 * opens the record there; following it opens the archive's own viewer. The manifest's JSON is
 * linked beside it.
 */
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { manifestPath, viewerHref } from './iiif-urls.ts';
import { VIEWER_ASSETS } from './viewer-assets.ts';

export interface IiifLinkView {
  href: string;
  manifestUrl: string;
  label: string;
  hint: string;
  logoAlt: string;
  jsonLabel: string;
  /** Under the site's asset root. */
  logo: string;
}

export function presentIiifLink(recordId: string, lang: Lang, publicOrigin: string): IiifLinkView {
  const manifestUrl = `${publicOrigin}${manifestPath(recordId)}`;
  return {
    href: viewerHref(manifestUrl),
    manifestUrl,
    label: translate(lang, 'iiif.link_label'),
    hint: translate(lang, 'iiif.link_hint'),
    logoAlt: translate(lang, 'iiif.logo_alt'),
    jsonLabel: translate(lang, 'iiif.manifest_json'),
    logo: VIEWER_ASSETS.logo,
  };
}
