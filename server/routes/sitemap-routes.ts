/**
 * `/robots.txt` and `/sitemap.xml` for crawlers: every public record with its datestamp, the
 * collections and the fixed pages, at the archive's public origin. Past 50,000 URLs (the sitemap
 * protocol's limit per file) `/sitemap.xml` is an index of `/sitemaps/pages.xml` and
 * `/sitemaps/records-N.xml`. Files are streamed, so a million records never sit in memory: a batch
 * of records at a time, gathered into writes of ~64 KiB that wait for the client to take them.
 */
import { Router, type Response } from 'express';
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces.js';
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
/**
 * Characters gathered before one write. xmlbuilder2 hands over each tag and text on its own: a write
 * per piece queued a write request (and the compressor's) for every one of them, 220 MB of native
 * memory and 11–25 s of the event loop for one file of 50,000 URLs.
 */
const WRITE_CHARS = 64 * 1024;
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

  router.get('/sitemap.xml', async (_req, res) => {
    const files = recordFiles();
    if (pages().length + catalog.countRecords({ publicOnly: true }) <= urlsPerSitemap) {
      const records = publicRecordBatches(catalog, 0, urlsPerSitemap, origin);
      await streamUrlset(res, (async function* () {
        yield pages().map((loc) => ({ loc }));
        yield* records;
      })());
      return;
    }
    const out = await SitemapOutput.open(res);
    out.xml.ele(SITEMAP_NS, 'sitemapindex');
    const names = ['pages', ...Array.from({ length: files }, (_, index) => `records-${index + 1}`)];
    for (const name of names) out.xml.ele('sitemap').ele('loc').txt(`${origin}/sitemaps/${name}.xml`).up().up();
    out.xml.up().end();
  });

  router.get('/sitemaps/pages.xml', async (_req, res) => {
    await streamUrlset(res, [pages().map((loc) => ({ loc }))]);
  });

  router.get('/sitemaps/records-:number.xml', async (req, res) => {
    const number = /^[1-9]\d{0,6}$/.test(req.params.number) ? Number(req.params.number) : 0;
    if (number < 1 || number > recordFiles()) throw new NotFoundError();
    await streamUrlset(res, publicRecordBatches(catalog, (number - 1) * urlsPerSitemap, urlsPerSitemap, origin));
  });

  return router;
}

interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

/** An XML document written to the response in pieces of WRITE_CHARS, each write's return kept for `drained`. */
class SitemapOutput {
  readonly xml: XMLBuilderCB;
  readonly #res: Response;
  #pending: string[] = [];
  #pendingChars = 0;
  #full = false;

  /** The output of a sitemap to `res`; xmlbuilder2 is loaded by the first sitemap asked for, not by every server. */
  static async open(res: Response): Promise<SitemapOutput> {
    const { createCB } = await import('xmlbuilder2');
    return new SitemapOutput(res, createCB);
  }

  private constructor(res: Response, createCB: typeof import('xmlbuilder2').createCB) {
    this.#res = res;
    res.type('application/xml; charset=utf-8').set('Cache-Control', SITEMAP_CACHE);
    this.xml = createCB({ data: (chunk: string) => this.#add(chunk), end: () => (this.#write(), res.end()), prettyPrint: false });
    this.xml.dec({ version: '1.0', encoding: 'UTF-8' });
  }

  /** Resolves once the client has taken what was written (or is gone: `closed` says so). */
  async drained(): Promise<void> {
    if (!this.#full || this.closed) return;
    await new Promise<void>((resolve) => {
      const done = () => (this.#res.off('drain', done), this.#res.off('close', done), resolve());
      this.#res.on('drain', done);
      this.#res.on('close', done);
    });
    this.#full = false;
  }

  get closed(): boolean {
    return this.#res.destroyed;
  }

  #add(chunk: string): void {
    this.#pending.push(chunk);
    this.#pendingChars += chunk.length;
    if (this.#pendingChars >= WRITE_CHARS) this.#write();
  }

  #write(): void {
    if (this.#pending.length === 0) return;
    this.#full = !this.#res.write(this.#pending.join('')) || this.#full;
    this.#pending = [];
    this.#pendingChars = 0;
  }
}

/** A `<urlset>` of every batch's URLs, waiting for the client between batches (one that leaves ends it). */
async function streamUrlset(res: Response, batches: Iterable<SitemapUrl[]> | AsyncIterable<SitemapUrl[]>): Promise<void> {
  const out = await SitemapOutput.open(res);
  out.xml.ele(SITEMAP_NS, 'urlset');
  for await (const batch of batches) {
    for (const { loc, lastmod } of batch) {
      out.xml.ele('url').ele('loc').txt(loc).up();
      if (lastmod) out.xml.ele('lastmod').txt(lastmod).up();
      out.xml.up();
    }
    await out.drained();
    if (out.closed) return;
  }
  out.xml.up().end();
}

/** The public records `offset`…`offset + count` in catalog order as URLs, read a batch at a time. */
function* publicRecordBatches(catalog: Catalog, offset: number, count: number, origin: string): Generator<SitemapUrl[]> {
  for (let done = 0; done < count; ) {
    const rows = catalog.publicRecordIds(offset + done, Math.min(READ_BATCH, count - done));
    yield rows.map((row) => ({ loc: recordUri(origin, row.id), lastmod: row.datestamp }));
    if (rows.length < READ_BATCH) return;
    done += rows.length;
  }
}
