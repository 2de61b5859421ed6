/**
 * Keyboard and focus between the page and the overlay: keys typed in our UI never reach the portal's
 * shortcuts, Escape folds the panel and gives focus back, and the page element that last had focus is
 * remembered so focus can always return to where the person was typing.
 */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'] as const;

export class FocusKeeper {
  /** The page element that last had focus, to give it back (Escape, toggleFocus, hiding). */
  private pageFocus: HTMLElement | null = null;

  constructor(
    private readonly doc: Document,
    private readonly host: HTMLElement,
    private readonly root: ShadowRoot,
    private readonly handlers: { onEscape: () => void; onPageFocus: (target: Element) => void },
  ) {
    for (const type of KEY_EVENTS) root.addEventListener(type, this.onKey);
    doc.addEventListener('focusin', this.onFocusIn, { capture: true, passive: true });
  }

  destroy(): void {
    for (const type of KEY_EVENTS) this.root.removeEventListener(type, this.onKey);
    this.doc.removeEventListener('focusin', this.onFocusIn, { capture: true });
    this.pageFocus = null;
  }

  /** Browsers retarget our inner events to the host; some DOM implementations do not, so check both. */
  isOurs(node: Node): boolean {
    return node === this.host || node.getRootNode() === this.root;
  }

  isInside(): boolean {
    return this.doc.activeElement === this.host;
  }

  /** Remembers the page's focused element (before the overlay takes focus). */
  rememberCurrent(): void {
    this.remember(this.doc.activeElement);
  }

  focusInside(selector: string): void {
    this.root.querySelector<HTMLElement>(selector)?.focus();
  }

  giveBack(): void {
    const target = this.pageFocus;
    if (target && target.isConnected) {
      target.focus();
    } else if (this.isInside()) {
      (this.root.activeElement as HTMLElement | null)?.blur();
    }
  }

  private remember(element: Element | null): boolean {
    if (!element || this.isOurs(element) || element === this.doc.body || element === this.doc.documentElement) {
      return false;
    }
    if (typeof (element as HTMLElement).focus !== 'function') return false;
    this.pageFocus = element as HTMLElement;
    return true;
  }

  private readonly onKey = (event: Event): void => {
    event.stopPropagation();
    if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape') this.handlers.onEscape();
  };

  private readonly onFocusIn = (event: Event): void => {
    const target = event.target as Element | null;
    if (target && this.remember(target)) this.handlers.onPageFocus(target);
  };
}
