/**
 * Routes a request by Host and path, the way the browser would reach the real hosts once they are
 * mapped to 127.0.0.1: app.iess.gob.ec and www.iess.gob.ec serve the IESS apps; any other host
 * (127.0.0.1, localhost) serves the practice tools (inbox, CAPTCHA stand-in, start page).
 */
import { decodeOrigin } from './captcha';
import { handleChangeKey } from './flows/change-key';
import { errorPath, type FlowRequest } from './flows/common';
import { handleEmployer } from './flows/employer';
import { handleKeyLink, handleRecover } from './flows/recover';
import { handleUnlock, handleUnlockLink } from './flows/unlock';
import { htmlReply, redirectReply, type Reply } from './jsf';
import { captchaAnchorPage } from './captcha';
import { renderInbox } from './inbox';
import { EMPLOYER_APP, EMPLOYER_LOGIN, EMPLOYER_PAGE } from './pages/employer';
import { challengeDocument, errorDocument } from './pages/errors';
import { KEY_LINK_PATH, RECOVER_ACTION, RECOVER_APP, RECOVER_ENTRY } from './pages/recover';
import { simIndexDocument } from './pages/sim-index';
import { UNLOCK_APP, UNLOCK_LINK_PATH, UNLOCK_PAGE } from './pages/unlock';
import { AFILIADO_APP, AFILIADO_LOGIN, CHANGE_KEY_PAGE, homeDocument, loginDocument, welcomeDocument } from './pages/www';
import { EMPLOYERS, PERSONAS } from './personas';

export type SiteKind = 'app' | 'www' | 'sim';

export function siteOf(hostHeader: string | undefined): SiteKind {
  const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
  if (host === 'app.iess.gob.ec') return 'app';
  if (host === 'www.iess.gob.ec' || host === 'iess.gob.ec') return 'www';
  return 'sim';
}

const APPS = [RECOVER_APP, UNLOCK_APP, EMPLOYER_APP, AFILIADO_APP];
const appOf = (path: string): string | undefined => APPS.find((a) => path === a || path.startsWith(`${a}/`));

const ERROR_PAGES: Record<string, 'session-expired' | 'view-expired' | 'app-error'> = {
  sesionExpirada: 'session-expired',
  viewExpired: 'view-expired',
  errorAplicacion: 'app-error',
};

type Handler = (req: FlowRequest) => Reply;

const APP_ROUTES: Record<string, Handler> = {
  [RECOVER_ENTRY]: handleRecover,
  [RECOVER_ACTION]: handleRecover,
  [KEY_LINK_PATH]: handleKeyLink,
  [UNLOCK_PAGE]: handleUnlock,
  [UNLOCK_LINK_PATH]: (req) => (req.method === 'GET' ? handleUnlockLink(req) : htmlReply(errorDocument('link-invalid', UNLOCK_PAGE))),
  [`${UNLOCK_APP}/`]: () => redirectReply(UNLOCK_PAGE, false),
};

const WWW_ROUTES: Record<string, Handler> = {
  '/': (req) => htmlReply(homeDocument(req)),
  [AFILIADO_LOGIN]: (req) => htmlReply(loginDocument(req, { who: 'afiliado' })),
  [`${AFILIADO_APP}/j_security_check`]: (req) => login(req, 'afiliado'),
  [CHANGE_KEY_PAGE]: handleChangeKey,
  [EMPLOYER_LOGIN]: (req) => htmlReply(loginDocument(req, { who: 'empleador' })),
  [`${EMPLOYER_APP}/j_security_check`]: (req) => login(req, 'empleador'),
  [EMPLOYER_PAGE]: handleEmployer,
};

function login(req: FlowRequest, who: 'afiliado' | 'empleador'): Reply {
  const record = who === 'afiliado' ? req.world.person(req.form.get('j_username') ?? '') : undefined;
  if (record?.currentKey && !record.blocked && record.currentKey === req.form.get('j_password'))
    return htmlReply(welcomeDocument(record.persona.name));
  const detail = 'Usuario o clave incorrectos. Si olvidó su clave use la opción «Generar / Recuperar clave».';
  return htmlReply(loginDocument(req, { who, messages: [{ severity: 'error', summary: 'Error:', detail }] }));
}

export function routeIess(site: 'app' | 'www', req: FlowRequest): Reply {
  const app = appOf(req.path);
  const home = app ? `${app}/` : '/';
  // Query flags let QA reach the overload and failure pages without a special persona.
  if (req.method === 'GET' && req.query.get('sobrecarga') === '1') return htmlReply(challengeDocument());
  if (req.method === 'GET' && req.query.get('error') === '1' && app) return redirectReply(errorPath(app, 'errorAplicacion'), false);
  const errorMatch = /^\/[^/]+\/errorWeb\/(\w+)\.jsf$/.exec(req.path);
  const errorKind = errorMatch ? ERROR_PAGES[errorMatch[1] ?? ''] : undefined;
  if (errorKind) {
    const entry = app === RECOVER_APP ? RECOVER_ENTRY : app === UNLOCK_APP ? UNLOCK_PAGE : app === EMPLOYER_APP ? EMPLOYER_PAGE : home;
    return htmlReply(errorDocument(errorKind, entry), errorKind === 'app-error' ? 500 : 200);
  }
  const handler = (site === 'app' ? APP_ROUTES : WWW_ROUTES)[req.path];
  if (handler) return handler(req);
  return htmlReply(errorDocument('not-found', site === 'app' ? RECOVER_ENTRY : '/'), 404);
}

export function routeSim(req: FlowRequest): Reply {
  const { path, world } = req;
  if (path === '/' || path === '/index.html') return htmlReply(simIndexDocument(req.urls));
  if (path === '/correo' ) return redirectReply('/correo/', false);
  if (path === '/correo/') {
    const owner = req.query.get('buzon') ?? undefined;
    const owners = [
      ...PERSONAS.filter((p) => p.email).map((p) => ({ id: p.id, email: p.email ?? '' })),
      ...PERSONAS.filter((p) => !p.email).map((p) => ({ id: p.id, email: `${p.id} (sin correo)` })),
      ...EMPLOYERS.map((e) => ({ id: e.id, email: e.email })),
    ];
    return htmlReply(renderInbox({ owner, owners, mails: world.inbox.delivered(owner), pending: world.inbox.pending(owner) }));
  }
  if (path === '/correo/api/mensajes') {
    const owner = req.query.get('buzon') ?? undefined;
    return { status: 200, headers: { 'Content-Type': 'application/json; charset=UTF-8' }, body: JSON.stringify(world.inbox.delivered(owner)) };
  }
  if (path === '/captcha/anchor') {
    let parent = 'null';
    try {
      parent = new URL(decodeOrigin(req.query.get('co') ?? '')).origin;
    } catch {
      // Malformed co: the frame still renders, it just cannot talk to any parent.
    }
    return htmlReply(captchaAnchorPage(parent));
  }
  if (path === '/captcha/verify' && req.method === 'POST') {
    const body = JSON.stringify({ success: true, token: world.captcha.issue(), ttlMs: world.config.captchaTtlMs });
    return { status: 200, headers: { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'no-store' }, body };
  }
  return { status: 404, headers: { 'Content-Type': 'text/plain; charset=UTF-8' }, body: 'SIMULACIÓN: no encontrado' };
}
