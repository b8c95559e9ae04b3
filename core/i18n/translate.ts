import { MESSAGES, type MessageKey } from './messages.ts';

export type Lang = 'zh' | 'en';

export type MessageParams = Record<string, string | number | undefined>;

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
