import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A minimal page for whatever host asked, so a test can tell which hosts the content script runs on. */
const page = (host: string) =>
  `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>${host}</title></head>` +
  `<body><h1>Página de prueba</h1><p id="host">${host}</p></body></html>`;

export async function startFixtureServer(): Promise<{ port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/[^a-z0-9.:-]/gi, '');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page(host));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
