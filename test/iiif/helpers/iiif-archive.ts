/**
 * The archive the IIIF tests read: the demo archive (collections/) and the IIIF fixture
 * collection (test/fixtures/iiif/archive: zh-only, en-only, bilingual, image-less, BCE and
 * line-shaped records, with real photographs), imported by the real ingest with the image
 * pipeline into a temporary data directory; one record is then hidden, one embargoed and one deleted.
 */
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { pino } from 'pino';
import { Catalog } from '../../../core/catalog/catalog.ts';
import { HIDDEN } from '../../../core/catalog/visibility.ts';
import { loadConfig, PROJECT_ROOT, type Config } from '../../../core/config.ts';
import { EmbeddedEngine } from '../../../core/search/embedded/embedded-engine.ts';
import { syncIndex } from '../../../core/search/sync-index.ts';
import { runIngest } from '../../../ingest/run-ingest.ts';
import { createApp } from '../../../server/app.ts';
import { images } from '../../fixtures/images/index.ts';
import { IIIF_FIXTURES } from './iiif-schema.ts';

export const FIXTURE_COLLECTION = 'iiif-fixture';
export const ids = {
  bilingual: 'bilingual-bridge',
  zhOnly: 'zh-only-stele',
  enOnly: 'en-only-document',
  bce: 'bce-site',
  oneBce: 'one-bce',
  line: 'line-seawall',
  markup: 'markup-record',
  hidden: 'hidden-record',
  embargoed: 'embargoed-record',
  deleted: 'deleted-record',
} as const;

/** The photographs the fixture records name, from the shared image fixtures. */
const PHOTOS: Record<string, string> = {
  // 1012×759: several 512-pixel tiles, so a viewer has tiles to draw.
  'pixel.jpg': images.jpegWithGps,
  'chart.jpg': images.orientation6,
  'caption.jpg': images.iptcStaffPhotographer,
};

export interface IiifArchive {
  app: Express;
  catalog: Catalog;
  config: Config;
  close(): Promise<void>;
}

/**
 * @param publicOrigin the archive's ARCHIVE_PUBLIC_URL (a browser test passes its server's address)
 * @param options.demo import the demo archive too (the default; the browser test needs only the fixtures)
 */
export async function openIiifArchive(publicOrigin = 'https://archive.example.org', options: { demo?: boolean } = {}): Promise<IiifArchive> {
  const dir = mkdtempSync(path.join(tmpdir(), 'iiif-'));
  const config = loadConfig({ ARCHIVE_DATA_DIR: dir, LOG_LEVEL: 'silent', ARCHIVE_PUBLIC_URL: publicOrigin });
  const folder = path.join(dir, 'import', FIXTURE_COLLECTION);
  cpSync(path.join(IIIF_FIXTURES, 'archive'), folder, { recursive: true });
  // Beside records.csv: a folder of photographs alone would become records of its own.
  for (const [name, source] of Object.entries(PHOTOS)) copyFileSync(source, path.join(folder, name));
  const catalog = Catalog.open(config.catalogFile);
  const engine = new EmbeddedEngine(catalog);
  const { report } = await runIngest({ catalog, engine, paths: [...(options.demo === false ? [] : [path.join(PROJECT_ROOT, 'collections')]), folder], media: { mediaDir: config.mediaDir } });
  if (report.hasFailures()) throw new Error(`the IIIF test archive did not import cleanly: ${JSON.stringify({ entries: report.entries, files: report.files })}`);
  catalog.setVisibility([ids.hidden], HIDDEN, { actor: 'test' });
  catalog.setVisibility([ids.embargoed], { state: 'embargoed', until: '2999-01-01T00:00:00Z' }, { actor: 'test' });
  catalog.deleteRecords([ids.deleted], { actor: 'test', reason: 'test' });
  await syncIndex(catalog, engine);
  return {
    app: createApp({ config, catalog, engine, logger: pino({ level: 'silent' }) }),
    catalog,
    config,
    async close() {
      await engine.close();
      catalog.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
