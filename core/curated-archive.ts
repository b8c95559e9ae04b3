/**
 * Whether an archive is a curator's own, so the demo is never imported into it. Records and
 * collections tell once a batch is in; before that, a first import killed early leaves an empty
 * catalog that would look new. So every command that writes a curator's data marks the catalog
 * the moment it opens it (`markCurated`), before doing anything else, and the import history
 * keeps the same fact once any import has started.
 */
import type { Catalog } from './catalog/catalog.ts';

const CURATED_KEY = 'archive.curated_since';
/** The history's name for the server's own import of the demo collections. */
export const DEMO_ACTOR = 'system:first-run-demo';

/** Call as soon as a curator's command (ingest, records, restore …) has the catalog open. */
export function markCurated(catalog: Catalog): void {
  if (catalog.getMeta(CURATED_KEY) === undefined) catalog.setMeta(CURATED_KEY, new Date().toISOString());
}

/**
 * True when anyone but the demo import has put, or started to put, anything into the archive.
 * A demo import that was itself interrupted leaves the archive the demo's, to be finished.
 */
export function isCurated(catalog: Catalog): boolean {
  if (catalog.getMeta(CURATED_KEY) !== undefined) return true;
  const history = catalog.imports.list(Number.MAX_SAFE_INTEGER);
  if (history.some((entry) => entry.actor !== DEMO_ACTOR)) return true;
  // Records or collections without any import (written by other tools, or by an old release).
  return history.length === 0 && (catalog.countRecords() > 0 || catalog.listCollections().length > 0);
}

/** True when the demo import has run to its end at least once. */
export function demoImported(catalog: Catalog): boolean {
  return catalog.imports.list(Number.MAX_SAFE_INTEGER).some((entry) => entry.actor === DEMO_ACTOR && (entry.status === 'done' || entry.status === 'failed'));
}
