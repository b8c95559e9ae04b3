/** A record's visibility in the curator's words: public, withdrawn (hidden), or embargoed until a date. */
import type { Visibility } from '../../../core/catalog/visibility.ts';
import { isPublicNow } from '../../../core/catalog/visibility.ts';
import { translate, type Lang } from '../../../core/i18n/translate.ts';

export interface VisibilityView {
  label: string;
  /** A class modifier for the badge: public, hidden, embargoed. */
  state: string;
  publicNow: boolean;
}

/** The badge of a visibility. */
export function presentVisibility(visibility: Visibility, lang: Lang): VisibilityView {
  const label =
    visibility.state === 'embargoed'
      ? translate(lang, 'curator.visibility.embargoed_until', { until: visibility.until!.slice(0, 10) })
      : translate(lang, visibility.state === 'hidden' ? 'curator.visibility.hidden' : 'curator.visibility.public');
  return { label, state: visibility.state, publicNow: isPublicNow(visibility) };
}
