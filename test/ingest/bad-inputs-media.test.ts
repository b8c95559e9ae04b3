/**
 * Rows 12 and 13 of shared/bad-inputs.md: image references that lead out of the import folder
 * or off the machine. Policy: each is refused as a 'media' problem and the record still imports.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { fixtures } from '../fixtures/ingest/index.ts';
import { catalogFacts, runCli } from './helpers/run-cli.ts';
import { importPaths, openWorkspace } from './helpers/import-files.ts';

test('row 12: `../../etc/passwd`, `/etc/passwd` and symlinks leading out of the folder are refused; the record imports', async (t) => {
  const archive = openWorkspace(t);
  const folder = archive.copy(fixtures.imagePathsDir, 'import');
  symlinkSync('/etc', path.join(folder, 'link-out'));
  symlinkSync('/etc/passwd', path.join(folder, 'passwd-link.jpg'));
  const report = await importPaths(archive, [folder]);
  t.deepEqual(
    report.entries.map((entry) => `${entry.line} ${entry.severity} ${entry.field} ${entry.message.params?.path} ${entry.message.key}`),
    [
      '2 media images ../../etc/passwd media.outside_folder',
      '2 media images /etc/passwd media.absolute_path',
      '2 media images link-out/passwd media.outside_folder',
      '2 media images passwd-link.jpg media.outside_folder',
      '2 media images C:\\Windows\\win.ini media.absolute_path',
    ],
  );
  t.deepEqual(report.totals(), { created: 1, updated: 0, unchanged: 0, failed: 0 });
  t.true(report.hasFailures(), 'a refused image makes the import report a failure');
  t.deepEqual(archive.catalog.getRecord('image-paths-1')?.record, { id: 'image-paths-1', title_zh: '图像路径' });
});

/** A local HTTP server that counts the requests it receives. */
async function countingServer(t: ExecutionContext) {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end('not an image');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { requests, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

test('row 13: image URLs, the cloud metadata address included, are refused as remote and never fetched', async (t) => {
  const { requests, origin } = await countingServer(t);
  const archive = openWorkspace(t);
  const urls = [`${origin}/latest/meta-data`, 'http://169.254.169.254/latest/meta-data', `${origin}/images/a.jpg`];
  const file = archive.write('remote.csv', `id,title_zh,images\nremote-1,远程图像,${urls.join(';')}\n`);
  const report = await importPaths(archive, [file]);
  t.deepEqual(
    report.entries.map((entry) => `${entry.severity} ${entry.message.params?.path} ${entry.message.key}`),
    urls.map((url) => `media ${url} media.remote_not_fetched`),
  );
  t.deepEqual(archive.catalog.getRecord('remote-1')?.record, { id: 'remote-1', title_zh: '远程图像' });
  t.deepEqual(requests, []);
});

test('row 13: the ingest CLI fetches no image URL either, imports the record and exits 1 naming the URL', async (t) => {
  const { requests, origin } = await countingServer(t);
  const archive = openWorkspace(t);
  const file = archive.write('remote.csv', `id,title_zh,images\nremote-1,远程图像,${origin}/latest/meta-data;http://169.254.169.254/latest/meta-data\n`);
  const dataDir = path.join(archive.dir, 'data');
  const result = await runCli([file], { dataDir, cwd: archive.dir });
  t.is(result.code, 1);
  t.true(result.stdout.includes('remote.csv line 2: remote image "http://169.254.169.254/latest/meta-data" is not fetched'), result.stdout);
  t.true(result.stdout.includes(`remote image "${origin}/latest/meta-data" is not fetched`));
  t.is(catalogFacts(dataDir).records, 1);
  t.false(existsSync(path.join(dataDir, 'media')), 'nothing was downloaded into the media folder');
  t.deepEqual(requests, []);
});
