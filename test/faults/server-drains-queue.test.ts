/**
 * Records an import committed but did not live to index (killed between a batch and its index
 * sync) become searchable on a running server within seconds, without waiting for another import.
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import test from 'ava';
import { Catalog } from '../../core/catalog/catalog.ts';
import { validateRecord } from '../../core/schema/validate-record.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';
import { catalogState } from './helpers/catalog-state.ts';
import { startServer } from './helpers/processes.ts';

function record(id: string, title_en: string) {
  const outcome = validateRecord({ id, title_en, title_zh: '遗留的记录' });
  if (!outcome.ok) throw new Error('invalid test record');
  return outcome.record;
}

test('a running server indexes the changes a killed import left queued, within seconds', async (t) => {
  const dataDir = makeTempDir(t, 'drain-');
  // The state a kill between commit and index sync leaves: records committed, their changes queued.
  const writer = Catalog.open(path.join(dataDir, 'catalog.db'));
  writer.writeBatch([record('first-record', 'Already searchable')]);
  writer.close();
  const server = await startServer(t, dataDir);
  t.is(catalogState(dataDir).queued, 0, 'the start-up sync drained what was there before');

  const late = Catalog.open(path.join(dataDir, 'catalog.db'));
  late.writeBatch([record('left-behind', 'Quinquereme landing')]);
  late.close();
  t.is(catalogState(dataDir).queued, 1);

  let found = false;
  for (let attempt = 0; attempt < 100 && !found; attempt++) {
    const page = await fetch(`${server.url}/search?q=quinquereme&lang=en`);
    found = (await page.text()).includes('/items/left-behind');
    if (!found) await sleep(200);
  }
  t.true(found, 'the committed record became searchable without another import');
  t.is(catalogState(dataDir).queued, 0);
  t.true(server.logLines().some((line) => line.msg === 'indexed changes a stopped import had left queued'));
});
