/**
 * `npm run build` writes the server's modules to dist/ as JavaScript, which `npm start` runs with
 * no TypeScript loader; the threads and processes the built code starts on the archive's own
 * modules (a catalog check, the web imports' worker) load the built ones, with no loader either.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import test from 'ava';
import { Catalog } from '../../core/catalog/catalog.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { makeTempDir } from '../helpers/temp-archive.ts';

const built = (relative: string) => JSON.stringify(pathToFileURL(path.join(PROJECT_ROOT, 'dist', relative)).href);

/** Runs an ES module script in plain node (no tsx), in `env`, and gives back what it printed. */
const runPlain = (script: string, env: Record<string, string> = {}) =>
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, encoding: 'utf8' }).trim();

test.before(() => {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
});

test('the built code finds the checkout\'s views, collections and citation styles where the sources do', (t) => {
  const script = `import { PROJECT_ROOT } from ${built('core/config.js')};
    import { citationJs } from ${built('core/cite/citation-js.js')};
    citationJs();
    console.log(PROJECT_ROOT);`;
  t.is(runPlain(script), PROJECT_ROOT);
});

test('a worker thread started by the built code loads the built module, without tsx', (t) => {
  t.is(runPlain(`import { workerBootstrap } from ${built('core/process/own-modules.js')};
    console.log(workerBootstrap(new URL('file:///archive/dist/core/x.js')));`), 'import("file:///archive/dist/core/x.js")');

  const file = path.join(makeTempDir(t, 'built-check-'), 'catalog.db');
  Catalog.open(file).close();
  const facts = JSON.parse(runPlain(`import { inspectCatalogFileOffThread } from ${built('core/catalog/backup-catalog.js')};
    console.log(JSON.stringify(await inspectCatalogFileOffThread(${JSON.stringify(file)})));`)) as { integrity: string; schemaVersion: number };
  t.is(facts.integrity, 'ok');
  t.true(facts.schemaVersion > 0);
});

test('the built server starts its web imports\' worker from the built module, without tsx', (t) => {
  const dataDir = makeTempDir(t, 'built-import-worker-');
  // As server/main.ts starts it: the worker says it is ready once it has opened the archive.
  const script = `import { loadConfig } from ${built('core/config.js')};
    import { startImportWorker } from ${built('ingest/jobs/start-import-worker.js')};
    import pino from 'pino';
    const worker = await startImportWorker(loadConfig(), pino({ level: 'silent' }));
    console.log(readFileSync('/proc/' + worker.pid + '/cmdline', 'utf8').split('\\0').join(' '));
    await worker.stop();`;
  const command = runPlain(`import { readFileSync } from 'node:fs';\n${script}`, { ARCHIVE_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  t.regex(command, /dist\/ingest\/jobs\/import-worker-child\.js\s*$/);
  t.notRegex(command, /tsx/);
  t.true(readFileSync(path.join(dataDir, 'catalog.db')).length > 0, 'the worker opened the archive');
});
