/**
 * citation-js (0.8.x), loaded once: the CSL engine with GB/T 7714-2015 (numeric) and its zh-CN
 * locale, Chicago author-date, and APA (built in, and narrowed to web pages: `apa-webpage`); BibTeX
 * and RIS output. Loaded through require: the plugins register themselves on the CommonJS core, and
 * an ESM import would get a second, empty copy of it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PROJECT_ROOT } from '../config.ts';

const require = createRequire(import.meta.url);
/** Beside this file's source: the build (dist/) holds only code. */
const CSL_DIR = path.join(PROJECT_ROOT, 'core', 'cite', 'csl');

/** What a CSL-JSON item may hold (see the CSL 1.0 data schema); only what the archive writes. */
export interface CslItem {
  id: string;
  type: string;
  'citation-key'?: string;
  title?: string;
  author?: { literal?: string; family?: string; given?: string }[];
  publisher?: string;
  'container-title'?: string;
  issued?: { 'date-parts': (number | string)[][] };
  accessed?: { 'date-parts': (number | string)[][] };
  URL?: string;
  language?: string;
  note?: string;
  [key: string]: unknown;
}

interface CiteInstance {
  format(format: string, options?: Record<string, unknown>): string;
}

interface CitationJs {
  Cite: new (data: unknown) => CiteInstance;
  plugins: { config: { get(name: string): Record<string, any> } };
}

let loaded: CitationJs | undefined;

/** The CSL type of everything the archive cites: its records, as online resources (cite-record.ts). */
export const CITED_TYPE = 'webpage';

/** The configured citation-js. */
export function citationJs(): CitationJs {
  if (loaded) return loaded;
  const core = require('@citation-js/core') as CitationJs;
  require('@citation-js/plugin-csl');
  require('@citation-js/plugin-bibtex');
  require('@citation-js/plugin-ris');
  const csl = core.plugins.config.get('@csl');
  csl.styles.add('gbt7714', readFileSync(path.join(CSL_DIR, 'china-national-standard-gb-t-7714-2015-numeric.csl'), 'utf8'));
  csl.styles.add('chicago', require('style-chicago'));
  // citeproc builds APA 7th in full into 96 MB of heap (1.3 s); narrowed to web pages, which it renders
  // identically (scripts/csl/apa-webpage.ts), into ~5 MB.
  csl.styles.add('apa-webpage', readFileSync(path.join(CSL_DIR, 'apa-webpage.csl'), 'utf8'));
  csl.locales.add('zh-CN', readFileSync(path.join(CSL_DIR, 'locales-zh-CN.xml'), 'utf8'));
  csl.locales.add('en-US', readFileSync(path.join(CSL_DIR, 'locales-en-US.xml'), 'utf8'));
  // Its default writes LaTeX escapes for every non-ASCII character and drops what it cannot escape: Chinese.
  const bibtex = core.plugins.config.get('@bibtex');
  bibtex.format.asciiOnly = false;
  // Record ids are `[a-z0-9_-]`, safe as BibTeX keys; its check would refuse the hyphen.
  bibtex.format.checkLabel = false;
  loaded = core;
  return core;
}
