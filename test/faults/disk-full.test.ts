/**
 * A full disk under a real import (a small tmpfs holding the data directory): the command stops
 * with one line naming the file and saying to free space, exit 5, never a stack trace; every batch
 * committed before is whole and kept; after space is freed the same command finishes the job.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { cliWorkspace } from '../ingest/helpers/run-cli.ts';
import { catalogState } from './helpers/catalog-state.ts';
import { writeNoiseImage } from './helpers/noise-images.ts';
import { mountTmpfs } from './helpers/tmpfs.ts';

const BATCH = 1000;

function recordsCsv(rows: number): string {
  const description = 'The canal landing of Tangqi, rebuilt in the Qing dynasty, '.repeat(8);
  const lines = ['id,title_zh,title_en,description_en'];
  for (let index = 0; index < rows; index++) lines.push(`landing-${index},塘栖河埠${index}号,Tangqi landing ${index},"${description}${index}"`);
  return `${lines.join('\n')}\n`;
}

test('a disk that fills up during an import stops it with exit 5 and a line naming the catalog; committed batches stay whole; the re-run finishes', async (t) => {
  const disk = mountTmpfs(t, '3m');
  const cli = cliWorkspace(t);
  const dataDir = path.join(disk.dir, 'data');
  const file = cli.write('landings.csv', recordsCsv(6000));

  const full = await cli.run([file], { dataDir });
  t.is(full.code, EXIT.diskFull, full.stdout + full.stderr);
  t.is(
    full.stderr.trim().split('\n').at(-1),
    `the disk holding ${path.join(dataDir, 'catalog.db')} is full. Everything committed is kept; the unfinished batch was not written. Free some space (see df -h) and run the command again: it continues where it stopped`,
  );
  t.notRegex(full.stderr, /^\s+at /m);
  const afterFault = catalogState(dataDir);
  t.is(afterFault.integrity, 'ok');
  t.is(afterFault.records % BATCH, 0, 'only whole batches');
  t.true(afterFault.records < 6000);
  t.deepEqual(afterFault.imports, ['failed']);

  disk.resize('64m');
  const again = await cli.run([file], { dataDir });
  t.is(again.code, EXIT.ok, again.stderr);
  t.true(again.stdout.includes(`landings.csv: ${(6000 - afterFault.records).toLocaleString('en')} created, 0 updated, ${afterFault.records.toLocaleString('en')} unchanged, 0 failed`), again.stdout);
  t.like(catalogState(dataDir), { records: 6000, integrity: 'ok', imports: ['failed', 'done'] });
});

test('a disk too full for a photograph\'s derivatives ends the import with exit 5 rather than importing the record without it', async (t) => {
  const disk = mountTmpfs(t, '900k');
  const cli = cliWorkspace(t);
  const dataDir = path.join(disk.dir, 'data');
  // Noise does not compress: its derivatives and tiles need several megabytes.
  await writeNoiseImage(path.join(cli.dir, 'noise.png'));
  writeFileSync(path.join(cli.dir, 'photo.csv'), 'id,title_zh,images\nnoisy-photo,噪点照片,noise.png\n');

  const full = await cli.run(['photo.csv'], { dataDir });
  t.is(full.code, EXIT.diskFull, full.stdout + full.stderr);
  t.regex(full.stderr.trim().split('\n').at(-1)!, new RegExp(`^the disk holding ${path.join(dataDir, 'media')}(/\\S+)? is full\\.`));
  t.like(catalogState(dataDir), { records: 0, integrity: 'ok', imports: ['failed'] });

  disk.resize('64m');
  const again = await cli.run(['photo.csv'], { dataDir });
  t.is(again.code, EXIT.ok, again.stdout + again.stderr);
  t.true(again.stdout.includes('photo.csv: 1 created, 0 updated, 0 unchanged, 0 failed'), again.stdout);
  t.deepEqual(readdirSync(path.join(dataDir, 'media', 'staging')), []);
});
