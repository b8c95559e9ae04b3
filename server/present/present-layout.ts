/** What every page's layout shows: language, navigation, the language switch, asset URLs. */
import { translate, type Lang } from '../../core/i18n/translate.ts';
import { HTML_LANG, otherLang } from './localize.ts';

export type Section = 'home' | 'collections' | 'search' | 'about' | 'items' | 'error';

export interface LayoutView {
  htmlLang: string;
  /** The `<title>`: the page's own title, then the site's name. */
  title: string;
  /** The page's address without `lang`, for the language switch. */
  canonical: string;
  /** The same address absolute at the archive's public origin, for `<link rel=canonical>`. */
  canonicalUrl: string;
  /** Reciprocal hreflang links: every language's version of the page, and `x-default`. */
  alternates: { hreflang: string; href: string }[];
  /** Extra `<head>` content of the page: OpenGraph properties and one JSON-LD block (already escaped for a script element). */
  meta: { property: string; content: string }[];
  jsonLd?: string;
  assets: string;
  langSwitch: { href: string; label: string; htmlLang: string };
  nav: { href: string; label: string; current: boolean }[];
  /** The header search box; pages with a search form of their own leave it out. */
  headerSearch: boolean;
  /** Every page's script (search suggestions), then the page's own; all deferred, in this order. */
  scripts: string[];
  /** The page's own stylesheets, after the site's. */
  styles: string[];
}

/** On every page: the search boxes' suggestions. */
const SITE_SCRIPTS = ['js/suggest.js'];

const NAV: readonly { section: Section; href: string; key: 'site.nav.home' | 'site.nav.collections' | 'site.nav.search' | 'site.nav.about' }[] = [
  { section: 'home', href: '/', key: 'site.nav.home' },
  { section: 'collections', href: '/collections', key: 'site.nav.collections' },
  { section: 'search', href: '/search', key: 'site.nav.search' },
  { section: 'about', href: '/about', key: 'site.nav.about' },
];

export interface LayoutInput {
  lang: Lang;
  /** `Config.publicOrigin`: canonical and alternate links are absolute there. */
  origin: string;
  title?: string;
  canonical: string;
  section: Section;
  assets: string;
  /** Defaults to true except on the home and search pages, whose main content is a search form. */
  headerSearch?: boolean;
  /** Paths under the asset root (`js/map.js`, `vendor/leaflet/leaflet.css`). */
  scripts?: readonly string[];
  styles?: readonly string[];
  meta?: readonly { property: string; content: string }[];
  jsonLd?: string;
}

/** The layout's view-model (`site` in every template). */
export function presentLayout({ lang, origin, title, canonical, section, assets, headerSearch, scripts = [], styles = [], meta = [], jsonLd }: LayoutInput): LayoutView {
  const siteName = translate(lang, 'site.name');
  const other = otherLang(lang);
  return {
    htmlLang: HTML_LANG[lang],
    title: title ? translate(lang, 'site.title_with_site', { page: title, site: siteName }) : siteName,
    canonical,
    canonicalUrl: `${origin}${canonical}`,
    alternates: [
      ...(['zh', 'en'] as const).map((language) => ({ hreflang: HTML_LANG[language], href: `${origin}${withParam(canonical, 'lang', language)}` })),
      { hreflang: 'x-default', href: `${origin}${canonical}` },
    ],
    meta: [...meta],
    ...(jsonLd && { jsonLd }),
    assets,
    langSwitch: { href: withParam(canonical, 'lang', other), label: translate(other, 'site.lang.name'), htmlLang: HTML_LANG[other] },
    nav: NAV.map((item) => ({ href: item.href, label: translate(lang, item.key), current: item.section === section })),
    headerSearch: headerSearch ?? (section !== 'home' && section !== 'search'),
    scripts: [...SITE_SCRIPTS, ...scripts].map((file) => `${assets}/${file}`),
    styles: styles.map((file) => `${assets}/${file}`),
  };
}

function withParam(href: string, key: string, value: string): string {
  return `${href}${href.includes('?') ? '&' : '?'}${key}=${encodeURIComponent(value)}`;
}
