/** A themed collection, described by a `collection.yml` beside its records. */
import * as z from 'zod';
import { RECORD_ID_PATTERN } from './record.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const collectionSchema = z.strictObject({
  id: z.string().regex(RECORD_ID_PATTERN),
  order: z.number().int().min(0).max(10_000).default(0),
  title_zh: text(200).optional(),
  title_en: text(200).optional(),
  summary_zh: text(2000).optional(),
  summary_en: text(2000).optional(),
  /** Markdown; rendered safely by the site. */
  narrative_zh: text(100_000).optional(),
  narrative_en: text(100_000).optional(),
  /** The id of the record whose image represents the collection. */
  cover: z.string().regex(RECORD_ID_PATTERN).optional(),
}).refine((c) => c.title_zh !== undefined || c.title_en !== undefined, { path: ['title_zh'], params: { code: 'title_required' } });

export type ArchiveCollection = z.infer<typeof collectionSchema>;
