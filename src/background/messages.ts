/**
 * The background's message dispatch: one handler per message type, each reached only after the message
 * passed its validator and its sender is the kind the table in `messages/` allows.
 */
import { TO_BACKGROUND, parseToBackground, type MessageOf, type ToBackgroundType } from '../messages';
import type { MessageSender, PlatformApi } from '../platform/api';
import type { ActivePersonData } from '../messages';
import type { ReplyOf } from '../messages/replies';
import { personForStep } from '../flow/warnings';
import { CATALOGUES } from '../i18n/catalogues';
import { OPTIONS } from '../storage/options';
import { PEOPLE_REMEMBERED, PEOPLE_SESSION, activePerson } from '../storage/people';
import { SETTINGS, isHostName, tabStepItem, ticksItem } from '../storage/schema';
import type { Store } from '../storage/store';
import type { DeadlineKeeper } from './deadline';
import type { SideTracker } from './side';
import { injectEstimator, injectGuide } from './estimator';
import { senderHost, senderKind } from './sender';

export interface HandlerContext {
  /** The sender's tab, for messages from content scripts. */
  tabId: number | undefined;
  sender: MessageSender;
  api: PlatformApi;
}

/** Each handler answers with its request's reply type (messages/replies.ts), which the sender parses again. */
type Handlers = { [K in ToBackgroundType]: (message: MessageOf<K>, context: HandlerContext) => Promise<ReplyOf<K>> };

export function messageHandlers(store: Store, deadlines?: DeadlineKeeper, side?: SideTracker): Handlers {
  /** The person being helped, from the list the options say is kept, without its id or ticks; null for nobody. */
  const activeData = async (): Promise<ActivePersonData | null> => {
    const options = await store.get(OPTIONS);
    const person = activePerson(await store.get(options.rememberPeople ? PEOPLE_REMEMBERED : PEOPLE_SESSION));
    if (!person) return null;
    const { id: _id, preflight: _ticks, ...data } = person;
    return data;
  };
  return {
    'ticks:get': (_m, { tabId }) => store.get(ticksItem(tabId!)),
    'ticks:set': async (m, { tabId }) => {
      await store.update(ticksItem(tabId!), () => m.ticks);
      return true;
    },
    'settings:patch': async (m) => {
      await store.update(SETTINGS, (settings) => ({ ...settings, ...m.patch }));
      return true;
    },
    'site:hide': async (_m, { sender }) => {
      const host = senderHost(sender);
      if (!isHostName(host)) return false;
      await store.update(SETTINGS, (s) => ({ ...s, hiddenHosts: [...new Set([...s.hiddenHosts, host])] }));
      return true;
    },
    'data:erase': async () => {
      await store.eraseAll();
      return true;
    },
    'page:step': async (m, { tabId }) => {
      // The same tab's previous step tells a resubmitted form from a reload (flow/countdown/start.ts startDeadline).
      const previous = await store.get(tabStepItem(tabId!));
      await store.update(tabStepItem(tabId!), () => ({ step: m.step, flow: m.flow, alerts: m.alerts, at: Date.now() }));
      await deadlines?.onStep(m.step, m.flow, previous?.step ?? null, m.validityMs);
      return true;
    },
    'countdown:start': async (m) => {
      if (!deadlines) return false;
      await deadlines.startManual({ ...(m.flow ? { flow: m.flow } : {}), ...(m.validityMs !== undefined ? { validityMs: m.validityMs } : {}) });
      return true;
    },
    'countdown:stop': async () => {
      if (!deadlines) return false;
      await deadlines.stop();
      return true;
    },
    // Only what the asking step compares: the label everywhere, data only on the steps that check it (issue 18).
    'person:active': async (m) => {
      const data = await activeData();
      return data && personForStep(data, m.step);
    },
    // The anonymous copy removes every prepared value the page shows, so it compares them all (issue 21).
    'person:copy': () => activeData(),
    'i18n:catalogue': async (m) => CATALOGUES[m.language],
    // Synchronous up to `open`: Chrome accepts it only while the click's user action is still current.
    'side:open': (_m, { sender }) => side?.open({ tabId: sender.tab?.id }) ?? Promise.resolve(false),
    'side:get': async (_m, { sender }) => side?.status(sender.tab?.windowId) ?? { open: false, showing: null, available: false },
    'estimator:load': (_m, { api, sender }) => injectEstimator(api, sender),
    'guide:load': (_m, { api, sender }) => injectGuide(api, sender),
  };
}

/**
 * The `runtime.onMessage` listener. Returns undefined (no answer) for anything it does not accept, so an
 * unknown or untrusted message never gets a reply.
 */
export function createDispatcher(api: PlatformApi, handlers: Handlers) {
  return (raw: unknown, sender: MessageSender): Promise<unknown> | undefined => {
    const message = parseToBackground(raw);
    if (!message) return undefined;
    const kind = senderKind(sender, api.runtime.id, api.runtime.getURL(''));
    if (kind === null || kind !== TO_BACKGROUND[message.type].from) return undefined;
    const handler = handlers[message.type] as (m: typeof message, c: HandlerContext) => Promise<unknown>;
    return handler(message, { tabId: sender.tab?.id, sender, api });
  };
}
