import type { MessageTable } from './message-table.ts';

/** Messages of images (issue 4): media problems in import reports, image captions and credits on pages. */
export const MEDIA_MESSAGES = {} as const satisfies MessageTable;
