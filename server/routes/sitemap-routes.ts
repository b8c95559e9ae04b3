/**
 * `/robots.txt` and `/sitemap.xml` for crawlers: every public record with its datestamp, the
 * collections and the fixed pages, at the archive's public origin. Past 50,000 URLs (the sitemap
 * protocol's limit per file) `/sitemap.xml` is an index of `/sitemaps/pages.xml` and
 * `/sitemaps/records-N.xml`. Files are streamed, so a million records never sit in memory.
 */
import { Router, type Response } from 'express';
import { createCB } from 'xmlbuilder2';
import type { Catalog } from '../../core/catalog/catalog.ts';
import type { Config } from '../../core/config.ts';
import { recordUri } from '../../core/schema/record-statements.ts';
import type { CatalogLookups } from '../catalog-lookups.ts';
import { NotFoundError } from '../errors.ts';
import { collectionHref } from '../present/collection-text.ts';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** The sitemap protocol's limit of URLs per file. */
export const URLS_PER_SITEMAP = 50_000;
/** Records read from the catalog at a time while a sitemap streams. */
const READ_BATCH = 5000;
const FIXED_PAGES = ['/', '/collections', '/about'];
/** Sitemaps follow the catalog; crawlers come back often enough. */
const SITEMAP_CACHE = 'public, max-age=3600';

interface SitemapParts {
  catalog: Catalog;
  config: Pick<Config, 'publicOrigin'>;
  lookups: CatalogLookups;
}

export function sitemapRoutes({ catalog, config, lookups }: SitemapParts, urlsPerSitemap = URLS_PER_SITEMAP): Router {
  const router = Router();
  const origin = config.publicOrigin;
  const pages = () => [...FIXED_PAGES, ...lookups.current().collections.map((collection) => collectionHref(collection.id))].map((href) => `${origin}${href}`);
  const recordFiles = () => Math.ceil(catalog.countRecords({ publicOnly: true }) / urlsPerSitemap);

  router.get('/robots.txt', (_req, res) => {
    // Records are reached through the sitemap; search and API pages are endless combinations of parameters.
    const lines = ['User-agent: *', 'Allow: /', 'Disallow: /search', 'Disallow: /api/', `Sitemap: ${origin}/sitemap.xml`, ''];
    res.type('text/plain; charset=utf-8').set('Cache-Control', SITEMAP_CACHE).send(lines.join('\n'));
  });

  router.get('/sitemap.xml', (_req, res) => {
    const files = recordFiles();
    if (pages().length + catalog.countRecords({ publicOnly: true }) <= urlsPerSitemap) {
      streamUrlset(res, (add) => {
        for (const page of pages()) add(page);
        forEachPublicRecord(catalog, 0, urlsPerSitemap, (id, datestamp) => add(recordUri(origin, id), datestamp));
      });
      return;
    }
    const xml = startXml(res);
    xml.ele(SITEMAP_NS, 'sitemapindex');
    const names = ['pages', ...Array.from({ length: files }, (_, index) => `records-${index + 1}`)];
    for (const name of names) xml.ele('sitemap').ele('loc').txt(`${origin}/sitemaps/${name}.xml`).up().up();
    xml.up().end();
  });

  router.get('/sitemaps/pages.xml', (_req, res) => {
    streamUrlset(res, (add) => pages().forEach((page) => add(page)));
  });

  router.get('/sitemaps/records-:number.xml', (req, res) => {
    const number = /^[1-9]\d{0,6}$/.test(req.params.number) ? Number(req.params.number) : 0;
    if (number < 1 || number > recordFiles()) throw new NotFoundError();
    streamUrlset(res, (add) => forEachPublicRecord(catalog, (number - 1) * urlsPerSitemap, urlsPerSitemap, (id, datestamp) => add(recordUri(origin, id), datestamp)));
  });

  return router;
}

function startXml(res: Response) {
  res.type('application/xml; charset=utf-8').set('Cache-Control', SITEMAP_CACHE);
  const xml = createCB({ data: (chunk: string) => res.write(chunk), end: () => res.end(), prettyPrint: false });
  xml.dec({ version: '1.0', encoding: 'UTF-8' });
  return xml;
}

function streamUrlset(res: Response, fill: (add: (loc: string, lastmod?: string) => void) => void): void {
  const xml = startXml(res);
  xml.ele(SITEMAP_NS, 'urlset');
  fill((loc, lastmod) => {
    xml.ele('url').ele('loc').txt(loc).up();
    if (lastmod) xml.ele('lastmod').txt(lastmod).up();
    xml.up();
  });
  xml.up().end();
}

/** The public records `offset`…`offset + count` in catalog order, read a batch at a time. */
function forEachPublicRecord(catalog: Catalog, offset: number, count: number, each: (id: string, datestamp: string) => void): void {
  for (let done = 0; done < count; ) {
    const rows = catalog.publicRecordIds(offset + done, Math.min(READ_BATCH, count - done));
    for (const row of rows) each(row.id, row.datestamp);
    if (rows.length < READ_BATCH) return;
    done += rows.length;
  }
}
