import test from 'ava';
import { splitPinyin } from '../../core/search/pinyin-syllables.ts';
import { toFtsMatch } from '../../core/search/embedded/fts-query.ts';
import { ArchiveTokenizer, bigrams } from '../../core/search/tokenizer.ts';

const tokens = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

test('a name the general dictionary cuts apart becomes one word once the archive holds it', (t) => {
  const tokenizer = new ArchiveTokenizer();
  // 祥符荡 is not in jieba's dictionary: before the archive teaches it, it is not a token.
  t.false(tokens(tokenizer.indexText('祥符荡湿地公园')).has('祥符荡'));
  t.deepEqual(tokenizer.addWords(['祥符荡']), ['祥符荡']);
  t.true(tokens(tokenizer.indexText('祥符荡湿地公园')).has('祥符荡'));
  t.deepEqual(tokenizer.addWords(['祥符荡']), [], 'a known word is not added twice');
});

test('text tokenized again, line by line from what was cached, comes out exactly as the first time, pinyin included', (t) => {
  const text = '塘棲古鎮\r\n廣濟橋 Guǎngjì\n\n浙江省 杭州市 临平区\n重簷 ＡＢＣ ㎞，隨著運河';
  const tokenize = (tokenizer: ArchiveTokenizer, segment: boolean) => {
    const pinyin: string[] = [];
    return { text: tokenizer.indexText(text, pinyin, segment), pinyin };
  };
  const tokenizer = new ArchiveTokenizer();
  for (const segment of [true, false]) {
    const first = tokenize(tokenizer, segment);
    t.deepEqual(tokenize(tokenizer, segment), first);
    t.deepEqual(tokenize(new ArchiveTokenizer(), segment), first, 'a fresh tokenizer agrees');
  }
  t.true(tokens(tokenizer.indexText(text)).has('广济桥'), 'traditional characters still folded');
});

test('indexed Chinese carries every bigram, so any two characters of a run match', (t) => {
  const indexed = tokens(new ArchiveTokenizer().indexText('塘栖古镇'));
  for (const pair of bigrams('塘栖古镇')) t.true(indexed.has(pair), pair);
  t.true(indexed.has('镇'), 'the last character, for one-character queries');
});

test('traditional characters are indexed and queried as simplified', (t) => {
  const tokenizer = new ArchiveTokenizer();
  t.true(tokens(tokenizer.indexText('塘棲廣濟橋')).has('广济'));
  t.deepEqual(tokenizer.queryClauses('廣濟橋'), tokenizer.queryClauses('广济桥'));
});

test('names are spelled in pinyin, syllable by syllable and joined', (t) => {
  const spelled = tokens(new ArchiveTokenizer().pinyinText('塘栖广济桥'));
  for (const token of ['tang', 'qi', 'tangqi', 'guang', 'ji', 'qiao']) t.true(spelled.has(token), token);
});

test('typed pinyin is split into syllables, tone marks and case ignored', (t) => {
  t.deepEqual(splitPinyin('yubei'), ['yu', 'bei']);
  t.deepEqual(splitPinyin('guangjiqiao'), ['guang', 'ji', 'qiao']);
  t.is(splitPinyin('bridge'), undefined);
  const clauses = new ArchiveTokenizer().queryClauses('Tángqī');
  t.deepEqual(clauses, [[{ kind: 'latin', text: 'tangqi' }, { kind: 'pinyin', text: 'tang qi' }, { kind: 'han', text: '塘栖', synonym: true }]]);
});

test('synonyms join a clause as alternatives, and English synonyms never match pinyin', (t) => {
  const tokenizer = new ArchiveTokenizer();
  const [clause] = tokenizer.queryClauses('seawall');
  t.deepEqual(clause?.map((term) => term.text).sort(), ['古海塘', '海塘', 'sea wall', 'seawall'].sort());
  t.is(toFtsMatch(tokenizer.queryClauses('塘栖')), '("塘栖" OR {title names body} : "tangqi"*)');
});

test('a query is a conjunction of its words, each matched safely quoted', (t) => {
  const tokenizer = new ArchiveTokenizer();
  t.is(toFtsMatch(tokenizer.queryClauses('古镇 bridge')), '"古镇" AND "bridge"*');
  t.is(toFtsMatch([[{ kind: 'latin', text: 'a"b' }]]), '"a""b"*');
});

test('a typed run cut into words matches as its words, with its verbatim phrase added only for ranking', (t) => {
  const clauses = new ArchiveTokenizer().queryClauses('保存较为完好');
  t.is(toFtsMatch(clauses), '(("保存" AND "较为" AND "完好") OR "保存 存较 较为 为完 完好")');
  t.is(toFtsMatch(clauses, false), '("保存" AND "较为" AND "完好")');
});
