import test from 'ava';
import { adminAreaEnglishName, adminAreaEnglishNames } from '../../core/schema/admin-area-names.ts';

test('a level is its pinyin with the level translated', (t) => {
  const names = { 浙江省: 'Zhejiang Province', 宁波市: 'Ningbo City', 西湖区: 'Xihu District', 五台县: 'Wutai County', 塘栖镇: 'Tangqi Town', 龙坞乡: 'Longwu Township', 乔司街道: 'Qiaosi Subdistrict', 诸葛村: 'Zhuge Village' };
  for (const [zh, en] of Object.entries(names)) t.is(adminAreaEnglishName(zh), en, zh);
});

test('established names win over generated ones, in either script', (t) => {
  t.is(adminAreaEnglishName('杭州市'), 'Hangzhou');
  t.is(adminAreaEnglishName('临平区'), 'Linping District');
  t.is(adminAreaEnglishName('陕西省'), 'Shaanxi Province', 'not Shanxi, which is 山西');
  t.is(adminAreaEnglishName('山西省'), 'Shanxi Province');
  t.is(adminAreaEnglishName('臺南市'), 'Tainan City');
  t.is(adminAreaEnglishName('鹿港鎮'), 'Lukang Township');
  t.is(adminAreaEnglishName('内蒙古自治区'), 'Inner Mongolia Autonomous Region');
});

test('pinyin is written as one word with an apostrophe where syllables would run together', (t) => {
  t.is(adminAreaEnglishName('西安市'), "Xi'an City");
  t.is(adminAreaEnglishName('赵县'), 'Zhao County', 'a one-character name keeps its level');
  t.deepEqual(adminAreaEnglishNames('浙江省/杭州市/临平区/塘栖镇'), ['Zhejiang Province', 'Hangzhou', 'Linping District', 'Tangqi Town']);
  t.deepEqual(adminAreaEnglishNames(undefined), []);
  t.is(adminAreaEnglishName('Somewhere'), 'Somewhere', 'a level without Chinese is left as written');
});
