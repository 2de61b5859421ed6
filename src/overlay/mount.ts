/**
 * Puts the overlay beside the IESS portal, and takes it away again without a trace.
 *
 * Bitwarden-style lifecycle: `createOverlay` touches nothing; `start()` mounts once; `destroy()` removes every
 * node, listener and timer. The page only ever gets ONE plain `div` host (custom elements are unavailable in
 * content scripts) carrying data attributes for QA; everything else lives in a shadow root, styled by the
 * inlined CSS, and shown in the top layer as a manual popover. We never add classes or styles to the portal's
 * elements, and we move our panel out of the way when it would cover the field the person is typing in.
 */
import { h, render } from 'preact';
import type { Detection } from '../detect/vocabulary';
import type { GuidedStep } from '../flow/guidance';
import { t } from '../i18n/t';
import { overlayLanguage } from './lang';
import { DEFAULT_SETTINGS, type DockSide, type Settings, type Ticks } from '../storage/schema';
import type { OverlayActions } from './actions';
import { App } from './App';
import css from './overlay.css?inline';
import { buildReport } from './report';
import { buildView, keepChoice, type Choice, type ViewModel } from './view';
import { choosePlacement, NO_AVOIDANCE, opposite, type Avoidance, type Rect, type Size } from './placement';

export interface OverlayServices {
  /** Extension version, for the QA panel. */
  version: string;
  loadSettings(): Promise<Settings>;
  saveSettings(patch: Partial<Pick<Settings, 'dock' | 'collapsed'>>): Promise<void>;
  /** Remembered; reversible from the popup. */
  hideOnThisSite(): Promise<void>;
  /** Checklist ticks for this tab. */
  loadTicks(): Promise<Ticks>;
  saveTicks(ticks: Ticks): Promise<void>;
  /** For "Copiar informe". */
  copyText(text: string): Promise<void>;
}

export interface Overlay {
  start(): void;
  update(detection: Detection): void;
  /** Shows or hides the whole overlay (keyboard command). */
  toggleVisibility(): void;
  /** Moves focus into the panel and, called again, back to the page element that had it. */
  toggleFocus(): void;
  destroy(): void;
}

export interface OverlayOptions {
  shadowMode?: ShadowRootMode;
}

export const HOST_ATTRIBUTE = 'data-claveguia-host';
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;
/** How long the (empty) live region exists before its first words. */
export const LIVE_SETTLE_MS = 400;
const REPEAT_GAP_MS = 150;
const MAX_HOST_CORRECTIONS = 50;

/** What counts as a portal field the overlay must never cover: controls and the labels people click. */
const FIELD_SELECTOR = 'input:not([type="hidden"]), select, textarea, button, label';
const MAX_FIELDS = 300;

/** A control's box, or null when it takes no space (hidden, collapsed wizard tab). */
function boxOf(element: Element): Rect | null {
  const box = element.getBoundingClientRect();
  return box.width <= 0 && box.height <= 0 ? null : box;
}

function defaultShadowMode(): ShadowRootMode {
  return typeof __SHADOW_MODE__ === 'string' ? __SHADOW_MODE__ : 'closed';
}

export function createOverlay(doc: Document, services: OverlayServices, options: OverlayOptions = {}): Overlay {
  return new OverlayController(doc, services, options.shadowMode ?? defaultShadowMode());
}

class OverlayController implements Overlay {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private container: HTMLElement | null = null;
  private destroyed = false;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private detection: Detection | null = null;
  private url = '';
  private choice: Choice | null = null;
  private picking = false;

  private settings: Settings = { ...DEFAULT_SETTINGS, hiddenHosts: [] };
  private settingsPatch: Partial<Pick<Settings, 'dock' | 'collapsed'>> = {};
  private settingsLoaded = false;
  private ticks: Ticks = {};
  /** null = automatic; true/false = the person's keyboard command for this page. */
  private userVisible: boolean | null = null;
  private hiddenHere = false;
  private avoid: Avoidance = NO_AVOIDANCE;
  /** The person opened the pill themselves: only the focused field is avoided until the step changes. */
  private userExpanded = false;
  private placeFrame = 0;
  private panelSize: Size | null = null;
  private pillSize: Size | null = null;
  private popoverOpen = false;
  private hostAttributes: Record<string, string> = {};
  private hostGuard: MutationObserver | null = null;
  private hostCorrections = 0;

  private live = '';
  private liveTimer: ReturnType<typeof setTimeout> | null = null;
  private mountedAt = 0;
  private spokenTitle: string | null = null;
  private spokenAlerts = new Set<string>();
  /** The page element that last had focus, to give it back (Escape, toggleFocus, hiding). */
  private pageFocus: HTMLElement | null = null;

  private readonly actions: OverlayActions = {
    tick: (id, checked) => {
      this.ticks = { ...this.ticks, [id]: checked };
      this.render();
      this.quietly(this.services.saveTicks(this.ticks));
    },
    collapse: () => {
      this.setCollapsed(true);
      this.focusInside('[data-action="expand"]');
    },
    expand: () => {
      this.userExpanded = true;
      this.setCollapsed(false);
      this.focusInside('[data-cg-focus-start]');
    },
    setDock: (side) => {
      this.avoid = NO_AVOIDANCE;
      this.changeSettings({ dock: side });
    },
    hideOnThisSite: () => {
      this.hiddenHere = true;
      this.userVisible = null;
      this.refresh();
      this.returnFocus();
      this.quietly(this.services.hideOnThisSite());
    },
    pick: (step: GuidedStep) => {
      this.choice = { step, url: this.currentUrl() };
      this.picking = false;
      this.refresh();
      this.focusInside('[data-cg-focus-start]');
    },
    repick: () => {
      this.picking = true;
      this.refresh();
      this.focusInside('[data-cg-focus-start]');
    },
    copyReport: async () => {
      try {
        await this.services.copyText(JSON.stringify(this.report(this.view()), null, 2));
        return true;
      } catch {
        return false;
      }
    },
  };

  constructor(
    private readonly doc: Document,
    private readonly services: OverlayServices,
    private readonly shadowMode: ShadowRootMode,
  ) {}

  start(): void {
    if (this.host || this.destroyed) return;
    // A content script orphaned by an extension reload may have left its host behind: one host per page.
    for (const stale of this.doc.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) stale.remove();

    const host = this.doc.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    host.setAttribute('popover', 'manual');
    host.hidden = true;
    const root = host.attachShadow({ mode: this.shadowMode });
    const style = this.doc.createElement('style');
    style.textContent = css;
    const container = this.doc.createElement('div');
    root.append(style, container);
    for (const type of KEY_EVENTS) root.addEventListener(type, this.onKey);
    // The root element, not <body>: some JSF pages replace the body's content wholesale.
    this.doc.documentElement.append(host);
    this.doc.addEventListener('focusin', this.onFocusIn, { capture: true, passive: true });
    this.doc.defaultView?.addEventListener('resize', this.onLayoutChange, { passive: true });
    this.doc.addEventListener('scroll', this.onLayoutChange, { capture: true, passive: true });
    // The content script's own constructor first (Firefox Xrays), the document's window as a fallback.
    const Observer = globalThis.MutationObserver ?? this.doc.defaultView?.MutationObserver;
    if (Observer) {
      this.hostGuard = new Observer(this.onHostMutated);
      this.hostGuard.observe(host, { attributes: true });
    }

    this.host = host;
    this.root = root;
    this.container = container;
    this.mountedAt = Date.now();
    this.render();

    this.services.loadSettings().then(
      (settings) => {
        this.settings = { ...settings, ...this.settingsPatch };
        this.settingsLoaded = true;
        this.refresh();
      },
      () => {
        this.settingsLoaded = true;
        this.refresh();
      },
    );
    this.services.loadTicks().then(
      (ticks) => {
        this.ticks = { ...ticks, ...this.ticks };
        this.render();
      },
      () => undefined,
    );
  }

  update(detection: Detection): void {
    if (this.destroyed) return;
    const url = this.currentUrl();
    if (url !== this.url) this.picking = false;
    this.url = url;
    this.choice = keepChoice(this.choice, detection, url);
    if (detection.step !== 'none') this.picking = false;
    if (detection.step !== this.detection?.step) this.userExpanded = false;
    this.detection = detection;
    this.refresh();
  }

  toggleVisibility(): void {
    if (!this.host) return;
    const visible = this.isVisible(this.view());
    if (visible && this.focusIsInside()) this.returnFocus();
    this.userVisible = !visible;
    this.refresh();
  }

  toggleFocus(): void {
    if (!this.host) return;
    if (this.focusIsInside()) {
      this.returnFocus();
      return;
    }
    this.rememberPageFocus(this.doc.activeElement);
    const view = this.view();
    // Nothing to show on a page that is not part of a recovery: do not arm a later surprise appearance.
    if (view.mode === 'hidden') return;
    if (!this.isVisible(view)) {
      this.userVisible = true;
      this.refresh();
    }
    this.focusInside('[data-cg-focus-start], [data-action="expand"]');
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.doc.removeEventListener('focusin', this.onFocusIn, { capture: true });
    this.doc.defaultView?.removeEventListener('resize', this.onLayoutChange);
    this.doc.removeEventListener('scroll', this.onLayoutChange, { capture: true });
    if (this.placeFrame) this.doc.defaultView?.cancelAnimationFrame(this.placeFrame);
    if (this.container) render(null, this.container);
    if (this.root) for (const type of KEY_EVENTS) this.root.removeEventListener(type, this.onKey);
    if (this.host && this.popoverOpen) this.callPopover('hidePopover');
    this.hostGuard?.disconnect();
    this.hostGuard = null;
    this.host?.remove();
    this.host = this.root = this.container = null;
    this.pageFocus = null;
  }

  // ---- state → DOM

  private view(): ViewModel {
    return buildView(this.detection, this.choice, this.picking);
  }

  private report(view: ViewModel) {
    return buildReport(this.detection, view, this.services.version, overlayLanguage());
  }

  private isVisible(view: ViewModel): boolean {
    if (!this.settingsLoaded || view.mode === 'hidden') return false;
    if (this.userVisible !== null) return this.userVisible;
    const hostName = this.doc.location?.hostname ?? '';
    return !this.hiddenHere && !this.settings.hiddenHosts.includes(hostName);
  }

  private dock(): DockSide {
    return this.avoid.flip ? opposite(this.settings.dock) : this.settings.dock;
  }

  private collapsed(): boolean {
    return this.settings.collapsed || this.avoid.collapse;
  }

  /** Re-render after anything that can change what is shown, announcing what is new. */
  private refresh(): void {
    const view = this.view();
    if (this.isVisible(view)) this.announce(view);
    this.render();
  }

  private render(): void {
    const { host, container } = this;
    if (!host || !container) return;
    const view = this.view();
    const visible = this.isVisible(view);
    const dock = this.dock();
    const collapsed = this.collapsed();

    this.hostAttributes = {
      [HOST_ATTRIBUTE]: '',
      popover: 'manual',
      'data-claveguia-step': view.step,
      'data-claveguia-flow': view.flow,
      // The alerts shown, so QA (and tests) can read them without opening the root, even from the pill.
      ...(view.alerts.length > 0 ? { 'data-claveguia-alerts': view.alerts.map((a) => a.id).join(' ') } : {}),
      'data-claveguia-dock': dock,
      'data-claveguia-collapsed': String(collapsed),
      ...(visible ? {} : { hidden: '' }),
    };
    this.enforceHost();
    this.syncPopover(visible);

    render(
      h(App, {
        view,
        collapsed,
        dock,
        ticks: this.ticks,
        live: this.live,
        lang: overlayLanguage(),
        report: this.report(view),
        actions: this.actions,
      }),
      container,
    );
    if (visible) {
      this.measure(collapsed);
      this.placeAround(this.focusedPageField());
    }
  }

  /**
   * Writes our attributes where they differ and drops any the page added (style, class…). Our shadow CSS
   * already outranks page styles; this keeps QA attributes truthful and stops `hidden`/`popover` tampering.
   * Writing only differences lets the guard observer converge instead of looping.
   */
  private enforceHost(): number {
    const host = this.host;
    if (!host) return 0;
    let changes = 0;
    for (const name of host.getAttributeNames()) {
      if (name in this.hostAttributes) continue;
      host.removeAttribute(name);
      changes++;
    }
    for (const [name, value] of Object.entries(this.hostAttributes)) {
      if (host.getAttribute(name) === value) continue;
      host.setAttribute(name, value);
      changes++;
    }
    return changes;
  }

  private readonly onHostMutated = (): void => {
    // A page that keeps fighting us wins: stop correcting rather than spin (Bitwarden backs off the same way).
    if (this.hostCorrections >= MAX_HOST_CORRECTIONS) {
      this.hostGuard?.disconnect();
      return;
    }
    // Our own writes leave nothing to correct, so only the page's edits count.
    if (this.enforceHost() > 0) this.hostCorrections++;
  };

  /** Top layer when the browser has popovers; otherwise the CSS fallback (fixed + max z-index) applies. */
  private syncPopover(visible: boolean): void {
    if (visible === this.popoverOpen) return;
    if (this.callPopover(visible ? 'showPopover' : 'hidePopover')) this.popoverOpen = visible;
  }

  private callPopover(method: 'showPopover' | 'hidePopover'): boolean {
    const host = this.host as (HTMLElement & Partial<Record<typeof method, () => void>>) | null;
    const fn = host?.[method];
    if (!host || typeof fn !== 'function') return false;
    try {
      fn.call(host);
      return true;
    } catch {
      // Already in that state, or disconnected by the page: nothing to undo.
      return false;
    }
  }

  // ---- live region

  /**
   * Speaks step changes and newly appeared alerts, once each, and only while the overlay is visible: what
   * happened while hidden is told (once) when it shows again.
   */
  private announce(view: ViewModel): void {
    const parts: string[] = [];
    const title =
      view.mode === 'picker' ? t('ovAnnouncePicker') : view.guide ? t('ovAnnounceStep', t(view.guide.title)) : null;
    if (title && title !== this.spokenTitle) {
      parts.push(title);
      this.spokenTitle = title;
    }
    for (const alert of view.alerts) {
      if (!this.spokenAlerts.has(alert.id)) parts.push(t('ovAnnounceAlert', t(alert.title)));
    }
    this.spokenAlerts = new Set(view.alerts.map((a) => a.id));
    if (parts.length > 0) this.say(parts.join(' '));
  }

  /**
   * Sets the live text (the caller renders). Two cases wait: right after mounting, so the empty region is
   * known to assistive technology before it speaks; and the same words again (an alert that came back),
   * which are cleared first so screen readers notice the change.
   */
  private say(text: string): void {
    if (this.liveTimer !== null) clearTimeout(this.liveTimer);
    this.timers.delete(this.liveTimer as ReturnType<typeof setTimeout>);
    this.liveTimer = null;
    const settle = Math.max(0, this.mountedAt + LIVE_SETTLE_MS - Date.now());
    const repeat = text === this.live;
    if (settle === 0 && !repeat) {
      this.live = text;
      return;
    }
    if (repeat) this.live = '';
    this.liveTimer = this.later(() => {
      this.liveTimer = null;
      this.live = text;
      this.render();
    }, Math.max(settle, repeat ? REPEAT_GAP_MS : 0));
  }

  // ---- settings

  private setCollapsed(collapsed: boolean): void {
    this.avoid = NO_AVOIDANCE;
    this.changeSettings({ collapsed });
  }

  private changeSettings(patch: Partial<Pick<Settings, 'dock' | 'collapsed'>>): void {
    this.settingsPatch = { ...this.settingsPatch, ...patch };
    this.settings = { ...this.settings, ...patch };
    this.render();
    this.quietly(this.services.saveSettings(patch));
  }

  // ---- keyboard and focus

  /** Keys typed in our UI stay in our UI: portal shortcuts never see them. Escape collapses and gives focus back. */
  private readonly onKey = (event: Event): void => {
    event.stopPropagation();
    if (event.type !== 'keydown' || (event as KeyboardEvent).key !== 'Escape') return;
    if (!this.collapsed()) this.setCollapsed(true);
    this.returnFocus();
  };

  private readonly onFocusIn = (event: Event): void => {
    const target = event.target as Element | null;
    if (!target || !this.rememberPageFocus(target)) return;
    this.placeAround(target);
  };

  /** Scrolling and resizing move the portal's fields under a fixed panel: re-place once per frame. */
  private readonly onLayoutChange = (): void => {
    const view = this.doc.defaultView;
    if (!view || this.placeFrame || !this.host || this.host.hidden) return;
    this.placeFrame = view.requestAnimationFrame(() => {
      this.placeFrame = 0;
      if (!this.destroyed) this.placeAround(this.focusedPageField());
    });
  };

  private rememberPageFocus(element: Element | null): boolean {
    if (!element || this.isOurs(element) || element === this.doc.body || element === this.doc.documentElement) {
      return false;
    }
    if (typeof (element as HTMLElement).focus !== 'function') return false;
    this.pageFocus = element as HTMLElement;
    return true;
  }

  /** Browsers retarget our inner events to the host; some DOM implementations do not, so check both. */
  private isOurs(node: Node): boolean {
    return node === this.host || (!!this.root && node.getRootNode() === this.root);
  }

  private focusIsInside(): boolean {
    return !!this.host && this.doc.activeElement === this.host;
  }

  private focusInside(selector: string): void {
    const target = this.root?.querySelector<HTMLElement>(selector);
    target?.focus();
  }

  private returnFocus(): void {
    const target = this.pageFocus;
    if (target && target.isConnected) {
      target.focus();
    } else if (this.focusIsInside()) {
      (this.root?.activeElement as HTMLElement | null)?.blur();
    }
  }

  // ---- never cover the focused field

  private measure(collapsed: boolean): void {
    if (!this.host || this.avoid.flip || this.avoid.collapse) return;
    const rect = this.host.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return;
    const size = { width: rect.width, height: rect.height };
    if (collapsed) this.pillSize = size;
    else this.panelSize = size;
  }


  /**
   * Decides from geometry alone where the overlay covers no portal field: its own side, the other side, or
   * folded into the pill (on either side). If the person opened the pill themselves, only the focused field
   * is avoided until the step changes. Nothing here is saved: the person's layout comes back as soon as it
   * fits again.
   */
  private placeAround(focused: Element | null): void {
    if (!this.host || this.host.hidden) return;
    const view = this.doc.defaultView;
    const next = choosePlacement({
      viewport: { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
      side: this.settings.dock,
      collapsed: this.settings.collapsed,
      panel: this.panelSize,
      pill: this.pillSize,
      fields: this.userExpanded ? [] : this.fieldBoxes(),
      focused: focused ? boxOf(focused) : null,
    });

    if (next.flip !== this.avoid.flip || next.collapse !== this.avoid.collapse) {
      this.avoid = next;
      this.render();
    }
  }

  /** Boxes of the portal's visible form controls in the viewport (bounded: a huge form costs little). */
  private fieldBoxes(): Rect[] {
    const view = this.doc.defaultView;
    const width = view?.innerWidth ?? 0;
    const height = view?.innerHeight ?? 0;
    const boxes: Rect[] = [];
    const controls = this.doc.querySelectorAll(FIELD_SELECTOR);
    for (let i = 0; i < controls.length && i < MAX_FIELDS; i++) {
      const control = controls[i]!;
      if (this.isOurs(control)) continue;
      const box = boxOf(control);
      if (!box || box.right <= 0 || box.bottom <= 0 || box.left >= width || box.top >= height) continue;
      boxes.push(box);
    }
    return boxes;
  }

  private focusedPageField(): Element | null {
    const active = this.doc.activeElement;
    return active && active !== this.host && active.matches(FIELD_SELECTOR) ? active : null;
  }

  // ---- housekeeping

  private currentUrl(): string {
    return this.doc.location?.href ?? '';
  }

  private later(fn: () => void, ms: number): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.destroyed) fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  /** Storage can fail (context invalidated on update); the overlay keeps working from memory. */
  private quietly(promise: Promise<unknown>): void {
    promise.catch(() => undefined);
  }
}
