/**
 * What to say when the portal shows a problem: a calm title, two or three concrete actions, and where useful a
 * link to the official page that solves it. Data only; the overlay decides how it looks.
 *
 * What an alert means is decided by the message's own words (the detector's id), never guessed from the step or
 * the flow: a "not registered" message stays "not registered" on every page (issue 18). The step and flow only
 * pick the words for the same meaning (a rejected cédula on the first page, a wrong code on the code page), so each
 * alert holds variants keyed by step and flow; the first variant that matches the screen wins, else the default.
 */
import { ALERT_IDS, type AlertId, type FlowId, type StepId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';
import type { OfficialLinkId } from './links';

/** What an alert means for the person: exactly what the detector read in the message's words. */
export type AlertMeaning = AlertId;

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
      { flows: ['unlock'], title: 'alertNotRegisteredUnlockTitle', advice: ['alertNotRegisteredDigits', 'alertNotRegisteredOffice'] },
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
      // Already on the unlock page and the message does not say why: only the known requirement, hedged.
      { flows: ['unlock'], title: 'alertBlockedUnlockTitle', advice: ['alertBlockedUnlockRead', 'alertBlockedOnline', 'alertBlockedInPerson'], links: [] },
    ],
  },
  // The message itself says no fingerprint is registered: then, and only then, the way is in person.
  'no-fingerprint': {
    severity: 'error',
    title: 'alertBlockedNoFingerprintTitle',
    advice: ['alertBlockedNoFingerprintOffice', 'alertBlockedNoFingerprintLater'],
  },
  // "Generación de códigos OTP bloqueada… intente nuevamente en 02:41": the page itself says to wait.
  'code-paused': {
    severity: 'warning',
    title: 'alertCodePausedTitle',
    advice: ['alertCodePausedWait', 'alertCodePausedKey'],
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

/** What an alert the detector reported means on this screen: what its words said, whatever the screen. */
export function alertMeaning(id: AlertId): AlertMeaning {
  return id;
}

const applies = (where: Where, flow: FlowId, step: StepId): boolean =>
  (!where.steps || where.steps.includes(step)) && (!where.flows || where.flows.includes(flow));

/** The guide of one alert as the detector reported it, on a given screen. */
export function alertGuide(id: AlertId, flow: FlowId, step: StepId = 'none'): AlertGuide {
  const meaning = alertMeaning(id);
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
