/**
 * A small HTTP client for tests and scripts: it connects to the portal on 127.0.0.1 but sends the
 * URL's own Host header (app.iess.gob.ec:PORT …), keeps cookies per host, and knows the JSF dance
 * (hidden fields, view state, AJAX partial responses).
 */
import { request } from 'node:http';

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  url: string;
}

export interface PartialUpdate {
  id: string;
  content: string;
}

const decodeEntities = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Parses a <partial-response>: updates (CDATA joined back) and an optional redirect. */
export function parsePartial(xml: string): { updates: PartialUpdate[]; redirect?: string } {
  const redirect = /<redirect url="([^"]*)"/.exec(xml)?.[1];
  const updates: PartialUpdate[] = [];
  for (const m of xml.matchAll(/<update id="([^"]*)">([\s\S]*?)<\/update>/g)) {
    const content = (m[2] ?? '').replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
    updates.push({ id: decodeEntities(m[1] ?? ''), content });
  }
  return redirect === undefined ? { updates } : { updates, redirect: decodeEntities(redirect) };
}

/** Hidden inputs of a page (JSF form marker and view state), by name. */
export function hiddenFields(page: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of page.matchAll(/<input type="hidden" name="([^"]+)"(?: id="[^"]*")? value="([^"]*)"/g)) out[decodeEntities(m[1] ?? '')] = decodeEntities(m[2] ?? '');
  return out;
}

export class PortalClient {
  private readonly cookies = new Map<string, Map<string, string>>();
  constructor(readonly port: number) {}

  async get(url: string): Promise<HttpResponse> {
    return this.send('GET', url);
  }

  async post(url: string, form: Record<string, string> | URLSearchParams, extraHeaders: Record<string, string> = {}): Promise<HttpResponse> {
    return this.send('POST', url, new URLSearchParams(form).toString(), extraHeaders);
  }

  /** Follows redirects (same port), as a browser would. */
  async follow(res: HttpResponse, max = 5): Promise<HttpResponse> {
    let current = res;
    for (let i = 0; i < max && current.status >= 300 && current.status < 400; i++) {
      const location = String(current.headers.location ?? '');
      current = await this.get(new URL(location, current.url).toString());
    }
    return current;
  }

  send(method: 'GET' | 'POST', url: string, body?: string, extraHeaders: Record<string, string> = {}): Promise<HttpResponse> {
    const target = new URL(url);
    const jar = this.cookies.get(target.hostname) ?? new Map<string, string>();
    const headers: Record<string, string> = { Host: target.host, ...extraHeaders };
    if (jar.size > 0) headers.Cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (body !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded; charset=UTF-8';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: this.port, method, path: target.pathname + target.search, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const setCookie = res.headers['set-cookie'] ?? [];
            for (const c of setCookie) {
              const [pair] = c.split(';');
              const [k, ...v] = (pair ?? '').split('=');
              if (k) jar.set(k.trim(), v.join('='));
            }
            this.cookies.set(target.hostname, jar);
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), url });
          });
        },
      );
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }

  clearCookies(host?: string): void {
    if (host) this.cookies.delete(host);
    else this.cookies.clear();
  }
}
