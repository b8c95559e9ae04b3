/**
 * APA 7th edition (as @citation-js/plugin-csl ships it) narrowed to web pages, the one type of item
 * the archive cites (core/cite/cite-record.ts): what `npm run generate:apa-webpage` writes to
 * core/cite/csl/apa-webpage.csl.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { CITED_TYPE } from '../../core/cite/citation-js.ts';
import { PROJECT_ROOT } from '../../core/config.ts';
import { narrowStyleToType } from './narrow-style-to-type.ts';

const require = createRequire(import.meta.url);

export const APA_WEBPAGE_FILE = path.join(PROJECT_ROOT, 'core', 'cite', 'csl', 'apa-webpage.csl');

/** The installed APA style, narrowed to `CITED_TYPE`, with a note saying where it comes from. */
export function narrowedApaStyle(): string {
  const { apa } = require('@citation-js/plugin-csl/lib/styles.json') as { apa: string };
  const { version } = require('@citation-js/plugin-csl/package.json') as { version: string };
  const narrowed = narrowStyleToType(apa, CITED_TYPE);
  const note = `<!-- APA 7th edition from @citation-js/plugin-csl ${version}, narrowed to items of type "${CITED_TYPE}" by scripts/csl/narrow-style-to-type.ts (npm run generate:apa-webpage); CC BY-SA 3.0 as the original. -->`;
  return `${narrowed.replace(/^(<\?xml[^>]*\?>)\s*/, `$1\n${note}\n`)}\n`;
}
