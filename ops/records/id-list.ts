/** The record ids a `records` command acts on: those on the command line, then those of `--file`. */
import { readFileSync } from 'node:fs';
import { CliFailure } from '../../core/cli/cli-failure.ts';
import { EXIT } from '../../core/cli/exit-codes.ts';

/** One id a line; `#` comments and blank lines ignored; a BOM and surrounding spaces removed. Duplicates count once. */
export function readIdList(positionals: readonly string[], file: string | undefined): string[] {
  const ids = [...positionals];
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliFailure(EXIT.refused, 'records.ids_file_unreadable', { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
    for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
      const id = line.trim();
      if (id && !id.startsWith('#')) ids.push(id);
    }
  }
  if (ids.length === 0) throw new CliFailure(EXIT.usage, 'records.missing_ids');
  return [...new Set(ids)];
}
