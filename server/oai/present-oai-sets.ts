/**
 * Sets are the themed collections: the collection id is the setSpec (ASCII by the id rule), the
 * setName carries the Chinese and the English title, and the setDescription is a small oai_dc
 * record of the collection's titles and summaries, each tagged with its language.
 */
import type { ArchiveCollection } from '../../core/schema/collection.ts';
import { HTML_LANG } from '../present/localize.ts';
import type { DcValue } from './present-oai-record.ts';

export interface SetView {
  spec: string;
  name: string;
  description: DcValue[];
}

/** One set per collection, in the collections' own order. */
export function presentSets(collections: readonly ArchiveCollection[]): SetView[] {
  return collections.map((collection) => ({
    spec: collection.id,
    name: [collection.title_zh, collection.title_en].filter((title) => title !== undefined).join(' / '),
    description: [
      ...tagged('title', collection.title_zh, collection.title_en),
      ...tagged('description', collection.summary_zh, collection.summary_en),
    ],
  }));
}

function tagged(element: 'title' | 'description', zh: string | undefined, en: string | undefined): DcValue[] {
  return [
    ...(zh === undefined ? [] : [{ element, value: zh, lang: HTML_LANG.zh }]),
    ...(en === undefined ? [] : [{ element, value: en, lang: HTML_LANG.en }]),
  ];
}
