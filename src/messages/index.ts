/**
 * Every message that crosses between ClaveGuía's contexts, who may send it, and the check that accepts it.
 * Content scripts run beside untrusted pages, so each receiver validates shape before acting, through the
 * tables below (one entry per message type). No message ever carries a value typed into the page.
 */
import { isAlertId, isFlowId, isStepId, type AlertId, type FlowId, type StepId } from '../detect/vocabulary';
import { emptyCounts, REMOVED_KINDS, type RemovedCounts } from '../anonymize/counts';
import type { Person } from '../storage/people';
import { parseTicks, type SettingsPatch, type Ticks } from '../storage/schema';

/** What the content script may know of the active person: the label to name, and data for local checks only. */
export type ActivePersonData = Omit<Person, 'id' | 'preflight'>;

/** Sent by the background to content scripts. */
export type ToContent =
  | { type: 'overlay:toggle' }
  | { type: 'overlay:focus' }
  | { type: 'data:erased' }
  /** The person being helped changed (switch, edit, remember): ask `person:active` again. No data travels. */
  | { type: 'person:changed' }
  /**
   * Whether the side area is open in this tab's window (the overlay then stays a pill beside the page), and
   * which step it shows (QA reads it on the host: Firefox's sidebar cannot be inspected from a test).
   */
  | ({ type: 'side:state' } & SideStatus)
  /**
   * The side area asks for an anonymous copy of the tab's page (issue 21): the content script builds it there,
   * with the person's data compared in memory, and answers with a `CopyAnswer`. Nothing is stored or sent on.
   */
  | { type: 'copy:make' };

/** Sent to the background, which answers for the sender (its tab, or the extension page). */
export type ToBackground =
  | { type: 'ticks:get' }
  | { type: 'ticks:set'; ticks: Ticks }
  | { type: 'settings:patch'; patch: SettingsPatch }
  /** Hide the guide on the sender's own host: the host comes from the sender, never from the message. */
  | { type: 'site:hide' }
  | { type: 'data:erase' }
  /**
   * What the page shows now (structure only): the popup's status and the link countdown follow it. `validityMs`:
   * how long the page itself says its link or code lasts, when it says so.
   */
  | { type: 'page:step'; step: StepId; flow: FlowId; alerts: AlertId[]; validityMs?: number }
  /**
   * The pill's "Guía al lado" button: open the side area for the sender's tab. Chrome accepts it because the
   * click's user action travels with the message; the answer says whether it opened (Firefox: no, say how).
   */
  | { type: 'side:open' }
  /** Whether the side area is open in the sender's window (asked once at start; changes come as `side:state`). */
  | { type: 'side:get' }
  /**
   * The person being helped, as the sender's step may see it: the label, and only the fields that step compares
   * (flow/warnings.ts `personForStep`); answered with `ActivePersonData` or null.
   */
  | { type: 'person:active'; step: StepId }
  /**
   * The anonymous copy, made on a person's click: every prepared field of the person being helped, so the copy
   * removes them wherever the page shows them. Compared in memory where the page is; never stored or sent on.
   */
  | { type: 'person:copy' }
  /** The words of a language forced on the options page (the content script ships none of its own). */
  | { type: 'i18n:catalogue'; language: 'es' | 'en' }
  /**
   * On the new-key step: put the strength estimator into the sender's own isolated world (its tab and frame).
   * Empty: the key is only ever passed to the estimator there. Answered with true once it is there.
   */
  | { type: 'estimator:load' }
  /**
   * The resident script detected a recovery step (or an alert, or steps to choose from): put the guide into the
   * sender's own isolated world (its tab and frame), once per document. Empty; answered with true once it is there.
   */
  | { type: 'guide:load' }
  /** The popup starts or restarts the link countdown by hand (flow and validity optional). */
  | { type: 'countdown:start'; flow?: FlowId; validityMs?: number }
  /** The popup stops the countdown shown. */
  | { type: 'countdown:stop' };

export type ToBackgroundType = ToBackground['type'];
export type MessageOf<K extends ToBackgroundType> = Extract<ToBackground, { type: K }>;

/**
 * Which context may send each message: `content` = our content script in a top-level IESS page;
 * `extension` = one of our own pages (popup, options).
 */
export type SenderKind = 'content' | 'extension';

type Fields = Record<string, unknown>;
interface BackgroundEntry<K extends ToBackgroundType> {
  from: SenderKind;
  parse(fields: Fields): MessageOf<K> | null;
}

function parsePatch(raw: unknown): SettingsPatch | null {
  if (!raw || typeof raw !== 'object') return null;
  const { dock, collapsed } = raw as Fields;
  const patch: SettingsPatch = {};
  if (dock === 'left' || dock === 'right') patch.dock = dock;
  if (typeof collapsed === 'boolean') patch.collapsed = collapsed;
  return Object.keys(patch).length > 0 ? patch : null;
}

export const TO_BACKGROUND: { [K in ToBackgroundType]: BackgroundEntry<K> } = {
  'ticks:get': { from: 'content', parse: () => ({ type: 'ticks:get' }) },
  'ticks:set': { from: 'content', parse: (m) => ({ type: 'ticks:set', ticks: parseTicks(m.ticks).value }) },
  'settings:patch': {
    from: 'content',
    parse: (m) => {
      const patch = parsePatch(m.patch);
      return patch ? { type: 'settings:patch', patch } : null;
    },
  },
  'site:hide': { from: 'content', parse: () => ({ type: 'site:hide' }) },
  'data:erase': { from: 'extension', parse: () => ({ type: 'data:erase' }) },
  'page:step': {
    from: 'content',
    parse: (m) => {
      if (!isStepId(m.step) || !isFlowId(m.flow)) return null;
      const alerts = Array.isArray(m.alerts) ? [...new Set(m.alerts.filter(isAlertId))] : [];
      const stated = typeof m.validityMs === 'number' && Number.isFinite(m.validityMs) ? { validityMs: m.validityMs } : {};
      return { type: 'page:step', step: m.step, flow: m.flow, alerts, ...stated };
    },
  },
  'side:open': { from: 'content', parse: () => ({ type: 'side:open' }) },
  'side:get': { from: 'content', parse: () => ({ type: 'side:get' }) },
  'person:active': { from: 'content', parse: (m) => ({ type: 'person:active', step: isStepId(m.step) ? m.step : 'none' }) },
  'person:copy': { from: 'content', parse: () => ({ type: 'person:copy' }) },
  'i18n:catalogue': {
    from: 'content',
    parse: (m) => (m.language === 'es' || m.language === 'en' ? { type: 'i18n:catalogue', language: m.language } : null),
  },
  'estimator:load': { from: 'content', parse: () => ({ type: 'estimator:load' }) },
  'guide:load': { from: 'content', parse: () => ({ type: 'guide:load' }) },
  'countdown:start': {
    from: 'extension',
    parse: (m) => {
      if (m.flow !== undefined && !isFlowId(m.flow)) return null;
      if (m.validityMs !== undefined && !(typeof m.validityMs === 'number' && Number.isFinite(m.validityMs))) return null;
      return {
        type: 'countdown:start',
        ...(m.flow !== undefined ? { flow: m.flow as FlowId } : {}),
        ...(m.validityMs !== undefined ? { validityMs: m.validityMs as number } : {}),
      };
    },
  },
  'countdown:stop': { from: 'extension', parse: () => ({ type: 'countdown:stop' }) },
};

const isFields = (raw: unknown): raw is Fields => !!raw && typeof raw === 'object' && !Array.isArray(raw);

export function parseToBackground(raw: unknown): ToBackground | null {
  if (!isFields(raw) || typeof raw.type !== 'string' || !Object.hasOwn(TO_BACKGROUND, raw.type)) return null;
  const entry = TO_BACKGROUND[raw.type as ToBackgroundType] as BackgroundEntry<ToBackgroundType>;
  return entry.parse(raw);
}

const TO_CONTENT_TYPES: readonly ToContent['type'][] = ['overlay:toggle', 'overlay:focus', 'data:erased', 'person:changed', 'side:state', 'copy:make'];

export function parseToContent(raw: unknown): ToContent | null {
  if (!isFields(raw)) return null;
  const type = raw.type as ToContent['type'];
  if (type === 'side:state') {
    const side = parseSideStatus(raw);
    return side ? { type, ...side } : null;
  }
  return TO_CONTENT_TYPES.includes(type) ? ({ type } as ToContent) : null;
}

/** Keyboard commands declared in manifest.json, mapped to what they ask of the overlay. */
export const COMMAND_TO_MESSAGE: Record<string, ToContent> = {
  'toggle-overlay': { type: 'overlay:toggle' },
  'focus-overlay': { type: 'overlay:focus' },
};

/** The port every content script holds open: its disconnection is how a stale script learns it is orphaned. */
export const CONTENT_PORT_NAME = 'claveguia:content';

/**
 * The port the side area holds while open: its messages name its window and the step it shows
 * (`SideReport`); its loss says it closed.
 */
export const SIDE_PORT_NAME = 'claveguia:side';

export interface SideReport {
  windowId: number;
  showing: StepId | null;
}

/** What the side area says on its port, or null for anything else. */
export function parseSideReport(raw: unknown): SideReport | null {
  if (!isFields(raw)) return null;
  const { windowId, showing } = raw;
  if (typeof windowId !== 'number' || !Number.isInteger(windowId) || windowId < 0) return null;
  return { windowId, showing: isStepId(showing) ? showing : null };
}

/** The answer to `side:get`, and the body of `side:state`. */
export interface SideStatus {
  open: boolean;
  showing: StepId | null;
  /** This browser has a side column at all (false on Firefox for Android): only then is "Guía al lado" offered. */
  available: boolean;
}

export function parseSideStatus(raw: unknown): SideStatus | null {
  if (!isFields(raw) || typeof raw.open !== 'boolean') return null;
  return { open: raw.open, showing: isStepId(raw.showing) ? raw.showing : null, available: raw.available === true };
}

/** The port a countdown view (overlay chip, popup) holds while its clock runs, pinging every second: the badge follows. */
export const COUNTDOWN_PORT_NAME = 'claveguia:countdown';

/** The answer to `copy:make`: the anonymous copy's file text, its preview and what it removed. */
export interface CopyAnswer {
  html: string;
  preview: string;
  url: string;
  removed: RemovedCounts;
}

/** The biggest copy accepted over a message (a 50,000-element page makes about 3 MB). */
const MAX_COPY_CHARS = 32_000_000;

export function parseCopyAnswer(raw: unknown): CopyAnswer | null {
  if (!isFields(raw)) return null;
  const { html, preview, url, removed } = raw;
  if (typeof html !== 'string' || html.length > MAX_COPY_CHARS || typeof preview !== 'string' || typeof url !== 'string' || !isFields(removed)) return null;
  const counts = emptyCounts();
  for (const kind of REMOVED_KINDS) {
    const n = removed[kind];
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) counts[kind] = n;
  }
  return { html, preview: preview.slice(0, 20_000), url: url.slice(0, 2000), removed: counts };
}
