/**
 * The first `npm start` on a fresh data directory imports the demo collections, so a new clone
 * shows an archive straight away. A curator's archive — one that holds anything, or that any
 * curator's command has opened for writing, even one killed before its first batch — is served as
 * it is: the demo is never mixed into it (core/curated-archive.ts). A demo import that was itself
 * interrupted is finished at the next start.
 */
import type { Catalog } from '../core/catalog/catalog.ts';
import { PROJECT_ROOT } from '../core/config.ts';
import { demoImported, DEMO_ACTOR, isCurated } from '../core/curated-archive.ts';
import type { Logger } from '../core/log.ts';
import type { SearchEngine } from '../core/search/types.ts';

export interface FirstRunParts {
  catalog: Catalog;
  engine: SearchEngine;
  collectionsDir: string;
  reportsDir: string;
  /** Where the demo's photographs get their derivatives (`Config.mediaDir`), as `npm run ingest` does. */
  mediaDir: string;
  logger: Logger;
}

/** Returns whether the demo was imported. */
export async function ingestDemoIfEmpty({ catalog, engine, collectionsDir, reportsDir, mediaDir, logger }: FirstRunParts): Promise<boolean> {
  if (isCurated(catalog) || demoImported(catalog)) return false;
  logger.info({ collectionsDir }, 'the archive is empty: importing the demo collections');
  // The importer (sharp, exceljs, exifr, parsers: ~70 MB) is loaded only for a first start, not by every server.
  const [{ runIngest }, { writeReport }] = await Promise.all([import('../ingest/run-ingest.ts'), import('../ingest/write-report.ts')]);
  const { report, nothingFound, media } = await runIngest({ catalog, engine, actor: DEMO_ACTOR, paths: [collectionsDir], displayRoot: PROJECT_ROOT, media: { mediaDir } });
  if (nothingFound) {
    logger.warn({ collectionsDir }, 'no demo collections found: serving an empty archive');
    return false;
  }
  const written = await writeReport(report, reportsDir, { dryRun: false, catalog });
  logger.info({ totals: report.totals(), media, failed: report.hasFailures(), report: written.json }, 'demo collections imported');
  return true;
}
