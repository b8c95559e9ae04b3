/** OAI-PMH requests to an app through supertest, each response kept for the schema check. */
import type { Express } from 'express';
import request from 'supertest';
import type { Document } from '@xmldom/xmldom';
import { parseOai, type OaiValidator } from './oai-documents.ts';

export interface OaiReply {
  status: number;
  contentType: string;
  xml: string;
  doc: Document;
}

/** GET `/oai?<query>`: the query exactly as written (repeated and odd arguments included). */
export async function getOai(app: Express, query: string, validator: OaiValidator, headers: Record<string, string> = {}): Promise<OaiReply> {
  const call = request(app).get(`/oai?${query}`);
  for (const [name, value] of Object.entries(headers)) call.set(name, value);
  return reply(await call, validator);
}

/** POST `/oai` with `body` (form-encoded unless `type` says otherwise). */
export async function postOai(app: Express, body: string, validator: OaiValidator, type = 'application/x-www-form-urlencoded', path = '/oai'): Promise<OaiReply> {
  return reply(await request(app).post(path).set('Content-Type', type).send(body), validator);
}

function reply(response: request.Response, validator: OaiValidator): OaiReply {
  const xml = validator.add(response.text);
  return { status: response.status, contentType: String(response.headers['content-type']), xml, doc: parseOai(xml) };
}
