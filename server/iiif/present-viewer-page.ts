/**
 * The viewer page: Mirador on one of the archive's own manifests or collections, named by
 * `?manifest=` as the IIIF drag-and-drop convention names it. The viewer opens nothing else (it
 * is not an open proxy for other sites' documents, and its CSP lets it fetch only from here).
 */
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { BadRequestError } from '../errors.ts';
import { collectionHref } from '../present/collection-text.ts';
import { HTML_LANG } from '../present/localize.ts';
import { itemHref } from '../present/record-summary.ts';
import { ARCHIVE_COLLECTION_PATH } from './iiif-urls.ts';
import { MIRADOR_SCRIPT, VIEWER_ASSETS } from './viewer-assets.ts';

export interface ViewerPageView {
  htmlLang: string;
  title: string;
  stylesheet: string;
  scripts: string[];
  documentUrl: string;
  /** Mirador's name for the page's language. */
  viewerLanguage: string;
  back: { href: string; label: string };
  loading: string;
  needsScript: string;
}

const MIRADOR_LANGUAGE: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };
const OWN_DOCUMENT = /^\/iiif\/(?:manifests\/[^/?#]+|archive(?:\/pages\/\d+)?|collections(?:\/[^/?#]+(?:\/pages\/\d+)?)?)$/;

/**
 * The address of the document to open: `manifest` when it is one of the archive's IIIF
 * documents, the whole-archive collection when absent; anything else is a bilingual 400.
 */
export function parseViewerDocument(manifest: string | undefined, publicOrigin: string): string {
  if (manifest === undefined || manifest.trim() === '') return `${publicOrigin}${ARCHIVE_COLLECTION_PATH}`;
  const prefix = `${publicOrigin}/iiif/`;
  const path = manifest.startsWith(prefix) ? manifest.slice(publicOrigin.length) : undefined;
  if (path === undefined || !OWN_DOCUMENT.test(path)) throw new BadRequestError('iiif.viewer_bad_manifest', { prefix });
  return manifest;
}

export function presentViewerPage(documentUrl: string, lang: Lang, publicOrigin: string, assets: string): ViewerPageView {
  return {
    htmlLang: HTML_LANG[lang],
    title: translate(lang, 'site.title_with_site', { page: translate(lang, 'iiif.viewer_title'), site: translate(lang, 'site.name') }),
    stylesheet: `${assets}/${VIEWER_ASSETS.stylesheet}`,
    scripts: [MIRADOR_SCRIPT, `${assets}/${VIEWER_ASSETS.script}`],
    documentUrl,
    viewerLanguage: MIRADOR_LANGUAGE[lang],
    back: { href: pageOf(documentUrl.slice(publicOrigin.length)), label: translate(lang, 'iiif.viewer_back') },
    loading: translate(lang, 'iiif.viewer_loading'),
    needsScript: translate(lang, 'iiif.viewer_needs_script'),
  };
}

/** The site page a IIIF document describes: its record or collection page, else the home page. */
function pageOf(path: string): string {
  const [, kind, id] = /^\/iiif\/(manifests|collections)\/([^/]+)/.exec(path) ?? [];
  if (kind && id) return kind === 'manifests' ? itemHref(decodeURIComponent(id)) : collectionHref(decodeURIComponent(id));
  return '/';
}
