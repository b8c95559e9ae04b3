/**
 * Errors under `/api` as RFC 9457 problem documents (`application/problem+json`). The type is
 * `about:blank`, so the title is the status's own summary (the heading an error page would show);
 * the detail says what went wrong and what to do; both stand in the request's language and, in
 * `i18n`, in both. `code` names the problem for programs, whatever the language.
 */
import type { Response } from 'express';
import { LANGUAGE_TAGS } from '../../core/i18n/language-tags.ts';
import type { Lang } from '../../core/i18n/translate.ts';
import { GoneError } from '../errors.ts';
import { presentErrorPage, type Failure } from '../present/present-error-page.ts';
import type { Problem } from './api-schemas.ts';

export const PROBLEM_TYPE = 'application/problem+json';

/** What the failure says, as a problem document about the request at `instance` (its path and query). */
export function presentProblem(failure: Failure, lang: Lang, instance: string, error?: unknown): Problem {
  const views = { zh: presentErrorPage(failure, 'zh'), en: presentErrorPage(failure, 'en') };
  const own = views[lang];
  const deletedAt = error instanceof GoneError ? error.deletedAt : undefined;
  return {
    type: 'about:blank',
    title: own.heading,
    status: failure.status,
    detail: own.message,
    instance,
    code: failure.messageKey,
    language: LANGUAGE_TAGS[lang],
    i18n: {
      [LANGUAGE_TAGS.zh]: { title: views.zh.heading, detail: views.zh.message },
      [LANGUAGE_TAGS.en]: { title: views.en.heading, detail: views.en.message },
    },
    ...(deletedAt && { deleted_at: deletedAt }),
  };
}

/** Sends `problem` with its media type and language, whatever the request's Accept said (RFC 9110 allows that for errors). */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type(PROBLEM_TYPE).set('Content-Language', problem.language).json(problem);
}
