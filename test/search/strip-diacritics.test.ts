/**
 * Diacritics are stripped from the runs of text that may decompose only (see chinese-text.ts): the
 * result must be what decomposing the whole text and dropping every mark gives.
 */
import test from 'ava';
import { stripDiacritics } from '../../core/search/chinese-text.ts';

const wholeText = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '');

test('accents, tone marks, full-width letters, ligatures and combining marks after plain letters come out as decomposing the whole text gives', (t) => {
  const samples = [
    'Tángqī Guǎngjì Qiáo, lǜ',
    'e\u0301\u0323x and a\u0308 after ASCII letters',
    'ＡＢＣ ｔａｎｇｑｉ ㎞ ﬁne ⓐ Ǆ ǅ Å',
    '塘栖的古镇，反映了江南水乡的风貌。另有：水闸、码头（清代）…',
    '𠀋 \ud840\udc0b 𡈽 surrogate pairs, 重簷 and 乾隆',
    '',
    '\u0301 a mark at the start',
  ];
  for (const sample of samples) t.is(stripDiacritics(sample), wholeText(sample), sample);
  t.is(stripDiacritics('Tángqī'), 'Tangqi');
});
