import test from 'ava';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../core/catalog/catalog.ts';
import { SCHEMA_VERSION } from '../../core/catalog/migrate.ts';
import { rowToRecord, type RecordRow } from '../../core/catalog/record-columns.ts';
import { reindexAll } from '../../core/search/sync-index.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { catalogRows } from '../helpers/catalog-sql.ts';
import { makeTempDir, query } from '../helpers/temp-archive.ts';

const release010 = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/catalog/catalog-0.1.0.db');

/** A copy of the catalog file release 0.1.0 wrote, opened by this release. */
function openRelease010(t: Parameters<typeof makeTempDir>[0]) {
  const file = path.join(makeTempDir(t), 'catalog.db');
  copyFileSync(release010, file);
  const before = catalogRows<Record<string, unknown>>({ file } as Catalog, 'SELECT * FROM records ORDER BY seq');
  const links = catalogRows({ file } as Catalog, 'SELECT record_id, position, hash, source FROM record_media ORDER BY record_id, position');
  const catalog = Catalog.open(file);
  t.teardown(() => catalog.close());
  return { catalog, before, links };
}

test('a catalog made by release 0.1.0 opens with every record, field for field, and every image link intact', (t) => {
  const { catalog, before, links } = openRelease010(t);
  t.is(before.length, 40);
  t.is(catalog.countRecords(), 40);
  for (const row of before) {
    const stored = catalog.getRecord(String(row.id))!;
    t.truthy(stored, String(row.id));
    t.is(stored.seq, Number(row.seq));
    t.deepEqual(stored.record, rowToRecord(row as RecordRow));
    t.is(stored.modified, String(row.updated_at).replace(/\.\d{3}Z$/, 'Z'), 'its last change is kept, at second precision');
    t.deepEqual(stored.visibility, { state: 'public' });
  }
  t.deepEqual(catalogRows(catalog, 'SELECT record_id, position, hash, source FROM record_media ORDER BY record_id, position'), links);
  t.is(links.length, 1);
  t.is(catalog.media.ofRecord('guangji-bridge').length, 1, 'the photograph is still shown');
  t.is(catalog.integrityCheck(), 'ok');
  t.is(catalogRows<{ user_version: number }>(catalog, 'PRAGMA user_version')[0]!.user_version, SCHEMA_VERSION);
});

test('records of release 0.1.0 get their present state as version 1 of their history', (t) => {
  const { catalog } = openRelease010(t);
  const history = catalog.history.ofRecord('guangji-bridge');
  t.is(history.length, 1);
  t.like(history[0], { versionNo: 1, action: 'created', actor: 'migration' });
  t.deepEqual(history[0]!.after?.record, catalog.getRecord('guangji-bridge')!.record);
  t.deepEqual(history[0]!.after?.media, catalog.media.linksOf('guangji-bridge'));
});

test('the search index of release 0.1.0 is rebuilt once, in the search form with variants folded, and finds what it found', async (t) => {
  const { catalog } = openRelease010(t);
  const engine = new EmbeddedEngine(catalog);
  t.teardown(() => engine.close());
  // Its tokens predate variant folding (著 and 着 were apart), so open-archive rebuilds it.
  t.true(engine.needsRebuild());
  await reindexAll(catalog, engine);
  t.false(engine.needsRebuild());
  const result = await engine.search(query({ text: '广济桥' }));
  t.true(result.hits.some((hit) => hit.record.id === 'guangji-bridge'));
});

test('its import history is kept, and opening it twice migrates it once', (t) => {
  const { catalog } = openRelease010(t);
  t.deepEqual(catalog.imports.list().map((entry) => entry.status), ['done']);
  catalog.close();
  const again = Catalog.open(catalog.file);
  t.is(again.history.ofRecord('guangji-bridge').length, 1);
  again.close();
});
