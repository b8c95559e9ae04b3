/**
 * An import in a real browser (Debian's Chromium), as a curator makes one: sign in, upload a GBK
 * CSV with Chinese headers and a photograph, read how it was decoded, map a column, preview,
 * watch the page follow the job to its end (it refreshes itself), run the import, open it in the
 * history, undo it, and find the archive as it was. Every upload page passes axe, under the
 * strict CSP and without a request to another site.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test, { type TestFn } from 'ava';
import { startImportWorker, type ImportWorker } from '../../ingest/jobs/start-import-worker.ts';
import { images } from '../fixtures/images/index.ts';
import { assertAccessible, openPage, screenshot, serveAndLaunch, stopBrowsing, type Browsing } from '../site/helpers/browser.ts';
import { silentLogger } from '../site/helpers/fixture-site.ts';
import { openCuratorSite, PASSWORDS } from './helpers/curator-site.ts';
import { gbk } from './helpers/upload-site.ts';

const typed = test as TestFn<Browsing & { worker?: ImportWorker }>;

typed.before(async (t) => {
  t.context.site = await openCuratorSite();
  t.context.worker = await startImportWorker(t.context.site.config, silentLogger);
  await serveAndLaunch(t.context);
});

typed.after.always(async (t) => {
  await t.context.worker?.stop();
  await stopBrowsing(t.context);
});

typed('a curator uploads a GBK CSV and a photograph, maps a column, previews, imports, watches it end and undoes it; every page passes axe', async (t) => {
  const { page, problems, elsewhere } = await openPage(t, 'en-GB');
  const { origin, site } = t.context;
  const check = async (name: string) => {
    await assertAccessible(t, page, name);
    await screenshot(page, `curator-${name}`);
  };
  const files = mkdtempSync(path.join(tmpdir(), 'browser-upload-'));
  const csv = path.join(files, '临平普查.csv');
  writeFileSync(csv, gbk('编号,题名,英文名称,备注,图片\r\nbrowser-upload-1,浏览器上传的桥,Bridge uploaded in a browser,普查时登记,bridge.jpg\r\n'));
  t.teardown(() => rmSync(files, { recursive: true, force: true }));
  const before = site.catalog.countRecords();

  await page.goto(`${origin}/curator/login?next=%2Fcurator%2Fuploads`);
  await page.getByLabel('Account name').fill('editor');
  await page.getByLabel('Password').fill(PASSWORDS.editor);
  await page.getByRole('button', { name: 'Sign in' }).click();
  t.regex(page.url(), /\/curator\/uploads$/);
  await check('uploads');

  const photo = path.join(files, 'bridge.jpg');
  copyFileSync(images.orientationUpright, photo);
  await page.getByLabel('Record files, photographs, or a ZIP of both').setInputFiles([csv, photo]);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  t.regex(page.url(), /\/curator\/uploads\/\d+$/);
  t.regex((await page.locator('main').textContent()) ?? '', /Read as GB18030 \(GBK\)/);
  t.is(await page.getByRole('cell', { name: '浏览器上传的桥' }).count(), 1, 'the first row is shown decoded');
  await check('upload-mapping');

  await page.getByLabel('备注').selectOption('description_zh');
  await page.getByRole('button', { name: 'Preview (a dry run, nothing written)' }).click();
  // The job's page refreshes itself until the dry run ends.
  await page.getByText(/would create 1, update 0/).waitFor({ timeout: 60_000 });
  t.is(site.catalog.countRecords(), before, 'the preview wrote nothing');
  await check('upload-preview');

  await page.getByRole('button', { name: 'Run the import' }).click();
  await page.getByRole('link', { name: 'See it in the import history (and undo it)' }).waitFor({ timeout: 60_000 });
  t.like(site.catalog.getRecord('browser-upload-1')?.record, { title_zh: '浏览器上传的桥', description_zh: '普查时登记' });
  t.is(site.catalog.media.linksOf('browser-upload-1').length, 1);
  await check('upload-imported');

  await page.getByRole('link', { name: 'See it in the import history (and undo it)' }).click();
  await page.getByRole('button', { name: 'Undo the import' }).click();
  t.is(site.catalog.getRecord('browser-upload-1'), undefined);
  t.is(site.catalog.countRecords(), before, 'the archive is as it was');

  t.deepEqual(problems, []);
  t.deepEqual(elsewhere, []);
});
