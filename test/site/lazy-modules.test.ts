/**
 * A server keeps only what serving visitors needs: the importer (sharp, exceljs, exifr, the readers),
 * the XML writer (xmlbuilder2), the curators' workspace and the password hasher (argon2) are loaded
 * by the first route that uses them, in a real `npm start` process, and those routes then answer as before.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { Catalog } from '../../core/catalog/catalog.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { EmbeddedEngine } from '../../core/search/embedded/embedded-engine.ts';
import { addRecords, makeTempDir } from '../helpers/temp-archive.ts';

const RECORDER = path.join(PROJECT_ROOT, 'test', 'fixtures', 'modules', 'record-loaded-packages.mjs');
/** Loaded only by imports, exports, harvests, sitemaps, the curators' workspace and sign-ins. */
const ON_DEMAND = ['sharp', 'exifr', 'exceljs', 'yauzl', 'xmlbuilder2', 'csrf-csrf', 'busboy', '@node-rs/argon2'];

test('a started server loads the importer, the XML writer, XLSX, the curators\' workspace and the password hasher only when a route needs them', async (t) => {
  const dir = makeTempDir(t, 'lazy-modules-');
  const catalog = Catalog.open(path.join(dir, 'catalog.db'));
  const engine = new EmbeddedEngine(catalog);
  // A curator's archive: a first start on an empty one imports the demo, and so loads the importer.
  await addRecords({ catalog, engine }, [{ id: 'canal-bridge', title_zh: '广济桥', title_en: 'Guangji Bridge' }]);
  await engine.close();
  catalog.close();

  const packagesFile = path.join(dir, 'loaded-packages.txt');
  const child = spawn(process.execPath, ['--import', RECORDER, '--import=tsx', path.join(PROJECT_ROOT, 'server', 'main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ARCHIVE_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', LOADED_PACKAGES_FILE: packagesFile },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.teardown(() => child.kill('SIGKILL'));
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((entry) => entry.includes('"msg":"listening"'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`main exited with ${code} before listening`)));
  });
  const loaded = () => (existsSync(packagesFile) ? readFileSync(packagesFile, 'utf8').split('\n').filter(Boolean) : []);

  for (const visit of ['/', '/search?q=%E5%B9%BF%E6%B5%8E', '/items/canal-bridge', '/api/suggest?q=guang', '/iiif/archive']) {
    t.is((await fetch(`${origin}${visit}`)).status, 200, visit);
  }
  t.true(loaded().includes('better-sqlite3'), 'the recorder sees what the server loads');
  t.deepEqual(ON_DEMAND.filter((name) => loaded().includes(name)), [], 'visitors’ pages load none of them');

  const oai = await fetch(`${origin}/oai?verb=ListRecords&metadataPrefix=oai_dc`);
  t.regex(await oai.text(), /<dc:title xml:lang="zh-Hans">广济桥<\/dc:title>/);
  const sitemap = await (await fetch(`${origin}/sitemap.xml`)).text();
  t.regex(sitemap, /<loc>[^<]+\/items\/canal-bridge<\/loc><lastmod>[^<]+<\/lastmod><\/url><\/urlset>$/);
  const workbook = await fetch(`${origin}/export.xlsx?q=guangji`);
  t.is(workbook.status, 200);
  t.is(Buffer.from(await workbook.arrayBuffer()).subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip');
  const signInPage = await fetch(`${origin}/curator/login`);
  t.is(signInPage.status, 200);
  t.regex(await signInPage.text(), /name="_csrf"/);
  t.deepEqual(['exceljs', 'xmlbuilder2', 'csrf-csrf'].filter((name) => !loaded().includes(name)), [], 'the routes that need them loaded them');

  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  t.is((await exited)[0], 0);
});
