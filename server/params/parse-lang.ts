/** The interface language of a request: `?lang=`, else the remembered cookie, else `Accept-Language`. */
import type { Request } from 'express';
import type { Lang } from '../../core/i18n/translate.ts';
import { firstValue, queryParams } from './query-params.ts';

export const LANG_COOKIE = 'lang';

export function isLang(value: unknown): value is Lang {
  return value === 'zh' || value === 'en';
}

/**
 * `zh` or `en` from `?lang=`; undefined when absent. An unknown value (`?lang=fr`) is ignored
 * rather than refused: the page is still useful in the language the visitor would otherwise get.
 */
export function parseLangParam(req: Request): Lang | undefined {
  const value = firstValue(queryParams(req), 'lang');
  return isLang(value) ? value : undefined;
}

/**
 * The visitor's language when the URL does not say: the cookie set by an earlier `?lang=`, then
 * the browser's `Accept-Language` (`zh-CN`, `zh-TW`, `zh` … read as Chinese). Without the header
 * the archive's own language, Chinese, is used; with a header naming neither language, English.
 */
export function preferredLang(req: Request): Lang {
  const remembered: unknown = req.cookies?.[LANG_COOKIE];
  if (isLang(remembered)) return remembered;
  if (!req.get('accept-language')) return 'zh';
  const accepted = req.acceptsLanguages('zh', 'en');
  return accepted === 'zh' || accepted === 'en' ? accepted : 'en';
}
