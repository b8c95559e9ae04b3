import type { RequestHandler } from 'express';
import { LANG_COOKIE, parseLangParam, preferredLang } from '../params/parse-lang.ts';

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/**
 * Sets `res.locals.lang` for the request. `?lang=` wins and is remembered in a cookie, so the
 * language switch sticks as the visitor moves on through plain links.
 */
export const chooseLanguage: RequestHandler = (req, res, next) => {
  const requested = parseLangParam(req);
  if (requested && req.cookies?.[LANG_COOKIE] !== requested) {
    res.cookie(LANG_COOKIE, requested, { maxAge: ONE_YEAR_MS, sameSite: 'lax', httpOnly: true, path: '/' });
  }
  res.locals.lang = requested ?? preferredLang(req);
  // The same URL is rendered in either language: shared caches must keep them apart.
  res.vary('Accept-Language');
  res.vary('Cookie');
  next();
};

/**
 * The language of an `/api` answer (suggestions, map popups, error messages): `?lang=`, else the
 * visitor's, as for pages, but never remembered: a script's request must not set cookies.
 */
export const apiLanguage: RequestHandler = (req, res, next) => {
  res.locals.lang = parseLangParam(req) ?? preferredLang(req);
  res.vary('Accept-Language');
  res.vary('Cookie');
  next();
};
