/**
 * Every user-facing string, in Simplified Chinese and English, one table per area. Keys are
 * prefixed by area (`problem.*`, `file.*`, `ingest.*`, `site.*`, `media.*`, `search.*` …);
 * test/messages.test.ts checks that no key is defined in two tables.
 */
import { API_MESSAGES } from './messages/api.ts';
import { BACKUP_MESSAGES } from './messages/backup.ts';
import { BROWSE_MESSAGES } from './messages/browse.ts';
import { CURATOR_MESSAGES } from './messages/curator.ts';
import { CLI_MESSAGES } from './messages/cli.ts';
import { IIIF_MESSAGES } from './messages/iiif.ts';
import { INGEST_MESSAGES } from './messages/ingest.ts';
import { MAP_MESSAGES } from './messages/map.ts';
import { MEDIA_MESSAGES } from './messages/media.ts';
import { RECORDS_MESSAGES } from './messages/records.ts';
import { OAI_MESSAGES } from './messages/oai.ts';
import { SEARCH_MESSAGES } from './messages/search.ts';
import { SITE_MESSAGES } from './messages/site.ts';
import { UPLOAD_MESSAGES } from './messages/uploads.ts';

// One table a line, so that areas added at the same time merge without a conflict.
export const MESSAGE_TABLES = {
  INGEST_MESSAGES,
  SITE_MESSAGES,
  MEDIA_MESSAGES,
  SEARCH_MESSAGES,
  CLI_MESSAGES,
  BROWSE_MESSAGES,
  BACKUP_MESSAGES,
  RECORDS_MESSAGES,
  MAP_MESSAGES,
  IIIF_MESSAGES,
  OAI_MESSAGES,
  CURATOR_MESSAGES,
  API_MESSAGES,
  UPLOAD_MESSAGES,
};

export const MESSAGES = {
  ...INGEST_MESSAGES,
  ...SITE_MESSAGES,
  ...MEDIA_MESSAGES,
  ...SEARCH_MESSAGES,
  ...CLI_MESSAGES,
  ...BROWSE_MESSAGES,
  ...BACKUP_MESSAGES,
  ...RECORDS_MESSAGES,
  ...MAP_MESSAGES,
  ...IIIF_MESSAGES,
  ...OAI_MESSAGES,
  ...CURATOR_MESSAGES,
  ...API_MESSAGES,
  ...UPLOAD_MESSAGES,
} as const;

export type MessageKey = keyof typeof MESSAGES;
