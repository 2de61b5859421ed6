/**
 * The side area ("Guía al lado"): which windows have it open, what it shows, and opening it on request.
 *
 * The side page holds a port open while it shows and reports its window and the step it shows on it.
 * Overlays in that window are told (`side:state`) so they stay a pill beside the page instead of opening
 * over it. This lives in memory on purpose: when the worker stops, the ports drop and each side page
 * reconnects and reports again.
 */
import { parseSideReport, type SideStatus, type ToContent } from '../messages';
import { tell } from '../messages/replies';
import type { PlatformApi, PortApi } from '../platform/api';
import { capabilitiesOf } from '../platform/capabilities';

export interface SideTracker {
  /** Opens the side area for a tab or window. Call it synchronously inside the user action (no await first). */
  open(target: { tabId?: number; windowId?: number }): Promise<boolean>;
  status(windowId: number | undefined): SideStatus;
  onPort(port: PortApi): void;
}

export function createSideTracker(api: PlatformApi): SideTracker {
  // Firefox for Android has neither side panel nor sidebar: overlays there never offer "Guía al lado".
  const available = capabilitiesOf(api).side !== null;
  const CLOSED: SideStatus = Object.freeze({ open: false, showing: null, available });
  /** Per window, each open side page and the step it last said it shows. */
  const windows = new Map<number, Map<PortApi, SideStatus['showing']>>();

  const status = (windowId: number | undefined): SideStatus => {
    const ports = windowId === undefined ? undefined : windows.get(windowId);
    if (!ports || ports.size === 0) return CLOSED;
    return { open: true, showing: [...ports.values()].at(-1) ?? null, available };
  };

  const tellWindow = async (windowId: number) => {
    const message: ToContent = { type: 'side:state', ...status(windowId) };
    const tabs = await api.tabs.query({ windowId }).catch(() => []);
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : tell(api.tabs, tab.id, message))));
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
    status,
    onPort(port) {
      let windowId: number | null = null;
      port.onMessage.addListener((raw) => {
        const report = parseSideReport(raw);
        // A side page belongs to one window for its whole life.
        if (!report || (windowId !== null && report.windowId !== windowId)) return;
        windowId = report.windowId;
        const ports = windows.get(windowId) ?? new Map<PortApi, SideStatus['showing']>();
        const before = status(windowId);
        windows.set(windowId, ports.set(port, report.showing));
        const after = status(windowId);
        if (before.open !== after.open || before.showing !== after.showing) void tellWindow(windowId);
      });
      port.onDisconnect.addListener(() => {
        if (windowId === null) return;
        const ports = windows.get(windowId);
        ports?.delete(port);
        if (ports?.size === 0) windows.delete(windowId);
        void tellWindow(windowId);
      });
    },
  };
}
