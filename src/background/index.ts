/**
 * The background: routes keyboard shortcuts to the active tab's content script and keeps each tab's
 * checklist ticks in session storage (content scripts cannot read `storage.session` in every browser).
 * It holds no state in memory: Chrome stops the worker after ~30 s idle and Firefox unloads the event page.
 */
import type { Runtime } from 'webextension-polyfill';
import { platform } from '../platform/browser';
import { COMMAND_TO_MESSAGE, parseToBackground } from '../messages';
import { parseTicks, ticksKey } from '../storage/schema';
import { isTrustedSender } from './sender';

platform.commands.onCommand.addListener(async (command, tab) => {
  const message = COMMAND_TO_MESSAGE[command];
  const tabId = tab?.id ?? (await platform.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (!message || tabId === undefined) return;
  // A tab that is not an IESS page has no content script; there is nothing to toggle there.
  await platform.tabs.sendMessage(tabId, message).catch(() => undefined);
});

platform.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  const message = parseToBackground(raw);
  const tabId = sender.tab?.id;
  if (!message || tabId === undefined || !isTrustedSender(sender, platform.runtime.id)) return undefined;
  const key = ticksKey(tabId);
  if (message.type === 'ticks:get') {
    return platform.storage.session.get(key).then((stored) => parseTicks(stored[key]));
  }
  return platform.storage.session.set({ [key]: message.ticks }).then(() => true);
});

platform.tabs.onRemoved.addListener((tabId) => {
  void platform.storage.session.remove(ticksKey(tabId));
});
