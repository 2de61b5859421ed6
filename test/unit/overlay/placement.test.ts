import { describe, expect, it } from 'vitest';
import { choosePlacement, NO_AVOIDANCE, overlaps, placed, type PlacementInput, type Rect } from '../../../src/overlay/placement';

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
