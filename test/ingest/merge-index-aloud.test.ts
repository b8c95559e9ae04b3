/**
 * After an import or a rebuild the command line merges the embedded index's segments, which at
 * 100k records takes seconds after its summary: it says so when the merge starts and when it ends,
 * and says nothing when there is nothing to merge.
 */
import test, { type ExecutionContext } from 'ava';
import { pino } from 'pino';
import { translate } from '../../core/i18n/translate.ts';
import type { MessageKey } from '../../core/i18n/messages.ts';
import { countSegments } from '../../core/search/embedded/merge-segments.ts';
import { mergeIndexAloud } from '../../ingest/merge-index-aloud.ts';
import { addRecords, openIndexedArchive } from '../helpers/temp-archive.ts';

const rows = (from: number) => Array.from({ length: 5 }, (_, i) => ({ id: `r${from + i}`, title_zh: `塘栖古桥${from + i}号`, title_en: `Tangqi bridge ${from + i}` }));

/** What a command line prints, in English, stdout and stderr apart. */
function printed() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, cli: { print: (key: MessageKey) => out.push(translate('en', key)), printError: (key: MessageKey) => err.push(translate('en', key, { detail: '…' })) } };
}

async function archiveInPieces(t: ExecutionContext, mergeAbove: number) {
  const archive = await openIndexedArchive(t, rows(0), { mergeAbove });
  // Each batch commits segments of its own.
  for (const from of [5, 10, 15]) await addRecords(archive, rows(from));
  return archive;
}

test('merging an index in pieces says when it starts and when it is done, and leaves one segment', async (t) => {
  const { engine, db } = await archiveInPieces(t, 0);
  t.true(countSegments(db) > 1);
  const { out, err, cli } = printed();
  await mergeIndexAloud(engine, cli, pino({ level: 'silent' }));
  t.deepEqual(out, [translate('en', 'index.merging'), translate('en', 'index.merged')]);
  t.deepEqual(err, []);
  t.is(countSegments(db), 1);
});

test('an index below the size that is merged prints nothing', async (t) => {
  const { engine } = await archiveInPieces(t, 1_000_000);
  const { out, err, cli } = printed();
  await mergeIndexAloud(engine, cli, pino({ level: 'silent' }));
  t.deepEqual([...out, ...err], []);
});
