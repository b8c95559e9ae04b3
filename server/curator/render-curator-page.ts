/**
 * Renders a curator page in the curator layout: a template under views/curator/ with its
 * presenter's view-model, the layout's (`curator`), and the CSRF token its forms need.
 */
import type { Request, Response } from 'express';
import type { Lang } from '../../core/i18n/translate.ts';
import type { CsrfProtection } from './middleware/csrf-protection.ts';
import { sessionOf } from './middleware/read-session.ts';
import { presentCuratorLayout, type CuratorSection } from './present/present-curator-layout.ts';

export interface CuratorPage {
  title: string;
  section: CuratorSection;
  /** 200 unless told (a form shown again with its problems: 400, 409 …). */
  status?: number;
}

export function renderCuratorPage(csrf: CsrfProtection, req: Request, res: Response, view: string, model: object, page: CuratorPage): void {
  const session = sessionOf(res);
  const curator = presentCuratorLayout({
    lang: res.locals.lang as Lang,
    title: page.title,
    section: page.section,
    address: req.originalUrl,
    assets: res.app.locals.assets as string,
    csrfToken: csrf.tokenFor(req, res),
    ...(session && { user: { name: session.user.name, role: session.user.role } }),
  });
  res.status(page.status ?? 200).render(`curator/${view}`, { ...model, curator, lang: res.locals.lang, layout: 'curator' });
}
