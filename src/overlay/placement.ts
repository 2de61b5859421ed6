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
