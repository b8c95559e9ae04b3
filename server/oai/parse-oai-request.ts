/**
 * An OAI-PMH request's arguments, parsed once at the edge into a typed request. Everything the
 * specification calls badVerb or badArgument is decided here — a missing, repeated or unknown
 * verb; an argument the verb does not take, one given twice, one missing; a resumptionToken with
 * company; a malformed date, prefix, set or identifier; from after until — so every value that
 * reaches `<request>` in the response is one the OAI-PMH schema accepts. What needs the catalog
 * (unknown formats, ids, sets, tokens) is decided by the answer.
 */
import type { QueryParams } from '../params/query-params.ts';
import { oaiError, quoted, type OaiError } from './oai-errors.ts';
import { parseOaiDate } from './oai-dates.ts';
import {
  isListVerb,
  isOaiVerb,
  METADATA_PREFIX_PATTERN,
  OAI_VERBS,
  SET_SPEC_PATTERN,
  VERB_ARGUMENTS,
  type ListVerb,
  type OaiArgument,
} from './oai-protocol.ts';

/** A list's conditions with dates as inclusive second bounds. */
export interface ListConditions {
  metadataPrefix: string;
  set?: string;
  from?: string;
  until?: string;
}

export type OaiRequest =
  | { verb: 'Identify' }
  | { verb: 'ListMetadataFormats'; identifier?: string }
  | { verb: 'ListSets'; resumptionToken?: string }
  | { verb: 'GetRecord'; identifier: string; metadataPrefix: string }
  | { verb: ListVerb; resumptionToken: string }
  | { verb: ListVerb; conditions: ListConditions };

/** The request's arguments as given, for the response's `<request>` element. */
export type EchoedArguments = Readonly<Record<string, string>>;

export type ParsedOaiRequest = { ok: true; request: OaiRequest; echo: EchoedArguments } | { ok: false; errors: OaiError[] };

/** Printable text without spaces: what the schema's anyURI and a harvester can carry. */
const URI_LIKE = /^[^\s\p{Cc}<>"{}|\\^`]+$/u;

/** The typed request `params` ask for, or the badVerb / badArgument errors that stop it (all of them). */
export function parseOaiRequest(params: QueryParams): ParsedOaiRequest {
  const verbs = params.verb ?? [];
  const verbList = OAI_VERBS.join(', ');
  if (verbs.length === 0) return failed(oaiError('badVerb', 'oai.error.verb_missing', { verbs: verbList }));
  if (verbs.length > 1) return failed(oaiError('badVerb', 'oai.error.verb_repeated'));
  const verb = verbs[0]!;
  if (!isOaiVerb(verb)) return failed(oaiError('badVerb', 'oai.error.verb_unknown', { verb: quoted(verb), verbs: verbList }));

  const declared = VERB_ARGUMENTS[verb];
  const allowed = new Set<string>([...declared.required, ...declared.optional, ...(declared.exclusive ? [declared.exclusive] : [])]);
  const errors: OaiError[] = [];
  const given: Partial<Record<OaiArgument, string>> = {};
  for (const [name, values] of Object.entries(params)) {
    if (name === 'verb') continue;
    if (!allowed.has(name)) {
      errors.push(oaiError('badArgument', 'oai.error.argument_unknown', { verb, argument: quoted(name), allowed: [...allowed].join(', ') || '—' }));
    } else if (values.length > 1) {
      errors.push(oaiError('badArgument', 'oai.error.argument_repeated', { argument: name }));
    } else {
      given[name as OaiArgument] = values[0]!;
    }
  }
  if (declared.exclusive && given[declared.exclusive] !== undefined) {
    if (Object.keys(params).length > 2) errors.push(oaiError('badArgument', 'oai.error.token_exclusive'));
  } else {
    for (const name of declared.required) {
      if (given[name] === undefined && !params[name]) errors.push(oaiError('badArgument', 'oai.error.argument_missing', { verb, argument: name }));
    }
  }
  errors.push(...checkValues(given));
  if (errors.length > 0) return { ok: false, errors };
  const echo: EchoedArguments = { verb, ...given };
  return { ok: true, request: toRequest(verb, given), echo };
}

function failed(error: OaiError): ParsedOaiRequest {
  return { ok: false, errors: [error] };
}

/** The syntax of each value, whatever the verb. */
function checkValues(given: Partial<Record<OaiArgument, string>>): OaiError[] {
  const errors: OaiError[] = [];
  if (given.metadataPrefix !== undefined && !METADATA_PREFIX_PATTERN.test(given.metadataPrefix)) {
    errors.push(oaiError('badArgument', 'oai.error.bad_prefix', { value: quoted(given.metadataPrefix) }));
  }
  if (given.set !== undefined && !SET_SPEC_PATTERN.test(given.set)) errors.push(oaiError('badArgument', 'oai.error.bad_set', { value: quoted(given.set) }));
  if (given.identifier !== undefined && !URI_LIKE.test(given.identifier)) {
    errors.push(oaiError('badArgument', 'oai.error.bad_identifier', { value: quoted(given.identifier) }));
  }
  const from = given.from === undefined ? undefined : parseOaiDate(given.from);
  const until = given.until === undefined ? undefined : parseOaiDate(given.until);
  if (given.from !== undefined && !from) errors.push(oaiError('badArgument', 'oai.error.bad_date', { argument: 'from', value: quoted(given.from) }));
  if (given.until !== undefined && !until) errors.push(oaiError('badArgument', 'oai.error.bad_date', { argument: 'until', value: quoted(given.until) }));
  if (from && until) {
    if (from.granularity !== until.granularity) errors.push(oaiError('badArgument', 'oai.error.granularity_mismatch'));
    else if (from.first > until.last) errors.push(oaiError('badArgument', 'oai.error.from_after_until', { from: given.from!, until: given.until! }));
  }
  return errors;
}

function toRequest(verb: OaiRequest['verb'], given: Partial<Record<OaiArgument, string>>): OaiRequest {
  switch (verb) {
    case 'Identify':
      return { verb };
    case 'ListMetadataFormats':
      return { verb, ...(given.identifier !== undefined && { identifier: given.identifier }) };
    case 'ListSets':
      return { verb, ...(given.resumptionToken !== undefined && { resumptionToken: given.resumptionToken }) };
    case 'GetRecord':
      return { verb, identifier: given.identifier!, metadataPrefix: given.metadataPrefix! };
    default: {
      if (!isListVerb(verb)) throw new Error(`unhandled verb ${verb}`);
      if (given.resumptionToken !== undefined) return { verb, resumptionToken: given.resumptionToken };
      const conditions: ListConditions = {
        metadataPrefix: given.metadataPrefix!,
        ...(given.set !== undefined && { set: given.set }),
        ...(given.from !== undefined && { from: parseOaiDate(given.from)!.first }),
        ...(given.until !== undefined && { until: parseOaiDate(given.until)!.last }),
      };
      return { verb, conditions };
    }
  }
}
