/**
 * `GET /health`: JSON for monitors; 200 when the catalog is whole and answers and the engine
 * answers, else 503 (with `catalogProblem` saying what is wrong with the catalog).
 */
import { Router } from 'express';
import { CatalogCheck } from '../health/check-catalog.ts';
import type { EngineHealth } from '../../core/search/types.ts';
import type { SiteContext } from '../site-context.ts';

export function healthRoutes({ catalog, engine, logger }: SiteContext): Router {
  const router = Router();
  const catalogCheck = new CatalogCheck(catalog.file);
  router.get('/health', async (_req, res) => {
    let catalogState: 'ok' | 'error' = 'ok';
    let catalogProblem: string | undefined;
    try {
      ({ problem: catalogProblem } = await catalogCheck.condition());
      if (catalogProblem === undefined) catalog.countRecords();
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
      .json({ catalog: catalogState, ...(catalogProblem !== undefined && { catalogProblem }), engine: engineHealth });
  });
  return router;
}
