/**
 * Handlebars views (views/, with layouts/ and partials/). Templates hold markup only: every string
 * comes from the message table through the `t` helper, and every value from a presenter's
 * view-model; no other helpers exist, so no logic can creep into a template beyond if/each.
 */
import path from 'node:path';
import type { Express } from 'express';
import { create } from 'express-handlebars';
import type { HelperOptions } from 'handlebars';
import { PROJECT_ROOT } from '../../core/config.ts';
import { isMessageKey, translate, type Lang } from '../../core/i18n/translate.ts';

export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');

/**
 * `{{t "site.nav.search"}}` or `{{t "site.search.total" count=result.total}}`: the message in the
 * request's language (`lang` in the render context, set by the language middleware). An unknown
 * key is a programming error and fails the render, so tests catch it.
 */
function t(key: unknown, options: HelperOptions): string {
  const lang = (options.data as { root?: { lang?: Lang } } | undefined)?.root?.lang ?? 'zh';
  if (typeof key !== 'string' || !isMessageKey(key)) throw new Error(`unknown message key in a template: ${String(key)}`);
  return translate(lang, key, options.hash as Record<string, string | number>);
}

export function installViewEngine(app: Express): void {
  const handlebars = create({
    extname: '.hbs',
    defaultLayout: 'main',
    layoutsDir: path.join(VIEWS_DIR, 'layouts'),
    partialsDir: path.join(VIEWS_DIR, 'partials'),
    helpers: { t },
    // Undefined values render as nothing; a template must not reach into prototypes.
    runtimeOptions: { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false },
  });
  // A NUL from a record or a request (`?q=%00`) would reach the page raw: HTML escaping leaves it
  // alone, and parsers treat it differently. Every rendered page replaces it, as browsers would.
  app.engine('hbs', (file, options, callback) => {
    handlebars.engine(file, options, (error: Error | null, html?: string) => callback(error, html?.replaceAll('\0', '\ufffd')));
  });
  app.set('view engine', 'hbs');
  app.set('views', VIEWS_DIR);
  // Compiled templates are kept in memory; restart the server after editing a template.
  app.enable('view cache');
}
