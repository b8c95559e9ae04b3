/**
 * A title's pinyin key is spelled one run of Chinese characters at a time (runs repeat across an
 * archive, titles do not): it must be what pinyin-pro gives for the whole title, polyphones read
 * in their words, digits, Latin letters and punctuation between runs dropped.
 */
import test from 'ava';
import { pinyinSyllables } from '../../core/search/chinese-text.ts';
import { keysOf, TITLE_RANK } from '../../core/search/suggest/suggestion-keys.ts';

const TITLES = ['塘栖古桥123号', '重庆路第2号银行', '长乐坊·长安街（重修）', '行宫3号地块、银行旧址', '都江堰No.5水闸', '〇号码头', '乐清Ⅱ期调查'];

test('a title’s pinyin key is the pinyin of the whole title', (t) => {
  for (const title of TITLES) {
    const pinyin = keysOf(title, TITLE_RANK).find((key) => key.rank === TITLE_RANK + 1);
    t.is(pinyin?.key, pinyinSyllables(title).join(''), title);
  }
});

test('polyphones are read in their words, run by run', (t) => {
  t.is(keysOf('重庆路第2号银行', TITLE_RANK)[1]?.key, 'chongqingludihaoyinhang');
});
