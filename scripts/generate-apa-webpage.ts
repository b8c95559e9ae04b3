/**
 * `npm run generate:apa-webpage`: writes core/cite/csl/apa-webpage.csl, APA 7th narrowed to web
 * pages (scripts/csl/apa-webpage.ts). Run it after upgrading @citation-js/plugin-csl; a test
 * fails while the shipped file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { APA_WEBPAGE_FILE, narrowedApaStyle } from './csl/apa-webpage.ts';

writeFileSync(APA_WEBPAGE_FILE, narrowedApaStyle());
console.log(`wrote ${APA_WEBPAGE_FILE}`);
