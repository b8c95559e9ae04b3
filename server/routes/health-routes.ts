/** `GET /health`: JSON for monitors; 200 when the catalog and the engine both answer, else 503. */
import { Router } from 'express';
import type { EngineHealth } from '../../core/search/types.ts';
import type { SiteContext } from '../site-context.ts';

export function healthRoutes({ catalog, engine, logger }: SiteContext): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    let catalogState: 'ok' | 'error' = 'ok';
    try {
      catalog.countRecords();
    } catch (error) {
      logger.error({ err: error }, 'health: catalog failed');
      catalogState = 'error';
    }
    const engineHealth: EngineHealth = await engine.ping().catch((error: unknown) => {
      logger.warn({ err: error }, 'health: engine failed');
      return { ok: false, detail: error instanceof Error ? error.message : String(error) };
    });
    const ok = catalogState === 'ok' && engineHealth.ok;
    res.status(ok ? 200 : 503).set('Cache-Control', 'no-store').json({ catalog: catalogState, engine: engineHealth });
  });
  return router;
}
