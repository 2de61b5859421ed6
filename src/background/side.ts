/**
 * The side area ("Guía al lado"): which windows have it open, and opening it on the person's request.
 *
 * The side page holds a port open while it shows; its first message names its window. Overlays in that
 * window are told (`side:state`) so they stay a pill beside the page instead of opening over it. The set
 * lives in memory on purpose: when the worker stops, the ports drop and each open side page reconnects.
 */
import type { ToContent } from '../messages';
import type { PlatformApi, PortApi } from '../platform/api';

export interface SideTracker {
  /** Opens the side area for a tab or window. Call it synchronously inside the user action (no await first). */
  open(target: { tabId?: number; windowId?: number }): Promise<boolean>;
  isOpen(windowId: number | undefined): boolean;
  onPort(port: PortApi): void;
}

const isWindowId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function createSideTracker(api: PlatformApi): SideTracker {
  const open = new Map<number, Set<PortApi>>();

  const tellWindow = async (windowId: number, message: ToContent) => {
    const tabs = await api.tabs.query({ windowId }).catch(() => []);
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : api.tabs.sendMessage(tab.id, message).catch(() => undefined))));
  };

  return {
    open(target) {
      // Firefox: a page click does not count as a user action for `sidebarAction.open`; the pill says how instead.
      if (!api.sidePanel) return Promise.resolve(false);
      return api.sidePanel.open(target).then(
        () => true,
        () => false,
      );
    },
    isOpen: (windowId) => windowId !== undefined && (open.get(windowId)?.size ?? 0) > 0,
    onPort(port) {
      let windowId: number | null = null;
      port.onMessage.addListener((message) => {
        const named = (message as { windowId?: unknown } | null)?.windowId;
        if (windowId !== null || !isWindowId(named)) return;
        windowId = named;
        const ports = open.get(windowId) ?? new Set();
        const wasOpen = ports.size > 0;
        open.set(windowId, ports.add(port));
        if (!wasOpen) void tellWindow(windowId, { type: 'side:state', open: true });
      });
      port.onDisconnect.addListener(() => {
        if (windowId === null) return;
        const ports = open.get(windowId);
        ports?.delete(port);
        if (ports && ports.size === 0) {
          open.delete(windowId);
          void tellWindow(windowId, { type: 'side:state', open: false });
        }
      });
    },
  };
}
