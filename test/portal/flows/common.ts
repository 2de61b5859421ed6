/** What a flow handler receives, and the JSF request pipeline shared by all flows. */
import type { SafeHtml } from '../html';
import { htmlReply, partialResponse, redirectReply, VIEW_STATE_ID, VIEW_STATE_NAME, type Reply } from '../jsf';
import type { PortalUrls } from '../layout';
import type { PageContext } from '../pages/common';
import type { Session, SessionStore } from '../session';
import type { PortalWorld } from '../world';

export interface FlowRequest {
  method: 'GET' | 'POST';
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  ajax: boolean;
  session: Session;
  /** The request's cookie named a session that had timed out. */
  sessionExpired: boolean;
  sessions: SessionStore;
  world: PortalWorld;
  urls: PortalUrls;
}

/** Error pages each app serves under its context root (IESS template: /errorWeb/…). */
export const errorPath = (appBase: string, page: 'sesionExpirada' | 'viewExpired' | 'errorAplicacion'): string =>
  `${appBase}/errorWeb/${page}.jsf`;

/**
 * JSF restore-view: a POST from a timed-out session goes to "Su sesión ha expirado"; one whose view
 * state is not the last one issued for this view (stale tab, back button, no cookie) is a
 * ViewExpiredException. Returns the reply to send, or undefined when the POST may proceed.
 */
export function restoreView(req: FlowRequest, viewId: string, appBase: string): Reply | undefined {
  if (req.sessionExpired) return redirectReply(errorPath(appBase, 'sesionExpirada'), req.ajax);
  if (!req.sessions.isCurrentViewState(req.session, viewId, req.form.get(VIEW_STATE_NAME)))
    return redirectReply(errorPath(appBase, 'viewExpired'), req.ajax);
  return undefined;
}

export function pageContext(req: FlowRequest, viewId: string, legacy = false): PageContext {
  const viewState = req.sessions.issueViewState(req.session, viewId);
  return legacy ? { urls: req.urls, viewState, jsessionid: req.session.id } : { urls: req.urls, viewState };
}

/** Full page for GET and non-AJAX POST; a partial response (region + view state) for AJAX. */
export function renderStep(
  req: FlowRequest,
  viewId: string,
  regionId: string,
  document: (pc: PageContext) => SafeHtml,
  region: (pc: PageContext) => SafeHtml,
  legacy = false,
): Reply {
  const pc = pageContext(req, viewId, legacy);
  if (req.ajax && req.method === 'POST')
    return partialResponse([
      { id: regionId, content: String(region(pc)) },
      { id: VIEW_STATE_ID, content: pc.viewState },
    ]);
  return htmlReply(document(pc));
}

export const field = (req: FlowRequest, id: string): string => (req.form.get(id) ?? '').trim();
