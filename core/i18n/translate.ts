import { MESSAGES, type MessageKey } from './messages.ts';

export type Lang = 'zh' | 'en';

/** A message inside another's parameters (a parser's reason inside "line 3: invalid JSON (…)"), translated with it. */
export interface NestedMessage {
  key: MessageKey;
  params?: MessageParams;
}

export type MessageParams = { [name: string]: string | number | NestedMessage | undefined };

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat('zh-Hans'),
  en: new Intl.NumberFormat('en'),
};

/**
 * The message `key` in `lang`, with `{name}` placeholders filled from `params`. Numbers are
 * formatted for the language; English messages choose between `{one|many}` forms with `{n:…}`.
 */
export function translate(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = MESSAGES[key][lang];
  return template.replace(/\{(\w+)(?::([^}|]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, many?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (one !== undefined) return value === 1 ? one : (many ?? one);
    if (typeof value === 'object') return translate(lang, value.key, value.params);
    return typeof value === 'number' ? numberFormats[lang].format(value) : value;
  });
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** `zh` for zh-* locales (including LANG=zh_CN.UTF-8), `en` otherwise. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
