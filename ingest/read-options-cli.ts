/**
 * The ingest command's reading options: `--encoding`, `--sheet`, `--mapping NAME` (a profile
 * saved in the curators' workspace) and `--mappings` (the list of them); and the line that says
 * how each text file was decoded when it was not plain UTF-8.
 */
import type { Catalog } from '../core/catalog/catalog.ts';
import { normalizeProfileName } from '../core/catalog/mapping-profiles.ts';
import { CliFailure } from '../core/cli/cli-failure.ts';
import { EXIT } from '../core/cli/exit-codes.ts';
import type { CommandContext } from '../core/cli/run-command.ts';
import type { ImportOptions } from './import-records-file.ts';
import { isUnsure, otherCandidates } from './read/detect-encoding.ts';
import { ENCODING_CHOICES, encodingLabel, parseEncodingName } from './read/text-encodings.ts';
import type { IngestReport } from './report.ts';

type Cli = Pick<CommandContext<{}>, 'print' | 'text'>;

/** The reading options the command line gives; the mapping is looked up in `catalog`. */
export function readOptionsOf(values: { encoding?: string; sheet?: string; mapping?: string }, catalog: Catalog): NonNullable<ImportOptions['read']> {
  const read: NonNullable<ImportOptions['read']> = {};
  if (values.encoding !== undefined) {
    const encoding = parseEncodingName(values.encoding);
    if (!encoding) throw new CliFailure(EXIT.usage, 'cli.bad_encoding', { received: values.encoding, choices: ENCODING_CHOICES });
    read.encoding = encoding;
  }
  if (values.sheet !== undefined) read.sheet = values.sheet;
  if (values.mapping !== undefined) {
    const name = normalizeProfileName(values.mapping);
    const profile = name === undefined ? undefined : catalog.mappings.get(name);
    if (!profile) {
      const names = catalog.mappings.list().map((known) => known.name);
      throw new CliFailure(EXIT.usage, 'ingest.no_such_mapping', { name: values.mapping, names: names.length > 0 ? names.join(', ') : '—' });
    }
    read.mapping = profile.mapping;
  }
  return read;
}

/** `--mappings`: every saved mapping, its columns, and who saved it when. */
export function listMappings(cli: Cli, catalog: Catalog): number {
  const profiles = catalog.mappings.list();
  if (profiles.length === 0) cli.print('ingest.no_mappings');
  for (const profile of profiles) {
    const columns = Object.entries(profile.mapping.columns).map(([column, field]) => `${column} → ${field ?? '—'}`).join(', ');
    cli.print('ingest.mapping_line', { name: profile.name, columns, by: profile.updatedBy, at: profile.updatedAt.slice(0, 16).replace('T', ' ') });
  }
  return EXIT.ok;
}

/** One line per text file that was not read as plain UTF-8: how its encoding was decided. */
export function printEncodings(report: IngestReport, cli: Cli): void {
  for (const file of report.files) {
    const choice = file.encoding;
    if (!choice || choice.how === 'utf8' || (choice.how === 'bom' && choice.encoding === 'utf-8')) continue;
    const encoding = encodingLabel(choice.encoding);
    if (isUnsure(choice)) cli.print('ingest.encoding_unsure', { file: file.file, encoding, confidence: choice.confidence ?? 0, candidates: otherCandidates(choice).map(encodingLabel).join(', ') });
    else if (choice.how === 'detected') cli.print('ingest.encoding_detected', { file: file.file, encoding, confidence: choice.confidence ?? 0 });
    else if (choice.how === 'bom') cli.print('ingest.encoding_bom', { file: file.file, encoding });
    else cli.print('ingest.encoding_given', { file: file.file, encoding });
  }
}
