/**
 * The fixed parts of OAI-PMH 2.0 as this archive speaks it: the verbs and the arguments each
 * takes (the specification's section 4), the one metadata format, the namespaces, the page size.
 * Tables, not branches: parsing and the responses read them.
 */

export const OAI_VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'GetRecord', 'ListIdentifiers', 'ListRecords'] as const;
export type OaiVerb = (typeof OAI_VERBS)[number];
export type ListVerb = 'ListIdentifiers' | 'ListRecords';

export type OaiArgument = 'identifier' | 'metadataPrefix' | 'from' | 'until' | 'set' | 'resumptionToken';

export interface VerbArguments {
  required: readonly OaiArgument[];
  optional: readonly OaiArgument[];
  /** An argument that, when given, must be the only one besides `verb`. */
  exclusive?: 'resumptionToken';
}

export const VERB_ARGUMENTS: Readonly<Record<OaiVerb, VerbArguments>> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

/** True for the six verbs of OAI-PMH 2.0, spelt as the protocol spells them (case matters). */
export function isOaiVerb(value: string): value is OaiVerb {
  return (OAI_VERBS as readonly string[]).includes(value);
}

/** The verbs whose lists come in pages with resumption tokens. */
export function isListVerb(verb: OaiVerb): verb is ListVerb {
  return verb === 'ListIdentifiers' || verb === 'ListRecords';
}

export const NAMESPACES = {
  oai: 'http://www.openarchives.org/OAI/2.0/',
  oaiDc: 'http://www.openarchives.org/OAI/2.0/oai_dc/',
  dc: 'http://purl.org/dc/elements/1.1/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xmlns: 'http://www.w3.org/2000/xmlns/',
} as const;

export const OAI_SCHEMA = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';

export interface MetadataFormat {
  prefix: string;
  schema: string;
  namespace: string;
}

/** What the archive disseminates. Every record has every format, so none depends on the record. */
export const METADATA_FORMATS: readonly MetadataFormat[] = [
  { prefix: 'oai_dc', schema: 'http://www.openarchives.org/OAI/2.0/oai_dc.xsd', namespace: NAMESPACES.oaiDc },
];

/** Records or headers a list response holds before it hands out a resumption token. */
export const OAI_PAGE_SIZE = 100;

/** The patterns of the OAI-PMH schema, so that every value echoed in `<request>` validates. */
export const METADATA_PREFIX_PATTERN = /^[A-Za-z0-9\-_.!~*'()]+$/;
export const SET_SPEC_PATTERN = /^[A-Za-z0-9\-_.!~*'()]+(?::[A-Za-z0-9\-_.!~*'()]+)*$/;
