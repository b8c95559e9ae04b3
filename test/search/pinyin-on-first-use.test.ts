/**
 * pinyin-pro (its dictionaries hold ~17 MB) is read by the first word that needs pinyin, never by
 * folding scripts or queries: a server starts and searches without it. Its own process, so that no
 * other test file has loaded it first.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import test from 'ava';
import { PROJECT_ROOT } from '../../core/config.ts';

const PROBE = `
import { createRequire } from 'node:module';
import { pinyinSyllables, stripDiacritics, toSimplified } from ${JSON.stringify(path.join(PROJECT_ROOT, 'core', 'search', 'chinese-text.ts'))};
import { ArchiveTokenizer } from ${JSON.stringify(path.join(PROJECT_ROOT, 'core', 'search', 'tokenizer.ts'))};
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/node_modules/pinyin-pro/'));
const seen = { simplified: toSimplified('塘棲古鎮'), plain: stripDiacritics('Tángqī'), clauses: new ArchiveTokenizer().queryClauses('塘栖古镇 tang qi').length };
const before = loaded();
const syllables = pinyinSyllables('重庆');
console.log(JSON.stringify({ ...seen, before, syllables, after: loaded() }));
`;

test('pinyin-pro is read by the first word that needs pinyin, not by script folding or a query, and then reads polyphones in context', (t) => {
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  const seen = JSON.parse(output.trim().split('\n').at(-1)!);
  t.is(seen.simplified, '塘栖古镇');
  t.is(seen.plain, 'Tangqi');
  t.true(seen.clauses > 0);
  t.false(seen.before, 'not read before a word needs pinyin');
  t.deepEqual(seen.syllables, ['chong', 'qing']);
  t.true(seen.after);
});
