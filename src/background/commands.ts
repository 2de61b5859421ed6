/** Keyboard shortcuts: the side area opens from here; the others go to the content script of the tab. */
import { COMMAND_TO_MESSAGE } from '../messages';
import { tell } from '../messages/replies';
import type { PlatformApi, TabInfo } from '../platform/api';
import { SIDE_COMMAND } from '../platform/manifest';
import type { SideTracker } from './side';

export function createCommandRouter(api: PlatformApi, side?: SideTracker) {
  return async (command: string, tab?: TabInfo): Promise<void> => {
    if (command === SIDE_COMMAND) {
      // Before any await: the shortcut is the user action Chrome requires for opening the side panel.
      await side?.open(tab?.windowId !== undefined ? { windowId: tab.windowId } : { tabId: tab?.id });
      return;
    }
    const message = COMMAND_TO_MESSAGE[command];
    if (!message) return;
    const tabId = tab?.id ?? (await api.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    // A tab that is not an IESS page has no content script; there is nothing to toggle there.
    await tell(api.tabs, tabId, message);
  };
}
