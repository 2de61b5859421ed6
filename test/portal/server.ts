/**
 * The practice portal: a local simulation of the IESS key recovery flows for QA, volunteers and
 * end-to-end tests. Node's http only; nothing is loaded from the internet.
 *
 *   const portal = createPortalServer({ clock: new ManualClock() });
 *   const { port } = await portal.start();   // then map app./www.iess.gob.ec to 127.0.0.1
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from './clock';
import type { FlowRequest } from './flows/common';
import { isAjax, type Reply } from './jsf';
import { urlsForPort, type PortalUrls } from './layout';
import { routeIess, routeSim, siteOf } from './router';
import { readCookie, SESSION_COOKIE, SessionStore } from './session';
import { DEFAULT_CONFIG, PortalWorld, type PortalConfig } from './world';

export interface PortalServerOptions extends Partial<PortalConfig> {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  clock?: Clock;
}

export interface PortalServer {
  start(): Promise<{ port: number; origin: string; urls: PortalUrls }>;
  stop(): Promise<void>;
  readonly clock: Clock;
  readonly config: PortalConfig;
  /** People, links, codes, CAPTCHA tokens and the inbox; `world.reset()` restores the personas. */
  readonly world: PortalWorld;
  readonly sessions: SessionStore;
  /** Origins of the simulated hosts (valid after start()). */
  readonly urls: PortalUrls;
}

const MAX_BODY = 256 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function createPortalServer(options: PortalServerOptions = {}): PortalServer {
  const clock = options.clock ?? systemClock;
  const config: PortalConfig = {
    linkValidityMs: options.linkValidityMs ?? DEFAULT_CONFIG.linkValidityMs,
    deliveryDelayMs: options.deliveryDelayMs ?? DEFAULT_CONFIG.deliveryDelayMs,
    sessionTimeoutMs: options.sessionTimeoutMs ?? DEFAULT_CONFIG.sessionTimeoutMs,
    captchaTtlMs: options.captchaTtlMs ?? DEFAULT_CONFIG.captchaTtlMs,
    maxAttempts: options.maxAttempts ?? DEFAULT_CONFIG.maxAttempts,
    codeValidityMs: options.codeValidityMs ?? options.linkValidityMs ?? DEFAULT_CONFIG.codeValidityMs,
    birthDateAs: options.birthDateAs ?? DEFAULT_CONFIG.birthDateAs,
  };
  const world = new PortalWorld(config, clock);
  const sessions = new SessionStore(clock, config.sessionTimeoutMs);
  let urls = urlsForPort(options.port ?? 0);
  let server: Server | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method === 'POST' ? 'POST' : 'GET';
    const raw = req.url ?? '/';
    const url = new URL(raw, 'http://placeholder');
    // Legacy apps put ;jsessionid=… in URLs; it is not part of the path.
    const path = decodeURIComponent(url.pathname.replace(/;jsessionid=[^/?]*/i, ''));
    const body = method === 'POST' ? await readBody(req) : '';
    const form = new URLSearchParams(body);
    const site = siteOf(req.headers.host);
    const cookieId = readCookie(req.headers.cookie, SESSION_COOKIE) ?? /;jsessionid=([^/?;]+)/i.exec(url.pathname)?.[1];
    // The practice tools are stateless: only IESS hosts get sessions (and cookies).
    const resolved = site === 'sim' ? undefined : sessions.resolve(cookieId);
    const flowReq: FlowRequest = {
      method,
      path,
      query: url.searchParams,
      form,
      ajax: method === 'POST' && isAjax(form, req.headers),
      session: resolved?.session ?? { id: 'sim', lastSeen: clock.now(), viewStates: new Map() },
      sessionExpired: resolved?.expired ?? false,
      sessions,
      world,
      urls,
    };
    const reply: Reply = site === 'sim' ? routeSim(flowReq) : routeIess(site, flowReq);
    const headers: Record<string, string | string[]> = {
      'Cache-Control': 'no-cache, no-store, must-revalidate',
      'X-Simulacion': 'ClaveGuia practice portal - not IESS',
      ...reply.headers,
    };
    if (resolved?.created) headers['Set-Cookie'] = `${SESSION_COOKIE}=${resolved.session.id}; Path=/; HttpOnly; SameSite=Lax`;
    res.writeHead(reply.status, headers);
    res.end(method === 'GET' && req.method === 'HEAD' ? undefined : reply.body);
  }

  return {
    clock,
    config,
    world,
    sessions,
    get urls() {
      return urls;
    },
    start() {
      return new Promise((resolve, reject) => {
        server = createServer((req, res) => {
          handle(req, res).catch((error: unknown) => {
            if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=UTF-8' });
            res.end(`SIMULACIÓN: error interno del portal de práctica: ${String(error)}`);
          });
        });
        server.once('error', reject);
        server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
          const port = (server?.address() as AddressInfo).port;
          urls = urlsForPort(port);
          resolve({ port, origin: `http://127.0.0.1:${port}`, urls });
        });
      });
    },
    stop() {
      return new Promise((resolve, reject) => {
        if (!server) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
        server = undefined;
      });
    },
  };
}

export { ManualClock, systemClock, type Clock } from './clock';
export type { PortalConfig } from './world';
