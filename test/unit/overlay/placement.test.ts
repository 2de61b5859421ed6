import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BAR_GAP,
  choosePhoneLayout,
  choosePlacement,
  isNarrow,
  onScreenWidth,
  MARGIN,
  NO_AVOIDANCE,
  overlaps,
  placeBar,
  placed,
  type PhoneInput,
  type PlacementInput,
  type Rect,
} from '../../../src/overlay/placement';

const box = (left: number, top: number, width: number, height: number): Rect => ({ left, top, right: left + width, bottom: top + height });
const input = (over: Partial<PlacementInput> = {}): PlacementInput => ({
  viewport: { width: 1280, height: 720 },
  side: 'right',
  collapsed: false,
  panel: { width: 340, height: 700 },
  pill: { width: 140, height: 44 },
  fields: [],
  focused: null,
  ...over,
});

describe('placed', () => {
  it('docks at either edge with the CSS margin', () => {
    expect(placed('right', { width: 340, height: 700 }, 1280)).toEqual({ left: 932, right: 1272, top: 8, bottom: 708 });
    expect(placed('left', { width: 340, height: 700 }, 1280)).toEqual({ left: 8, right: 348, top: 8, bottom: 708 });
  });
  it('counts touching edges as not overlapping', () => {
    expect(overlaps(box(0, 0, 10, 10), box(10, 0, 10, 10))).toBe(false);
    expect(overlaps(box(0, 0, 10, 10), box(9, 9, 10, 10))).toBe(true);
  });
});

describe('choosePlacement', () => {
  it('keeps the person’s side when no field is under it', () => {
    expect(choosePlacement(input({ fields: [box(200, 300, 400, 30)] }))).toEqual(NO_AVOIDANCE);
  });

  it('moves to the other side when a field is under its own', () => {
    expect(choosePlacement(input({ fields: [box(900, 300, 200, 30)] }))).toEqual({ flip: true, collapse: false });
  });

  it('folds into the pill when fields sit under both sides but not under the pill', () => {
    expect(choosePlacement(input({ fields: [box(100, 300, 200, 30), box(1000, 300, 200, 30)] }))).toEqual({ flip: false, collapse: true });
  });

  it('puts the pill on the other side when a field is under its own corner', () => {
    const fields = [box(100, 300, 200, 30), box(1000, 300, 200, 30), box(1200, 10, 60, 30)];
    expect(choosePlacement(input({ fields }))).toEqual({ flip: true, collapse: true });
  });

  it('keeps at least the focused field clear when no placement is free of every field', () => {
    const fields = [box(0, 0, 1280, 720)];
    expect(choosePlacement(input({ fields, focused: box(900, 300, 200, 30) }))).toEqual({ flip: true, collapse: false });
  });

  it('estimates a full-height panel before it has been measured', () => {
    expect(choosePlacement(input({ panel: null, fields: [box(1000, 690, 100, 20)] }))).toEqual({ flip: true, collapse: false });
  });

  it('places the pill, not the panel, when the person chose the pill', () => {
    expect(choosePlacement(input({ collapsed: true, fields: [box(1000, 300, 200, 30)] }))).toEqual(NO_AVOIDANCE);
  });
});

describe('phones: the bar in the visual viewport', () => {
  // 360×640 with the keyboard open: about half of it is on screen, scrolled 200 px into the layout viewport.
  const frame = { left: 0, top: 200, width: 360, height: 320 };
  const full = (over: Partial<PhoneInput> = {}): PhoneInput => ({
    frame,
    panelWanted: false,
    bar: { full: 110, compact: 70 },
    controls: [],
    focused: null,
    ...over,
  });
  const barBox = (top: number, height: number) => box(MARGIN, top, frame.width - 2 * MARGIN, height);

  it('is narrow below 600 px and not on a laptop, even at 200 % (640 px)', () => {
    expect([isNarrow(360), isNarrow(412), isNarrow(599), isNarrow(640), isNarrow(1280), isNarrow(0)]).toEqual([true, true, true, false, false, false]);
  });

  it('sits at the top of what is on screen (the visual viewport), not of the layout viewport', () => {
    expect(choosePhoneLayout(full())).toEqual({ bar: true, compact: false, top: 208, left: 8, width: 344, maxHeight: 304, zoom: 1 });
  });

  it('goes to the bottom edge when the field in use is under the top', () => {
    const focused = box(10, 230, 340, 30);
    const layout = choosePhoneLayout(full({ focused, controls: [focused] }));
    expect(layout.top).toBe(200 + 320 - MARGIN - 110);
    expect(overlaps(barBox(layout.top, 110), focused)).toBe(false);
  });

  it('finds a gap between controls when both edges would cover one, and never covers the field in use', () => {
    const controls = [box(10, 215, 340, 30), box(10, 480, 340, 30)];
    const focused = box(10, 420, 340, 30);
    const spot = placeBar({ frame, height: 110, controls: [...controls, focused], focused });
    expect(spot.covers).toBe(0);
    expect(spot.clearOfFocus).toBe(true);
    const rect = barBox(spot.top, 110);
    for (const c of [...controls, focused]) expect(overlaps(rect, c)).toBe(false);
    expect(rect.top).toBeGreaterThanOrEqual(frame.top);
    expect(rect.bottom).toBeLessThanOrEqual(frame.top + frame.height);
  });

  it('covers as few controls as it can when there is no gap, but still not the field in use', () => {
    const controls = Array.from({ length: 8 }, (_, i) => box(10, 205 + i * 40, 340, 30));
    const focused = controls[3]!;
    const spot = placeBar({ frame, height: 110, controls, focused });
    expect(spot.clearOfFocus).toBe(true);
    expect(overlaps(barBox(spot.top, 110), focused)).toBe(false);
    expect(spot.covers).toBeLessThanOrEqual(3);
  });

  it('takes its short form when the room beside the field is too small for all its words', () => {
    const focused = box(10, 340, 340, 40);
    const layout = choosePhoneLayout(full({ bar: { full: 200, compact: 70 }, focused, controls: [focused] }));
    expect(layout.compact).toBe(true);
    expect(overlaps(barBox(layout.top, 70), focused)).toBe(false);
  });

  it('shows the panel the person opened across the frame, and folds it back to the bar while they type', () => {
    expect(choosePhoneLayout(full({ panelWanted: true }))).toEqual({ bar: false, compact: false, top: 208, left: 8, width: 344, maxHeight: 304, zoom: 1 });
    expect(choosePhoneLayout(full({ panelWanted: true, focused: box(10, 300, 340, 30) })).bar).toBe(true);
  });

  it('on a zoomed-out page (no viewport meta: 980 px shown on 360) keeps its own size: drawn at 1/scale', () => {
    const scale = 360 / 980;
    const zoomed = { left: 0, top: 0, width: 980, height: 320 / scale, scale };
    expect(isNarrow(onScreenWidth(zoomed))).toBe(true);
    const layout = choosePhoneLayout(full({ frame: zoomed, bar: { full: 110 / scale, compact: 70 / scale } }));
    expect(layout.zoom).toBeCloseTo(1 / scale);
    // 344 px wide as the person sees it, 8 px from each edge of the screen.
    expect(layout.width).toBeCloseTo(344);
    expect(layout.left * scale).toBeCloseTo(8);
    expect(layout.top * scale).toBeCloseTo(8);
  });

  it('property: wherever the field in use is in the frame, a bar that fits beside it never covers it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 480 }), fc.integer({ min: 20, max: 60 }), fc.integer({ min: 40, max: 140 }), (top, height, bar) => {
        const focused = box(10, top, 340, height);
        const spot = placeBar({ frame, height: bar, controls: [focused], focused });
        const roomAbove = top - frame.top - MARGIN - BAR_GAP;
        const roomBelow = frame.top + frame.height - MARGIN - (top + height) - BAR_GAP;
        if (Math.max(roomAbove, roomBelow) >= bar) expect(overlaps(barBox(spot.top, bar), focused)).toBe(false);
        else expect(spot.clearOfFocus).toBe(overlaps(barBox(spot.top, bar), focused) === false);
      }),
    );
  });
});
