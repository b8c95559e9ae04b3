/**
 * What other tools read from the record pages and beside them: schema.org JSON-LD, OpenGraph,
 * canonical and hreflang links, citations, sitemaps and robots.txt, Linked Art — at the archive's
 * public origin, for public records only.
 */
import test from 'ava';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import request from 'supertest';
import { HIDDEN } from '../../core/catalog/visibility.ts';
import { syncIndex } from '../../core/search/sync-index.ts';
import { CatalogLookups } from '../../server/catalog-lookups.ts';
import { sitemapRoutes } from '../../server/routes/sitemap-routes.ts';
import { fixtureRecordCount, fullRecordId, hostileRecordId } from '../fixtures/site/index.ts';
import { openFixtureSite, type FixtureSite } from './helpers/fixture-site.ts';

const typed = test as import('ava').TestFn<FixtureSite>;
const ORIGIN = 'https://heritage.example.org';
const here = path.dirname(fileURLToPath(import.meta.url));
const hiddenId = 'shangtang-river';
const deletedId = 'chinese-only';

typed.before(async (t) => {
  t.context = await openFixtureSite(undefined, { ARCHIVE_PUBLIC_URL: ORIGIN, ARCHIVE_NAME_ZH: '杭州市临平区文化遗产档案', ARCHIVE_NAME_EN: 'Linping Heritage Archive' });
  t.context.catalog.setVisibility([hiddenId], HIDDEN, { actor: 'cli:test' });
  t.context.catalog.deleteRecords([deletedId], { actor: 'cli:test', reason: 'test' });
  await syncIndex(t.context.catalog, t.context.engine);
});
typed.after.always(async (t) => {
  await t.context.close();
});

const get = (t: { context: FixtureSite }, url: string, lang = 'en') => request(t.context.app).get(url).set('Accept-Language', lang);
const jsonLdOf = (html: string) => {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
  return { count: blocks.length, data: blocks[0] === undefined ? undefined : (JSON.parse(blocks[0]) as Record<string, any>) };
};

typed('a record page carries one schema.org JSON-LD block, language-tagged, of the type its record is', async (t) => {
  const { count, data } = jsonLdOf((await get(t, `/items/${fullRecordId}`)).text);
  t.is(count, 1);
  t.like(data, { '@context': 'https://schema.org', '@type': 'LandmarksOrHistoricalBuildings', '@id': `${ORIGIN}/items/${fullRecordId}`, url: `${ORIGIN}/items/${fullRecordId}` });
  t.deepEqual(data!.name, [{ '@value': '广济桥', '@language': 'zh-Hans' }, { '@value': 'Guangji Bridge', '@language': 'en' }]);
  t.like(data!.geo, { '@type': 'GeoCoordinates', latitude: 30.48, longitude: 120.19 });
  t.true((data!.containedInPlace as { '@type': string }[]).every((place) => place['@type'] === 'Place'));
  t.is(data!.temporalCoverage, undefined, 'schema.org gives places no temporal coverage');
  t.regex(data!.dateModified, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
});

typed('markup in a record cannot end its JSON-LD block', async (t) => {
  const html = (await get(t, `/items/${hostileRecordId}`)).text;
  const { count, data } = jsonLdOf(html);
  t.is(count, 1);
  t.true(JSON.stringify(data).includes('<script>alert(1)</script>'), 'the text is kept, escaped as JSON');
  t.false(/<\/script><script>alert/.test(html));
});

typed('OpenGraph names the record, its summary and its permanent URL, in the page\'s language', async (t) => {
  const html = (await get(t, `/items/${fullRecordId}`, 'zh')).text;
  t.true(html.includes('<meta property="og:title" content="广济桥">'));
  t.true(html.includes(`<meta property="og:url" content="${ORIGIN}/items/${fullRecordId}">`));
  t.true(html.includes('<meta property="og:locale" content="zh_CN">'));
  t.regex(html, /<meta property="og:description" content="广济桥横跨京杭大运河/);
});

typed('every page links its canonical address and each language version, reciprocally, at the public origin', async (t) => {
  for (const [page, lang] of [[`/items/${fullRecordId}`, 'zh'], ['/collections', 'en'], ['/', 'en']] as const) {
    const html = (await get(t, page, lang)).text;
    t.true(html.includes(`<link rel="canonical" href="${ORIGIN}${page}">`), page);
    const join = page.includes('?') ? '&amp;' : '?';
    t.true(html.includes(`<link rel="alternate" hreflang="zh-Hans" href="${ORIGIN}${page}${join}lang&#x3D;zh">`), page);
    t.true(html.includes(`<link rel="alternate" hreflang="en" href="${ORIGIN}${page}${join}lang&#x3D;en">`), page);
    t.true(html.includes(`<link rel="alternate" hreflang="x-default" href="${ORIGIN}${page}">`), page);
  }
});

typed('the record page offers GB/T 7714, APA and Chicago citations and the three downloads', async (t) => {
  const html = (await get(t, `/items/${fullRecordId}`)).text;
  t.regex(html, /Cite this record/);
  t.true(html.includes(`杭州市临平区文化遗产档案. 广济桥[EB/OL]. (`));
  t.regex(html, /Linping Heritage Archive\. \(\d{4}, \w+ \d+\)\. Guangji Bridge\. https:\/\/heritage\.example\.org\/items\/guangji-bridge/);
  for (const [extension, type] of [['json', 'application/vnd.citationstyles.csl+json'], ['bib', 'application/x-bibtex'], ['ris', 'application/x-research-info-systems']]) {
    t.true(html.includes(`href="/items/${fullRecordId}/cite.${extension}"`), extension);
    const file = await get(t, `/items/${fullRecordId}/cite.${extension}`);
    t.is(file.status, 200);
    t.is(file.headers['content-type'], `${type}; charset=utf-8`);
    t.is(file.headers['content-disposition'], `attachment; filename=${fullRecordId}.${extension}`);
    t.regex(file.text, /广济桥/);
  }
  t.regex((await get(t, `/items/${fullRecordId}`, 'zh')).text, /引用本记录/);
});

typed('citations and Linked Art of hidden records are 404, of deleted ones 410, of unknown formats 404', async (t) => {
  t.is((await get(t, `/items/${hiddenId}/cite.bib`)).status, 404);
  t.is((await get(t, `/items/${deletedId}/cite.bib`)).status, 410);
  t.is((await get(t, `/items/${fullRecordId}/cite.docx`)).status, 404);
  t.is((await get(t, `/records/${hiddenId}.linkedart.json`)).status, 404);
  t.is((await get(t, `/records/${deletedId}.linkedart.json`)).status, 410);
  t.is((await get(t, '/records/never-was.linkedart.json')).status, 404);
});

typed('every public record\'s Linked Art validates against the Linked Art JSON Schemas, and the check can fail', async (t) => {
  const ids = t.context.catalog.publicRecordIds(0, 1000).map((row) => row.id);
  const documents = [];
  for (const id of ids) {
    const response = await get(t, `/records/${id}.linkedart.json`);
    if (response.status === 404) continue; // intangible heritage: no Linked Art class
    t.is(response.status, 200, id);
    t.is(response.headers['access-control-allow-origin'], '*');
    documents.push(JSON.parse(response.text));
  }
  t.true(documents.length > 30);
  t.true(documents.some((document) => document.type === 'Place') && documents.some((document) => document.type === 'HumanMadeObject'));
  const validate = (input: unknown) => spawnSync('/usr/bin/python3', [path.join(here, '../helpers/validate-linked-art.py'), path.join(here, '../fixtures/linked-art')], { input: JSON.stringify(input), encoding: 'utf8' });
  const valid = validate(documents);
  t.is(valid.status, 0, valid.stdout + valid.stderr);
  const broken = validate({ ...documents[0], type: 'Sculpture' });
  t.is(broken.status, 1);
  const bridge = documents.find((document) => document.id === `${ORIGIN}/records/${fullRecordId}.linkedart.json`);
  t.deepEqual(bridge.identified_by.slice(0, 2).map((name: { content: string; language: { _label: string }[] }) => [name.content, name.language[0]!._label]), [['广济桥', 'Chinese'], ['Guangji Bridge', 'English']]);
  t.like(bridge.produced_by.timespan, { begin_of_the_begin: '1489-01-01T00:00:00Z', end_of_the_end: '1489-12-31T23:59:59Z' });
});

typed('robots.txt points to the sitemap at the public origin', async (t) => {
  const robots = await get(t, '/robots.txt');
  t.is(robots.headers['content-type'], 'text/plain; charset=utf-8');
  t.regex(robots.text, new RegExp(`^Sitemap: ${ORIGIN}/sitemap.xml$`, 'm'));
  t.regex(robots.text, /^Disallow: \/search$/m);
});

/** The `<loc>` and `<lastmod>` of each entry, after xmllint has found the file well-formed. */
function entriesOf(t: { is: (a: unknown, b: unknown, message?: string) => void }, xml: string, element: 'url' | 'sitemap'): { loc: string; lastmod?: string }[] {
  const lint = spawnSync('xmllint', ['--noout', '--nonet', '-'], { input: xml, encoding: 'utf8' });
  t.is(lint.status, 0, lint.stderr);
  return [...xml.matchAll(new RegExp(`<${element}><loc>([^<]*)</loc>(?:<lastmod>([^<]*)</lastmod>)?</${element}>`, 'g'))].map((match) => ({ loc: match[1]!, ...(match[2] && { lastmod: match[2] }) }));
}

typed('the sitemap lists the fixed pages, the collections and every public record with its datestamp, and nothing withheld', async (t) => {
  const response = await get(t, '/sitemap.xml');
  t.is(response.headers['content-type'], 'application/xml; charset=utf-8');
  t.true(response.text.startsWith('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'));
  const urls = entriesOf(t, response.text, 'url');
  const records = urls.filter((url) => url.loc.includes('/items/'));
  t.is(records.length, fixtureRecordCount - 2);
  t.true(records.every((url) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(url.lastmod ?? '')));
  t.false(urls.some((url) => url.loc.endsWith(`/items/${hiddenId}`) || url.loc.endsWith(`/items/${deletedId}`)));
  t.true(urls.some((url) => url.loc === `${ORIGIN}/collections/grand-canal`));
  t.true(urls.every((url) => url.loc.startsWith(ORIGIN)));
});

typed('past the URLs one sitemap may hold, /sitemap.xml becomes an index whose files together list every public record once', async (t) => {
  const { catalog, config } = t.context;
  const app = express().use(sitemapRoutes({ catalog, config, lookups: new CatalogLookups(catalog) }, 10));
  const index = entriesOf(t, (await request(app).get('/sitemap.xml')).text, 'sitemap');
  t.deepEqual(index.map((entry) => entry.loc.replace(ORIGIN, '')), ['/sitemaps/pages.xml', '/sitemaps/records-1.xml', '/sitemaps/records-2.xml', '/sitemaps/records-3.xml', '/sitemaps/records-4.xml']);
  const listed: string[] = [];
  for (const { loc } of index.slice(1)) {
    const urls = entriesOf(t, (await request(app).get(new URL(loc).pathname)).text, 'url');
    t.true(urls.length <= 10);
    listed.push(...urls.map((url) => url.loc));
  }
  t.is(listed.length, fixtureRecordCount - 2);
  t.is(new Set(listed).size, listed.length);
  t.is((await request(app).get('/sitemaps/records-5.xml')).status, 404);
  t.is((await request(app).get('/sitemaps/records-x.xml')).status, 404);
});
