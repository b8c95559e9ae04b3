/**
 * `/oai`: the OAI-PMH 2.0 endpoint, by GET or by POST (application/x-www-form-urlencoded). Thin:
 * arguments → parse → answer → XML. Every outcome, protocol errors included, is an OAI-PMH
 * document with HTTP 200, as the protocol asks; only a method other than GET or POST (405) and a
 * body too large (413) carry another status, and they too answer in OAI-PMH XML.
 */
import express, { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { toSecondPrecision } from '../../core/catalog/datestamp.ts';
import { parseQueryString, queryParams, type QueryParams } from '../params/query-params.ts';
import type { SiteContext } from '../site-context.ts';
import { answerOaiRequest, oaiBaseUrl, type OaiAnswer } from './answer-oai-request.ts';
import { oaiError, type OaiError } from './oai-errors.ts';
import { parseOaiRequest, type EchoedArguments } from './parse-oai-request.ts';
import { tokenKeySource } from './token-key.ts';

/** OAI-PMH arguments fit in a few hundred bytes; a resumption token in well under 2 KB. */
const BODY_LIMIT = '16kb';
const FORM_TYPE = 'application/x-www-form-urlencoded';

/** The `/oai` router; mount it on the app before the page routes' 404. */
export function oaiRoutes(site: SiteContext): Router {
  const tokenKey = tokenKeySource(site.catalog, site.logger);
  const router = Router();

  const answer = (req: Request, res: Response, params: QueryParams) => {
    const responseDate = toSecondPrecision(Date.now());
    const parsed = parseOaiRequest(params);
    const reply = parsed.ok ? answerOaiRequest(parsed.request, { site, tokenKey, responseDate }) : errorAnswer(parsed.errors);
    return send(res, 200, responseDate, reply, parsed.ok ? parsed.echo : undefined);
  };
  const send = async (res: Response, status: number, responseDate: string, reply: OaiAnswer, echo?: EchoedArguments) => {
    // The XML writer (xmlbuilder2) is loaded by the first harvest, not by every server.
    const { writeOaiResponse } = await import('./write-oai-response.ts');
    const xml = writeOaiResponse({ responseDate, baseUrl: oaiBaseUrl(site.config.publicOrigin), ...(echo && { echo }), answer: reply });
    // Lists change with every import; a harvester always wants the catalog as it is.
    res.status(status).type('text/xml; charset=utf-8').set('Cache-Control', 'no-cache').send(xml);
  };

  router
    .route('/oai')
    .get((req, res) => answer(req, res, queryParams(req)))
    .post(express.text({ type: () => true, limit: BODY_LIMIT }), (req, res) => {
      const body = typeof req.body === 'string' ? req.body : '';
      if (body !== '' && !req.is(FORM_TYPE)) {
        return send(res, 200, toSecondPrecision(Date.now()), errorAnswer([oaiError('badArgument', 'oai.error.bad_body')]));
      }
      // Arguments in the URL count as well: one given in both places is a repeated argument.
      return answer(req, res, mergeParams(queryParams(req), parseQueryString(body)));
    })
    .all((_req, res) => {
      res.set('Allow', 'GET, HEAD, POST');
      return send(res, 405, toSecondPrecision(Date.now()), errorAnswer([oaiError('badVerb', 'oai.error.method_not_allowed')]));
    });

  // The body reader's refusals (too large, a charset it cannot decode) answered in OAI-PMH.
  const bodyErrors: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
    if (typeof error?.status !== 'number' || error.status >= 500) return next(error);
    const status = error.type === 'entity.too.large' ? 413 : 200;
    const refusal = status === 413 ? oaiError('badArgument', 'oai.error.body_too_large', { limit: '16 KB' }) : oaiError('badArgument', 'oai.error.bad_body');
    void send(res, status, toSecondPrecision(Date.now()), errorAnswer([refusal])).catch(next);
  };
  router.use('/oai', bodyErrors);
  return router;
}

function errorAnswer(errors: OaiError[]): OaiAnswer {
  return { verb: 'error', errors };
}

function mergeParams(first: QueryParams, second: QueryParams): QueryParams {
  const merged: Record<string, string[]> = Object.create(null);
  for (const params of [first, second]) for (const [key, values] of Object.entries(params)) (merged[key] ??= []).push(...values);
  return merged;
}
