/**
 * `npm run records` and `npm run ingest -- --undo` as a curator meets them: real processes on a
 * real catalog file. Every refusal says why, exits non-zero and changes nothing.
 */
import test from 'ava';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { catalogFacts, cliWorkspace, COMMANDS } from '../ingest/helpers/run-cli.ts';

const RECORDS = ['id,title_zh,title_en', 'guangji-bridge,广济桥,Guangji Bridge', 'tangqi-town,塘栖古镇,Tangqi Old Town', 'qianlong-stele,乾隆御碑,Qianlong Stele'].join('\n');
const STACK_FRAME = /^\s+at /m;

async function archiveWithRecords(t: Parameters<typeof cliWorkspace>[0]) {
  const cli = cliWorkspace(t);
  const imported = await cli.run([cli.write('records.csv', RECORDS)]);
  t.is(imported.code, EXIT.ok, imported.stderr);
  const records = (args: string[]) => cli.run(args, { script: COMMANDS.records });
  return { cli, records };
}

test('history lists each version with when, who and what changed; restore brings an old version back as a new one', async (t) => {
  const { cli, records } = await archiveWithRecords(t);
  await cli.run([cli.write('renamed.csv', 'id,title_zh,title_en\nguangji-bridge,广济桥（重修）,Guangji Bridge')]);
  const history = await records(['history', 'guangji-bridge']);
  t.is(history.code, EXIT.ok, history.stderr);
  t.regex(history.stdout, /versions of record guangji-bridge \(2\):/);
  t.regex(history.stdout, /v1 {2}\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z {2}import:1 {2}created/);
  t.regex(history.stdout, /v2 .* import:2 {2}updated\n {6}title_zh: 广济桥 → 广济桥（重修）/);
  const restored = await records(['restore', 'guangji-bridge', '1']);
  t.is(restored.code, EXIT.ok, restored.stderr);
  t.regex(restored.stdout, /now holds version 1 again \(as version 3\)/);
  const shown = await records(['show', 'guangji-bridge', '--lang=zh']);
  t.regex(shown.stdout, /title_zh：广济桥\n/);
  t.regex((await records(['history', 'guangji-bridge'])).stdout, /v3 .* cli:\S+ {2}restored\n {6}note: version 1/);
});

test('delete needs a reason, takes ids from a file, leaves tombstones, and the index follows', async (t) => {
  const { cli, records } = await archiveWithRecords(t);
  const noReason = await records(['delete', 'guangji-bridge']);
  t.is(noReason.code, EXIT.usage);
  t.regex(noReason.stderr, /a deletion needs a reason/);
  const deleted = await records(['delete', '--file', cli.write('ids.txt', '\uFEFF# withdrawn by the committee\nguangji-bridge\n\ntangqi-town\n'), '--reason', 'duplicates']);
  t.is(deleted.code, EXIT.ok, deleted.stderr);
  t.regex(deleted.stdout, /records deleted: 2/);
  t.like(catalogFacts(cli.dataDir), { records: 1, indexed: 1, queued: 0 });
  t.regex((await records(['show', 'guangji-bridge'])).stderr, /was deleted on .*history guangji-bridge/);
});

test('hide, publish and embargo change who may see records, each a version', async (t) => {
  const { records } = await archiveWithRecords(t);
  t.regex((await records(['hide', 'guangji-bridge', 'tangqi-town'])).stdout, /records now hidden \(curators only\): 2 \(0 already were\)/);
  t.regex((await records(['embargo', 'qianlong-stele', '--until', '2099-01-01'])).stdout, /embargoed until 2099-01-01T00:00:00Z: 1/);
  t.regex((await records(['publish', 'guangji-bridge'])).stdout, /records now public: 1/);
  t.regex((await records(['history', 'qianlong-stele'])).stdout, /visibility\n {6}visibility: public → embargoed until 2099-01-01T00:00:00Z/);
});

test('bad input to records is refused with a clear message and a non-zero exit, and nothing changes', async (t) => {
  const { cli, records } = await archiveWithRecords(t);
  const cases: [string[], number, RegExp][] = [
    [[], EXIT.usage, /give a command: history/],
    [['frob'], EXIT.usage, /there is no command "frob"/],
    [['history'], EXIT.usage, /history takes ID/],
    [['history', 'never-was'], EXIT.refused, /has never held a record with the id "never-was"/],
    [['restore', 'guangji-bridge', '9'], EXIT.refused, /has no version 9 \(it has 1\)/],
    [['restore', 'guangji-bridge', 'latest'], EXIT.usage, /a version is a whole number/],
    [['hide', 'guangji-bridge', 'no-such-record'], EXIT.refused, /no records with these ids: no-such-record\. Nothing was changed/],
    [['delete', '--file', 'missing.txt', '--reason', 'x'], EXIT.refused, /cannot read the ids file missing\.txt/],
    [['embargo', 'guangji-bridge'], EXIT.usage, /give the end of the embargo with --until/],
    [['embargo', 'guangji-bridge', '--until', '2030-02-30'], EXIT.usage, /cannot read the embargo date "2030-02-30"/],
    [['embargo', 'guangji-bridge', '--until', '2001-01-01'], EXIT.usage, /has passed, so it would hide nothing/],
  ];
  for (const [args, code, message] of cases) {
    const result = await records(args);
    t.is(result.code, code, args.join(' '));
    t.regex(result.stderr, message, args.join(' '));
    t.notRegex(result.stderr, STACK_FRAME);
  }
  const chinese = await records(['hide', 'no-such-record', '--lang=zh']);
  t.regex(chinese.stderr, /档案中没有这些编号：no-such-record。没有做任何改动/);
  t.like(catalogFacts(cli.dataDir), { records: 3 });
  t.regex((await records(['history', 'guangji-bridge'])).stdout, /\(1\):/, 'no version was written');
});

test('ingest prints its import id, --imports lists the history with each import’s files, and --undo takes an import back once', async (t) => {
  const { cli } = await archiveWithRecords(t);
  const second = await cli.run([cli.write('more.csv', 'id,title_zh\nnew-record,新记录\n')]);
  t.regex(second.stdout, /import id: 2 \(to take it back: npm run ingest -- --undo 2\)/);
  t.regex((await cli.run(['--imports'])).stdout, /import history \(newest first\):\n {2}2 .* done .* created 1, updated 0, unchanged 0, failed 0 {2}more\.csv \(sha256 [0-9a-f]{12}…\)\n/, 'the file it read, with the start of its sha256');
  const undone = await cli.run(['--undo', '2']);
  t.is(undone.code, EXIT.ok, undone.stderr);
  t.regex(undone.stdout, /import 2 undone — records it created, now deleted: 1/);
  t.like(catalogFacts(cli.dataDir), { records: 3, indexed: 3 });
  const again = await cli.run(['--undo', '2']);
  t.is(again.code, EXIT.refused);
  t.regex(again.stderr, /import 2 was already undone on .*; it cannot be undone twice\. Nothing was changed/);
  t.is((await cli.run(['--undo', '77'])).code, EXIT.refused);
  t.is((await cli.run(['--undo', 'x'])).code, EXIT.usage);
  t.is((await cli.run(['--undo', '1', 'more.csv'])).code, EXIT.usage);
});

test('an import killed mid-way is marked interrupted and can be undone like any other', async (t) => {
  const { cli } = await archiveWithRecords(t);
  const rows = Array.from({ length: 6000 }, (_, i) => `bulk-${i},批量记录${i}`);
  const file = cli.write('bulk.csv', ['id,title_zh', ...rows].join('\n'));
  const child = cli.start([file]);
  // Killed once its first batches are in: whole batches only, the history row left as it was.
  while (catalogFacts(cli.dataDir).records < 1003) await sleep(50);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  const listed = await cli.run(['--imports']);
  const committed = catalogFacts(cli.dataDir).records - 3;
  t.is(committed % 1000, 0);
  t.regex(listed.stdout, new RegExp(`\\n {2}2 .* interrupted .* created ${committed.toLocaleString("en")}, updated 0`), 'its totals are what it committed');
  const undone = await cli.run(['--undo', '2']);
  t.is(undone.code, EXIT.ok, undone.stderr);
  t.like(catalogFacts(cli.dataDir), { records: 3, integrity: 'ok' });
});
