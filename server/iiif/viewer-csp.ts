/**
 * The Content-Security-Policy of the viewer page, and only of it: the site's policy plus what
 * Mirador needs. Mirador's styles are emotion's: it adds empty `<style>` elements and fills them
 * through the CSSOM (`insertRule`), which CSP does not govern, so `style-src` allows exactly the
 * empty style element by its hash and no inline style with content. Scripts stay `'self'` only:
 * the bundle needs no eval. Manifests, info.json and tiles come from the archive's public origin.
 */
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

export function viewerContentSecurityPolicy(publicOrigin: string): string {
  const archive = new URL(publicOrigin).origin;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'", archive],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:', archive],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", EMPTY_STYLE_HASH],
    'worker-src': ["'self'", 'blob:'],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ');
}
