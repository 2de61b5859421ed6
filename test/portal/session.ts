/**
 * Server-side sessions (JSESSIONID cookie), with the 15-minute inactivity timeout of the IESS template
 * and the last view state issued per view: a POST with any other view state is a ViewExpiredException.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';
import { newViewState } from './jsf';
import type { RecoverState, KeyLinkState } from './flows/recover';
import type { UnlockState } from './flows/unlock';
import type { EmployerState } from './flows/employer';
import type { ChangeKeyState } from './flows/change-key';

export const SESSION_COOKIE = 'JSESSIONID';

export interface Session {
  id: string;
  lastSeen: number;
  viewStates: Map<string, string>;
  recover?: RecoverState;
  keyLink?: KeyLinkState;
  unlock?: UnlockState;
  employer?: EmployerState;
  changeKey?: ChangeKeyState;
}

export interface ResolvedSession {
  session: Session;
  /** The cookie named a session that timed out (a POST then gets "Su sesión ha expirado"). */
  expired: boolean;
  /** The session was created for this request (a Set-Cookie is due). */
  created: boolean;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  resolve(cookieId: string | undefined): ResolvedSession {
    const now = this.clock.now();
    const existing = cookieId ? this.sessions.get(cookieId) : undefined;
    if (existing && now - existing.lastSeen <= this.timeoutMs) {
      existing.lastSeen = now;
      return { session: existing, expired: false, created: false };
    }
    if (existing) this.sessions.delete(existing.id);
    const session: Session = { id: `${randomBytes(12).toString('hex').toUpperCase()}.nodo1`, lastSeen: now, viewStates: new Map() };
    this.sessions.set(session.id, session);
    return { session, expired: existing !== undefined, created: true };
  }

  issueViewState(session: Session, viewId: string): string {
    const value = newViewState();
    session.viewStates.set(viewId, value);
    return value;
  }

  isCurrentViewState(session: Session, viewId: string, value: string | null): boolean {
    return value !== null && session.viewStates.get(viewId) === value;
  }

  get size(): number {
    return this.sessions.size;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}
