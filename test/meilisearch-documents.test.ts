import test from 'ava';
import { toRecordId } from '../core/schema/record-id.ts';
import type { ArchiveRecord } from '../core/schema/record.ts';
import { chunkDocuments } from '../core/search/meilisearch/chunk-documents.ts';
import { fromDocument, MEILI_ID_PATTERN, toDocument as toMeiliDocument } from '../core/search/meilisearch/document.ts';
import { decodeHanChars, encodeHanChar, hanIndexText, hanQueryText, hanWordToken } from '../core/search/meilisearch/han-tokens.ts';
import { nameToken, vocabularyFacetQueries, vocabularyOf, wordsOfFacetHits } from '../core/search/meilisearch/vocabulary-field.ts';
import { pinyinIndexText } from '../core/search/meilisearch/pinyin-tokens.ts';
import { latinSortKey, pinyinSortKey, titleSortKey } from '../core/search/meilisearch/sort-keys.ts';
import { ArchiveTokenizer } from '../core/search/tokenizer.ts';

const stored = (record: Partial<ArchiveRecord> & { id: string }) => ({ seq: 1, record: record as ArchiveRecord, modified: '2024-01-01T00:00:00Z', visibility: { state: 'public' as const } });

const tokenizer = new ArchiveTokenizer();
const toDocument = (stored: Parameters<typeof toMeiliDocument>[0]) => toMeiliDocument(stored, tokenizer);

const bridge: ArchiveRecord = {
  id: 'guangji-bridge',
  title_zh: '广济桥',
  title_en: 'Guangji Bridge',
  type: 'bridge',
  admin_area: '浙江省/杭州市',
  start_year: -221,
  end_year: 1644,
  lat: 30.48,
  lon: 120.19,
  collections: ['grand-canal', 'tangqi-old-town'],
};

test('a Han character is four lowercase letters, the same every time and different for every character', (t) => {
  t.is(encodeHanChar('塘'), 'bhlw');
  t.is(encodeHanChar('栖'), 'bnkw');
  t.is(encodeHanChar('𠀀'), 'hlxg', 'a character outside the Basic Multilingual Plane');
  const codes = new Set([...'塘栖棲广济桥玉琮良渚文化𠀀〇々'].map(encodeHanChar));
  t.is(codes.size, 15);
  for (const code of codes) t.regex(code, /^[a-z]{4}$/);
});

test('the pair-token text lists every character pair in order, then each distinct character once', (t) => {
  t.is(hanIndexText('塘栖古镇 Tangqi 塘'), 'qbhlwbnkw qbnkwbfua qbfuacenv xbhlw xbnkw xbfua xcenv');
  t.is(hanIndexText('Only English here'), '');
});

test('a Chinese query term becomes one token, or the quoted phrase of its consecutive pairs', (t) => {
  t.is(hanQueryText('塘'), 'xbhlw');
  t.is(hanQueryText('塘栖'), 'qbhlwbnkw');
  t.is(hanQueryText('塘栖古镇'), '"qbhlwbnkw qbnkwbfua qbfuacenv"');
});

test('traditional characters are folded to simplified on both sides, so 塘棲 finds 塘栖', (t) => {
  t.is(hanIndexText('塘棲古鎮'), hanIndexText('塘栖古镇'));
  t.is(hanQueryText('塘棲'), hanQueryText('塘栖'));
});

test('listed words get one whole-word token where the text contains them, and a query for one is that token', (t) => {
  const words = ['海塘', '古海塘', '大运河'];
  t.is(hanWordToken('海塘'), `w${encodeHanChar('海')}${encodeHanChar('塘')}`);
  t.true(hanIndexText('钱塘江北岸的古海塘', words).endsWith(` ${hanWordToken('海塘')} ${hanWordToken('古海塘')}`));
  t.false(hanIndexText('钱塘江北岸的古海塘', words).includes(hanWordToken('大运河')));
  t.is(hanQueryText('海塘', words), hanWordToken('海塘'));
  t.is(hanQueryText('海塘'), 'q' + encodeHanChar('海') + encodeHanChar('塘'), 'without the list it is the pair token');
});

test('every substring of a text is a run of consecutive pair tokens in its index text', (t) => {
  const text = '良渚文化的环壕聚落遗址';
  const indexed = ` ${hanIndexText(text)} `;
  for (let start = 0; start < text.length; start++) {
    for (let end = start + 1; end <= text.length; end++) {
      const phrase = hanQueryText(text.slice(start, end)).replaceAll('"', '');
      t.true(indexed.includes(` ${phrase} `), text.slice(start, end));
    }
  }
  t.false(indexed.includes(` ${hanQueryText('文环').replaceAll('"', '')} `), 'characters that are not adjacent are not a pair');
});

test('a document carries the record, its facet values, pair tokens per column, sort keys and _geo', (t) => {
  const document = toDocument(stored(bridge));
  t.like(document, bridge);
  t.deepEqual(document.facet_collection, ['grand-canal', 'tangqi-old-town']);
  t.deepEqual(document.facet_admin_area, ['浙江省', '浙江省/杭州市']);
  t.deepEqual(document.facet_has_image, ['no']);
  t.deepEqual(document.facet_period, []);
  t.is(document.han_title, `${hanIndexText('广济桥')} ${hanWordToken('广济桥')}`, '广济桥 is a synonym name');
  t.is(document.han_names, hanIndexText('浙江省 杭州市'));
  t.is(document.han_body, '');
  t.is(
    document.pinyin_names,
    'guang ji qiao guangjiqiao zhe jiang sheng zhejiangsheng hang zhou shi hangzhoushi guangji jiqiao zhejiang jiangsheng hangzhou zhoushi',
  );
  t.is(document.sort_dated, 1);
  t.is(document.sort_title_zh, '0 guang3 ji4 qiao2');
  t.is(document.sort_title_en, 'guangji bridge');
  t.deepEqual(document._geo, { lat: 30.48, lng: 120.19 });
  t.is(document.start_year, -221, 'BCE years stay negative integers');
});

test('the pinyin field has each word\'s syllables joined and every two adjacent syllables joined', (t) => {
  const words = pinyinIndexText('乾隆御碑', tokenizer).split(' ');
  for (const token of ['qian', 'long', 'yu', 'bei', 'qianlong', 'longyu', 'yubei']) t.true(words.includes(token), token);
  t.true(pinyinIndexText('塘棲', tokenizer).split(' ').includes('tangqi'), 'traditional characters are read as simplified');
  t.is(pinyinIndexText('Grand Canal', tokenizer), '');
});

test('a record without years or coordinates has no _geo and sorts as undated', (t) => {
  const document = toDocument(stored({ id: 'plum', title_zh: '超山梅花' }));
  t.is(document.sort_dated, 0);
  t.false('_geo' in document);
  t.false('start_year' in document);
});

test('archival identifiers become safe document ids and the original is kept', (t) => {
  for (const original of ['LP/2023/001', '塘栖 广济桥 #3', 'a"b\\c', 'x'.repeat(300), 'already-safe_01']) {
    const { id } = toRecordId(original);
    t.regex(id, MEILI_ID_PATTERN, original);
    const document = toDocument(stored({ id, identifier: original, title_en: 'T' }));
    t.is(document.id, id);
    t.is(document.identifier, original);
  }
  t.throws(() => toDocument(stored({ id: 'not safe/id', title_en: 'T' })), { instanceOf: RangeError });
});

test('the record read back from a document has its schema fields only', (t) => {
  const document = toDocument(stored(bridge));
  t.deepEqual(fromDocument({ ...document, _formatted: { title_en: 'x' }, _rankingScore: 1 }), bridge);
});

test('title sort keys follow pinyin for Chinese and case, accents and numbers for English', (t) => {
  const chinese = ['广济桥', '超山梅花', '古海塘', '玉架山遗址', '玉琮', '上塘河'];
  const collator = new Intl.Collator('zh-Hans-u-co-pinyin');
  t.deepEqual([...chinese].sort((a, b) => (pinyinSortKey(a) < pinyinSortKey(b) ? -1 : 1)), [...chinese].sort(collator.compare));
  t.is(pinyinSortKey('古海塘'), 'gu3 hai3 tang2');
  const english = ['Site 10', 'site 2', 'Ángel bridge', 'angel Canal', 'Zhejiang'];
  const byKey = [...english].sort((a, b) => (latinSortKey(a) < latinSortKey(b) ? -1 : 1));
  t.deepEqual(byKey, ['Ángel bridge', 'angel Canal', 'site 2', 'Site 10', 'Zhejiang']);
  t.is(titleSortKey({ id: 'a', title_en: 'Only English' } as ArchiveRecord, 'zh'), '1 only english', 'after every Chinese title');
  t.is(titleSortKey({ id: 'a', title_zh: '塘栖' } as ArchiveRecord, 'en'), '塘栖', 'after every English title');
});

test('document batches respect both the count and the size limit', (t) => {
  const documents = Array.from({ length: 7 }, (_, i) => ({ id: `d${i}`, text: 'x'.repeat(100) }));
  t.deepEqual(chunkDocuments(documents, { maxDocuments: 3, maxChars: 1_000_000 }).map((chunk) => chunk.length), [3, 3, 1]);
  t.deepEqual(chunkDocuments(documents, { maxDocuments: 100, maxChars: 250 }).map((chunk) => chunk.length), [2, 2, 2, 1]);
  t.deepEqual(chunkDocuments([{ id: 'big', text: 'x'.repeat(500) }], { maxDocuments: 100, maxChars: 250 }).length, 1);
  t.deepEqual(chunkDocuments([]), []);
});

test('pair tokens fold variant forms, in documents, queries and synonym word tokens alike', (t) => {
  t.is(hanIndexText('大成殿為重簷歇山頂'), hanIndexText('大成殿为重檐歇山顶'));
  t.is(hanQueryText('阿彌陁佛'), hanQueryText('阿弥陀佛'));
  t.is(hanWordToken('隨著'), hanWordToken('随着'));
});

test('a document lists its words for "did you mean": Latin words as written, Chinese names as tokens that decode back', (t) => {
  const record = { id: 'anji-bridge', title_zh: '安济桥', title_en: 'Anji Bridge', description_en: 'An open-spandrel bridge by Li Chun.' } as ArchiveRecord;
  const vocabulary = vocabularyOf(record);
  t.true(vocabulary.includes('spandrel') && vocabulary.includes('anji'));
  t.true(vocabulary.includes(nameToken('安济桥')));
  t.deepEqual(wordsOfFacetHits([{ value: nameToken('安济桥'), count: 1 }, { value: 'bridge', count: 3 }]), ['安济桥', 'bridge']);
  t.is(decodeHanChars(encodeHanChar('𠂝') + encodeHanChar('桥')), '𠂝桥');
});

test('facet queries for a word that matched nothing: its first letters and itself, or its first character', (t) => {
  t.deepEqual(vocabularyFacetQueries({ kind: 'latin', text: 'rocj' }), ['roc', 'rocj']);
  t.deepEqual(vocabularyFacetQueries({ kind: 'han', text: '安积桥' }), [nameToken('安')]);
  t.deepEqual(vocabularyFacetQueries({ kind: 'han', text: '桥' }), [], 'one character: nothing to correct');
});
