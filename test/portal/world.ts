/**
 * Everything the simulated IESS remembers across sessions: per-person state (blocked, failed
 * attempts, data bank), one-time mail links, OTP codes, CAPTCHA tokens and the mailbox.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { CaptchaTokens } from './captcha';
import type { Clock } from './clock';
import { Inbox } from './inbox';
import { EMPLOYERS, PERSONAS, type Employer, type Persona, type PersonalAnswer, type SecurityImageId } from './personas';

export interface PortalConfig {
  linkValidityMs: number;
  deliveryDelayMs: number;
  sessionTimeoutMs: number;
  captchaTtlMs: number;
  maxAttempts: number;
  /** OTP code lifetime; defaults to linkValidityMs. */
  codeValidityMs: number;
  /**
   * How the verification step asks the birth day and month: typed numbers (the portal as researched), or
   * chosen from lists (`<select>`), as the Serenity variant of the regression corpus does.
   */
  birthDateAs: 'numbers' | 'lists';
}

export const DEFAULT_CONFIG: PortalConfig = {
  linkValidityMs: 3 * 60_000,
  deliveryDelayMs: 0,
  sessionTimeoutMs: 15 * 60_000,
  captchaTtlMs: 2 * 60_000,
  maxAttempts: 3,
  codeValidityMs: 3 * 60_000,
  birthDateAs: 'numbers',
};

export interface PersonRecord {
  persona: Persona;
  blocked: boolean;
  failedAttempts: number;
  email?: string;
  hasKey: boolean;
  personal: PersonalAnswer[];
  securityImage?: SecurityImageId | string;
  currentKey?: string;
}

export type LinkKind = 'recover' | 'unlock';
export type LinkCheck = 'ok' | 'unknown' | 'expired' | 'used';

interface LinkRecord {
  kind: LinkKind;
  owner: string;
  issuedAt: number;
  /** Session that opened it first: it may keep going; anyone else gets "ya fue utilizado". */
  openedBy?: string;
  used: boolean;
}

interface CodeRecord {
  code: string;
  issuedAt: number;
  failed: number;
}

export class PortalWorld {
  readonly inbox: Inbox;
  readonly captcha: CaptchaTokens;
  private readonly people = new Map<string, PersonRecord>();
  private readonly links = new Map<string, LinkRecord>();
  private readonly codes = new Map<string, CodeRecord>();

  constructor(
    readonly config: PortalConfig,
    readonly clock: Clock,
  ) {
    this.inbox = new Inbox(clock);
    this.captcha = new CaptchaTokens(clock, config.captchaTtlMs);
    this.reset();
  }

  /** Back to the personas' initial state (blocked flags, emails, answers); clears mail and links. */
  reset(): void {
    this.people.clear();
    for (const p of PERSONAS) {
      this.people.set(p.cedula, {
        persona: p,
        blocked: p.blocked ?? false,
        failedAttempts: 0,
        email: p.email,
        hasKey: p.hasKey,
        personal: [...p.personal],
        securityImage: p.securityImage,
        currentKey: p.currentKey,
      });
    }
    this.links.clear();
    this.codes.clear();
    this.inbox.clear();
  }

  person(cedula: string): PersonRecord | undefined {
    return this.people.get(cedula);
  }

  employer(ruc: string): Employer | undefined {
    return EMPLOYERS.find((e) => e.ruc === ruc);
  }

  /** Counts a failed answer; returns the attempts left (0 means the account is now blocked). */
  fail(record: PersonRecord): number {
    record.failedAttempts += 1;
    const left = Math.max(0, this.config.maxAttempts - record.failedAttempts);
    if (left === 0) {
      record.blocked = true;
      record.failedAttempts = 0;
    }
    return left;
  }

  remaining(record: PersonRecord): number {
    return this.config.maxAttempts - record.failedAttempts;
  }

  issueLink(kind: LinkKind, owner: string): string {
    const token = randomBytes(24).toString('base64url');
    this.links.set(token, { kind, owner, issuedAt: this.clock.now(), used: false });
    return token;
  }

  /** Checks a link and claims it for the session; reopening from the same session is allowed until used. */
  openLink(token: string | null, kind: LinkKind, sessionId: string): { check: LinkCheck; owner?: string } {
    const link = token ? this.links.get(token) : undefined;
    if (!link || link.kind !== kind) return { check: 'unknown' };
    if (link.used || (link.openedBy !== undefined && link.openedBy !== sessionId)) return { check: 'used', owner: link.owner };
    if (link.openedBy === undefined && this.clock.now() - link.issuedAt > this.config.linkValidityMs)
      return { check: 'expired', owner: link.owner };
    link.openedBy = sessionId;
    return { check: 'ok', owner: link.owner };
  }

  useLink(token: string): void {
    const link = this.links.get(token);
    if (link) link.used = true;
  }

  issueCode(owner: string): string {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.codes.set(owner, { code, issuedAt: this.clock.now(), failed: 0 });
    return code;
  }

  codeSecondsLeft(owner: string): number {
    const rec = this.codes.get(owner);
    if (!rec) return 0;
    return Math.max(0, Math.ceil((rec.issuedAt + this.config.codeValidityMs - this.clock.now()) / 1000));
  }

  checkCode(owner: string, code: string): 'ok' | 'wrong' | 'expired' {
    const rec = this.codes.get(owner);
    if (!rec || this.clock.now() - rec.issuedAt > this.config.codeValidityMs) return 'expired';
    if (rec.code !== code.trim()) {
      rec.failed += 1;
      return 'wrong';
    }
    this.codes.delete(owner);
    return 'ok';
  }

  mailDelay(persona?: Persona): number {
    return this.config.deliveryDelayMs + (persona?.emailDelayMs ?? 0);
  }
}
