import { translate, type Lang } from '../../core/i18n/translate.ts';

/** `北纬30.48°，东经120.19°` / `30.48° N, 120.19° E`. */
export function formatCoordinates(lat: number, lon: number, lang: Lang): string {
  const latitude = translate(lang, lat >= 0 ? 'site.coordinates.north' : 'site.coordinates.south', { degrees: degrees(lat) });
  const longitude = translate(lang, lon >= 0 ? 'site.coordinates.east' : 'site.coordinates.west', { degrees: degrees(lon) });
  return translate(lang, 'site.coordinates.pair', { latitude, longitude });
}

/** Up to five decimals (about a metre), without trailing zeros. */
function degrees(value: number): string {
  return String(Number(Math.abs(value).toFixed(5)));
}
