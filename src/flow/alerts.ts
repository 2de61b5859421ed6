/**
 * What to say when the portal shows a problem: a calm title, two or three concrete actions, and where useful a
 * link to the official page that solves it. Data only; the overlay decides how it looks.
 *
 * The same alert id can mean different things on different screens (a rejected cédula on the first page, wrong
 * answers on the questions page, a wrong code on the code page), so each alert holds variants keyed by step and
 * flow; the first variant that matches the screen wins, else the alert's default.
 */
import { ALERT_IDS, type AlertId, type FlowId, type StepId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';
import type { OfficialLinkId } from './links';

/**
 * Alert ids the guidance is ready for before the detector reports them. `no-email`: the person was found, but the
 * IESS has no email to send the link to (today the detector reports it as `not-registered`, see `MEANINGS`).
 */
export const GUIDANCE_ONLY_ALERT_IDS = ['no-email'] as const;

/** What an alert means for the person: a detector id, or one of the ids above. */
export type AlertMeaning = AlertId | (typeof GUIDANCE_ONLY_ALERT_IDS)[number];

/** Severity picks the icon and the visible word ("Error" / "Atención"); never only a colour. */
export type AlertSeverity = 'error' | 'warning';

export interface AlertGuide {
  /** The id the detector reported (the overlay marks the alert with it, for QA and tests). */
  id: AlertId;
  /** What the alert means on this screen; the title and advice are this meaning's. */
  meaning: AlertMeaning;
  severity: AlertSeverity;
  title: MessageKey;
  advice: MessageKey[];
  links: OfficialLinkId[];
}

/** Where a variant applies: omitted lists match every step or flow. */
interface Where {
  steps?: readonly StepId[];
  flows?: readonly FlowId[];
}

interface AlertText {
  title: MessageKey;
  advice: MessageKey[];
  links?: OfficialLinkId[];
}

interface AlertData extends AlertText {
  severity: AlertSeverity;
  /** Screens where the same alert calls for other words, first match first. */
  variants?: Array<Where & Partial<AlertText>>;
}

/** The recovery flow's page, and the flows the detector could not tell apart from it. */
const AFFILIATE: readonly FlowId[] = ['recover', 'unknown'];

const ALERTS: Record<AlertMeaning, AlertData> = {
  'captcha-error': {
    severity: 'warning',
    title: 'alertCaptchaTitle',
    advice: ['alertCaptchaRetick', 'alertCaptchaExpiry'],
  },
  'data-mismatch': {
    severity: 'error',
    title: 'alertMismatchTitle',
    advice: ['alertMismatchExact', 'alertMismatchChange', 'alertMismatchLimited'],
    variants: [
      // The employer page rejects a malformed number and a RUC/sucursal/representative that do not belong together.
      { steps: ['identity'], flows: ['employer'], title: 'alertMismatchEmployerTitle', advice: ['alertMismatchEmployerFields', 'alertMismatchEmployerOffice'] },
      // On the cédula page the portal rejects the number itself (its check digit), before comparing any data.
      { steps: ['identity'], title: 'alertMismatchNumberTitle', advice: ['alertMismatchNumberDigits', 'alertMismatchNumberForeign', 'alertMismatchNumberOffice'] },
      { steps: ['code'], title: 'alertMismatchCodeTitle', advice: ['alertMismatchCodeLatest', 'alertMismatchCodeLimited'] },
      { steps: ['security-image'], title: 'alertMismatchImageTitle', advice: ['alertMismatchImageNoGuess', 'alertMismatchImageForgot'] },
      // The login form and «Cambio de clave» reject the current key: the way out is recovery, not another try.
      { steps: ['start', 'change-key'], title: 'alertMismatchKeyTitle', advice: ['alertMismatchKeyStop', 'alertMismatchKeyRecover'] },
    ],
  },
  'not-registered': {
    severity: 'error',
    title: 'alertNotRegisteredTitle',
    advice: ['alertNotRegisteredDigits', 'alertNotRegisteredOffice'],
    variants: [
      { flows: ['employer'], title: 'alertNotRegisteredEmployerTitle', advice: ['alertNotRegisteredEmployerDigits', 'alertNotRegisteredEmployerHousehold', 'alertNotRegisteredEmployerOffice'] },
      // The unlock page says "not registered" both for an unknown cédula and for a person with no email on file.
      { flows: ['unlock'], title: 'alertNotRegisteredUnlockTitle', advice: ['alertNotRegisteredDigits', 'alertNotRegisteredUnlockNoEmail'] },
    ],
  },
  'no-email': {
    severity: 'error',
    title: 'alertNoEmailTitle',
    advice: ['alertNoEmailNoWait', 'alertNoEmailOffice', 'alertNoEmailBring'],
  },
  'account-blocked': {
    severity: 'error',
    title: 'alertBlockedTitle',
    advice: ['alertBlockedOnline', 'alertBlockedInPerson'],
    links: ['unlock'],
    variants: [
      // «Desbloqueo de clave» is for affiliates; the employer message itself sends the employer to an office.
      { flows: ['employer'], title: 'alertBlockedEmployerTitle', advice: ['alertBlockedEmployerOffice', 'alertBlockedEmployerBring'], links: [] },
      // Already on the unlock page: it says the fingerprint is missing, so the way is in person.
      { flows: ['unlock'], title: 'alertBlockedNoFingerprintTitle', advice: ['alertBlockedNoFingerprintOffice', 'alertBlockedNoFingerprintLater'], links: [] },
    ],
  },
  'link-expired': {
    severity: 'warning',
    title: 'alertLinkExpiredTitle',
    advice: ['alertLinkExpiredNew', 'alertLinkExpiredInbox', 'alertLinkExpiredAlreadyDone'],
    links: ['recover'],
    variants: [
      // A code page asks for a new code on the same page («Reenviar código»): no need to start over.
      { steps: ['code'], title: 'alertCodeExpiredTitle', advice: ['alertCodeExpiredResend', 'alertCodeExpiredInbox'], links: [] },
      { flows: ['unlock'], advice: ['alertLinkExpiredNewUnlock', 'alertLinkExpiredInbox'], links: ['unlock'] },
      { flows: ['employer'], advice: ['alertLinkExpiredNewEmployer', 'alertLinkExpiredInbox'], links: ['employer'] },
    ],
  },
  'session-expired': {
    severity: 'warning',
    title: 'alertSessionTitle',
    advice: ['alertSessionIdle', 'alertSessionRestart'],
    links: ['recover'],
    variants: [
      { flows: ['unlock'], links: ['unlock'] },
      { flows: ['employer'], links: ['employer'] },
    ],
  },
  'service-unavailable': {
    severity: 'warning',
    title: 'alertUnavailableTitle',
    advice: ['alertUnavailableLater', 'alertUnavailableNoLoop'],
    // On an error page, where to start again; on a step page the person is already there.
    links: [],
    variants: [
      { steps: ['error'], flows: AFFILIATE, links: ['recover'] },
      { steps: ['error'], flows: ['unlock'], links: ['unlock'] },
      { steps: ['error'], flows: ['employer'], links: ['employer'] },
    ],
  },
};

/**
 * How the guidance reads what the detector reports today, until the detector has the finer id. `not-registered`
 * on a page without the cédula form (step `error`) comes after the person was found and verified: it is the
 * "no registered email" page, where checking the digits or waiting cannot help.
 */
const MEANINGS: Array<{ reported: AlertId; steps: readonly StepId[]; flows: readonly FlowId[]; means: AlertMeaning }> = [
  { reported: 'not-registered', steps: ['error'], flows: AFFILIATE, means: 'no-email' },
];

/** What an alert the detector reported means on this screen. */
export function alertMeaning(id: AlertId, flow: FlowId, step: StepId): AlertMeaning {
  const reading = MEANINGS.find((m) => m.reported === id && m.steps.includes(step) && m.flows.includes(flow));
  return reading?.means ?? id;
}

const applies = (where: Where, flow: FlowId, step: StepId): boolean =>
  (!where.steps || where.steps.includes(step)) && (!where.flows || where.flows.includes(flow));

/** The guide of one alert as the detector reported it, on a given screen. */
export function alertGuide(id: AlertId, flow: FlowId, step: StepId = 'none'): AlertGuide {
  const meaning = alertMeaning(id, flow, step);
  const { variants, severity, ...base } = ALERTS[meaning];
  const variant = variants?.find((v) => applies(v, flow, step)) ?? {};
  const text = { ...base, ...variant };
  return { id, meaning, severity, title: text.title, advice: text.advice, links: text.links ?? [] };
}

/** The guides for a detection's alerts, errors first, keeping the detector's order otherwise; unknown ids dropped. */
export function alertGuides(ids: readonly string[], flow: FlowId, step: StepId = 'none'): AlertGuide[] {
  const known = [...new Set(ids)].filter((id): id is AlertId => (ALERT_IDS as readonly string[]).includes(id));
  const guides = known.map((id) => alertGuide(id, flow, step));
  return [...guides.filter((g) => g.severity === 'error'), ...guides.filter((g) => g.severity === 'warning')];
}

/** The meanings of a detection's alerts on a screen, for the guides and progress that depend on them. */
export function alertMeanings(ids: readonly string[], flow: FlowId, step: StepId): AlertMeaning[] {
  return alertGuides(ids, flow, step).map((g) => g.meaning);
}

/** Every title and advice key any alert can show, for the locale tests. */
export function alertMessageKeys(): MessageKey[] {
  return Object.values(ALERTS).flatMap((a) => [a.title, ...a.advice, ...(a.variants ?? []).flatMap((v) => [...(v.title ? [v.title] : []), ...(v.advice ?? [])])]);
}
