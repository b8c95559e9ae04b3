/**
 * Where to go after signing in: `?next=` is followed only to a page of the workspace itself, never
 * to another site (`//evil.example`, `https://…`, `/\evil`, encoded tricks), so the sign-in page
 * cannot be used as an open redirect.
 */
import { CURATOR_PATH } from './session-policy.ts';

const HOME = CURATOR_PATH;

/** `text` when it is a path of the workspace, else the workspace's home. */
export function safeNext(text: unknown): string {
  if (typeof text !== 'string' || text.length > 2000) return HOME;
  // Browsers treat `\` as `/` and drop tabs and newlines inside URLs: such a path is refused outright.
  if (/[\\\u0000-\u001f\u007f]/.test(text)) return HOME;
  let url: URL;
  try {
    url = new URL(text, 'http://archive.invalid');
  } catch {
    return HOME;
  }
  if (url.origin !== 'http://archive.invalid' || !text.startsWith('/') || text.startsWith('//')) return HOME;
  if (url.pathname !== CURATOR_PATH && !url.pathname.startsWith(`${CURATOR_PATH}/`)) return HOME;
  if (url.pathname.startsWith(`${CURATOR_PATH}/login`)) return HOME;
  return url.pathname + url.search;
}

/** The sign-in page, coming back to `next` afterwards. */
export function loginHref(next: string): string {
  const target = safeNext(next);
  return target === HOME ? `${CURATOR_PATH}/login` : `${CURATOR_PATH}/login?next=${encodeURIComponent(target)}`;
}
