/**
 * Reading a posted form (application/x-www-form-urlencoded, parsed flat: see create-curator-router.ts):
 * only named fields, each its first value as a string; anything else is absent.
 */
import type { Request } from 'express';

export type FormFields = Readonly<Record<string, string>>;

/** The posted form’s fields, first values only. */
export function formFields(req: Request): FormFields {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') fields[key] = first;
  }
  return fields;
}

/** The client's address, for rate limits and the session list: the forwarded one only from a proxy named by ARCHIVE_TRUST_PROXY. */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** A named part of the route's path (`:id`), as text. */
export function routeParam(req: Request, name: string): string {
  const value: unknown = (req.params as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}
