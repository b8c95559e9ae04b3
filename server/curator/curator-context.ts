import type { SiteContext } from '../site-context.ts';
import type { CsrfProtection } from './middleware/csrf-protection.ts';

/** What every curator route is given: the site's parts, CSRF tokens, and whether cookies are Secure. */
export interface CuratorContext {
  site: SiteContext;
  csrf: CsrfProtection;
  /** True when `config.publicOrigin` is https. */
  secureCookies: boolean;
}
