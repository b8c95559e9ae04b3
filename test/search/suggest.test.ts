import test from 'ava';
import { Suggester } from '../../core/search/suggest.ts';
import { addRecords, openTempArchive } from '../helpers/temp-archive.ts';

const setup = async (t: Parameters<typeof openTempArchive>[0]) => {
  const archive = openTempArchive(t);
  await addRecords(archive, [
    { id: 'tangqi-old-town', title_zh: '塘栖古镇', title_en: 'Tangqi Old Town', place_zh: '塘栖镇' },
    { id: 'guangji-bridge', title_zh: '广济桥', title_en: 'Guangji Bridge', keywords_en: 'stone bridge' },
    { id: 'chaoshan', title_zh: '超山', title_en: 'Chaoshan' },
  ]);
  return new Suggester(archive.catalog);
};

test('a pinyin prefix suggests the Chinese names it spells', async (t) => {
  const suggester = await setup(t);
  const texts = suggester.suggest('tangq', 'zh').map((s) => s.text);
  t.is(texts[0], '塘栖古镇');
  t.true(texts.includes('塘栖镇'));
  t.deepEqual(suggester.suggest('tang qi', 'zh')[0], { text: '塘栖古镇', recordId: 'tangqi-old-town' });
});

test('Chinese prefixes suggest in either script', async (t) => {
  const suggester = await setup(t);
  t.deepEqual(suggester.suggest('塘', 'zh').map((s) => s.text), ['塘栖古镇', '塘栖镇'], 'titles before other names');
  t.deepEqual(suggester.suggest('廣濟', 'zh').map((s) => s.recordId), ['guangji-bridge']);
});

test('English suggestions match the start of any word and prefer English for English readers', async (t) => {
  const suggester = await setup(t);
  t.deepEqual(suggester.suggest('brid', 'en').map((s) => s.text), ['Guangji Bridge', 'stone bridge']);
  t.is(suggester.suggest('Guang', 'en')[0]?.text, 'Guangji Bridge');
});

test('an empty or punctuation-only prefix suggests nothing', async (t) => {
  const suggester = await setup(t);
  t.deepEqual(suggester.suggest('', 'zh'), []);
  t.deepEqual(suggester.suggest(' ,;', 'en'), []);
});
