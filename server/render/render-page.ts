import type { Response } from 'express';
import type { Lang } from '../../core/i18n/translate.ts';
import { presentLayout, type LayoutInput } from '../present/present-layout.ts';

export type PageInput = Omit<LayoutInput, 'lang' | 'assets' | 'origin'>;

/** Renders `view` with its view-model and the layout's (`site`), in the request's language. */
export function renderPage(res: Response, view: string, model: object, page: PageInput): void {
  const site = presentLayout({ ...page, lang: res.locals.lang as Lang, assets: res.app.locals.assets as string, origin: res.app.locals.publicOrigin as string });
  res.render(view, { ...model, site });
}
