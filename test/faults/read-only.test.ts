/**
 * A data directory that cannot be written — a read-only mount (a real tmpfs remounted `ro`) or
 * a folder owned by someone else — stops every command with one line naming the file and what
 * to do, exit 6, and leaves the catalog exactly as it was.
 */
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { fixtures } from '../fixtures/ingest/index.ts';
import { COMMANDS, cliWorkspace } from '../ingest/helpers/run-cli.ts';
import { mountTmpfs } from './helpers/tmpfs.ts';

const SERVER = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const NOBODY = 65_534;
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('on a read-only data directory ingest, reindex and the server each stop with exit 6 and one line; the catalog is unchanged', async (t) => {
  const disk = mountTmpfs(t, '16m');
  const cli = cliWorkspace(t);
  const dataDir = path.join(disk.dir, 'data');
  const file = cli.copy(fixtures.recordsCsv);
  t.is((await cli.run([file], { dataDir })).code, EXIT.ok);
  const catalogFile = path.join(dataDir, 'catalog.db');
  const before = digest(catalogFile);
  disk.readOnly();
  t.teardown(() => disk.readWrite());

  const runs = {
    ingest: await cli.run([file], { dataDir }),
    reindex: await cli.run([], { dataDir, script: COMMANDS.reindex }),
    server: await cli.run([], { dataDir, script: SERVER, env: { PORT: '0', LOG_LEVEL: 'silent' } }),
  };
  for (const [name, result] of Object.entries(runs)) {
    t.is(result.code, EXIT.readOnly, `${name}: ${result.stderr}`);
    t.regex(result.stderr.trim(), new RegExp(`^cannot write ${dataDir}/\\S+: the file system is read-only\\. Nothing was changed\\. Point ARCHIVE_DATA_DIR at a folder that can be written, or remount it read-write$`), name);
  }
  t.is(digest(catalogFile), before);
  const chinese = await cli.run([file, '--lang=zh'], { dataDir });
  t.regex(chinese.stderr, /^无法写入 \S+：文件系统是只读的。没有做任何改动。/);
});

test('a data directory owned by another user stops ingest with exit 6, saying to run as its owner', async (t) => {
  const cli = cliWorkspace(t);
  const file = cli.copy(fixtures.recordsCsv);
  t.is((await cli.run([file])).code, EXIT.ok);
  const before = digest(path.join(cli.dataDir, 'catalog.db'));
  // The other user may enter the working folder and read the import file, not write the archive.
  chmodSync(cli.dir, 0o755);
  const result = await cli.run([file], { uid: NOBODY });
  t.is(result.code, EXIT.readOnly, result.stderr);
  t.regex(result.stderr.trim(), new RegExp(`^no permission to write ${cli.dataDir}/\\S+\\. Nothing was changed\\. Run as the user who owns ARCHIVE_DATA_DIR, or change that folder’s permissions$`));
  t.is(digest(path.join(cli.dataDir, 'catalog.db')), before);
});
