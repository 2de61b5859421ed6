import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostilePages, type HostilePage } from '../../fixtures/hostile/pages';
import { urlOn } from './hosts';

/**
 * Serves the hostile pages of test/fixtures/hostile on app.iess.gob.ec (mapped to loopback), each with its own
 * headers. A page is picked by its `hostile` query parameter, or by its path (the error page carries its markup
 * in the path).
 */
export async function startHostileServer(): Promise<{ url(id: string, query?: string): string; page(id: string): HostilePage; close(): Promise<void> }> {
  let pages = new Map<string, HostilePage>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const page =
      pages.get(url.searchParams.get('hostile') ?? '') ?? [...pages.values()].find((p) => new URL(p.path, 'http://localhost').pathname === url.pathname && !p.path.includes('?'));
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such hostile page');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers }).end(page.html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const list = hostilePages(port);
  pages = new Map(list.map((p) => [p.id, p]));
  return {
    url(id, query = '') {
      const page = pages.get(id);
      if (!page) throw new Error(`no hostile page ${id}`);
      return urlOn('app.iess.gob.ec', port, `${page.path}${query ? (page.path.includes('?') ? '&' : '?') + query : ''}`);
    },
    page(id) {
      const page = pages.get(id);
      if (!page) throw new Error(`no hostile page ${id}`);
      return page;
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
}
