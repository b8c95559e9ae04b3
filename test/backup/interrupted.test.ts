/**
 * Ctrl-C during `npm run backup` or `npm run restore` (the commands turn it into an abort signal):
 * whatever the step, what was written is removed, so a retry finds the folder as it was.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { syntheticRecords } from '../../bench/lib/synthetic-records.ts';
import { createBackup } from '../../core/backup/create-backup.ts';
import { restoreBackup } from '../../core/backup/restore-backup.ts';
import { Catalog } from '../../core/catalog/catalog.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';
import { treeOf } from './helpers/archive-commands.ts';

const software = { name: 'heritage-archive', version: 'test' };

function makeArchive(dir: string): string {
  const dataDir = path.join(dir, 'data');
  mkdirSync(path.join(dataDir, 'reports'), { recursive: true });
  const catalog = Catalog.open(path.join(dataDir, 'catalog.db'));
  catalog.writeBatch([...syntheticRecords(2000)]);
  catalog.close();
  for (let n = 0; n < 5; n++) writeFileSync(path.join(dataDir, 'reports', `report-${n}.json`), `{"n":${n}}\n`);
  return dataDir;
}

for (const stage of ['catalog', 'files'] as const) {
  test(`a backup interrupted while copying the ${stage === 'catalog' ? 'catalog' : 'media and reports'} leaves no folder behind`, async (t) => {
    const dir = makeTempDir(t, 'backup-interrupted-');
    const dataDir = makeArchive(dir);
    const destination = path.join(dir, 'backup');
    const controller = new AbortController();
    await t.throwsAsync(
      createBackup({ dataDir, destination, software, signal: controller.signal, onProgress: (reached) => reached === stage && controller.abort(new Error('Ctrl-C')) }),
      { message: 'Ctrl-C' },
    );
    t.is(treeOf(destination), undefined);
  });
}

for (const stage of ['verify', 'copy', 'check'] as const) {
  test(`a restore interrupted at its ${stage} pass leaves the empty data directory empty`, async (t) => {
    const dir = makeTempDir(t, 'restore-interrupted-');
    const backup = path.join(dir, 'backup');
    await createBackup({ dataDir: makeArchive(dir), destination: backup, software });
    const target = path.join(dir, 'restored');
    mkdirSync(target);
    const controller = new AbortController();
    let seen = false;
    await t.throwsAsync(
      restoreBackup({
        source: backup,
        dataDir: target,
        signal: controller.signal,
        // Abort on the second report of the pass, once it has started writing or reading.
        onProgress: (reached) => reached === stage && (seen ? controller.abort(new Error('Ctrl-C')) : (seen = true)),
      }),
      { message: 'Ctrl-C' },
    );
    t.deepEqual(treeOf(target), {});
  });
}
