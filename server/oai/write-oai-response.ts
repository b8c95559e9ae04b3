/**
 * An OAI-PMH response as XML, built with xmlbuilder2 (escaping, namespaces, and characters XML 1.0
 * forbids — most control characters, lone surrogates, U+FFFE/U+FFFF — dropped wherever they come
 * from: a record's text or a harvester's argument). The shapes follow the OAI-PMH 2.0 schema;
 * test/oai checks every response the tests make against it with xmllint.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { OaiAnswer, TokenView } from './answer-oai-request.ts';
import { describeOaiError } from './oai-errors.ts';
import { NAMESPACES, OAI_SCHEMA } from './oai-protocol.ts';
import type { EchoedArguments } from './parse-oai-request.ts';
import type { DcValue, OaiHeaderView, OaiRecordView } from './present-oai-record.ts';

export interface OaiResponse {
  responseDate: string;
  baseUrl: string;
  /** The request's arguments; absent after badVerb or badArgument, as the protocol asks. */
  echo?: EchoedArguments;
  answer: OaiAnswer;
}

const OAI_DC_SCHEMA = `${NAMESPACES.oaiDc} http://www.openarchives.org/OAI/2.0/oai_dc.xsd`;

export function writeOaiResponse(response: OaiResponse): string {
  const root = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' })
    .ele(NAMESPACES.oai, 'OAI-PMH')
    .att(NAMESPACES.xmlns, 'xmlns:xsi', NAMESPACES.xsi)
    .att(NAMESPACES.xsi, 'xsi:schemaLocation', `${NAMESPACES.oai} ${OAI_SCHEMA}`);
  root.ele('responseDate').txt(response.responseDate);
  const request = root.ele('request');
  for (const [name, value] of Object.entries(response.echo ?? {})) request.att(name, value);
  request.txt(response.baseUrl);
  writeAnswer(root, response.answer);
  return root.end({ prettyPrint: true });
}

function writeAnswer(root: XMLBuilder, answer: OaiAnswer): void {
  switch (answer.verb) {
    case 'error':
      for (const error of answer.errors) root.ele('error').att('code', error.code).txt(describeOaiError(error));
      return;
    case 'Identify': {
      const identify = root.ele('Identify');
      const { identify: view } = answer;
      identify.ele('repositoryName').txt(view.repositoryName);
      identify.ele('baseURL').txt(view.baseUrl);
      identify.ele('protocolVersion').txt('2.0');
      identify.ele('adminEmail').txt(view.adminEmail);
      identify.ele('earliestDatestamp').txt(view.earliestDatestamp);
      identify.ele('deletedRecord').txt('persistent');
      identify.ele('granularity').txt('YYYY-MM-DDThh:mm:ssZ');
      return;
    }
    case 'ListMetadataFormats': {
      const list = root.ele('ListMetadataFormats');
      for (const format of answer.formats) {
        const element = list.ele('metadataFormat');
        element.ele('metadataPrefix').txt(format.prefix);
        element.ele('schema').txt(format.schema);
        element.ele('metadataNamespace').txt(format.namespace);
      }
      return;
    }
    case 'ListSets': {
      const list = root.ele('ListSets');
      for (const set of answer.sets) {
        const element = list.ele('set');
        element.ele('setSpec').txt(set.spec);
        element.ele('setName').txt(set.name);
        if (set.description.length > 0) writeDublinCore(element.ele('setDescription'), set.description);
      }
      return;
    }
    case 'GetRecord':
      writeRecord(root.ele('GetRecord'), answer.record);
      return;
    case 'ListIdentifiers': {
      const list = root.ele('ListIdentifiers');
      for (const header of answer.headers) writeHeader(list, header);
      if (answer.token) writeToken(list, answer.token);
      return;
    }
    case 'ListRecords': {
      const list = root.ele('ListRecords');
      for (const record of answer.records) writeRecord(list, record);
      if (answer.token) writeToken(list, answer.token);
      return;
    }
  }
}

function writeRecord(parent: XMLBuilder, record: OaiRecordView): void {
  const element = parent.ele('record');
  writeHeader(element, record.header);
  if (record.metadata) writeDublinCore(element.ele('metadata'), record.metadata);
}

function writeHeader(parent: XMLBuilder, header: OaiHeaderView): void {
  const element = parent.ele('header');
  if (header.deleted) element.att('status', 'deleted');
  element.ele('identifier').txt(header.identifier);
  element.ele('datestamp').txt(header.datestamp);
  for (const spec of header.setSpecs) element.ele('setSpec').txt(spec);
}

function writeDublinCore(parent: XMLBuilder, values: readonly DcValue[]): void {
  const dc = parent
    .ele(NAMESPACES.oaiDc, 'oai_dc:dc')
    .att(NAMESPACES.xmlns, 'xmlns:dc', NAMESPACES.dc)
    .att(NAMESPACES.xsi, 'xsi:schemaLocation', OAI_DC_SCHEMA);
  for (const value of values) {
    const element = dc.ele(NAMESPACES.dc, `dc:${value.element}`);
    if (value.lang) element.att(NAMESPACES.xml, 'xml:lang', value.lang);
    element.txt(value.value);
  }
}

function writeToken(parent: XMLBuilder, token: TokenView): void {
  const element = parent.ele('resumptionToken');
  if (token.completeListSize !== undefined) element.att('completeListSize', String(token.completeListSize));
  element.att('cursor', String(token.cursor));
  if (token.value) element.txt(token.value);
}
