/**
 * Resumption tokens that hold no server state: each carries the list's conditions, the keyset
 * position after the last item sent, how many items came before, and the size estimate made on
 * the first page, signed with the archive's token key (HMAC-SHA256). So a token survives a
 * restart, the same token always asks for the same page, and one that is damaged, altered, made
 * by another archive or meant for another verb is refused as badResumptionToken — never a 500.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import type { ListConditions } from './parse-oai-request.ts';
import type { ListVerb } from './oai-protocol.ts';

export interface ListPosition {
  verb: ListVerb;
  conditions: ListConditions;
  /** The (datestamp, id) of the last item already sent; the next page starts after it. */
  after: { datestamp: string; id: string };
  /** Items already sent (the `cursor` of the next page). */
  cursor: number;
  /** The complete list's size as estimated on the first page, when it could be. */
  size?: number;
}

/** Longer than any token this module writes: a longer one is refused before any work. */
const MAX_TOKEN_LENGTH = 2000;
const SIGNATURE_BYTES = 16;
const VERSION = 1;

const second = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
const payloadSchema = z.strictObject({
  v: z.literal(VERSION),
  verb: z.enum(['ListIdentifiers', 'ListRecords']),
  p: z.string().min(1).max(200),
  s: z.string().min(1).max(200).optional(),
  f: second.optional(),
  u: second.optional(),
  d: z.string().max(40),
  i: z.string().max(200),
  c: z.number().int().min(0),
  n: z.number().int().min(1).optional(),
});

/** The token for `position`, signed with `key`. */
export function encodeToken(position: ListPosition, key: Buffer): string {
  const { conditions } = position;
  const payload: z.infer<typeof payloadSchema> = {
    v: VERSION,
    verb: position.verb,
    p: conditions.metadataPrefix,
    ...(conditions.set !== undefined && { s: conditions.set }),
    ...(conditions.from !== undefined && { f: conditions.from }),
    ...(conditions.until !== undefined && { u: conditions.until }),
    d: position.after.datestamp,
    i: position.after.id,
    c: position.cursor,
    ...(position.size !== undefined && { n: position.size }),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(body, key)}`;
}

/** The position a token holds, or undefined for anything this archive did not sign. */
export function decodeToken(token: string, key: Buffer): ListPosition | undefined {
  if (token.length > MAX_TOKEN_LENGTH) return undefined;
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return undefined;
  const expected = Buffer.from(sign(body, key));
  const actual = Buffer.from(signature);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const payload = parsed.data;
  return {
    verb: payload.verb,
    conditions: {
      metadataPrefix: payload.p,
      ...(payload.s !== undefined && { set: payload.s }),
      ...(payload.f !== undefined && { from: payload.f }),
      ...(payload.u !== undefined && { until: payload.u }),
    },
    after: { datestamp: payload.d, id: payload.i },
    cursor: payload.c,
    ...(payload.n !== undefined && { size: payload.n }),
  };
}

function sign(body: string, key: Buffer): string {
  return createHmac('sha256', key).update(body).digest().subarray(0, SIGNATURE_BYTES).toString('base64url');
}
