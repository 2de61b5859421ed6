/**
 * The pre-flight checklist: what to have ready before opening the portal, per flow, as data. Each item has a
 * label, a one-line "why", and what to do when it cannot be met. Words live in `_locales`; ticks are stored per
 * person by the popup, keyed by the item ids below (shared between flows where the fact is the same).
 *
 * Sources: issue 11 item 1; research/iess-portal.md §3 and §6; the seeds (what to have ready, common mistakes).
 */
import type { FlowId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';

export type PreflightFlow = 'recover' | 'unlock' | 'employer';

export const PREFLIGHT_ITEM_IDS = [
  'id-number',
  'email-open',
  'phone',
  'birth-date',
  'security-image',
  'work-history',
  'fingerprint',
  'employer-ids',
  'employer-email-open',
  'captcha',
  'time',
] as const;
export type PreflightItemId = (typeof PREFLIGHT_ITEM_IDS)[number];

export interface PreflightItem {
  id: PreflightItemId;
  label: MessageKey;
  /** One line: why it matters. */
  why: MessageKey;
  /** What to do when it cannot be met. */
  fallback: MessageKey;
}

const ITEMS: Record<PreflightItemId, PreflightItem> = {
  'id-number': { id: 'id-number', label: 'preflightIdLabel', why: 'preflightIdWhy', fallback: 'preflightIdFallback' },
  'email-open': { id: 'email-open', label: 'preflightEmailLabel', why: 'preflightEmailWhy', fallback: 'preflightEmailFallback' },
  phone: { id: 'phone', label: 'preflightPhoneLabel', why: 'preflightPhoneWhy', fallback: 'preflightPhoneFallback' },
  'birth-date': { id: 'birth-date', label: 'preflightBirthLabel', why: 'preflightBirthWhy', fallback: 'preflightBirthFallback' },
  'security-image': {
    id: 'security-image',
    label: 'preflightImageLabel',
    why: 'preflightImageWhy',
    fallback: 'preflightImageFallback',
  },
  'work-history': {
    id: 'work-history',
    label: 'preflightHistoryLabel',
    why: 'preflightHistoryWhy',
    fallback: 'preflightHistoryFallback',
  },
  fingerprint: {
    id: 'fingerprint',
    label: 'preflightFingerprintLabel',
    why: 'preflightFingerprintWhy',
    fallback: 'preflightFingerprintFallback',
  },
  'employer-ids': {
    id: 'employer-ids',
    label: 'preflightEmployerIdsLabel',
    why: 'preflightEmployerIdsWhy',
    fallback: 'preflightEmployerIdsFallback',
  },
  'employer-email-open': {
    id: 'employer-email-open',
    label: 'preflightEmployerEmailLabel',
    why: 'preflightEmployerEmailWhy',
    fallback: 'preflightEmployerEmailFallback',
  },
  captcha: { id: 'captcha', label: 'preflightCaptchaLabel', why: 'preflightCaptchaWhy', fallback: 'preflightCaptchaFallback' },
  time: { id: 'time', label: 'preflightTimeLabel', why: 'preflightTimeWhy', fallback: 'preflightTimeFallback' },
};

/** The items per flow, in the order a person meets them. */
export const PREFLIGHT: Readonly<Record<PreflightFlow, readonly PreflightItem[]>> = {
  // Generar / Recuperar clave: cédula + CAPTCHA, birth day and month, questions, image, contact data, the mail.
  recover: (
    ['id-number', 'email-open', 'phone', 'birth-date', 'security-image', 'work-history', 'captcha', 'time'] as const
  ).map((id) => ITEMS[id]),
  // Desbloqueo de clave: cédula, the fingerprint registered at a CAU, then a short link (or code) by mail.
  unlock: (['id-number', 'fingerprint', 'email-open', 'captcha', 'time'] as const).map((id) => ITEMS[id]),
  // Empleador: RUC, sucursal and the representative's cédula, then a code or link to the employer's email.
  employer: (['employer-ids', 'employer-email-open', 'captcha', 'time'] as const).map((id) => ITEMS[id]),
};

/** The checklist for a flow; an unknown flow gets the recovery list, which is what most people arrive for. */
export function preflightFor(flow: FlowId): readonly PreflightItem[] {
  return PREFLIGHT[flow === 'unknown' ? 'recover' : flow];
}

/** Ticks as stored: a set or list of ticked ids, or a map of id → ticked. */
export type PreflightTicks = ReadonlySet<string> | readonly string[] | Readonly<Record<string, boolean>>;

function isTicked(ticks: PreflightTicks, id: string): boolean {
  if (ticks instanceof Set) return ticks.has(id);
  if (Array.isArray(ticks)) return ticks.includes(id);
  return (ticks as Readonly<Record<string, boolean>>)[id] === true;
}

/**
 * "3 de 8 listos": how many of the flow's items are ticked. Ticks for ids outside the flow (another flow's items,
 * stale ids from an older version) are ignored, so `ready` never exceeds `total`.
 */
export function readiness(flow: FlowId, ticks: PreflightTicks | null | undefined): { ready: number; total: number } {
  const items = preflightFor(flow);
  const ready = ticks ? items.filter((item) => isTicked(ticks, item.id)).length : 0;
  return { ready, total: items.length };
}

/** The summary line's key: `$READY$` and `$TOTAL$` are filled with readiness(). */
export const PREFLIGHT_SUMMARY: MessageKey = 'preflightSummary';

/** Every message key the checklist uses, for the locale tests. */
export const PREFLIGHT_MESSAGE_KEYS: readonly MessageKey[] = [
  PREFLIGHT_SUMMARY,
  ...Object.values(ITEMS).flatMap((item) => [item.label, item.why, item.fallback]),
];
