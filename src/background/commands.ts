/** Keyboard shortcuts: routed to the content script of the tab they were pressed in. */
import { COMMAND_TO_MESSAGE } from '../messages';
import type { PlatformApi, TabInfo } from '../platform/api';

export function createCommandRouter(api: PlatformApi) {
  return async (command: string, tab?: TabInfo): Promise<void> => {
    const message = COMMAND_TO_MESSAGE[command];
    if (!message) return;
    const tabId = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // A tab that is not an IESS page has no content script; there is nothing to toggle there.
    await api.tabs.sendMessage(tabId, message).catch(() => undefined);
  };
}
