/**
 * The workspace in a real browser (Debian's Chromium through playwright-core), as a curator uses
 * it: sign in, find a record, edit it, compare two versions, restore one, withdraw and republish
 * it, save it over another editor's change, undo an import from the history page, and check the
 * archive is as it was. Every curator page passes axe without a serious problem, in both
 * languages, under the strict CSP (no console errors) and without a request to another site.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import test, { type TestFn } from 'ava';
import { runIngest } from '../../ingest/run-ingest.ts';
import { writeReport } from '../../ingest/write-report.ts';
import { assertAccessible, openPage, screenshot, serveAndLaunch, stopBrowsing, type Browsing } from '../site/helpers/browser.ts';
import { openCuratorSite, PASSWORDS } from './helpers/curator-site.ts';

const typed = test as TestFn<Browsing & { importId: number }>;

typed.before(async (t) => {
  t.context.site = await openCuratorSite();
  const dir = mkdtempSync(path.join(tmpdir(), 'browser-import-'));
  writeFileSync(path.join(dir, 'canal-additions.csv'), 'id,title_zh,title_en\nbrowser-import-1,运河新记录一,New canal record one\nbrowser-import-2,运河新记录二,New canal record two\n');
  const { report } = await runIngest({ catalog: t.context.site.catalog, engine: t.context.site.engine, paths: [dir], displayRoot: dir, actor: 'cli:curator' });
  await writeReport(report, t.context.site.config.reportsDir, { dryRun: false, catalog: t.context.site.catalog });
  t.context.importId = report.importId!;
  await serveAndLaunch(t.context);
});

typed.after.always(async (t) => {
  await stopBrowsing(t.context);
});

typed('a curator signs in, edits, compares, restores, withdraws and republishes a record, saves over another editor’s change and undoes an import; every page passes axe', async (t) => {
  const { page, problems, elsewhere } = await openPage(t, 'en-GB');
  const { origin, site } = t.context;
  const check = async (name: string) => {
    await assertAccessible(t, page, name);
    await screenshot(page, `curator-${name}`);
  };

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
  t.regex(page.url(), /\/curator\/records\/tangqi-house-10$/, 'back where the curator was going');
  await check('record');

  await page.goto(`${origin}/curator`);
  await page.getByLabel('Search every record (withdrawn and embargoed ones too)').fill('塘栖');
  await page.getByRole('button', { name: 'Search' }).click();
  t.regex((await page.locator('.results__summary').textContent()) ?? '', /^Records 1–20 of \d+$/);
  await check('records');

  // Edit the title.
  await page.goto(`${origin}/curator/records/tangqi-house-10`);
  const originalTitle = site.catalog.getRecord('tangqi-house-10')!.record.title_en!;
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.waitForURL(/\/edit$/);
  await check('record-form');
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

  // Compare the first and the last version, then restore the first.
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
  t.is(site.catalog.history.count('tangqi-house-10'), latest + 1);

  // Withdraw, then republish.
  await page.goto(`${origin}/curator/records/tangqi-house-10`);
  await page.getByLabel('Withdrawn: curators only').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  t.is(await page.locator('.badge--hidden').first().textContent(), 'withdrawn');
  t.is((await page.request.get(`${origin}/items/tangqi-house-10`)).status(), 404);
  await page.getByLabel('Public: everyone').check();
  await page.getByRole('button', { name: 'Apply' }).click();
  t.is(await page.getByRole('status').first().textContent(), 'The record is public.');
  t.is((await page.request.get(`${origin}/items/tangqi-house-10`)).status(), 200);

  // Another editor saves the record while this form is open: the form comes back merged, and saving it keeps both.
  await page.goto(`${origin}/curator/records/tangqi-house-10/edit`);
  const meanwhile = site.catalog.getRecord('tangqi-house-10')!.record;
  site.catalog.writeBatch([{ record: { ...meanwhile, description_en: 'Described by another editor meanwhile.' } }], { actor: 'user:editor' });
  await page.getByLabel('Place (English) place_en').fill('Shuibei Street, Tangqi');
  await page.getByRole('button', { name: 'Save' }).click();
  t.regex((await page.getByRole('alert').first().textContent()) ?? '', /While you were editing, user:editor saved this record/);
  t.is(await page.getByLabel('Description (English) description_en').inputValue(), 'Described by another editor meanwhile.');
  await check('record-form-conflict');
  await page.getByRole('button', { name: 'Save' }).click();
  // Waiting for the saved page: leaving before it loads would abort it (a failed request below).
  t.is(await page.getByRole('status').first().textContent(), 'Your changes were saved as a new version.');
  t.like(site.catalog.getRecord('tangqi-house-10')!.record, { place_en: 'Shuibei Street, Tangqi', description_en: 'Described by another editor meanwhile.' });

  // Undo the import from the history page.
  const before = site.catalog.countRecords();
  await page.goto(`${origin}/curator/imports`);
  await check('imports');
  await page.getByRole('link', { name: `Import ${t.context.importId}` }).click();
  await page.waitForURL(new RegExp(`/curator/imports/${t.context.importId}$`));
  t.regex((await page.locator('main').textContent()) ?? '', /canal-additions\.csv/);
  await check('import');
  await page.getByRole('button', { name: 'Undo the import' }).click();
  t.regex((await page.getByRole('status').first().textContent()) ?? '', /The import was undone/);
  t.is(site.catalog.countRecords(), before - 2);
  t.is((await page.request.get(`${origin}/items/browser-import-1`)).status(), 410);
  t.true(['browser-import-1', 'browser-import-2'].every((id) => site.catalog.getRecord(id) === undefined), 'the archive is as it was before the import');

  for (const [name, address] of [['users', '/curator/users'], ['account', '/curator/account'], ['error', '/curator/records/no-such-record'], ['records-zh', '/curator?lang=zh'], ['history-zh', '/curator/records/tangqi-house-10/history?lang=zh']] as const) {
    await page.goto(`${origin}${address}`);
    await check(name);
  }
  t.is(await page.locator('html').getAttribute('lang'), 'zh-Hans');

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/curator\/login\?done=logged_out$/);
  t.regex(page.url(), /\/curator\/login\?done=logged_out$/);
  // Only the refusals the curator met on purpose: the wrong password, the bad edit, the other editor's save, the missing record.
  const refusals = [401, 400, 409, 404].map((status) => `error: Failed to load resource: the server responded with a status of ${status} (${{ 401: 'Unauthorized', 400: 'Bad Request', 409: 'Conflict', 404: 'Not Found' }[status]})`);
  t.deepEqual(problems, refusals, 'no other console errors (CSP) or failed requests');
  t.deepEqual(elsewhere, [], 'no request to another site');
});
