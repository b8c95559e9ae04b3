/**
 * A search that cannot be answered word for word still answers: the records with the most of the
 * words, a notice naming the word left out (in the visitor's language), and "did you mean".
 */
import { withFixtureSite } from './helpers/fixture-site.ts';
import { decodeEntities } from './helpers/html.ts';

const { test, get } = withFixtureSite();
const notices = (html: string) => [...html.matchAll(/<p class="search-notice[^"]*"[^>]*>([\s\S]*?)<\/p>/g)].map((m) => decodeEntities(m[1]!.replace(/<[^>]+>/g, '')).trim());

test('a word no record has leaves the other words to answer, with a notice in English and in Chinese', async (t) => {
  const english = await get(t, '/search?q=Guangji%20Bridge%20xylophone');
  t.is(english.status, 200);
  t.true(english.text.includes('/items/guangji-bridge'), 'the record with the other words is listed');
  t.deepEqual(notices(english.text), ['No record has all of your words; these records have “guangji bridge”, and the words not matched are “xylophone”. Search for “guangji bridge” only']);
  const kept = decodeEntities(english.text.match(/<p class="search-notice"[^>]*>[^<]*<a href="([^"]+)"/)![1]!);
  t.is(kept, '/search?q=guangji+bridge', 'a link to the kept words alone');
  t.true((await get(t, kept)).text.includes('/items/guangji-bridge'));
  const chinese = await get(t, `/search?q=${encodeURIComponent('广济桥 木琴')}`, 'zh');
  t.true(chinese.text.includes('/items/guangji-bridge'));
  t.deepEqual(notices(chinese.text), ['没有记录同时包含全部检索词；以下是包含“广济桥”的记录，未能匹配的词：“木琴”。 只检索“广济桥”']);
  t.false(chinese.text.includes('class="empty-state"'), 'not an empty page');
});

test('a word one slip from an archive word offers "did you mean", linked to a search that finds records', async (t) => {
  const page = await get(t, `/search?q=${encodeURIComponent('广积桥')}`, 'zh');
  t.deepEqual(notices(page.text), ['您要找的是不是： 广济桥']);
  const href = decodeEntities(page.text.match(/<p class="search-notice search-notice--suggestion">[^<]*<a href="([^"]+)"/)![1]!);
  const followed = await get(t, href, 'zh');
  t.true(followed.text.includes('/items/guangji-bridge'));
  t.deepEqual(notices(followed.text), [], 'the suggested search is answered word for word');
  t.deepEqual(notices((await get(t, '/search?q=Guangji')).text), [], 'a search that matches shows no notice');
});
