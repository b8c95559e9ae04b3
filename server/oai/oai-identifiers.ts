/**
 * OAI identifiers, `oai:<host>:<record id>` (the OAI identifier scheme, with the host of the
 * archive's public origin as its repository identifier): built from `config.publicOrigin` only,
 * never from a request's Host header.
 */
import { RECORD_ID_PATTERN } from '../../core/schema/record.ts';

/** The repository identifier: the public origin's host name, without port or path. */
export function repositoryIdentifier(publicOrigin: string): string {
  return new URL(publicOrigin).hostname;
}

/** `oai:<host>:<record id>`. */
export function oaiIdentifier(publicOrigin: string, recordId: string): string {
  return `oai:${repositoryIdentifier(publicOrigin)}:${recordId}`;
}

/** The record id an OAI identifier names in this archive, or undefined when it names none. */
export function recordIdOf(publicOrigin: string, identifier: string): string | undefined {
  const prefix = `oai:${repositoryIdentifier(publicOrigin)}:`;
  if (!identifier.startsWith(prefix)) return undefined;
  const id = identifier.slice(prefix.length);
  return RECORD_ID_PATTERN.test(id) ? id : undefined;
}
