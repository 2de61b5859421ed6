/**
 * What to say when the portal shows a problem: a calm title, two or three concrete actions, and where useful a
 * link to the official page that solves it. Data only; the overlay decides how it looks.
 */
import { ALERT_IDS, type AlertId, type FlowId, type StepId } from '../detect/vocabulary';
import type { MessageKey } from '../i18n/t';
import type { OfficialLinkId } from './links';

/** Severity picks the icon and the visible word ("Error" / "Atención"); never only a colour. */
export type AlertSeverity = 'error' | 'warning';

export interface AlertGuide {
  id: AlertId;
  severity: AlertSeverity;
  title: MessageKey;
  advice: MessageKey[];
  links: OfficialLinkId[];
}

type AlertData = Omit<AlertGuide, 'id' | 'links'> & {
  links?: OfficialLinkId[];
  /** Per-flow links, e.g. a new unlock link must be asked for on the unlock page. */
  linksByFlow?: Partial<Record<FlowId, OfficialLinkId[]>>;
  /** Per-step advice where the same alert means something else, e.g. a rejected number versus rejected answers. */
  adviceByStep?: Partial<Record<StepId, MessageKey[]>>;
};

const ALERTS: Record<AlertId, AlertData> = {
  'captcha-error': {
    severity: 'warning',
    title: 'alertCaptchaTitle',
    advice: ['alertCaptchaRetick', 'alertCaptchaExpiry'],
  },
  'data-mismatch': {
    severity: 'error',
    title: 'alertMismatchTitle',
    advice: ['alertMismatchExact', 'alertMismatchChange', 'alertMismatchLimited'],
    adviceByStep: {
      identity: ['alertMismatchNumberDigits', 'alertMismatchNumberOffice'],
      code: ['alertMismatchCodeLatest', 'alertMismatchLimited'],
    },
  },
  'not-registered': {
    severity: 'error',
    title: 'alertNotRegisteredTitle',
    advice: ['alertNotRegisteredDigits', 'alertNotRegisteredOffice'],
  },
  'account-blocked': {
    severity: 'error',
    title: 'alertBlockedTitle',
    advice: ['alertBlockedOnline', 'alertBlockedInPerson'],
    links: ['unlock'],
  },
  'link-expired': {
    severity: 'warning',
    title: 'alertLinkExpiredTitle',
    advice: ['alertLinkExpiredNew', 'alertLinkExpiredInbox'],
    links: ['recover'],
    linksByFlow: { unlock: ['unlock'] },
  },
  'session-expired': {
    severity: 'warning',
    title: 'alertSessionTitle',
    advice: ['alertSessionIdle', 'alertSessionRestart'],
  },
  'service-unavailable': {
    severity: 'warning',
    title: 'alertUnavailableTitle',
    advice: ['alertUnavailableLater', 'alertUnavailableNoLoop'],
  },
};

export function alertGuide(id: AlertId, flow: FlowId, step: StepId = 'none'): AlertGuide {
  const { linksByFlow, links, adviceByStep, advice, ...rest } = ALERTS[id];
  return { id, ...rest, advice: adviceByStep?.[step] ?? advice, links: linksByFlow?.[flow] ?? links ?? [] };
}

/** The guides for a detection's alerts, errors first, keeping the detector's order otherwise; unknown ids dropped. */
export function alertGuides(ids: readonly AlertId[], flow: FlowId, step: StepId = 'none'): AlertGuide[] {
  const known = [...new Set(ids)].filter((id) => (ALERT_IDS as readonly string[]).includes(id));
  const guides = known.map((id) => alertGuide(id, flow, step));
  return [...guides.filter((g) => g.severity === 'error'), ...guides.filter((g) => g.severity === 'warning')];
}
