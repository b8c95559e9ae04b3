import test from 'ava';
import { buildFoldTable, foldTablePairs } from '../../core/search/han-variants/build-fold-table.ts';
import { FOLDED_CHARACTERS, foldHanVariants, toSearchForm } from '../../core/search/han-variants/fold-han-variants.ts';
import { HAN_FOLD_PAIRS } from '../../core/search/han-variants/han-fold-table.ts';
import { UNIHAN_VARIANT_PAIRS } from '../../core/search/han-variants/unihan-variant-pairs.ts';
import { hanQueryPieces } from '../../core/search/han-query-terms.ts';
import { ArchiveTokenizer } from '../../core/search/tokenizer.ts';

test('regional and older forms fold with the standard ones that OpenCC conversion leaves apart', (t) => {
  for (const [variant, standard] of [['重簷', '重檐'], ['隨著', '随着'], ['寳篋印經塔', '宝箧印经塔'], ['阿彌陁佛', '阿弥陀佛'], ['藏經塼', '藏经砖'], ['虎丘劒池', '虎丘剑池'], ['二鯤鯓砲臺', '二鲲鯓炮台']] as const) {
    t.is(toSearchForm(variant), toSearchForm(standard), `${variant} / ${standard}`);
  }
});

test('folding keeps simplified text as it is, one character for one, and folding twice changes nothing', (t) => {
  const text = '塘栖古镇位于杭州市临平区京杭大运河穿镇而过';
  t.is(toSearchForm(text), text);
  for (const sample of ['寳篋印經塔', '𠂝眾衆', '二鯤鯓砲臺']) {
    const folded = foldHanVariants(sample);
    t.is([...folded].length, [...sample].length, sample);
    t.is(foldHanVariants(folded), folded, sample);
  }
  t.true(FOLDED_CHARACTERS > 4000, 'OpenCC tables and Unihan pairs together');
});

test('the shipped fold table is the one OpenCC\'s tables and the Unihan pairs give, and folding follows it character by character', (t) => {
  const built = buildFoldTable();
  t.deepEqual(HAN_FOLD_PAIRS.split(' '), foldTablePairs(built), 'regenerate with `npm run generate:han-variants`');
  t.is(FOLDED_CHARACTERS, built.size);
  t.deepEqual([...built].filter(([variant, representative]) => foldHanVariants(variant) !== representative), []);
  t.deepEqual([...new Set(built.values())].filter((representative) => foldHanVariants(representative) !== representative), [], 'representatives stay');
});

test('the shipped Unihan pairs link a rare form to a common character, never two common ones', (t) => {
  t.true(UNIHAN_VARIANT_PAIRS.length > 500);
  for (const pair of UNIHAN_VARIANT_PAIRS) t.is([...pair].length, 2, pair);
  const pairs = new Map(UNIHAN_VARIANT_PAIRS.map((pair) => [...pair] as [string, string]));
  t.is(pairs.get('寳'), '宝');
  t.is(pairs.get('墖'), '塔');
  // Unihan links 龍 and 敦 through rare characters; they must stay apart.
  t.not(toSearchForm('龍'), toSearchForm('敦'));
  t.false(pairs.has('敦'));
});

test('a run of Chinese is cut for the query without ever becoming looser than what was typed', (t) => {
  const cutIntoCharacters = (run: string) => [...run];
  t.deepEqual(hanQueryPieces('于谦', cutIntoCharacters), [{ text: '于谦' }], 'two characters stay one substring');
  t.deepEqual(hanQueryPieces('李春碑', cutIntoCharacters), [{ text: '李春碑' }], 'single characters join again');
  t.deepEqual(hanQueryPieces('于谦墓', cutIntoCharacters), [{ text: '谦墓' }], 'a function word is not joined, and drops');
  t.deepEqual(hanQueryPieces('塘栖的广济桥', () => ['塘栖', '的', '广济桥']), [
    { text: '塘栖', run: '塘栖的广济桥' },
    { text: '广济桥', run: '塘栖的广济桥' },
  ]);
});

test('digits and Chinese are separate query terms, and spaced syllables are one pinyin name', (t) => {
  const tokenizer = new ArchiveTokenizer();
  t.deepEqual(tokenizer.queryClauses('2021年度'), [[{ kind: 'latin', text: '2021' }], [{ kind: 'han', text: '年度' }]]);
  t.deepEqual(tokenizer.queryClauses('Yu Qian'), [
    [
      { kind: 'latin', text: 'yuqian' },
      { kind: 'pinyin', text: 'yu qian' },
      { kind: 'latin', text: 'yu qian', whole: true },
    ],
  ]);
  t.deepEqual(tokenizer.queryClauses('隨著'), [[{ kind: 'han', text: '随着', typed: '随著' }]], 'searched folded, shown as typed');
});
