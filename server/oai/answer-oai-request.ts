/**
 * The answer to a parsed OAI-PMH request, as plain data for write-oai-response.ts: the catalog is
 * read through the harvest service (harvest-items.ts) and what it finds is presented as headers,
 * records, sets and tokens. Errors that need the catalog are decided here: formats it does not
 * have (cannotDisseminateFormat), ids it does not know (idDoesNotExist), sets (noSetHierarchy, an
 * unknown set matching nothing), tokens it did not sign (badResumptionToken), empty lists.
 */
import type { SiteContext } from '../site-context.ts';
import { harvestItem, harvestPage, type HarvestItem } from './harvest-items.ts';
import { oaiIdentifier, recordIdOf } from './oai-identifiers.ts';
import { oaiError, quoted, type OaiError } from './oai-errors.ts';
import { METADATA_FORMATS, OAI_PAGE_SIZE, type ListVerb, type MetadataFormat } from './oai-protocol.ts';
import { presentOaiHeader, presentOaiRecord, type OaiHeaderView, type OaiRecordContext, type OaiRecordView } from './present-oai-record.ts';
import { presentSets, type SetView } from './present-oai-sets.ts';
import { decodeToken, encodeToken, type ListPosition } from './resumption-token.ts';
import type { ListConditions, OaiRequest } from './parse-oai-request.ts';

export interface IdentifyView {
  repositoryName: string;
  baseUrl: string;
  earliestDatestamp: string;
  adminEmail: string;
}

export interface TokenView {
  /** Empty on the last page of a list. */
  value: string;
  cursor: number;
  completeListSize?: number;
}

export type OaiAnswer =
  | { verb: 'Identify'; identify: IdentifyView }
  | { verb: 'ListMetadataFormats'; formats: readonly MetadataFormat[] }
  | { verb: 'ListSets'; sets: SetView[] }
  | { verb: 'GetRecord'; record: OaiRecordView }
  | { verb: 'ListIdentifiers'; headers: OaiHeaderView[]; token?: TokenView }
  | { verb: 'ListRecords'; records: OaiRecordView[]; token?: TokenView }
  | { verb: 'error'; errors: OaiError[] };

export interface AnswerParts {
  site: Pick<SiteContext, 'catalog' | 'lookups' | 'config'>;
  /** The key resumption tokens are signed with (token-key.ts). */
  tokenKey: () => Buffer;
  /** The response's time, `YYYY-MM-DDThh:mm:ssZ`; visibility is judged at this instant. */
  responseDate: string;
}

/** The protocol's base URL: under the public origin, never the request's Host. */
export function oaiBaseUrl(publicOrigin: string): string {
  return `${publicOrigin}/oai`;
}

/** What the archive answers to `request`: the verb's content, or the protocol errors that apply. */
export function answerOaiRequest(request: OaiRequest, parts: AnswerParts): OaiAnswer {
  switch (request.verb) {
    case 'Identify':
      return { verb: 'Identify', identify: identify(parts) };
    case 'ListMetadataFormats':
      return listMetadataFormats(request.identifier, parts);
    case 'ListSets':
      return listSets(request.resumptionToken, parts);
    case 'GetRecord':
      return getRecord(request.identifier, request.metadataPrefix, parts);
    default:
      return listItems(request, parts);
  }
}

function identify({ site, responseDate }: AnswerParts): IdentifyView {
  const { config, catalog } = site;
  // The first change in datestamp order is the earliest datestamp there is; an empty archive's is now.
  const earliest = catalog.changes.page({}, 1, undefined, Date.parse(responseDate))[0]?.datestamp ?? responseDate;
  return {
    repositoryName: `${config.archiveName.zh} / ${config.archiveName.en}`,
    baseUrl: oaiBaseUrl(config.publicOrigin),
    earliestDatestamp: earliest < responseDate ? earliest : responseDate,
    adminEmail: config.adminEmail ?? defaultAdminEmail(config.publicOrigin),
  };
}

/**
 * `archive@<public host>`; for a host without a dot (localhost) `archive@localhost.invalid`,
 * since the protocol's schema wants a domain with a dot and `.invalid` says it was never set.
 */
function defaultAdminEmail(publicOrigin: string): string {
  const host = new URL(publicOrigin).hostname;
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(host) ? `archive@${host}` : 'archive@localhost.invalid';
}

function listMetadataFormats(identifier: string | undefined, parts: AnswerParts): OaiAnswer {
  if (identifier !== undefined && !findItem(identifier, parts)) return failure(unknownId(identifier, parts));
  return { verb: 'ListMetadataFormats', formats: METADATA_FORMATS };
}

function listSets(resumptionToken: string | undefined, parts: AnswerParts): OaiAnswer {
  if (resumptionToken !== undefined) return failure(oaiError('badResumptionToken', 'oai.error.sets_in_one_page'));
  const { collections } = parts.site.lookups.current();
  if (collections.length === 0) return failure(oaiError('noSetHierarchy', 'oai.error.no_set_hierarchy'));
  return { verb: 'ListSets', sets: presentSets(collections) };
}

function getRecord(identifier: string, metadataPrefix: string, parts: AnswerParts): OaiAnswer {
  const errors: OaiError[] = [];
  const format = formatError(metadataPrefix);
  if (format) errors.push(format);
  const item = findItem(identifier, parts);
  if (!item) errors.push(unknownId(identifier, parts));
  if (errors.length > 0 || !item) return failure(...errors);
  return { verb: 'GetRecord', record: presentOaiRecord(item, recordContext(parts)) };
}

function listItems(request: Extract<OaiRequest, { verb: ListVerb }>, parts: AnswerParts): OaiAnswer {
  const { site } = parts;
  const resumed = 'resumptionToken' in request;
  let position: Omit<ListPosition, 'after'> & { after?: ListPosition['after'] };
  if (resumed) {
    const decoded = decodeToken(request.resumptionToken, parts.tokenKey());
    if (!decoded) return failure(oaiError('badResumptionToken', 'oai.error.bad_token'));
    if (decoded.verb !== request.verb) return failure(oaiError('badResumptionToken', 'oai.error.token_other_verb', { tokenVerb: decoded.verb, verb: request.verb }));
    position = decoded;
  } else {
    const errors = conditionErrors(request.conditions, parts);
    if (errors.length > 0) return failure(...errors);
    position = { verb: request.verb, conditions: request.conditions, cursor: 0 };
  }
  const { conditions } = position;
  const window = {
    ...(conditions.from !== undefined && { from: conditions.from }),
    ...(conditions.until !== undefined && { until: conditions.until }),
    ...(conditions.set !== undefined && { set: conditions.set }),
  };
  const page = harvestPage(site, window, OAI_PAGE_SIZE, position.after, Date.parse(parts.responseDate));
  // A resumed list can find nothing left when records moved out of it since its last page.
  if (page.items.length === 0) return failure(oaiError('noRecordsMatch', 'oai.error.no_records_match'));
  // Counted once, on the first page, and carried in the token: a count of a million changes is
  // not repeated for every page. Only the records public now are counted, never hidden ones or
  // tombstones (their number is not the public's to know), so until the last page the size is an
  // estimate that deletions may exceed. A set's count would need a scan: it is left out until the end.
  const estimate = resumed ? position.size : conditions.set === undefined ? site.catalog.changes.countPublic(window, Date.parse(parts.responseDate)) : undefined;
  const sent = position.cursor + page.items.length;
  let token: TokenView | undefined;
  if (page.next) {
    const size = estimate === undefined ? undefined : Math.max(estimate, sent + 1);
    const value = encodeToken({ verb: position.verb, conditions, after: page.next, cursor: sent, ...(size !== undefined && { size }) }, parts.tokenKey());
    token = { value, cursor: position.cursor, ...(size !== undefined && { completeListSize: size }) };
  } else if (resumed) {
    // The last page of a list in several: an empty token, and the size as it turned out.
    token = { value: '', cursor: position.cursor, completeListSize: sent };
  }
  if (position.verb === 'ListIdentifiers') {
    return { verb: 'ListIdentifiers', headers: page.items.map((item) => presentOaiHeader(item, site.config.publicOrigin)), ...(token && { token }) };
  }
  const context = recordContext(parts);
  return { verb: 'ListRecords', records: page.items.map((item) => presentOaiRecord(item, context)), ...(token && { token }) };
}

function conditionErrors(conditions: ListConditions, parts: AnswerParts): OaiError[] {
  const errors: OaiError[] = [];
  const format = formatError(conditions.metadataPrefix);
  if (format) errors.push(format);
  if (conditions.set !== undefined) {
    const { collections, collectionById } = parts.site.lookups.current();
    if (collections.length === 0) errors.push(oaiError('noSetHierarchy', 'oai.error.no_set_hierarchy'));
    // A set that does not exist holds no record: an empty list, as the protocol has no error for it.
    else if (!collectionById.has(conditions.set)) errors.push(oaiError('noRecordsMatch', 'oai.error.unknown_set', { set: conditions.set }));
  }
  return errors;
}

function formatError(metadataPrefix: string): OaiError | undefined {
  if (METADATA_FORMATS.some((format) => format.prefix === metadataPrefix)) return undefined;
  return oaiError('cannotDisseminateFormat', 'oai.error.cannot_disseminate', {
    prefix: quoted(metadataPrefix),
    formats: METADATA_FORMATS.map((format) => format.prefix).join(', '),
  });
}

function findItem(identifier: string, parts: AnswerParts): HarvestItem | undefined {
  const id = recordIdOf(parts.site.config.publicOrigin, identifier);
  return id === undefined ? undefined : harvestItem(parts.site, id, Date.parse(parts.responseDate));
}

function unknownId(identifier: string, parts: AnswerParts): OaiError {
  return oaiError('idDoesNotExist', 'oai.error.id_does_not_exist', { identifier: quoted(identifier), example: oaiIdentifier(parts.site.config.publicOrigin, '<id>') });
}

function recordContext(parts: AnswerParts): OaiRecordContext {
  return { publicOrigin: parts.site.config.publicOrigin, collectionById: parts.site.lookups.current().collectionById };
}

function failure(...errors: OaiError[]): OaiAnswer {
  return { verb: 'error', errors };
}
