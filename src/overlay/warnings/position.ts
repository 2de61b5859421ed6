/**
 * Where a warning note sits beside its field: pure geometry, no DOM. Beside the field on the side with room
 * (right, then left), else below or above the field and its label; never over the field, its label, or any
 * other box it is told to keep clear. Coordinates are the viewport's (the note is position: fixed).
 */
import { overlaps, type Rect, type Size } from '../placement';

export const NOTE_GAP = 8;
export const NOTE_MARGIN = 8;

export type NoteSide = 'right' | 'left' | 'below' | 'above';

export interface NotePlacement {
  side: NoteSide;
  left: number;
  top: number;
}

export interface NoteInput {
  field: Rect;
  /** The field's label(s) and anything else that must stay visible (other fields' boxes). */
  keepClear: readonly Rect[];
  note: Size;
  viewport: Size;
}

const rectOf = (left: number, top: number, size: Size): Rect => ({ left, top, right: left + size.width, bottom: top + size.height });

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, Math.max(min, max)));

/** The field box grown to cover its labels that touch it (a floating label above or inside it). */
function unionWithLabels(field: Rect, labels: readonly Rect[]): Rect {
  return labels.reduce(
    (u, r) => ({ left: Math.min(u.left, r.left), top: Math.min(u.top, r.top), right: Math.max(u.right, r.right), bottom: Math.max(u.bottom, r.bottom) }),
    field,
  );
}

/** Null when the field is out of view (the note would point at nothing) or there is no room clear of controls. */
export function placeNote(input: NoteInput, labels: readonly Rect[] = []): NotePlacement | null {
  const { field, note, viewport } = input;
  if (field.bottom <= 0 || field.top >= viewport.height || field.right <= 0 || field.left >= viewport.width) return null;
  const block = unionWithLabels(field, labels);
  const maxTop = viewport.height - NOTE_MARGIN - note.height;
  const maxLeft = viewport.width - NOTE_MARGIN - note.width;
  const sideTop = clamp(field.top, NOTE_MARGIN, maxTop);
  const candidates: NotePlacement[] = [
    { side: 'right', left: field.right + NOTE_GAP, top: sideTop },
    { side: 'left', left: field.left - NOTE_GAP - note.width, top: sideTop },
    { side: 'below', left: clamp(field.left, NOTE_MARGIN, maxLeft), top: block.bottom + NOTE_GAP },
    { side: 'above', left: clamp(field.left, NOTE_MARGIN, maxLeft), top: block.top - NOTE_GAP - note.height },
  ];
  const avoid = [field, ...labels, ...input.keepClear];
  const inView = (p: NotePlacement) => p.left >= NOTE_MARGIN && p.left <= maxLeft && p.top >= NOTE_MARGIN - 0.5 && p.top <= maxTop + 0.5;
  const clear = (p: NotePlacement) => !avoid.some((box) => overlaps(box, rectOf(p.left, p.top, note)));
  // In view and clear of every control. In a window too small for that (a small laptop at 200 % with the
  // side area open) the note stays out of the way rather than cover a key, a button or the CAPTCHA: it was
  // announced, the field keeps its red-free look, and the note returns as soon as there is room.
  return candidates.find((p) => inView(p) && clear(p)) ?? null;
}
