/**
 * A curator in a benchmark, over plain HTTP as a browser would be: signs in through the sign-in
 * form, keeps the workspace's cookies, reads each page's form token, uploads files as the upload
 * form does (multipart, the token first) and follows a job until it ends.
 */
export class CuratorClient {
  readonly #origin: string;
  readonly #cookies = new Map<string, string>();

  constructor(origin: string) {
    this.#origin = origin;
  }

  /** Signs in; throws when the form does not accept the account. */
  async signIn(name: string, password: string): Promise<void> {
    const token = await this.tokenOf('/curator/login');
    const response = await this.post('/curator/login', new URLSearchParams({ _csrf: token, name, password }));
    if (response.status !== 303) throw new Error(`sign-in answered ${response.status}`);
  }

  async get(path: string): Promise<Response> {
    return this.#keep(await fetch(this.#origin + path, { headers: this.#headers(), redirect: 'manual' }));
  }

  async post(path: string, body: URLSearchParams | FormData): Promise<Response> {
    return this.#keep(await fetch(this.#origin + path, { method: 'POST', body, headers: this.#headers(), redirect: 'manual' }));
  }

  /** The form token of the page at `path`. */
  async tokenOf(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no form token on ${path}`);
    return token.replaceAll('&#x3D;', '=').replaceAll('&amp;', '&');
  }

  /** Uploads the files; returns the upload page's path. */
  async upload(files: readonly { name: string; content: Buffer }[]): Promise<string> {
    const form = new FormData();
    form.append('_csrf', await this.tokenOf('/curator/uploads'));
    for (const file of files) form.append('files', new Blob([new Uint8Array(file.content)]), file.name);
    const response = await this.post('/curator/uploads', form);
    if (response.status !== 303) throw new Error(`the upload answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return response.headers.get('location')!;
  }

  /** Posts a form of the page at `path` (with its token) to `action`; returns where it redirects. */
  async submit(path: string, action: string, fields: Record<string, string>): Promise<string> {
    const response = await this.post(action, new URLSearchParams({ _csrf: await this.tokenOf(path), ...fields }));
    if (response.status !== 303) throw new Error(`${action} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
    return response.headers.get('location')!;
  }

  /**
   * Reads the job's page until it no longer refreshes itself; returns its last HTML. A refresh
   * whose connection is reset (a kept-alive socket the loaded server closed) is tried again, as a
   * browser's next refresh would; `resets` counts them.
   */
  async waitForJob(path: string): Promise<string> {
    for (let failures = 0; ; ) {
      try {
        const response = await this.get(path);
        const html = await response.text();
        if (!response.headers.get('refresh')) return html;
      } catch (error) {
        if (++failures > 20) throw error;
        this.resets++;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Job page refreshes whose connection was reset and were tried again. */
  resets = 0;

  #headers(): Record<string, string> {
    return { cookie: [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '), 'accept-language': 'en' };
  }

  #keep(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.#cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
    return response;
  }
}
