/**
 * OAI-PMH responses as the tests read them: parsed by @xmldom/xmldom (not by the library that
 * wrote them) and checked against the OAI-PMH schema by xmllint, the field's validator, in one run
 * for all the documents a test collected.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import type { ExecutionContext } from 'ava';
import { oaiPmhWithDcSchema } from '../../fixtures/oai/index.ts';
import { makeTempDir } from '../../helpers/temp-archive.ts';

const run = promisify(execFile);
export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
export const DC_NS = 'http://purl.org/dc/elements/1.1/';

export interface OaiHeader {
  identifier: string;
  datestamp: string;
  deleted: boolean;
  sets: string[];
}

export interface OaiToken {
  value: string;
  cursor?: number;
  completeListSize?: number;
}

export function parseOai(xml: string): Document {
  return new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`); } }).parseFromString(xml, 'text/xml');
}

export function childrenNamed(parent: Document | Element, name: string, ns = OAI_NS): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, name));
}

export function textOf(element: Element | undefined): string {
  return element?.textContent ?? '';
}

export function errorCodes(doc: Document): string[] {
  return childrenNamed(doc, 'error').map((error) => error.getAttribute('code') ?? '');
}

export function headersOf(doc: Document): OaiHeader[] {
  return childrenNamed(doc, 'header').map((header) => ({
    identifier: textOf(childrenNamed(header, 'identifier')[0]),
    datestamp: textOf(childrenNamed(header, 'datestamp')[0]),
    deleted: header.getAttribute('status') === 'deleted',
    sets: childrenNamed(header, 'setSpec').map((spec) => textOf(spec)),
  }));
}

export function tokenOf(doc: Document): OaiToken | undefined {
  const token = childrenNamed(doc, 'resumptionToken')[0];
  if (!token) return undefined;
  const number = (name: string) => (token.hasAttribute(name) ? Number(token.getAttribute(name)) : undefined);
  return { value: textOf(token), cursor: number('cursor'), completeListSize: number('completeListSize') };
}

/** Every `dc:*` element of a record: element name, text and `xml:lang`. */
export function dublinCoreOf(record: Element): { element: string; value: string; lang: string | null }[] {
  return Array.from(record.getElementsByTagNameNS(DC_NS, '*')).map((element) => ({
    element: element.localName ?? '',
    value: element.textContent ?? '',
    lang: element.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang'),
  }));
}

/** Collects responses during a test; `check` validates them all with one xmllint run. */
export class OaiValidator {
  readonly #documents: string[] = [];

  add(xml: string): string {
    this.#documents.push(xml);
    return xml;
  }

  get count(): number {
    return this.#documents.length;
  }

  async check(t: ExecutionContext): Promise<void> {
    const dir = makeTempDir(t, 'oai-xml-');
    const files = this.#documents.map((xml, index) => {
      const file = path.join(dir, `response-${index}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    const { stderr } = await run('xmllint', ['--noout', '--nonet', '--schema', oaiPmhWithDcSchema, ...files], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: { stderr?: string }) => ({ stderr: error.stderr ?? String(error) }),
    );
    const failing = files.filter((file) => !stderr.includes(`${file} validates`)).map((file) => `${path.basename(file)}: ${stderr.split('\n').filter((line) => line.startsWith(file)).join(' | ')}`);
    t.deepEqual(failing, [], `${failing.length} of ${files.length} responses do not validate against the OAI-PMH schema`);
  }
}
