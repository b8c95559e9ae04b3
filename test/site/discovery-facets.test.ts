/**
 * The period facet reads in chronological order, named from the vocabulary; the administrative
 * area is a drill-down whose every link (a level, a crumb of the trail, the way up) returns the
 * records it counted.
 */
import { hostilePeriodValue } from '../fixtures/site/index.ts';
import { withFixtureSite } from './helpers/fixture-site.ts';
import { decodeEntities, facetLinks, totalOf } from './helpers/html.ts';

const { test: typed, get } = withFixtureSite();
const periodLabels = (html: string) => facetLinks(html).filter((link) => link.facet === 'period').map((link) => link.label);

typed('periods are listed oldest first with their vocabulary names, other period names after them', async (t) => {
  t.deepEqual(periodLabels((await get(t, '/search')).text), ['Liangzhu culture', 'Qin dynasty', 'Han dynasty', 'Ming dynasty', 'Qing dynasty', 'Quote "period" OR \\ test']);
  t.deepEqual(periodLabels((await get(t, '/search', 'zh')).text), ['良渚文化', '秦', '汉', '明', '清', hostilePeriodValue]);
});

typed('a selected period keeps its place in the chronological order', async (t) => {
  const page = await get(t, '/search?period=qing');
  const periods = facetLinks(page.text).filter((link) => link.facet === 'period');
  t.deepEqual(periods.map((link) => link.label).slice(0, 5), ['Liangzhu culture', 'Qin dynasty', 'Han dynasty', 'Ming dynasty', 'Qing dynasty']);
  t.true(periods.find((link) => link.label === 'Qing dynasty')!.selected);
});

/** The trail of the admin area facet: its links in order and the chosen level. */
function trailOf(html: string): { links: { href: string; label: string }[]; chosen?: string; up?: string } {
  const trail = html.match(/<ol class="facet-trail"[^>]*>([\s\S]*?)<\/ol>/)?.[1] ?? '';
  const links = [...trail.matchAll(/<li><a href="([^"]*)">([^<]*)<\/a><\/li>/g)].map((m) => ({ href: decodeEntities(m[1]!), label: decodeEntities(m[2]!) }));
  const chosen = trail.match(/<span class="facet-trail__current" aria-current="true">([^<]*)<\/span>/)?.[1];
  const up = trail.match(/<a class="facet-trail__remove" href="([^"]*)">/)?.[1];
  return { links, ...(chosen && { chosen }), ...(up && { up: decodeEntities(up) }) };
}

const areaLinks = (html: string) => facetLinks(html).filter((link) => link.facet === 'admin_area' && !link.selected);

typed('the administrative area starts at the top level and drills down one level at a time', async (t) => {
  const top = await get(t, '/search');
  t.deepEqual(areaLinks(top.text).map((link) => link.label), ['Zhejiang Province'], 'only the top level, named in English');
  t.deepEqual(areaLinks((await get(t, '/search', 'zh')).text).map((link) => link.label), ['浙江省'], 'and in Chinese on Chinese pages');
  t.deepEqual(trailOf(top.text).links, [], 'no trail before a level is chosen');

  let page = top;
  const path: string[] = [];
  const names: string[] = [];
  for (const [level, name] of [['浙江省', 'Zhejiang Province'], ['杭州市', 'Hangzhou'], ['临平区', 'Linping District'], ['塘栖镇', 'Tangqi Town']] as const) {
    const link = areaLinks(page.text).find((candidate) => candidate.label === name);
    t.truthy(link, `${name} is offered after ${names.join(' › ') || 'the start'}`);
    page = await get(t, link!.href);
    path.push(level);
    names.push(name);
    t.is(totalOf(page.text), link!.count, `${name} promised ${link!.count}`);
    t.is(link!.href, `/search?admin_area=${encodeURIComponent(path.join('/'))}`);
    const trail = trailOf(page.text);
    t.is(trail.chosen, name);
    t.deepEqual(trail.links.map((crumb) => crumb.label), ['All areas', ...names.slice(0, -1)]);
    for (const child of areaLinks(page.text)) t.true(decodeURIComponent(child.href).includes(`${path.join('/')}/`), `${child.label} is a level below ${level}`);
  }
  t.deepEqual(areaLinks(page.text), [], 'the lowest level has nothing below it');
});

typed('each crumb of the trail selects its level, and the chosen level can be removed to go one up', async (t) => {
  const deepest = await get(t, `/search?q=${encodeURIComponent('塘栖')}&admin_area=${encodeURIComponent('浙江省/杭州市/临平区/塘栖镇')}`);
  const trail = trailOf(deepest.text);
  t.deepEqual(
    trail.links.map((crumb) => crumb.href),
    [
      `/search?q=${encodeURIComponent('塘栖')}`,
      `/search?q=${encodeURIComponent('塘栖')}&admin_area=${encodeURIComponent('浙江省')}`,
      `/search?q=${encodeURIComponent('塘栖')}&admin_area=${encodeURIComponent('浙江省/杭州市')}`,
      `/search?q=${encodeURIComponent('塘栖')}&admin_area=${encodeURIComponent('浙江省/杭州市/临平区')}`,
    ],
    'the text stays; only the area changes',
  );
  t.is(trail.up, trail.links.at(-1)!.href, 'removing 塘栖镇 goes up to 临平区');
  for (const crumb of trail.links.slice(1)) {
    const page = await get(t, crumb.href);
    t.is(trailOf(page.text).chosen, crumb.label);
  }
  const all = await get(t, trail.links[0]!.href);
  t.deepEqual(trailOf(all.text).links, []);
  t.is(totalOf(all.text), totalOf((await get(t, `/search?q=${encodeURIComponent('塘栖')}`)).text));
  const top = await get(t, `/search?admin_area=${encodeURIComponent('浙江省')}`);
  t.is(trailOf(top.text).up, '/search', 'removing the top level removes the filter');
});

typed('the chosen level shows its count, and the area filter still reads as a path', async (t) => {
  const page = await get(t, `/search?admin_area=${encodeURIComponent('浙江省/杭州市/临平区')}`);
  t.regex(page.text, /<span class="facet-trail__current" aria-current="true">Linping District<\/span> <span class="facet-value__count">37<\/span>/);
  t.true(page.text.includes('<span class="chip__facet">Administrative area:</span> Zhejiang Province › Hangzhou › Linping District'));
  t.true(page.text.includes('<span class="visually-hidden">Remove “Linping District” and go up one level</span>'));
  const chinese = await get(t, `/search?admin_area=${encodeURIComponent('浙江省/杭州市/临平区')}`, 'zh');
  t.true(chinese.text.includes('浙江省 › 杭州市 › 临平区'), 'Chinese pages keep the Chinese names');
});

typed('several areas chosen at once are each listed as chosen and removable', async (t) => {
  const both = `/search?admin_area=${encodeURIComponent('浙江省/杭州市')}&admin_area=${encodeURIComponent('浙江省/杭州市/临平区/塘栖镇')}`;
  const page = await get(t, both);
  const chosen = facetLinks(page.text).filter((link) => link.facet === 'admin_area');
  t.deepEqual(chosen.map((link) => [link.label, link.selected]), [['Zhejiang Province › Hangzhou', true], ['Zhejiang Province › Hangzhou › Linping District › Tangqi Town', true]]);
  t.is(chosen[0]!.href, `/search?admin_area=${encodeURIComponent('浙江省/杭州市/临平区/塘栖镇')}`);
});

typed('an area no record has is still shown as chosen, with the way back', async (t) => {
  const page = await get(t, `/search?admin_area=${encodeURIComponent('浙江省/宁波市')}`);
  t.is(page.status, 200);
  t.is(totalOf(page.text), 0);
  t.is(trailOf(page.text).chosen, 'Ningbo City');
  t.is(trailOf(page.text).up, `/search?admin_area=${encodeURIComponent('浙江省')}`);
});
