/**
 * Keeps the overlay off the portal's fields. Geometry is decided in placement.ts; this part reads the page's
 * layout, and only when the answer can change: the page changed step, the person focused a field, the page
 * scrolled or resized (once per frame), or the overlay itself changed size or side. Field boxes are cached
 * between those moments, so a re-render for a tick or a spoken message reads no layout at all, and a page
 * scroll only shifts them by the scroll distance.
 */
import { FIELD_SELECTOR } from '../page/fields';
import { deepActiveElement, queryScopes, type PageScopes } from '../page/scopes';
import { choosePhoneLayout, choosePlacement, onScreenWidth, type Avoidance, type PhoneLayout, type Rect, type Size, type VisualFrame } from './placement';
import type { DockSide } from '../storage/schema';

/** Fields looked at, at most: a huge form costs little. */
const MAX_FIELDS = 300;

/** A control's box, or null when it takes no space (hidden, collapsed wizard tab). */
function boxOf(element: Element): Rect | null {
  const box = element.getBoundingClientRect();
  return box.width <= 0 && box.height <= 0 ? null : box;
}

/** The field in use with its own labels: a person typing needs to see what the field asks for. */
function withLabels(field: Element): Rect | null {
  const box = boxOf(field);
  if (!box) return null;
  const labels = (field as HTMLInputElement).labels ?? [];
  let union: Rect = { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
  for (const label of labels) {
    const l = boxOf(label);
    // Only a label beside the field (a floating one above it), not one far away in a table.
    if (!l || l.top > union.bottom + 40 || l.bottom < union.top - 40) continue;
    union = { left: Math.min(union.left, l.left), right: Math.max(union.right, l.right), top: Math.min(union.top, l.top), bottom: Math.max(union.bottom, l.bottom) };
  }
  return union;
}

export interface PlacementWish {
  side: DockSide;
  collapsed: boolean;
  /** The person opened the pill themselves: only the focused field is avoided. */
  userExpanded: boolean;
}

export class FieldAvoider {
  private panelSize: Size | null = null;
  private pillSize: Size | null = null;
  private fields: Rect[] | null = null;
  /** The window's scroll position when `fields` were read: a page scroll only shifts them. */
  private readAt = { x: 0, y: 0 };
  /** Something other than the window scrolled (an inner panel): its fields moved in ways a shift cannot tell. */
  private innerScroll = false;
  private frame = 0;
  /** The bar's measured heights on a phone, in its full and short forms. */
  private barHeights: { full: number | null; compact: number | null } = { full: null, compact: null };
  /** Sees the overlay change size by itself (a part that re-renders alone: the countdown chip appearing). */
  private readonly ownSize: ResizeObserver | null;

  constructor(
    private readonly doc: Document,
    private readonly host: HTMLElement,
    private readonly isOurs: (node: Node) => boolean,
    /** Called once per frame after scroll or resize, so the owner re-places. */
    private readonly onLayoutChange: () => void,
    /** Called when the overlay's own box changed size: the owner measures it again, and re-places if it must. */
    onOwnResize: () => void = () => undefined,
    /** Where the portal's controls are: the document and the open shadow roots the detector walked into. */
    private readonly scopes: PageScopes = () => [doc],
  ) {
    const Observer = doc.defaultView?.ResizeObserver;
    this.ownSize = Observer ? new Observer(() => onOwnResize()) : null;
    this.ownSize?.observe(host);
    doc.defaultView?.addEventListener('resize', this.onScrollOrResize, { passive: true });
    doc.addEventListener('scroll', this.onScrollOrResize, { capture: true, passive: true });
    // A phone's keyboard opening or closing resizes only the visual viewport; pinch-zoom scrolls it.
    doc.defaultView?.visualViewport?.addEventListener('resize', this.onScrollOrResize, { passive: true });
    doc.defaultView?.visualViewport?.addEventListener('scroll', this.onScrollOrResize, { passive: true });
  }

  destroy(): void {
    this.ownSize?.disconnect();
    this.doc.defaultView?.removeEventListener('resize', this.onScrollOrResize);
    this.doc.removeEventListener('scroll', this.onScrollOrResize, { capture: true });
    this.doc.defaultView?.visualViewport?.removeEventListener('resize', this.onScrollOrResize);
    this.doc.defaultView?.visualViewport?.removeEventListener('scroll', this.onScrollOrResize);
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** The page's fields may have moved (new step, focus moved): read them again next time. */
  forgetFields(): void {
    this.fields = null;
  }

  /**
   * Records the overlay's rendered size when it sits where the person put it. Returns true when the size
   * changed, which is when placement must be decided again.
   */
  measure(collapsed: boolean, avoiding: Avoidance): boolean {
    if (avoiding.flip || avoiding.collapse) return false;
    const rect = this.host.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return false;
    const previous = collapsed ? this.pillSize : this.panelSize;
    if (previous && previous.width === rect.width && previous.height === rect.height) return false;
    const size = { width: rect.width, height: rect.height };
    if (collapsed) this.pillSize = size;
    else this.panelSize = size;
    return true;
  }

  /** Where the overlay covers no portal field: its own side, the other side, or the pill. Nothing is saved. */
  place(wish: PlacementWish, focused: Element | null): Avoidance {
    const view = this.doc.defaultView;
    return choosePlacement({
      viewport: { width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 },
      side: wish.side,
      collapsed: wish.collapsed,
      panel: this.panelSize,
      pill: this.pillSize,
      fields: wish.userExpanded ? [] : this.fieldBoxes(),
      focused: focused ? boxOf(focused) : null,
    });
  }

  /** The width on screen, at zoom 1: below NARROW_MAX_WIDTH the guide takes its phone form. */
  screenWidth(): number {
    return onScreenWidth(this.visualFrame());
  }

  /** What is on screen: the visual viewport (above a phone's keyboard), else the window. */
  visualFrame(): VisualFrame {
    const view = this.doc.defaultView;
    const vv = view?.visualViewport;
    if (vv) return { left: vv.offsetLeft, top: vv.offsetTop, width: vv.width, height: vv.height, scale: vv.scale };
    return { left: 0, top: 0, width: view?.innerWidth ?? 0, height: view?.innerHeight ?? 0 };
  }

  /** Records the phone bar's rendered height in its current form; true when it changed. */
  measureBar(compact: boolean): boolean {
    const height = this.host.getBoundingClientRect().height;
    if (height <= 0) return false;
    const key = compact ? 'compact' : 'full';
    if (this.barHeights[key] === height) return false;
    this.barHeights = { ...this.barHeights, [key]: height };
    return true;
  }

  /** On a phone: the bar where it covers no control and never the field in use, or the panel the person opened. */
  placePhone(panelWanted: boolean, focused: Element | null): PhoneLayout {
    return choosePhoneLayout({
      frame: this.visualFrame(),
      panelWanted,
      bar: this.barHeights,
      controls: this.fieldBoxes(),
      focused: focused ? withLabels(focused) : null,
    });
  }

  /** The focused portal field, if the focus is on one. */
  focusedField(): Element | null {
    const active = deepActiveElement(this.doc, this.isOurs);
    return active && !this.isOurs(active) && active.matches(FIELD_SELECTOR) ? active : null;
  }

  private fieldBoxes(): Rect[] {
    const view = this.doc.defaultView;
    const width = view?.innerWidth ?? 0;
    const height = view?.innerHeight ?? 0;
    if (this.fields) return this.shifted(this.fields, width, height);
    const boxes: Rect[] = [];
    const controls = queryScopes(this.scopes, FIELD_SELECTOR, MAX_FIELDS);
    for (let i = 0; i < controls.length; i++) {
      const control = controls[i]!;
      if (this.isOurs(control)) continue;
      const box = boxOf(control);
      if (!box) continue;
      boxes.push({ left: box.left, right: box.right, top: box.top, bottom: box.bottom });
    }
    // Every field, on screen or not, so a later page scroll can shift them instead of reading layout again.
    this.fields = boxes;
    this.readAt = { x: view?.scrollX ?? 0, y: view?.scrollY ?? 0 };
    return this.shifted(boxes, width, height);
  }

  /** The cached boxes moved by the window's scroll since they were read, keeping those in the viewport. */
  private shifted(boxes: Rect[], width: number, height: number): Rect[] {
    const view = this.doc.defaultView;
    const dx = (view?.scrollX ?? 0) - this.readAt.x;
    const dy = (view?.scrollY ?? 0) - this.readAt.y;
    const out: Rect[] = [];
    for (const b of boxes) {
      const box = { left: b.left - dx, right: b.right - dx, top: b.top - dy, bottom: b.bottom - dy };
      if (box.right <= 0 || box.bottom <= 0 || box.left >= width || box.top >= height) continue;
      out.push(box);
    }
    return out;
  }

  /**
   * Scrolling and resizing move the portal's fields under a fixed panel: re-place once per frame. A window
   * scroll only shifts the cached boxes (no layout read); a resize or an inner panel's scroll reads them again.
   */
  private readonly onScrollOrResize = (event: Event): void => {
    const view = this.doc.defaultView;
    if (event.type === 'resize' || (event.target !== this.doc && event.target !== view)) this.innerScroll = true;
    if (!view || this.frame || this.host.hidden) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      if (this.innerScroll) this.fields = null;
      this.innerScroll = false;
      this.onLayoutChange();
    });
  };
}
