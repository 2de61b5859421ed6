import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { urlsForPort } from '../../portal/layout';
import { portalStates, type PortalState } from '../../portal/states';

/** The query parameter that picks a catalogue state; the detector ignores query strings. */
export const STATE_PARAM = 'cgstate';

export interface ServedState extends PortalState {
  /** Where the browser opens it: the state's own host and path, on the local port. */
  servedUrl: string;
}

/**
 * Serves every state of the practice portal's catalogue at its real host and path (hosts mapped to
 * loopback), so a browser can visit each step of each flow directly, with the extension running.
 */
export interface StatesServer {
  port: number;
  states: ServedState[];
  /**
   * From now on, answers a request for this path (with its query) with `html` instead of the catalogue, or
   * forgets the override when `html` is null: how a browser without request interception (Firefox over BiDi)
   * is served another page at a state's own address.
   */
  serveAt(pathAndQuery: string, html: string | null): void;
  close(): Promise<void>;
}

export async function startStatesServer(): Promise<StatesServer> {
  const byId = new Map<string, PortalState>();
  const overrides = new Map<string, string>();
  const server = createServer((req, res) => {
    const override = overrides.get(req.url ?? '/');
    if (override !== undefined) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(override);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const state = byId.get(url.searchParams.get(STATE_PARAM) ?? '');
    if (!state) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not in the catalogue');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(state.html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const states = portalStates({ urls: urlsForPort(port) }).map((state) => {
    byId.set(state.id, state);
    const url = new URL(state.url);
    url.searchParams.set(STATE_PARAM, state.id);
    return { ...state, servedUrl: url.toString() };
  });
  const serveAt = (pathAndQuery: string, html: string | null) =>
    void (html === null ? overrides.delete(pathAndQuery) : overrides.set(pathAndQuery, html));
  return { port, states, serveAt, close: () => new Promise((done) => server.close(() => done())) };
}
