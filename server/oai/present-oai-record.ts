/**
 * A harvest item as OAI-PMH shows it: its header (identifier, datestamp, sets, deleted or not)
 * and its oai_dc metadata, generated from the record's statements (core/schema/record-statements.ts:
 * each field's Dublin Core element as the schema declares it), every value with its language.
 */
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import type { DcElement } from '../../core/schema/record.ts';
import { recordStatements } from '../../core/schema/record-statements.ts';
import { HTML_LANG } from '../present/localize.ts';
import type { HarvestItem } from './harvest-items.ts';
import { oaiIdentifier } from './oai-identifiers.ts';

export interface DcValue {
  element: DcElement;
  value: string;
  /** `zh-Hans` or `en`, for `xml:lang`; absent for values without a language. */
  lang?: string;
}

export interface OaiHeaderView {
  identifier: string;
  datestamp: string;
  setSpecs: string[];
  deleted: boolean;
}

export interface OaiRecordView {
  header: OaiHeaderView;
  /** Absent for a deleted record. */
  metadata?: DcValue[];
}

export interface OaiRecordContext {
  publicOrigin: string;
  collectionById: ReadonlyMap<string, ArchiveCollection>;
}

/** The header of an item: a deletion when it carries no record. */
export function presentOaiHeader(item: HarvestItem, publicOrigin: string): OaiHeaderView {
  return { identifier: oaiIdentifier(publicOrigin, item.id), datestamp: item.datestamp, setSpecs: item.sets, deleted: item.record === undefined };
}

/** The header and, for a record the public may see, its oai_dc values in statement order. */
export function presentOaiRecord(item: HarvestItem, context: OaiRecordContext): OaiRecordView {
  const header = presentOaiHeader(item, context.publicOrigin);
  if (!item.record) return { header };
  const metadata = recordStatements(item.record, context).flatMap((statement) =>
    statement.values.map((value): DcValue => ({ element: statement.dc!, value: value.value, ...(value.lang && { lang: HTML_LANG[value.lang] }) })),
  );
  return { header, metadata };
}
