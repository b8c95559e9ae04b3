import test from 'ava';
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../../core/catalog/catalog.ts';
import { catalogRows } from '../helpers/catalog-sql.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/catalog');
/** What main at f711283 read from the file's history when it wrote it: each version with its own copy of the state after. */
const versionsAsWritten = JSON.parse(readFileSync(path.join(fixtures, 'catalog-f711283.versions.json'), 'utf8')) as Record<string, unknown[]>;
const curator = { actor: 'cli:curator' };

function openF711283(t: Parameters<typeof makeTempDir>[0]): Catalog {
  const file = path.join(makeTempDir(t), 'catalog.db');
  copyFileSync(path.join(fixtures, 'catalog-f711283.db'), file);
  const catalog = Catalog.open(file);
  t.teardown(() => catalog.close());
  return catalog;
}

test('every version an older release wrote (with its own copy of the state after) reads as that release read it', (t) => {
  const catalog = openF711283(t);
  t.is(catalogRows(catalog, 'SELECT count(*) AS n FROM record_versions WHERE after_follows = 0 AND after IS NOT NULL')[0]!.n, 6, 'every version but the deletion');
  for (const [id, versions] of Object.entries(versionsAsWritten)) t.deepEqual(catalog.history.ofRecord(id), versions, id);
});

test('history goes on from an older release\'s versions: a new version starts from their state, and a restore brings one back', (t) => {
  const catalog = openF711283(t);
  const [created, updated] = catalog.history.ofRecord('guangji-bridge');
  catalog.writeBatch([{ ...updated!.after!.record, title_en: 'Guangji Bridge of Tangqi' }], curator);
  const now = catalog.history.latest('guangji-bridge')!;
  t.deepEqual(now.before, updated!.after);
  t.is(now.after?.record.title_en, 'Guangji Bridge of Tangqi');
  t.deepEqual(catalog.history.get('guangji-bridge', 2), updated, 'the older version is read as it was');
  t.like(catalog.restoreVersion('guangji-bridge', 1, curator), { action: 'updated' });
  t.deepEqual(catalog.getRecord('guangji-bridge')!.record, created!.after!.record);
  t.like(catalog.restoreVersion('tangqi-tower', 1, curator), { action: 'updated' });
  t.deepEqual(catalog.getRecord('tangqi-tower')!.visibility, { state: 'public' });
  t.is(catalog.integrityCheck(), 'ok');
});

test('an import an older release ran is undone to the state its versions kept', (t) => {
  const catalog = openF711283(t);
  const [created, updated] = catalog.history.ofRecord('guangji-bridge');
  t.like(catalog.undoImport(2, curator), { ok: true, restored: 1, deleted: 0 });
  t.deepEqual(catalog.getRecord('guangji-bridge')!.record, created!.after!.record);
  const undone = catalog.history.latest('guangji-bridge')!;
  t.like(undone, { action: 'undone', versionNo: 3 });
  t.deepEqual(undone.before, updated!.after);
  t.deepEqual(undone.after, created!.after);
});
