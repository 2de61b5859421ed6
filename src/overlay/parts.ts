/**
 * The overlay's parts, made together when it starts and torn down together: the host element, the live
 * region, focus and keys, keeping off the portal's fields, the notes beside them and the countdown feed. The
 * controller hands them their jobs; what they report back arrives through `PartsEvents`.
 */
import { render } from 'preact';
import type { PageScopes } from '../page/scopes';
import { Announcer } from './announcer';
import { FieldAvoider } from './avoidance';
import { CountdownFeed, type CountdownSource } from './countdown-feed';
import { FocusKeeper } from './focus';
import { OverlayHost } from './host';
import { WarningsLayer } from './warnings/layer';

export interface Parts {
  host: OverlayHost;
  announcer: Announcer;
  focus: FocusKeeper;
  avoider: FieldAvoider;
  warnings: WarningsLayer;
  /** The link countdown, when the services offer one; it ticks and re-renders only its own components. */
  countdown: CountdownFeed | null;
  /** Starts what runs by itself (the countdown feed), once the owner holds the parts. */
  start(): void;
  destroy(): void;
}

export interface PartsEvents {
  /** Escape inside the overlay (after it, the focus goes back to the page). */
  escape(): void;
  /** The person focused a portal field. */
  pageFocus(target: Element): void;
  render(): void;
  /** The page scrolled or resized (once per frame). */
  place(): void;
  /** The overlay's own box changed size by itself. */
  ownResize(): void;
  /** Something to say in the one live region. */
  speak(text: string): void;
}

/** `scopes`: where the portal's controls are (the document, and open shadow roots), to keep off them. */
export function mountParts(
  doc: Document,
  shadowMode: ShadowRootMode,
  countdown: CountdownSource | undefined,
  on: PartsEvents,
  scopes: PageScopes = () => [doc],
): Parts {
  const host = new OverlayHost(doc, shadowMode);
  const focus = new FocusKeeper(doc, host.element, host.root, {
    onEscape: () => {
      on.escape();
      focus.giveBack();
    },
    onPageFocus: on.pageFocus,
  });
  // Threshold announcements go through the one live region; only then is the whole overlay re-rendered.
  const feed = countdown ? new CountdownFeed(countdown, on.speak) : null;
  // Background tabs throttle timers: read the absolute clock again when the tab shows.
  const onVisibility = () => {
    if (doc.visibilityState === 'visible') feed?.tick();
  };
  const parts: Parts = {
    host,
    focus,
    announcer: new Announcer(on.render),
    avoider: new FieldAvoider(doc, host.element, (node) => focus.isOurs(node), on.place, on.ownResize, scopes),
    warnings: new WarningsLayer(doc, host.root, on.speak, scopes),
    countdown: feed,
    start() {
      if (!feed) return;
      doc.addEventListener('visibilitychange', onVisibility);
      feed.start();
    },
    destroy() {
      feed?.destroy();
      doc.removeEventListener('visibilitychange', onVisibility);
      parts.announcer.destroy();
      parts.warnings.destroy();
      parts.avoider.destroy();
      focus.destroy();
      render(null, host.container);
      host.destroy();
    },
  };
  return parts;
}
