/**
 * The one home of every duration ClaveGuía reasons with. All values are milliseconds.
 *
 * The IESS decides how long its links and codes last, not us: every validity here is an estimate ("aprox."),
 * because the server's clock and the mail delay decide the real expiry. Each link figure keeps its own source
 * (`LINK_VALIDITY_SOURCE`, claims in ./claims.ts): research/iess-portal.md §4 (3 minutes for the unlock link, C1;
 * the IESS OTP template counts down 3:00, C2; "tiempo de validez de 15 minutos" for Generar / Recuperar, C3) and
 * research/feature-anchors.md §5 (announcement thresholds, WCAG 2.2.1).
 */
import type { FlowId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;

/** The flows a person can time; an unknown flow is timed like recovery, which is what most people arrive for. */
export type TimedFlow = Exclude<FlowId, 'unknown'>;

/**
 * Default validity of the link the IESS mails, per flow, as the sources give it: 15 minutes for Generar /
 * Recuperar (a how-to guide, C3; seed "recuperar-clave-sin-errores"), 3 minutes for Desbloqueo (the IESS press
 * release, C1). No source gives the employer's: it is timed like the IESS codes (3:00, C2 template), and says so.
 */
export const LINK_VALIDITY_MS: Readonly<Record<TimedFlow, number>> = {
  recover: 15 * MINUTE_MS,
  unlock: 3 * MINUTE_MS,
  employer: 3 * MINUTE_MS,
};

/** Default validity of a code typed on the `code` page (the IESS OTP template counts down 3:00). */
export const CODE_VALIDITY_MS = 3 * MINUTE_MS;

/** Where each default figure comes from, in the words every countdown view shows beside it. */
export const LINK_VALIDITY_SOURCE: Readonly<Record<TimedFlow | 'code', MessageKey>> = {
  recover: 'cdSourceRecover',
  unlock: 'cdSourceUnlock',
  employer: 'cdSourceEmployer',
  code: 'cdSourceCode',
};

/**
 * The source line for a timed request: the page's own figure says so; a person's own setting has no published
 * source (they read it in their mail), so it shows none; otherwise the flow's (or the code's) figure and where
 * it comes from.
 */
export function validitySource(flow: FlowId, startedOn: 'email-sent' | 'code', validityMs: number, stated = false): MessageKey | null {
  if (stated) return 'cdSourcePage';
  const timed: TimedFlow = flow === 'unknown' ? 'recover' : flow;
  const key = startedOn === 'code' ? 'code' : timed;
  const fallback = startedOn === 'code' ? CODE_VALIDITY_MS : LINK_VALIDITY_MS[timed];
  return validityMs === fallback ? LINK_VALIDITY_SOURCE[key] : null;
}

/** Every validity shown to people is approximate: say "aprox." next to it. */
export const VALIDITY_IS_APPROXIMATE = true;

/**
 * What a person may set in the options, per flow. The minimum keeps the 30 s alarm clamp and the last
 * announcements meaningful; the maximum is ten times the shortest default (WCAG 2.2.1 "adjustable to at least
 * ten times": the 3-minute links and codes) and covers the 30 minutes some pages mention.
 */
export const VALIDITY_OPTION_MIN_MS = 1 * MINUTE_MS;
export const VALIDITY_OPTION_MAX_MS = 30 * MINUTE_MS;
export const VALIDITY_OPTION_STEP_MS = 30 * SECOND_MS;

/** A stored or typed validity made safe: rounded to the step, within [min, max]; nonsense gives the fallback. */
export function clampValidity(ms: unknown, fallback: number = LINK_VALIDITY_MS.recover): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return fallback;
  const stepped = Math.round(ms / VALIDITY_OPTION_STEP_MS) * VALIDITY_OPTION_STEP_MS;
  return Math.min(VALIDITY_OPTION_MAX_MS, Math.max(VALIDITY_OPTION_MIN_MS, stepped));
}

/** The default validity for a flow; `unknown` counts as recovery. */
export function defaultLinkValidity(flow: FlowId): number {
  return flow === 'unknown' ? LINK_VALIDITY_MS.recover : LINK_VALIDITY_MS[flow];
}

/** Per-flow validities a person set in the options (missing flows use the defaults). */
export type ValiditySettings = Partial<Record<TimedFlow, number>>;

/**
 * The validity to time a request with: the person's setting for the flow when there is one (clamped), else the
 * default for a link (`email-sent`) or a code (`code`). A setting covers both: it says how long this person's
 * IESS mail stays usable.
 */
export function validityFor(flow: FlowId, step: 'email-sent' | 'code', settings?: ValiditySettings | null): number {
  const timed: TimedFlow = flow === 'unknown' ? 'recover' : flow;
  const fallback = step === 'code' ? CODE_VALIDITY_MS : LINK_VALIDITY_MS[timed];
  const chosen = settings?.[timed];
  return chosen === undefined ? fallback : clampValidity(chosen, fallback);
}

/**
 * The figure a page states for its link or code (detect/stated-validity.ts), when it is one a person could set
 * in the options (1 to 30 minutes, whole 30 s steps): anything else the page says is not trusted as a lifetime.
 */
export function usableStatedValidity(ms: unknown): number | null {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms % VALIDITY_OPTION_STEP_MS !== 0) return null;
  return ms >= VALIDITY_OPTION_MIN_MS && ms <= VALIDITY_OPTION_MAX_MS ? ms : null;
}

/**
 * The validity to time a detected request with, and whether it is the page's own figure: the person's setting
 * for the flow first (they read it in their mail), else what the page says, else the default.
 */
export function detectedValidity(
  flow: FlowId,
  step: 'email-sent' | 'code',
  settings: ValiditySettings | null | undefined,
  statedMs: unknown,
): { validityMs: number; stated: boolean } {
  const timed: TimedFlow = flow === 'unknown' ? 'recover' : flow;
  const stated = usableStatedValidity(statedMs);
  if (settings?.[timed] === undefined && stated !== null) return { validityMs: stated, stated: true };
  return { validityMs: validityFor(flow, step, settings), stated: false };
}

/**
 * Email-wait advice thresholds, measured from the moment the "email sent" page was detected:
 * check Spam and Promociones, then check this is the registered inbox, then the registered email is probably old.
 */
export const EMAIL_WAIT_MS = {
  checkSpam: 5 * MINUTE_MS,
  checkRegistered: 15 * MINUTE_MS,
  outdated: 30 * MINUTE_MS,
} as const;

/** Time left at which the polite status region speaks (besides the start): 2:00, 1:00, 0:30 and expiry. */
export const ANNOUNCE_AT_MS = {
  'left-2m': 2 * MINUTE_MS,
  'left-1m': 1 * MINUTE_MS,
  'left-30s': 30 * SECOND_MS,
  expired: 0,
} as const;

/** Time left at or below which the countdown changes phase (colour, icon and words change together). */
export const PHASE_AT_MS = {
  warning: 1 * MINUTE_MS,
  urgent: 30 * SECOND_MS,
} as const;

/**
 * Chrome clamps `alarms.create({ when })` to at least 30 s in the future for packed (store) MV3 extensions;
 * unpacked builds allow 1 s, which is why QA on an unpacked build sees earlier alarms than a store build.
 * Firefox does not clamp this way. research/extension-anchors.md §4.1.
 */
export const PACKED_ALARM_MIN_DELAY_MS = 30 * SECOND_MS;
export const UNPACKED_ALARM_MIN_DELAY_MS = 1 * SECOND_MS;

/** How long the toolbar badge keeps its expired mark before it clears itself. The views keep saying "expired". */
export const BADGE_EXPIRED_HOLD_MS = 10 * MINUTE_MS;

/** Time without interruption the pre-flight checklist asks for: the whole flow, with the short link inside it. */
export const PREFLIGHT_SESSION_MS = 15 * MINUTE_MS;
