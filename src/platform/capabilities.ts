/**
 * What this browser offers beyond the page, detected from the API itself rather than assumed from the build
 * target: Firefox for Android runs the same Firefox package with no sidebar, no side panel and no keyboard
 * shortcuts (research: phones-reports-stores-cost.md §A.1). Every surface asks here before offering a button
 * or a shortcut, so nothing is shown that cannot work where it is shown.
 */
import type { PlatformApi } from './api';

export interface Capabilities {
  /** Where the guide can sit beside the page: Chrome's side panel, Firefox's sidebar, or nowhere (a phone). */
  side: 'panel' | 'sidebar' | null;
  /** Keyboard shortcuts (the `commands` API): absent where no physical keyboard is assumed. */
  shortcuts: boolean;
}

export function capabilitiesOf(api: Pick<PlatformApi, 'sidePanel' | 'sidebarAction' | 'commands'>): Capabilities {
  return {
    side: api.sidePanel ? 'panel' : api.sidebarAction ? 'sidebar' : null,
    shortcuts: !!api.commands,
  };
}
