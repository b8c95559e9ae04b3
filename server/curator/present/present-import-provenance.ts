/**
 * What an import read and how, for the import history: its files (name, size, sha256), the
 * mapping it was given (a saved profile, the columns a curator chose, or names matched alone),
 * the encoding forced, the mode, and each record file's columns as they were applied.
 */
import type { ImportEntry } from '../../../core/catalog/import-log.ts';
import type { MessageKey } from '../../../core/i18n/messages.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';
import { encodingLabel, parseEncodingName } from '../../../ingest/read/text-encodings.ts';

/** A list cell: the files' names with the start of their sha256, and the mapping in a few words. */
export function presentProvenanceSummary(entry: ImportEntry, lang: Lang) {
  const provenance = entry.provenance;
  return {
    files: provenance ? provenance.files.map((file) => ({ name: file.name, shortHash: file.sha256.slice(0, 12) })) : entry.sources.map((source) => ({ name: source, shortHash: '' })),
    mapping: provenance ? mappingInWords(entry, lang) : '—',
  };
}

/** The import page's part: every file with its full sha256, the mapping, encoding, mode and columns applied. */
export function presentProvenance(entry: ImportEntry, lang: Lang) {
  const provenance = entry.provenance;
  if (!provenance) return { provenanceMissing: true };
  const encoding = provenance.encoding && parseEncodingName(provenance.encoding);
  return {
    inputFiles: provenance.files.map((file) => ({ name: file.name, size: translate(lang, 'upload.kilobytes', { size: Math.max(1, Math.round(file.bytes / 1024)) }), sha256: file.sha256 })),
    mappingWords: mappingInWords(entry, lang),
    separator: provenance.mapping?.separator,
    encoding: encoding ? encodingLabel(encoding) : undefined,
    mode: provenance.mode && translate(lang, `upload.mode_${provenance.mode}` as MessageKey),
    applied: (provenance.applied ?? []).map((file) => ({
      file: file.file,
      columns: file.columns.map((column) => ({ header: column.header, target: column.target ?? '—', how: translate(lang, `upload.column_${column.how}` as MessageKey) })),
    })),
  };
}

function mappingInWords(entry: ImportEntry, lang: Lang): string {
  const mapping = entry.provenance?.mapping;
  if (!mapping) return translate(lang, 'curator.imports.mapping_by_name');
  if (mapping.profile) return translate(lang, 'curator.imports.mapping_profile', { name: mapping.profile });
  return translate(lang, 'curator.imports.mapping_chosen', { count: Object.keys(mapping.columns).length });
}
