/** One record and one citation context, fixed (archive, datestamp, day of access), for tests of citations. */
import type { CitationContext } from '../../../core/cite/cite-record.ts';
import type { ArchiveRecord } from '../../../core/schema/record.ts';

export const context: CitationContext = {
  publicOrigin: 'https://heritage.example.org',
  archiveName: { zh: '杭州市临平区文化遗产档案', en: 'Linping Heritage Archive' },
  modified: '2026-11-27T05:11:00Z',
  accessed: new Date('2026-12-01T08:00:00Z'),
};

export const bridge = { id: 'guangji-bridge', title_zh: '广济桥', title_en: 'Guangji Bridge' } as ArchiveRecord;
