/** `npm start` on an empty data directory imports the demo; an archive that holds anything is served as it is. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test from 'ava';
import { PROJECT_ROOT } from '../../core/config.ts';
import { ingestDemoIfEmpty } from '../../server/first-run.ts';
import { fixtureCollectionsDir, fixtureRecordCount } from '../fixtures/site/index.ts';
import { addRecords, makeTempDir, openArchiveIn } from '../helpers/temp-archive.ts';
import { silentLogger } from './helpers/fixture-site.ts';

const partsIn = (dir: string) => ({ collectionsDir: fixtureCollectionsDir, reportsDir: path.join(dir, 'reports'), mediaDir: path.join(dir, 'media'), logger: silentLogger });

test('an empty archive gets the demo collections on first start', async (t) => {
  const dir = makeTempDir(t, 'first-run-');
  const archive = openArchiveIn(t, dir);
  t.true(await ingestDemoIfEmpty({ ...archive, ...partsIn(dir) }));
  t.is(archive.catalog.countRecords(), fixtureRecordCount);
  t.is(archive.catalog.listCollections().length, 3);
  t.false(await ingestDemoIfEmpty({ ...archive, ...partsIn(dir) }), 'a second start imports nothing');
});

test('an archive a curator ingested is served as it is, without the demo', async (t) => {
  const dir = makeTempDir(t, 'first-run-');
  const archive = openArchiveIn(t, dir);
  await addRecords(archive, [{ id: 'own-record', title_en: 'A curator’s own record' }]);
  t.false(await ingestDemoIfEmpty({ ...archive, ...partsIn(dir) }));
  t.is(archive.catalog.countRecords(), 1);
  t.deepEqual(archive.catalog.listCollections(), []);
});

test('an archive holding only collections is not mixed with the demo either', async (t) => {
  const dir = makeTempDir(t, 'first-run-');
  const archive = openArchiveIn(t, dir);
  archive.catalog.upsertCollection({ id: 'own-collection', order: 0, title_en: 'Own' });
  t.false(await ingestDemoIfEmpty({ ...archive, ...partsIn(dir) }));
  t.is(archive.catalog.countRecords(), 0);
});

test('npm start serves the data directory on the configured port, logs JSON lines and stops cleanly on SIGTERM', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'site-main-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  // A curator's archive, so the test does not depend on the demo content in collections/.
  const archive = openArchiveIn(t, dir);
  await addRecords(archive, [{ id: 'own-record', title_en: 'A curator’s own record', title_zh: '馆员自己的记录' }]);

  const child = spawn(process.execPath, ['--import=tsx', path.join(PROJECT_ROOT, 'server', 'main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ARCHIVE_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.teardown(() => child.kill('SIGKILL'));
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const listening = await new Promise<{ url: string; records: number }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((entry) => entry.includes('"msg":"listening"'));
      if (line) resolve(JSON.parse(line));
    });
    child.once('exit', (code) => reject(new Error(`main exited with ${code} before listening:\n${output}`)));
  });
  t.is(listening.records, 1);
  t.regex(listening.url, /^http:\/\/localhost:\d+$/);

  const home = await fetch(`${listening.url}/?lang=en`);
  t.is(home.status, 200);
  t.true((await home.text()).includes('Records: 1 · Collections: 0'));
  const record = await fetch(`${listening.url}/items/own-record`, { headers: { 'Accept-Language': 'zh' } });
  t.true((await record.text()).includes('馆员自己的记录'));

  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code] = await exited;
  t.is(code, 0);
  const lines = output.trim().split('\n').map((line) => JSON.parse(line) as { msg: string });
  t.deepEqual(lines.map((line) => line.msg).filter((msg) => msg !== 'request'), ['listening', 'shutting down', 'closed']);
  t.true(lines.some((line) => line.msg === 'request'), 'requests are logged');
});
