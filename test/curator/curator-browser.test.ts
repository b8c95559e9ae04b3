/**
 * The curators' workspace in a real browser (Debian's Chromium through playwright-core), the
 * whole of issue 12's walk in one archive and one browser: sign in, upload a GBK CSV with Chinese
 * headers and a photograph, read how it was decoded, map a column, preview, run the import and
 * watch its page follow it to the end, find it in the import history with its files' sha256 and
 * its mapping, edit a record, compare two versions, restore one, withdraw and republish it, undo
 * the import and find the archive exactly as it was. On the way: a wrong password, a bad edit,
 * another editor's save while the form is open, the accounts and their delete confirmation.
 * Every curator page passes axe without a serious problem (in both languages), under the strict
 * CSP (no console errors) and without a request to another site.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test, { type TestFn } from 'ava';
import { startImportWorker, type ImportWorker } from '../../ingest/jobs/start-import-worker.ts';
import { images } from '../fixtures/images/index.ts';
import { catalogRows } from '../helpers/catalog-sql.ts';
import { assertAccessible, openPage, screenshot, serveAndLaunch, stopBrowsing, type Browsing } from '../site/helpers/browser.ts';
import { silentLogger, type FixtureSite } from '../site/helpers/fixture-site.ts';
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

/** Every record as the archive holds it (fields, visibility, photographs), in id order: what "as it was" compares. */
function archiveState(site: FixtureSite) {
  return catalogRows<{ id: string }>(site.catalog, 'SELECT id FROM records ORDER BY id').map(({ id }) => {
    const stored = site.catalog.getRecord(id)!;
    return { id, record: stored.record, visibility: stored.visibility, media: site.catalog.media.linksOf(id) };
  });
}

typed('a curator signs in, uploads a GBK CSV and a photograph, maps, previews, imports and watches it end, edits, compares, restores, undoes the import and finds the archive as it was; every page passes axe', async (t) => {
  const { page, problems, elsewhere } = await openPage(t, 'en-GB');
  const { origin, site } = t.context;
  const check = async (name: string) => {
    await assertAccessible(t, page, name);
    await screenshot(page, `curator-${name}`);
  };

  // Signing in: the page asked for comes back after it.
  await page.goto(`${origin}/curator/records/tangqi-house-10`);
  t.regex(page.url(), /\/curator\/login\?next=%2Fcurator%2Frecords%2Ftangqi-house-10$/);
  await check('login');
  await page.getByLabel('Account name').fill('admin');
  await page.getByLabel('Password').fill('wrong password for sure');
  await page.getByRole('button', { name: 'Sign in' }).click();
  t.is(await page.getByRole('alert').textContent(), 'The account name or the password is not right.');
  await page.getByLabel('Password').fill(PASSWORDS.admin);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Each click that leads to another page waits for it: axe or a locator must not read the page being left.
  await page.waitForURL(/\/curator\/records\/tangqi-house-10$/);
  await check('record');

  await page.goto(`${origin}/curator`);
  await page.getByLabel('Search every record (withdrawn and embargoed ones too)').fill('塘栖');
  await page.getByRole('button', { name: 'Search' }).click();
  t.regex((await page.locator('.results__summary').textContent()) ?? '', /^Records 1–20 of \d+$/);
  await check('records');

  // Another editor saves the record while this form is open: the form comes back merged, and saving it keeps both.
  await page.goto(`${origin}/curator/records/tangqi-house-10/edit`);
  await check('record-form');
  const meanwhile = site.catalog.getRecord('tangqi-house-10')!.record;
  site.catalog.writeBatch([{ record: { ...meanwhile, description_en: 'Described by another editor meanwhile.' } }], { actor: 'user:editor' });
  await page.getByLabel('Place (English) place_en').fill('Shuibei Street, Tangqi');
  await page.getByRole('button', { name: 'Save' }).click();
  t.regex((await page.getByRole('alert').first().textContent()) ?? '', /While you were editing, user:editor saved this record/);
  t.is(await page.getByLabel('Description (English) description_en').inputValue(), 'Described by another editor meanwhile.');
  await check('record-form-conflict');
  await page.getByRole('button', { name: 'Save' }).click();
  t.is(await page.getByRole('status').first().textContent(), 'Your changes were saved as a new version.');
  t.like(site.catalog.getRecord('tangqi-house-10')!.record, { place_en: 'Shuibei Street, Tangqi', description_en: 'Described by another editor meanwhile.' });

  // The archive before the import, to compare with once it is undone.
  const before = archiveState(site);

  // Upload a GBK CSV with Chinese headers, as Chinese Excel saves it, and a photograph.
  const files = mkdtempSync(path.join(tmpdir(), 'browser-upload-'));
  t.teardown(() => rmSync(files, { recursive: true, force: true }));
  const csv = path.join(files, '临平普查.csv');
  writeFileSync(csv, gbk('编号,题名,英文名称,备注,图片\r\nbrowser-upload-1,浏览器上传的桥,Bridge uploaded in a browser,普查时登记,bridge.jpg\r\nbrowser-upload-2,浏览器上传的塔,Pagoda uploaded in a browser,同批登记,\r\n'));
  const photo = path.join(files, 'bridge.jpg');
  copyFileSync(images.orientationUpright, photo);
  await page.goto(`${origin}/curator/uploads`);
  await check('uploads');
  await page.getByLabel('Record files, photographs, or a ZIP of both').setInputFiles([csv, photo]);
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.waitForURL(/\/curator\/uploads\/\d+$/);

  // How it was read: the encoding detected (a short file: marked as a guess to check), the rows decoded.
  const mapping = (await page.locator('main').textContent()) ?? '';
  t.regex(mapping, /Read as GB18030 \(GBK\) \(detected, \d+% confident\)/);
  t.regex(mapping, /The archive is not sure of this encoding/);
  t.is(await page.getByRole('cell', { name: '浏览器上传的桥' }).count(), 1, 'the first row is shown decoded');
  t.is(await page.getByRole('cell', { name: '同批登记' }).count(), 1);
  await check('upload-mapping');

  // Map the unknown 备注 column, save the mapping, preview.
  await page.getByLabel('备注').selectOption('description_zh');
  await page.getByLabel('Save this mapping as').fill('临平普查');
  await page.getByRole('button', { name: 'Preview (a dry run, nothing written)' }).click();
  await page.waitForURL(/\/curator\/jobs\/\d+$/);
  // The job's page refreshes itself until the dry run ends.
  await page.getByText(/would create 2, update 0/).waitFor({ timeout: 60_000 });
  t.is(site.catalog.getRecord('browser-upload-1'), undefined, 'the preview wrote nothing');
  await check('upload-preview');

  // Run the import while another writer holds the archive: the page shows the job waiting, then follows it to the end.
  const release = await site.catalog.writerLock.acquire('test');
  await page.getByRole('button', { name: 'Run the import' }).click();
  await page.waitForURL(/\/curator\/jobs\/\d+$/);
  await page.getByText('waiting for another write to the archive to end').waitFor({ timeout: 60_000 });
  t.regex((await page.locator('main').textContent()) ?? '', /running[\s\S]*This page refreshes itself every 2 seconds; closing the browser does not stop the job\./);
  await check('job-running');
  release();
  await page.getByRole('link', { name: 'See it in the import history (and undo it)' }).waitFor({ timeout: 60_000 });
  t.regex((await page.locator('main').textContent()) ?? '', /done[\s\S]*created 2, updated 0, unchanged 0, failed 0/);
  t.like(site.catalog.getRecord('browser-upload-1')?.record, { title_zh: '浏览器上传的桥', description_zh: '普查时登记' });
  t.is(site.catalog.media.linksOf('browser-upload-1').length, 1);
  await check('job-done');

  // The import in the history: its files with their sha256, the saved mapping, each column as imported.
  await page.getByRole('link', { name: 'See it in the import history (and undo it)' }).click();
  await page.waitForURL(/\/curator\/imports\/\d+$/);
  const importPath = new URL(page.url()).pathname;
  const sha256 = createHash('sha256').update(readFileSync(csv)).digest('hex');
  t.is(await page.getByRole('row', { name: new RegExp(`临平普查\\.csv \\d+ KB ${sha256}`) }).count(), 1);
  t.is(await page.getByRole('row', { name: /bridge\.jpg/ }).count(), 1);
  const importText = (await page.locator('main').textContent()) ?? '';
  t.regex(importText, /the saved mapping “临平普查”/);
  t.is(await page.getByRole('row', { name: '备注 description_zh as you chose' }).count(), 1);
  await check('import');
  await page.goto(`${origin}/curator/imports`);
  t.is(await page.getByRole('row', { name: new RegExp(`临平普查\\.csv ${sha256.slice(0, 12)}…`) }).count(), 1);
  await check('imports');

  // Edit a record, compare its last two versions, restore the earlier one.
  await page.goto(`${origin}/curator/records/tangqi-house-10`);
  const originalTitle = site.catalog.getRecord('tangqi-house-10')!.record.title_en!;
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.waitForURL(/\/edit$/);
  await page.getByLabel('Title (English) title_en').fill('Tangqi House No. 10, restored façade');
  await page.getByRole('button', { name: 'Save' }).click();
  t.is(await page.getByRole('status').first().textContent(), 'Your changes were saved as a new version.');
  t.is(site.catalog.getRecord('tangqi-house-10')!.record.title_en, 'Tangqi House No. 10, restored façade');
  // A bad edit is shown again with its problem, and the archive keeps the good one.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Latitude lat').fill('300');
  await page.getByRole('button', { name: 'Save' }).click();
  t.regex((await page.locator('.curator-field__problem').first().textContent()) ?? '', /lat: expected a number between -90 and 90 but received 300/);
  await check('record-form-problems');
  await page.goto(`${origin}/curator/records/tangqi-house-10/history`);
  const latest = site.catalog.history.latest('tangqi-house-10')!.versionNo;
  await page.getByLabel('Compare version').selectOption(String(latest - 1));
  await page.getByLabel('with version').selectOption(String(latest));
  await page.getByRole('button', { name: 'Compare' }).click();
  const diff = page.locator('.curator-diff tbody tr', { hasText: 'title_en' });
  t.is(await diff.locator('del').textContent(), originalTitle);
  t.is(await diff.locator('ins').textContent(), 'Tangqi House No. 10, restored façade');
  await check('history');
  await page.getByRole('button', { name: `Restore v${latest - 1}` }).click();
  t.is(await page.getByRole('status').first().textContent(), 'The chosen version is back, as a new version.');
  t.is(site.catalog.getRecord('tangqi-house-10')!.record.title_en, originalTitle);
  t.is(site.catalog.history.count('tangqi-house-10'), latest + 1, 'history is never rewritten');

  // Withdraw, then republish.
  await page.goto(`${origin}/curator/records/tangqi-house-10`);
  await page.getByLabel('Withdrawn: curators only').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  t.is(await page.locator('.badge--hidden').first().textContent(), 'withdrawn');
  t.is((await page.request.get(`${origin}/items/tangqi-house-10`)).status(), 404);
  await check('record-withdrawn');
  await page.getByLabel('Public: everyone').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  t.is(await page.getByRole('status').first().textContent(), 'The record is public.');
  t.is((await page.request.get(`${origin}/items/tangqi-house-10`)).status(), 200);

  // Undo the import from its page: the archive is exactly as it was before it.
  await page.goto(`${origin}${importPath}`);
  await page.getByRole('button', { name: 'Undo the import' }).click();
  t.regex((await page.getByRole('status').first().textContent()) ?? '', /The import was undone/);
  await check('import-undone');
  t.is((await page.request.get(`${origin}/items/browser-upload-1`)).status(), 410);
  t.deepEqual(archiveState(site), before, 'the same records with the same fields, visibility and photographs');

  // The other pages: accounts (deleting one asks first), one's own account, a missing record, and the pages in Chinese.
  await page.goto(`${origin}/curator/users`);
  await check('users');
  await page.getByRole('row', { name: /^viewer/ }).getByRole('link', { name: 'Delete account…' }).click();
  await page.waitForURL(/\/curator\/users\/viewer\/delete$/);
  t.regex((await page.locator('main').textContent()) ?? '', /“viewer” will no longer be able to sign in/);
  await check('user-delete');
  await page.getByRole('link', { name: 'Keep it and go back to the accounts' }).click();
  await page.waitForURL(/\/curator\/users$/);
  t.truthy(site.catalog.accounts.users.get('viewer'), 'nothing is deleted without the confirmation');
  for (const [name, address] of [['account', '/curator/account'], ['error', '/curator/records/no-such-record'], ['records-zh', '/curator?lang=zh'], ['history-zh', '/curator/records/tangqi-house-10/history?lang=zh'], ['import-zh', `${importPath}?lang=zh`], ['uploads-zh', '/curator/uploads?lang=zh']] as const) {
    await page.goto(`${origin}${address}`);
    await check(name);
  }
  t.is(await page.locator('html').getAttribute('lang'), 'zh-Hans');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/curator\/login\?done=logged_out$/);
  // Only the refusals the curator met on purpose: the wrong password, the other editor's save, the bad edit, the missing record.
  const refusals = [401, 409, 400, 404].map((status) => `error: Failed to load resource: the server responded with a status of ${status} (${{ 401: 'Unauthorized', 400: 'Bad Request', 409: 'Conflict', 404: 'Not Found' }[status]})`);
  t.deepEqual(problems, refusals, 'no other console errors (CSP) or failed requests');
  t.deepEqual(elsewhere, [], 'no request to another site');
});
