/**
 * The overlay's controller: keeps the state, turns each change into one view, and hands the parts their
 * jobs (parts.ts): the host element (host.ts), the live region (announcer.ts), focus and keys (focus.ts) and
 * keeping off the portal's fields (avoidance.ts). Bitwarden-style lifecycle: `createOverlay` touches nothing,
 * `start()` mounts once, `destroy()` removes every node, listener and timer.
 */
import { h, render } from 'preact';
import type { Detection } from '../detect/vocabulary';
import { pageUrl } from '../page/location';
import type { SettingsPatch } from '../storage/schema';
import { createActions, type OverlayActions } from './actions';
import { App } from './App';
import { mountParts, type Parts } from './parts';
import { gatherStartReads, type StartReads } from './start-reads';
import { overlayLanguage } from './lang';
import { buildReport } from './report';
import type { Overlay, OverlayOptions, OverlayServices } from './services';
import * as S from './state';
import type { ViewModel } from './view';
import { isNarrow } from './placement';
import type { FieldWarning } from '../flow/warnings';
import type { WarningAnchors } from './warnings/layer';
import { t } from '../i18n/t';
import type { SideStatus } from '../messages';

function defaultShadowMode(): ShadowRootMode {
  return typeof __SHADOW_MODE__ === 'string' ? __SHADOW_MODE__ : 'closed';
}

export function createOverlay(doc: Document, services: OverlayServices, options: OverlayOptions = {}): Overlay {
  return new OverlayController(doc, services, options.shadowMode ?? defaultShadowMode());
}

/** Swallows storage failures (context invalidated on update): the overlay keeps working from memory. */
const quietly = (promise: Promise<unknown>): void => void promise.catch(() => undefined);

class OverlayController implements Overlay {
  private parts: Parts | null = null;
  private destroyed = false;
  private state: S.OverlayState = S.initialState();
  /** Layout changes made before the settings were read; they win over what is read. */
  private pendingPatch: SettingsPatch = {};
  private view: ViewModel = S.viewOf(this.state);
  /** The active person's label only ("Ayudando a: Mamá"); null names nobody. */
  private personLabel: string | null = null;
  private startReads: StartReads | null = null; // gathered into one render instead of one each (start-reads.ts)

  private readonly actions: OverlayActions = createActions({
    update: (change, how) => {
      this.state = change(this.state);
      if (how === 'refresh') this.refresh();
      else this.render();
    },
    changeSettings: (patch) => this.changeSettings(patch),
    focusInside: (selector) => this.parts?.focus.focusInside(selector),
    giveBack: () => this.parts?.focus.giveBack(),
    saveTicks: (ticks) => quietly(this.services.saveTicks(ticks)),
    hideOnThisSite: () => this.services.hideOnThisSite(),
    copyReport: () => this.services.copyText(JSON.stringify(this.report(), null, 2)),
    // Called straight from the click: Chrome opens its side panel only while that user action is current.
    openSide: () => this.services.openSide?.() ?? Promise.resolve(false),
    makeCopy: () => this.services.makeCopy?.() ?? Promise.resolve(null),
    say: (text) => this.speak(text),
  });

  constructor(
    private readonly doc: Document,
    private readonly services: OverlayServices,
    private readonly shadowMode: ShadowRootMode,
  ) {}

  start(): void {
    if (this.parts || this.destroyed) return;
    this.parts = mountParts(this.doc, this.shadowMode, this.services.countdown, {
      escape: () => {
        if (!S.isCollapsed(this.state)) this.changeSettings({ collapsed: true });
      },
      pageFocus: (target) => {
        this.parts?.avoider.forgetFields();
        this.place(target);
      },
      render: () => this.render(),
      place: () => this.place(),
      ownResize: () => this.remeasure() && this.place(),
      speak: this.speak,
    }, this.services.pageScopes);
    this.parts.start();
    this.render();
    const { activePersonLabel, sideOpen } = this.services;
    const hooks = { ready: () => this.state.settingsLoaded, flush: () => this.afterLoad(() => undefined), late: (apply: () => void) => this.afterLoad(apply) };
    const reads = (this.startReads = gatherStartReads(2 + (activePersonLabel ? 1 : 0) + (sideOpen ? 1 : 0), hooks));
    const answer = (apply: () => void): void => (this.destroyed ? undefined : reads.answer(apply));
    const none = (): void => answer(() => undefined);
    this.services.loadSettings().then(
      (settings) => answer(() => (this.state = S.withLoadedSettings(this.state, settings, this.pendingPatch))),
      () => answer(() => (this.state = { ...this.state, settingsLoaded: true })),
    );
    activePersonLabel?.().then((label) => answer(() => (this.personLabel = label)), none);
    sideOpen?.().then((side) => answer(() => (this.state = S.withSide(this.state, side))), none);
    this.services.loadTicks().then((ticks) => answer(() => (this.state = { ...this.state, ticks: { ...ticks, ...this.state.ticks } })), none);
  }

  update(detection: Detection): void {
    if (this.destroyed) return;
    this.state = S.withDetection(this.state, detection, pageUrl(this.doc));
    this.parts?.avoider.forgetFields();
    this.refresh();
  }

  toggleVisibility(): void {
    // Nothing to show on a page that is not part of a recovery: do not arm a later surprise appearance.
    if (!this.parts || this.view.mode === 'hidden') return;
    const visible = S.isVisible(this.state, this.view);
    if (visible && this.parts.focus.isInside()) this.parts.focus.giveBack();
    this.state = { ...this.state, userVisible: !visible };
    this.refresh();
  }

  toggleFocus(): void {
    const parts = this.parts;
    if (!parts) return;
    if (parts.focus.isInside()) {
      parts.focus.giveBack();
      return;
    }
    parts.focus.rememberCurrent();
    // Nothing to show on a page that is not part of a recovery: do not arm a later surprise appearance.
    if (this.view.mode === 'hidden') return;
    if (!S.isVisible(this.state, this.view)) {
      this.state = { ...this.state, userVisible: true };
      this.refresh();
    }
    parts.focus.focusInside('[data-cg-focus-start], [data-action="expand"]');
  }

  refreshPerson(): void {
    if (this.destroyed || !this.services.activePersonLabel) return;
    this.services.activePersonLabel().then(
      (label) => this.afterLoad(() => (this.personLabel = label)),
      () => undefined,
    );
  }

  setSide(side: SideStatus): void {
    if (this.destroyed) return;
    const opened = side.open && !this.state.sideOpen;
    if (opened && this.parts?.focus.isInside()) this.parts.focus.giveBack();
    this.state = S.withSide(this.state, side);
    if (opened && S.isVisible(this.state, this.view)) this.parts?.announcer.say(t('ovSideIsOpen'));
    this.refresh();
  }

  showWarnings(list: readonly FieldWarning[], anchors: WarningAnchors): void {
    if (this.destroyed) return;
    this.parts?.warnings.show(list, anchors);
  }

  forget(): void {
    if (this.destroyed) return;
    this.personLabel = null;
    this.state = S.forgotten(this.state);
    this.pendingPatch = {};
    this.refresh();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.startReads?.cancel();
    const parts = this.parts;
    this.parts = null;
    if (!parts) return;
    parts.destroy();
  }

  // ---- state → DOM

  /** Says `text` in the one live region (warnings, countdown thresholds) and renders it. */
  private readonly speak = (text: string): void => {
    this.parts?.announcer.say(text);
    this.render();
  };

  private afterLoad(apply: () => void): void {
    if (this.destroyed) return;
    apply();
    this.refresh();
  }

  private changeSettings(patch: SettingsPatch): void {
    this.pendingPatch = { ...this.pendingPatch, ...patch };
    this.state = S.withSettingsPatch(this.state, patch);
    this.render();
    this.place();
    quietly(this.services.saveSettings(patch));
  }

  private report() {
    return buildReport(this.state.detection, this.view, this.services.version, overlayLanguage());
  }

  /** After anything that can change what is shown: build the view once, speak what is new, render, place. */
  private refresh(): void {
    this.view = S.viewOf(this.state);
    if (S.isVisible(this.state, this.view)) this.parts?.announcer.announce(this.view);
    this.render();
    this.place();
  }

  /** Renders the current view; reads the overlay's own size, and the page's layout only if that size changed. */
  private render(): void {
    const parts = this.parts;
    if (!parts) return;
    const { view, state } = this;
    const visible = S.isVisible(state, view);
    const dock = S.dockOf(state);
    const collapsed = S.isCollapsed(state);
    parts.host.setAttributes(
      S.hostAttributes(view, dock, collapsed, visible, { open: state.sideOpen, showing: state.sideShowing }, state.phone),
    );
    parts.host.showInTopLayer(visible);
    render(
      h(App, {
        view,
        collapsed,
        dock,
        ticks: state.ticks,
        person: this.personLabel,
        live: parts.announcer.text,
        lang: overlayLanguage(),
        getReport: () => this.report(),
        actions: this.actions,
        countdown: parts.countdown,
        side: { open: state.sideOpen, hint: state.sideHint, available: !!this.services.openSide && state.sideAvailable },
        phone: state.phone,
      }),
      parts.host.container,
    );
    // Hidden, the host has no size to read, and reading it would still force a layout of the page.
    if (visible && this.remeasure()) this.place();
  }

  /** Reads the overlay's own size in its current form; true when it changed (placement must be decided again). */
  private remeasure(): boolean {
    const parts = this.parts;
    if (!parts || parts.host.hidden) return false;
    const { phone, avoid } = this.state;
    return phone ? phone.bar && parts.avoider.measureBar(phone.compact) : parts.avoider.measure(S.isCollapsed(this.state), avoid);
  }

  /** Decides where the overlay covers no portal field, and re-renders only if that changed. */
  private place(focused: Element | null = this.parts?.avoider.focusedField() ?? null): void {
    const parts = this.parts;
    if (!parts || parts.host.hidden) return;
    const { settings, userExpanded, avoid } = this.state;
    // Narrow with the guide open beside the page (a desktop at 200 % with the side panel) is not a phone: there the
    // side area is the guide and the page keeps only the warnings, placed as on any desktop.
    const narrow = !this.state.sideOpen && isNarrow(parts.avoider.screenWidth());
    // A phone: the bar in what is on screen, or the guide the person opened. The page is never scrolled for it.
    const phone = narrow ? parts.avoider.placePhone(userExpanded && !settings.collapsed, focused) : null;
    const next = narrow ? avoid : parts.avoider.place({ side: settings.dock, collapsed: settings.collapsed, userExpanded }, focused);
    if (S.samePhoneLayout(phone, this.state.phone) && next.flip === avoid.flip && next.collapse === avoid.collapse) return;
    // Typing again folds the opened guide for good: it must not pop back over the page when the field blurs.
    this.state = { ...this.state, phone, avoid: next, userExpanded: userExpanded && !phone?.bar };
    this.render();
  }
}
