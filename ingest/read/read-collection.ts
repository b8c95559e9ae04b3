/** Reads and validates a `collection.yml`. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { collectionSchema, type ArchiveCollection } from '../../core/schema/collection.ts';
import { ImportFileError } from './source-item.ts';

export async function readCollection(file: string): Promise<ArchiveCollection> {
  let data: unknown;
  try {
    // Aliases are capped so a "billion laughs" file cannot blow up memory.
    data = parse(await readFile(file, 'utf8'), { uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    throw new ImportFileError({ key: 'collection.invalid', params: { file, detail: (error as Error).message.split('\n')[0] } });
  }
  const parsed = collectionSchema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'root'}: ${issue.message}`).join('; ');
    throw new ImportFileError({ key: 'collection.invalid', params: { file, detail } });
  }
  return parsed.data;
}
