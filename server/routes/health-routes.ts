/**
 * `GET /health`: JSON for monitors; 200 when the catalog is whole and answers and the engine
 * answers, else 503 (with `catalogProblem` saying what is wrong with the catalog). It answers at
 * once whatever runs: the check of the catalog's pages runs in a worker (`catalogCheck: "pending"`
 * until its first run after a start is done), and the catalog is asked one small read, not a count.
 */
import { Router } from 'express';
import { CatalogCheck } from '../health/check-catalog.ts';
import type { EngineHealth } from '../../core/search/types.ts';
import type { SiteContext } from '../site-context.ts';

/** A meta key looked up (present or not) to see that the catalog answers. */
const ANSWERS_PROBE = 'health_probe';

export function healthRoutes({ catalog, engine, logger }: SiteContext): Router {
  const router = Router();
  const catalogCheck = new CatalogCheck(catalog.file);
  router.get('/health', async (_req, res) => {
    let catalogState: 'ok' | 'error' = 'ok';
    let catalogProblem: string | undefined;
    let pending: boolean | undefined;
    try {
      ({ problem: catalogProblem, pending } = catalogCheck.condition());
      // One indexed look-up proves the catalog answers (counting a million records took milliseconds per call).
      if (catalogProblem === undefined) catalog.getMeta(ANSWERS_PROBE);
      else catalogState = 'error';
    } catch (error) {
      catalogState = 'error';
      catalogProblem = error instanceof Error ? error.message : String(error);
    }
    if (catalogProblem !== undefined) logger.error({ problem: catalogProblem, file: catalog.file }, 'health: the catalog is damaged: restore it from a backup');
    const engineHealth: EngineHealth = await engine.ping().catch((error: unknown) => {
      logger.warn({ err: error }, 'health: engine failed');
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    });
    const ok = catalogState === 'ok' && engineHealth.ok;
    res
      .status(ok ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json({ catalog: catalogState, ...(catalogProblem !== undefined && { catalogProblem }), ...(pending && { catalogCheck: 'pending' }), engine: engineHealth });
  });
  return router;
}
