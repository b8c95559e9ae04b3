import test from 'ava';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../core/catalog/catalog.ts';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import type { ArchiveRecord } from '../../core/schema/record.ts';
import { catalogRows } from '../helpers/catalog-sql.ts';
import { makeTempDir, openTempArchive } from '../helpers/temp-archive.ts';

const release010 = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/catalog/catalog-0.1.0.db');
const curator = { actor: 'cli:curator' };

/** The members of `collection` as every record's own `collections` list says, in catalog order. */
function membersByRecords(catalog: Catalog, collection: string): string[] {
  return catalogRows<{ id: string }>(catalog, 'SELECT records.id AS id FROM records, json_each(records.collections) AS c WHERE c.value = ? ORDER BY records.seq', collection).map((row) => row.id);
}

function listed(catalog: Catalog, collection: string, options: { publicOnly?: boolean } = {}): { ids: string[]; total: number } {
  const { records, total } = catalog.recordsInCollection(collection, 1000, options);
  return { ids: records.map((stored) => stored.record.id), total };
}

const record = (id: string, collections: string[]): ArchiveRecord => ({ id, title_zh: `记录${id}`, type: 'bridge', collections } as ArchiveRecord);

test('a catalog made by release 0.1.0 lists each collection exactly as its records name it', (t) => {
  const file = path.join(makeTempDir(t), 'catalog.db');
  copyFileSync(release010, file);
  const catalog = Catalog.open(file);
  t.teardown(() => catalog.close());
  const collections = catalogRows<{ value: string }>(catalog, 'SELECT DISTINCT c.value AS value FROM records, json_each(records.collections) AS c').map((row) => row.value);
  t.true(collections.length >= 3, 'the fixture names several collections');
  for (const collection of collections) {
    const expected = membersByRecords(catalog, collection);
    t.deepEqual(listed(catalog, collection), { ids: expected, total: expected.length }, collection);
  }
});

test('a collection follows its records through creation, moves between collections, hiding, deletion and restore', (t) => {
  const { catalog } = openTempArchive(t);
  catalog.writeBatch([record('a', ['canal']), record('b', ['canal', 'bridges']), record('c', ['bridges']), record('d', [])]);
  t.deepEqual(listed(catalog, 'canal'), { ids: ['a', 'b'], total: 2 });
  t.deepEqual(listed(catalog, 'bridges'), { ids: ['b', 'c'], total: 2 });

  catalog.writeBatch([record('b', ['bridges']), record('d', ['canal'])]);
  t.deepEqual(listed(catalog, 'canal'), { ids: ['a', 'd'], total: 2 }, 'b left the canal and d joined it');

  catalog.setVisibility(['a'], HIDDEN, curator);
  t.deepEqual(listed(catalog, 'canal', { publicOnly: true }), { ids: ['d'], total: 1 }, 'a hidden member is not listed to the public');
  t.deepEqual(listed(catalog, 'canal'), { ids: ['a', 'd'], total: 2 }, 'but still belongs');

  catalog.deleteRecords(['c'], curator);
  t.deepEqual(listed(catalog, 'bridges'), { ids: ['b'], total: 1 });
  const deletedAt = catalog.history.ofRecord('c').find((version) => version.action === 'created')!;
  catalog.restoreVersion('c', deletedAt.versionNo, curator);
  t.deepEqual(listed(catalog, 'bridges').ids.sort(), ['b', 'c'], 'a restored record is a member again');
  for (const collection of ['canal', 'bridges']) t.deepEqual(listed(catalog, collection).ids, membersByRecords(catalog, collection));
});
