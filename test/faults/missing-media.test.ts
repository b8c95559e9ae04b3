/**
 * Photographs whose files vanished from the media folder (deleted, or a catalog restored without
 * its media): the server says so in its log at start, naming the folder and what to do, and
 * serves a 404 rather than an error; the next import of the same file makes them again and says so.
 */
import { copyFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { images } from '../fixtures/images/index.ts';
import { cliWorkspace } from '../ingest/helpers/run-cli.ts';
import { startServer } from './helpers/processes.ts';

test('a photograph whose files are gone is named in the server log at start, and rebuilt by the next import with a warning', async (t) => {
  const cli = cliWorkspace(t);
  copyFileSync(images.orientation6, path.join(cli.dir, 'chart.jpg'));
  cli.write('photo.csv', 'id,title_zh,title_en,images\nchart-record,测试图,Test chart,chart.jpg\n');
  t.is((await cli.run(['photo.csv'])).code, EXIT.ok);
  const mediaDir = path.join(cli.dataDir, 'media');
  const [prefix] = readdirSync(mediaDir).filter((name) => /^[0-9a-f]{2}$/.test(name));
  const [hash] = readdirSync(path.join(mediaDir, prefix!));
  const folder = path.join(mediaDir, prefix!, hash!);
  t.true(existsSync(path.join(folder, 'display.jpg')), 'the derivative the page links to was made');
  rmSync(folder, { recursive: true });

  const server = await startServer(t, cli.dataDir);
  let warning: Record<string, unknown> | undefined;
  for (let attempt = 0; attempt < 100 && !warning; attempt++) {
    warning = server.logLines().find((line) => line.problem === 'media.files_missing');
    if (!warning) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  t.is(
    warning?.msg,
    `1 image is missing from the media folder ${mediaDir} (for example ${folder}), so record pages cannot show them. Restore that folder from a backup, or import the files that name them again to make them anew`,
  );
  const derivative = await fetch(`${server.url}/media/${hash}/display.jpg`);
  t.is(derivative.status, 404);
  const page = await fetch(`${server.url}/items/chart-record?lang=en`);
  t.is(page.status, 200);
  server.child.kill('SIGKILL');

  const again = await cli.run(['photo.csv']);
  t.is(again.code, EXIT.ok, again.stdout);
  t.true(again.stdout.includes('photo.csv line 2: the files of image "chart.jpg" were missing from the media folder (deleted, or not restored with a backup) and were made again from the original'), again.stdout);
  t.true(existsSync(folder));
});
