/**
 * The overlay's one element in the page: a plain `div` (custom elements are unavailable in content scripts)
 * with a shadow root holding our inlined CSS and UI, shown in the top layer as a manual popover. It carries
 * data attributes for QA and `translate="no"` (browser translation must not rewrite a Preact tree). Page
 * edits to its attributes are undone, at a bounded rate: a page that fights forever wins without a loop. A page
 * that removes the host gets it back a bounded number of times; after that the guide steps aside for good.
 */
import { HOST_ATTRIBUTE, removeStaleHosts } from '../page/marker';
import css from './overlay.css?inline';

/** Page edits undone per window before the guard rests until the window ends. */
const MAX_CORRECTIONS_PER_WINDOW = 20;
const CORRECTION_WINDOW_MS = 10_000;
/** Times the host is put back after the page removed it, for the host's whole life (then it stays out). */
export const MAX_REATTACHMENTS = 3;

export class OverlayHost {
  readonly element: HTMLElement;
  readonly root: ShadowRoot;
  /** Where Preact renders. */
  readonly container: HTMLElement;
  private attributes: Record<string, string> = {};
  private guard: MutationObserver | null = null;
  private corrections = 0;
  private windowStart = 0;
  /** Over budget: one correction planned for the end of the window, so a page that stops editing loses. */
  private restTimer: ReturnType<typeof setTimeout> | null = null;
  private popoverOpen = false;
  /** Watches the root element's children: our host taken out by the page. */
  private removal: MutationObserver | null = null;
  private reattachments = 0;

  constructor(private readonly doc: Document, shadowMode: ShadowRootMode) {
    removeStaleHosts(doc);
    const element = doc.createElement('div');
    const root = element.attachShadow({ mode: shadowMode });
    const style = doc.createElement('style');
    style.textContent = css;
    const container = doc.createElement('div');
    container.setAttribute('translate', 'no');
    root.append(style, container);
    this.element = element;
    this.root = root;
    this.container = container;
    this.setAttributes({ hidden: '' });
    // The root element, not <body>: some JSF pages replace the body's content wholesale.
    doc.documentElement.append(element);
    // The content script's own constructor first (Firefox Xrays), the document's window as a fallback.
    const Observer = globalThis.MutationObserver ?? doc.defaultView?.MutationObserver;
    if (Observer) {
      this.guard = new Observer(this.onMutated);
      this.guard.observe(element, { attributes: true });
      this.removal = new Observer(this.onRemoved);
      this.removal.observe(doc.documentElement, { childList: true });
    }
  }

  /** How many times the host was put back after the page removed it. */
  get reattached(): number {
    return this.reattachments;
  }

  /** Sets exactly these attributes (plus the fixed ones); anything else on the host is removed. */
  setAttributes(extra: Record<string, string>): void {
    this.attributes = { [HOST_ATTRIBUTE]: '', popover: 'manual', translate: 'no', ...extra };
    this.enforce();
  }

  get hidden(): boolean {
    return this.element.hasAttribute('hidden');
  }

  /** Top layer when the browser has popovers; otherwise the CSS fallback (fixed + max z-index) applies. */
  showInTopLayer(visible: boolean): void {
    if (visible === this.popoverOpen) return;
    if (this.callPopover(visible ? 'showPopover' : 'hidePopover')) this.popoverOpen = visible;
  }

  destroy(): void {
    this.guard?.disconnect();
    this.guard = null;
    this.removal?.disconnect();
    this.removal = null;
    if (this.restTimer !== null) clearTimeout(this.restTimer);
    this.restTimer = null;
    if (this.popoverOpen) this.callPopover('hidePopover');
    this.element.remove();
  }

  /**
   * Writes our attributes where they differ and drops any the page added (style, class…). Writing only the
   * differences lets the guard converge instead of looping on its own writes.
   */
  private enforce(): number {
    const host = this.element;
    let changes = 0;
    for (const name of host.getAttributeNames()) {
      if (name in this.attributes) continue;
      host.removeAttribute(name);
      changes++;
    }
    for (const [name, value] of Object.entries(this.attributes)) {
      if (host.getAttribute(name) === value) continue;
      host.setAttribute(name, value);
      changes++;
    }
    return changes;
  }

  private readonly onMutated = (): void => {
    const now = Date.now();
    if (now - this.windowStart >= CORRECTION_WINDOW_MS) {
      this.windowStart = now;
      this.corrections = 0;
    }
    // Over budget: let the page have its way until the window ends, then correct once (a page that stopped
    // editing gets our attributes back; one that goes on starts a new budget).
    if (this.corrections >= MAX_CORRECTIONS_PER_WINDOW) {
      this.restTimer ??= setTimeout(this.afterRest, this.windowStart + CORRECTION_WINDOW_MS - now);
      return;
    }
    // Our own writes leave nothing to correct, so only the page's edits count.
    if (this.enforce() > 0) this.corrections++;
  };

  private readonly afterRest = (): void => {
    this.restTimer = null;
    if (!this.guard) return;
    this.windowStart = Date.now();
    this.corrections = this.enforce() > 0 ? 1 : 0;
  };

  /**
   * The page took our host out of the document. Put it back (and back in the top layer) a few times; a page
   * that keeps removing it wins: the guide steps aside instead of fighting it in a loop.
   */
  private readonly onRemoved = (): void => {
    const element = this.element;
    if (element.isConnected || !this.removal) return;
    const wasOpen = this.popoverOpen;
    // Removal hid the popover; the browser says so only through state, so track it here.
    this.popoverOpen = false;
    if (this.reattachments >= MAX_REATTACHMENTS || !this.doc.documentElement) {
      this.removal.disconnect();
      this.removal = null;
      return;
    }
    this.reattachments++;
    this.doc.documentElement.append(element);
    if (wasOpen) this.showInTopLayer(true);
  };

  private callPopover(method: 'showPopover' | 'hidePopover'): boolean {
    const host = this.element as HTMLElement & Partial<Record<typeof method, () => void>>;
    const fn = host[method];
    if (typeof fn !== 'function') return false;
    try {
      fn.call(host);
      return true;
    } catch {
      // Already in that state, or disconnected by the page: nothing to undo.
      return false;
    }
  }
}
