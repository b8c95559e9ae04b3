/**
 * The shared command runner (core/cli) as a curator meets it, through the real `ingest` and
 * `reindex` programs: help, usage errors, the language, and one clear line with its own exit
 * status when the archive itself is the problem.
 */
import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { EXIT } from '../../core/cli/exit-codes.ts';
import { parseCommandLine } from '../../core/cli/parse-command-line.ts';
import { COMMANDS, cliWorkspace } from '../ingest/helpers/run-cli.ts';

const STACK_FRAME = /^\s+at /m;

for (const [name, script] of Object.entries(COMMANDS)) {
  test(`${name} --help and -h print the usage and exit 0, in English by default and in Chinese with --lang=zh or a Chinese LANG`, async (t) => {
    const cli = cliWorkspace(t);
    for (const args of [['--help'], ['-h']]) {
      const result = await cli.run(args, { script });
      t.is(result.code, EXIT.ok);
      t.true(result.stdout.startsWith(`usage: npm run ${name} -- `), result.stdout);
      t.true(result.stdout.includes('Exit status: 0'));
      t.true(result.stdout.trimEnd().endsWith('中文说明：加上 --lang=zh'));
      t.is(result.stderr, '');
    }
    const chinese = await cli.run(['--help', '--lang=zh'], { script });
    t.true(chinese.stdout.startsWith(`用法：npm run ${name} -- `), chinese.stdout);
    t.true(chinese.stdout.trimEnd().endsWith('For English: add --lang=en'));
    const fromLocale = await cli.run(['-h'], { script, env: { LANG: 'zh_CN.UTF-8' } });
    t.true(fromLocale.stdout.startsWith('用法：'), fromLocale.stdout);
  });

  test(`${name} with an unknown option prints the reason and the usage on stderr and exits 2, without a stack trace`, async (t) => {
    const cli = cliWorkspace(t);
    const result = await cli.run(['--frobnicate'], { script });
    t.is(result.code, EXIT.usage);
    t.true(result.stderr.startsWith(`unknown option --frobnicate\nusage: npm run ${name} -- `), result.stderr);
    t.notRegex(result.stderr, STACK_FRAME);
    t.is(result.stdout, '');
    const chinese = await cli.run(['--frobnicate', '--lang=zh'], { script });
    t.true(chinese.stderr.startsWith(`未知参数 --frobnicate\n用法：npm run ${name} -- `), chinese.stderr);
  });
}

test('reindex refuses an engine it does not know, a missing value and an argument, each with its reason', async (t) => {
  const cli = cliWorkspace(t);
  const cases: [string[], string][] = [
    [['--engine=solr'], 'the option --engine must be one of embedded, meilisearch but received "solr"'],
    [['--engine'], 'the option --engine needs a value, as in --engine=…'],
    [['everything'], 'this command takes no argument such as "everything"'],
    [['--lang=fr'], 'the option --lang must be one of zh, en but received "fr"'],
  ];
  for (const [args, reason] of cases) {
    const result = await cli.run(args, { script: COMMANDS.reindex });
    t.is(result.code, EXIT.usage, args.join(' '));
    t.is(result.stderr.split('\n')[0], reason);
  }
  const chinese = await cli.run(['--engine=solr', '--lang=zh'], { script: COMMANDS.reindex });
  t.is(chinese.stderr.split('\n')[0], '参数 --engine 应为 embedded, meilisearch 之一，实际为 “solr”');
});

test('a boolean option given a value is refused by name', (t) => {
  const parsed = parseCommandLine(['--dry-run=yes'], { 'dry-run': { type: 'boolean' } }, true, {});
  t.deepEqual(parsed, { ok: false, lang: 'en', problem: { key: 'cli.takes_no_value', params: { option: '--dry-run' } } });
});

test('a bad environment variable ends the command with one line naming it and exit status 2', async (t) => {
  const cli = cliWorkspace(t);
  const result = await cli.run(['--engine=embedded'], { script: COMMANDS.reindex, env: { LOG_LEVEL: 'chatty' } });
  t.is(result.code, EXIT.usage);
  t.regex(result.stderr, /^invalid configuration \(environment variables\): LOG_LEVEL: /);
  t.notRegex(result.stderr, STACK_FRAME);
});

for (const [name, script] of Object.entries(COMMANDS)) {
  test(`${name} on a 0-byte catalog stops with exit status 4 and says to restore it, leaving the file as it was`, async (t) => {
    const cli = cliWorkspace(t);
    mkdirSync(cli.dataDir);
    const catalogFile = path.join(cli.dataDir, 'catalog.db');
    writeFileSync(catalogFile, '');
    const records = cli.copy(path.join(import.meta.dirname, '../fixtures/ingest/records.csv'));
    // Each command asked to do something that needs the catalog.
    const args = ({ ingest: [records], reindex: [], records: ['history', 'guangji-bridge'] } as Record<string, string[]>)[name]!;
    const result = await cli.run(args, { script });
    t.is(result.code, EXIT.catalogUnusable);
    t.is(result.stderr.trim(), `the catalog file ${catalogFile} is empty (0 bytes), which no archive ever is: it was probably cut short while being written. Nothing was changed. Restore it from a backup (npm run restore), or delete it if you mean to start a new archive`);
    t.is(statSync(catalogFile).size, 0);
    const chinese = await cli.run(['--lang=zh', ...args], { script });
    t.true(chinese.stderr.startsWith(`目录文件 ${catalogFile} 是空的（0 字节）`), chinese.stderr);
  });
}

test('a file that is not a catalog stops ingest with exit status 4, naming the file, and is left untouched', async (t) => {
  const cli = cliWorkspace(t);
  mkdirSync(cli.dataDir);
  const catalogFile = path.join(cli.dataDir, 'catalog.db');
  writeFileSync(catalogFile, 'id,title\nnot,a database\n');
  const result = await cli.run([cli.copy(path.join(import.meta.dirname, '../fixtures/ingest/records.csv'))]);
  t.is(result.code, EXIT.catalogUnusable);
  t.true(result.stderr.startsWith(`${catalogFile} is not an archive catalog (not an SQLite database).`), result.stderr);
  t.is(readFileSync(catalogFile, 'utf8'), 'id,title\nnot,a database\n');
});

test('a data directory that is a file stops the command with exit 2, saying ARCHIVE_DATA_DIR must be a folder', async (t) => {
  const cli = cliWorkspace(t);
  const notAFolder = path.join(cli.dir, cli.write('data-file', 'not a folder'));
  const result = await cli.run([cli.copy(path.join(import.meta.dirname, '../fixtures/ingest/records.csv'))], { dataDir: notAFolder });
  t.is(result.code, EXIT.usage);
  t.is(result.stderr.trim(), `a file stands where a folder should be on the way to ${notAFolder}/logs: ARCHIVE_DATA_DIR (${notAFolder}) must be a folder`);
});
