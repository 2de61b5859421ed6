/**
 * Where the overlay may sit: pure geometry, no DOM. The overlay docks at one edge of the window; it must not
 * cover the portal's fields, so it tries its own side, the other side, then folded into the pill on either
 * side. The result is temporary and never saved: the person's layout returns as soon as it fits again.
 */
import type { DockSide } from '../storage/schema';

export interface Size {
  width: number;
  height: number;
}
export interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}
/** How the overlay currently steps aside. */
export interface Avoidance {
  flip: boolean;
  collapse: boolean;
}

export const NO_AVOIDANCE: Avoidance = Object.freeze({ flip: false, collapse: false });
/** Must match the margins in overlay.css. */
export const MARGIN = 8;
export const PANEL_MAX_WIDTH = 340;
export const DEFAULT_PILL: Size = Object.freeze({ width: 160, height: 48 });

export const opposite = (side: DockSide): DockSide => (side === 'right' ? 'left' : 'right');

export const overlaps = (a: Rect, b: Rect): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The box the overlay occupies when docked at `side` with `size`, in a window `viewportWidth` wide. */
export function placed(side: DockSide, size: Size, viewportWidth: number): Rect {
  const left = side === 'left' ? MARGIN : viewportWidth - MARGIN - size.width;
  return { left, right: left + size.width, top: MARGIN, bottom: MARGIN + size.height };
}

export interface PlacementInput {
  viewport: Size;
  side: DockSide;
  /** The person's choice: the pill instead of the panel. */
  collapsed: boolean;
  /** Measured sizes; null before the first measurement. */
  panel: Size | null;
  pill: Size | null;
  /** Boxes of the portal's visible fields. */
  fields: Rect[];
  /** The field that has focus, if any: it is kept clear even when nothing else can be. */
  focused: Rect | null;
}

export function choosePlacement(input: PlacementInput): Avoidance {
  const panel = input.panel ?? { width: PANEL_MAX_WIDTH, height: Math.max(0, input.viewport.height - 2 * MARGIN) };
  const pill = input.pill ?? DEFAULT_PILL;
  const size = input.collapsed ? pill : panel;
  const width = input.viewport.width;
  const options: [Avoidance, Rect][] = [
    [NO_AVOIDANCE, placed(input.side, size, width)],
    [{ flip: true, collapse: false }, placed(opposite(input.side), size, width)],
    [{ flip: false, collapse: true }, placed(input.side, pill, width)],
    [{ flip: true, collapse: true }, placed(opposite(input.side), pill, width)],
  ];
  const clearOf = (boxes: Rect[]) => options.find(([, rect]) => !boxes.some((box) => overlaps(box, rect)))?.[0];
  const all = input.focused ? [...input.fields, input.focused] : input.fields;
  // When every placement covers some field, at least keep the focused one free; else fold at its own side.
  return clearOf(all) ?? (input.focused ? clearOf([input.focused]) : undefined) ?? { flip: false, collapse: true };
}

// ---- Phones: the guide as a bar in what is on screen (above the on-screen keyboard)

/**
 * Below this layout width the guide cannot stand beside the page's column (a phone, the portal's grid
 * collapsed): it becomes a bar across the visible part of the page. Must match the media query in overlay.css.
 */
export const NARROW_MAX_WIDTH = 600;
export const isNarrow = (layoutWidth: number): boolean => layoutWidth > 0 && layoutWidth < NARROW_MAX_WIDTH;
/** Gap kept between the bar and a control it sits beside. */
export const BAR_GAP = 4;

/**
 * The visual viewport: the part of the page on screen, in the layout viewport's coordinates (where
 * `position: fixed` and getBoundingClientRect live). With a phone's keyboard open it is about half as tall as
 * the layout viewport and may be scrolled within it (`offsetTop`).
 */
export interface VisualFrame {
  left: number;
  top: number;
  width: number;
  height: number;
  /**
   * The page's zoom on screen (visualViewport.scale): below 1 on a page without a viewport meta tag, which a
   * phone lays out about 980 px wide and shows zoomed out. The guide is drawn at 1/scale so it keeps its size.
   */
  scale?: number;
}

/** The frame's width as the person sees it, in CSS px at zoom 1: what decides the phone form. */
export const onScreenWidth = (frame: VisualFrame): number => frame.width * (frame.scale ?? 1);

export interface BarInput {
  frame: VisualFrame;
  /** The margin kept from the frame's edges, in layout px (MARGIN at zoom 1). */
  margin?: number;
  /** The bar's measured height. */
  height: number;
  /** Boxes of the portal's controls (fields, buttons, labels, frames). */
  controls: readonly Rect[];
  /** The field in use: never covered. */
  focused: Rect | null;
}

export interface BarSpot {
  top: number;
  /** Controls the bar lies over there (0 when it found room clear of all). */
  covers: number;
  /** False when no spot in the frame keeps the focused field clear: show a shorter bar. */
  clearOfFocus: boolean;
}

const barRect = (frame: VisualFrame, top: number, height: number, margin: number): Rect => ({
  left: frame.left + margin,
  right: frame.left + frame.width - margin,
  top,
  bottom: top + height,
});

/**
 * Where the bar goes in the visible frame: at its top or bottom edge, or in a gap just above or below a
 * control, wherever it covers no control; failing that, where it covers the fewest while keeping the field in
 * use clear. Edges first (the bar stays put while the person scrolls), then the gaps nearest the field in use.
 */
export function placeBar(input: BarInput): BarSpot {
  const { frame, height, focused } = input;
  const margin = input.margin ?? MARGIN;
  const minTop = frame.top + margin;
  const maxTop = Math.max(minTop, frame.top + frame.height - margin - height);
  const inFrame = input.controls.filter((c) => c.bottom > frame.top && c.top < frame.top + frame.height);
  const anchor = focused ? (focused.top + focused.bottom) / 2 : minTop;
  const gaps = inFrame
    .flatMap((c) => [c.bottom + BAR_GAP, c.top - BAR_GAP - height])
    .filter((top) => top > minTop && top < maxTop)
    .sort((a, b) => Math.abs(a + height / 2 - anchor) - Math.abs(b + height / 2 - anchor));
  const tops = [...new Set([minTop, maxTop, ...gaps])];
  const scored = tops.map((top) => {
    const rect = barRect(frame, top, height, margin);
    return { top, covers: inFrame.filter((c) => overlaps(c, rect)).length, hitsFocus: !!focused && overlaps(focused, rect) };
  });
  const keepsFocus = scored.filter((s) => !s.hitsFocus);
  if (keepsFocus.length > 0) {
    const best = keepsFocus.reduce((a, b) => (b.covers < a.covers ? b : a));
    return { top: best.top, covers: best.covers, clearOfFocus: true };
  }
  // Taller than the room beside the field: the edge farther from it, and a shorter bar next time.
  const middle = frame.top + frame.height / 2;
  const top = focused && (focused.top + focused.bottom) / 2 < middle ? maxTop : minTop;
  return { top, covers: scored.find((s) => s.top === top)?.covers ?? 0, clearOfFocus: false };
}

/** Where the guide sits on a phone, for the host's style: a bar, or the panel the person opened, in the frame. */
export interface PhoneLayout {
  /** The bar (true) or the panel the person opened (false). */
  bar: boolean;
  /** The bar's short form: its words clamped (no room beside the field in use for all of them). */
  compact: boolean;
  /** Where it sits, in layout px. */
  top: number;
  left: number;
  /** Its size before `zoom`: width, and the most it may be tall (what is left of the frame below `top`). */
  width: number;
  maxHeight: number;
  /** Drawn at this scale (1/visualViewport.scale), so a zoomed-out page does not shrink it. */
  zoom: number;
}

export interface PhoneInput {
  frame: VisualFrame;
  /** The person opened the guide (tapped the bar) and has not minimised it. */
  panelWanted: boolean;
  /** Measured heights of the bar in its two forms; null before the first measurement. */
  bar: { full: number | null; compact: number | null };
  controls: readonly Rect[];
  focused: Rect | null;
}

/** A first guess at the bar's short form before it was ever measured (in layout px at zoom 1). */
export const COMPACT_BAR_GUESS = 72;

export function choosePhoneLayout(input: PhoneInput): PhoneLayout {
  const { frame } = input;
  const scale = frame.scale && frame.scale > 0 ? frame.scale : 1;
  const margin = MARGIN / scale;
  const left = frame.left + margin;
  const width = Math.max(0, frame.width - 2 * margin) * scale;
  const bottom = frame.top + frame.height - margin;
  const at = (bar: boolean, compact: boolean, top: number): PhoneLayout => ({
    bar,
    compact,
    top,
    left,
    width,
    maxHeight: Math.max(0, bottom - top) * scale,
    zoom: 1 / scale,
  });
  // The panel the person opened fills the visible frame, until they type in a field again.
  if (input.panelWanted && !input.focused) return at(false, false, frame.top + margin);
  const place = (height: number) => placeBar({ frame, margin, height, controls: input.controls, focused: input.focused });
  const layout = (spot: BarSpot | null, compact: boolean): PhoneLayout => at(true, compact, spot?.top ?? frame.top + margin);
  if (input.bar.full === null) return layout(null, false);
  // All the words where they cover nothing; else the short form, which covers less of the page, unless it
  // would cover more controls; never the field in use (the short form whenever the full one would).
  const full = place(input.bar.full);
  if (full.clearOfFocus && full.covers === 0) return layout(full, false);
  const short = place(input.bar.compact ?? COMPACT_BAR_GUESS / scale);
  if (!full.clearOfFocus || (short.clearOfFocus && short.covers <= full.covers)) return layout(short, true);
  return layout(full, false);
}
