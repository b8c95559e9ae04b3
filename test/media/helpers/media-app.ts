/**
 * A tiny site for the media tests: the media router, and a record page that renders the media
 * partials with express-handlebars, under the same Content-Security-Policy as the real site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { create } from 'express-handlebars';
import type HandlebarsRuntime from 'handlebars';
import helmet from 'helmet';
import type { Catalog } from '../../../core/catalog/catalog.ts';
import { PROJECT_ROOT } from '../../../core/config.ts';
import { langFromLocale } from '../../../core/i18n/translate.ts';
import { createMediaRouter } from '../../../server/media/create-media-router.ts';
import { presentRecordMedia, titleOf } from '../../../server/media/present-record-media.ts';
import { presentThumbnail } from '../../../server/media/present-thumbnail.ts';

/** The site's directives (server/middleware/security-headers.ts): no inline script or style. */
const SITE_CSP = {
  'default-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
};

/** `publicOrigin`: the archive's configured public origin (`http://archive.test:8080` unless given). */
export function createMediaTestApp(parts: { catalog: Catalog; mediaDir: string; publicOrigin?: string }): Express {
  const app = express();
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: SITE_CSP } }));
  const handlebars = create({ extname: '.hbs', runtimeOptions: { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } });
  // Registered under the names the site uses (its partials folder is views/partials).
  for (const name of ['record-images', 'thumbnail']) {
    (handlebars.handlebars as typeof HandlebarsRuntime).registerPartial(`media/${name}`, readFileSync(path.join(PROJECT_ROOT, 'views', 'partials', 'media', `${name}.hbs`), 'utf8'));
  }
  app.engine('hbs', handlebars.engine);
  app.set('view engine', 'hbs');
  app.set('views', path.join(import.meta.dirname, 'views'));
  app.use(createMediaRouter({ config: { mediaDir: parts.mediaDir, publicOrigin: parts.publicOrigin ?? 'http://archive.test:8080' } }));
  app.get('/records/:id', (req, res) => {
    const lang = langFromLocale(String(req.query.lang ?? 'zh'));
    const id = req.params.id;
    const title = titleOf(parts.catalog.getRecord(id)?.record, lang);
    res.render('record', { layout: false, lang, title, media: presentRecordMedia(parts.catalog.media.ofRecord(id), parts.catalog.getRecord(id)?.record, lang), thumbnail: presentThumbnail(parts.catalog, id, title) });
  });
  return app;
}
