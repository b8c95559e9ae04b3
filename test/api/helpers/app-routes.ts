/**
 * The routes an Express 5 app really has, read from its router stacks (layers keep the path
 * they were mounted at as `rawPath`), as `GET /api/v1/records/:id`.
 */
import type { Express } from 'express';

interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

export function appRoutes(app: Express): { method: string; path: string }[] {
  const root = (app as unknown as { router: { stack: Layer[] } }).router;
  const routes: { method: string; path: string }[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const path of [layer.route.path].flat()) {
          for (const method of Object.keys(layer.route.methods)) if (method !== '_all') routes.push({ method: method.toUpperCase(), path: `${prefix}${String(path)}` });
        }
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, `${prefix}${mount}`);
      }
    }
  };
  walk(root.stack, '');
  return routes;
}

/** `/api/v1/records/:id` as OpenAPI writes it: `/api/v1/records/{id}`. */
export function asOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}
