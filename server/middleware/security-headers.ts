import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { tileHost, type Config } from '../../core/config.ts';

/**
 * helmet's headers with a Content-Security-Policy the pages satisfy: no inline script or style
 * anywhere, everything from this origin. `upgrade-insecure-requests` is left out because the
 * archive is served over plain HTTP on localhost; a TLS proxy in front can add it. Map tiles may
 * come from the one tile server the configuration names, and from nowhere else.
 */
export function securityHeaders(tiles: Config['tiles'] = {}): RequestHandler {
  const tileSource = tiles.url ? tileImageSource(tiles.url) : undefined;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'img-src': ["'self'", 'data:', ...(tileSource ? [tileSource] : [])],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
      },
    },
  });
}

/**
 * `https://*.tile.example.org` for `https://{s}.tile.example.org/{z}/{x}/{y}.png`: the scheme and
 * host of the template, its subdomain placeholder as the wildcard CSP allows (config.ts refuses
 * placeholders anywhere else in the host).
 */
export function tileImageSource(url: string): string {
  const scheme = url.startsWith('https:') ? 'https:' : 'http:';
  return `${scheme}//${tileHost(url).replace(/^\{s\}\./, '*.')}`;
}
