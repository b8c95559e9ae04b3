/**
 * Where the archive's IIIF Presentation 3 documents live. Every id is an absolute URL at the
 * archive's public origin (`Config.publicOrigin`), never the request's Host header. Paths are
 * built here once: the routes match them, the presenters name them.
 */
export const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
/** The navPlace extension's context, listed before the Presentation context when navPlace is used. */
export const NAVPLACE_CONTEXT = 'http://iiif.io/api/extension/navplace/context.json';
/** What IIIF documents are served as: JSON-LD with the Presentation 3 profile. */
export const PRESENTATION_MEDIA_TYPE = `application/ld+json;profile="${PRESENTATION_CONTEXT}"`;

export const manifestPath = (recordId: string) => `/iiif/manifests/${encodeURIComponent(recordId)}`;
/** The whole archive, in pages (a path no themed collection id can take). */
export const ARCHIVE_COLLECTION_PATH = '/iiif/archive';
export const archivePagePath = (page: number) => `${ARCHIVE_COLLECTION_PATH}/pages/${page}`;
export const collectionPath = (collectionId: string) => `/iiif/collections/${encodeURIComponent(collectionId)}`;
export const collectionPagePath = (collectionId: string, page: number) => `${collectionPath(collectionId)}/pages/${page}`;
/** The archive's own viewer (Mirador), opening one of its manifests or collections. */
export const VIEWER_PATH = '/iiif/viewer';

/**
 * A link by the IIIF drag-and-drop convention: the address carries the document in `manifest=`,
 * so dropping it on any IIIF viewer opens the document there, and following it opens the archive's
 * own viewer.
 */
export function viewerHref(documentUrl: string): string {
  return `${VIEWER_PATH}?manifest=${encodeURIComponent(documentUrl)}`;
}
