/**
 * `/records/:id.linkedart.json`: a record as Linked Art (core/linked-data/linked-art.ts), read
 * through `readRecord` like every output: hidden records 404, deleted ones 410. Open to other
 * origins, as Linked Data is meant to be read by other sites' tools.
 */
import { Router } from 'express';
import { linkedArtOf, LINKED_ART_CONTEXT } from '../../core/linked-data/linked-art.ts';
import { GoneError, NotFoundError } from '../errors.ts';
import { readRecord } from '../services/read-record.ts';
import type { SiteContext } from '../site-context.ts';

const SUFFIX = '.linkedart.json';

export function linkedDataRoutes(site: SiteContext): Router {
  const router = Router();
  router.get('/records/:file', (req, res, next) => {
    const { file } = req.params;
    if (!file.endsWith(SUFFIX)) return next();
    const reading = readRecord(site, file.slice(0, -SUFFIX.length));
    if (reading.status === 'gone') throw new GoneError('site.error.record_gone', { date: reading.tombstone.deletedAt.slice(0, 10) });
    if (reading.status === 'not_found') throw new NotFoundError('site.error.record_not_found');
    const document = linkedArtOf(reading.stored.record, site.config.publicOrigin);
    if (!document) throw new NotFoundError('site.error.no_linked_art');
    res
      .set({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=300' })
      .type(`application/ld+json;profile="${LINKED_ART_CONTEXT}"`)
      .send(JSON.stringify(document));
  });
  return router;
}
