/** Small readers of rendered HTML for assertions; no DOM library needed for these. */
import Handlebars from 'handlebars';

/** `value` as Handlebars writes it into an attribute (`=` becomes `&#x3D;`, `&` `&amp;` …). */
export function asAttribute(value: string): string {
  return Handlebars.escapeExpression(value);
}

/**
 * Facet links with their label and count: `[{ facet, href, label, count, selected }]`. The chosen
 * level of a hierarchy facet's trail is listed too, selected, with the link that goes up a level.
 */
export function facetLinks(html: string): { facet: string; href: string; label: string; count: number; selected: boolean }[] {
  const links = [];
  for (const section of html.matchAll(/<section class="facet" aria-labelledby="facet-(\w+)">([\s\S]*?)<\/section>/g)) {
    const chosen = section[2]!.match(/<span class="facet-trail__current" aria-current="true">([^<]*)<\/span>(?: <span class="facet-value__count">(\d+)<\/span>)? <a class="facet-trail__remove" href="([^"]*)"/);
    if (chosen) {
      links.push({ facet: section[1]!, href: decodeEntities(chosen[3]!), label: decodeEntities(chosen[1]!), count: Number(chosen[2] ?? 0), selected: true });
    }
    for (const item of section[2]!.matchAll(/<li class="facet-value[^"]*">\s*<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>\s*<span class="facet-value__count">(\d+)<\/span>/g)) {
      links.push({
        facet: section[1]!,
        href: decodeEntities(item[1]!),
        label: decodeEntities(item[2]!.match(/<span class="facet-value__label">([^<]*)<\/span>/)?.[1] ?? '').trim(),
        count: Number(item[3]),
        selected: item[0].includes('aria-current="true"'),
      });
    }
  }
  return links;
}

/** The `N` in the summary "Records 1–20 of N" / "共 N 条记录". */
export function totalOf(html: string): number {
  const summary = html.match(/<p class="results__summary">([^<]*)/)?.[1] ?? '';
  const english = summary.match(/of (?:more than )?([\d,]+)/);
  const chinese = summary.match(/共 ([\d,]+) 条/);
  if (summary.includes('No records found') || summary.includes('没有找到记录')) return 0;
  const digits = english?.[1] ?? chinese?.[1];
  if (digits === undefined) throw new Error(`no result summary in the page: ${summary}`);
  return Number(digits.replace(/,/g, ''));
}

/** Hrefs of the hits, in order. */
/** The records the hits link to (`/items/x`), without the way back (`?from=…`) each link carries. */
export function hitLinks(html: string): string[] {
  return hitHrefs(html).map((href) => href.split('?')[0]!);
}

/** The hits' links as written, `?from=…` included. */
export function hitHrefs(html: string): string[] {
  return [...html.matchAll(/<h3 class="hit__title"><a href="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}


/** Every `<script>` element of a page: its `src` (undefined when inline), whether it is deferred, and what it encloses. */
export function scriptsOf(html: string): { src?: string; type?: string; defer: boolean; body: string }[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].map((m) => {
    const src = m[1]!.match(/\ssrc="([^"]*)"/)?.[1];
    const type = m[1]!.match(/\stype="([^"]*)"/)?.[1];
    return { ...(src !== undefined && { src: decodeEntities(src) }), ...(type !== undefined && { type }), defer: /\sdefer\b/.test(m[1]!), body: m[2]! };
  });
}

/** A JSON-LD data block: never run by a browser, as long as it is JSON through to its end tag. */
function isJsonLdBlock(script: { src?: string; type?: string; body: string }): boolean {
  if (script.src !== undefined || script.type !== 'application/ld+json') return false;
  try {
    JSON.parse(script.body);
    return true;
  } catch {
    return false;
  }
}

/**
 * Scripts that are not the site's own: inline code, or files from anywhere but this origin's
 * `/assets/<version>/` and `/vendor/` (the media viewer's). A bare `<script` not closed as an
 * element counts too, so an injected fragment cannot hide from the check.
 */
export function foreignScripts(html: string): string[] {
  const own = (script: { src?: string; type?: string; body: string }) =>
    isJsonLdBlock(script) || (script.src !== undefined && /^\/(?:assets|vendor)\/[\w./-]+\.js$/.test(script.src) && script.body.trim() === '');
  const scripts = scriptsOf(html);
  const opened = html.match(/<script\b/gi)?.length ?? 0;
  const foreign = scripts.filter((script) => !own(script)).map((script) => script.src ?? `inline: ${script.body.slice(0, 60)}`);
  return opened === scripts.length ? foreign : [...foreign, 'an unclosed <script'];
}
