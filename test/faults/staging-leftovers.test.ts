/**
 * An image import killed (kill -9) while photographs are being built leaves staging folders; the
 * next run removes every one of them, however recent, and finishes the job.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { cliWorkspace } from '../ingest/helpers/run-cli.ts';
import { writePhotoImport } from './helpers/noise-images.ts';
import { killHard } from './helpers/processes.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

test('staging folders left by a killed image import are all removed by the next run, which completes', async (t) => {
  const cli = cliWorkspace(t);
  const csv = await writePhotoImport(cli.dir, 4);
  const staging = path.join(cli.dataDir, 'media', 'staging');
  const ingest = cli.start([csv]);
  for (let waited = 0; entries(staging).length === 0 && waited < 1200; waited++) await sleep(25);
  await killHard(ingest);
  t.true(entries(staging).length > 0, 'the kill left a photograph half-built');

  const again = await cli.run([csv]);
  t.is(again.code, EXIT.ok, again.stdout + again.stderr);
  t.true(again.stdout.includes('photos.csv: 4 created, 0 updated, 0 unchanged, 0 failed'), again.stdout);
  t.deepEqual(entries(staging), []);
});
