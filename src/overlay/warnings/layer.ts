/**
 * The warnings layer: notes beside the portal's fields, inside our own shadow root (never an attribute or a
 * style on a portal element; their boxes are only read). Each note is placed beside its field (position.ts),
 * follows scroll, resize and re-render with one animation frame, is announced once through the overlay's
 * polite live region, disappears as soon as its warning does, and can be dismissed until the warning goes away.
 */
import { h, render } from 'preact';
import { warningId, type FieldWarning, type WarningAnchor, type WarningTone } from '../../flow/warnings';
import { t } from '../../i18n/t';
import type { Rect } from '../placement';
import { FIELD_SELECTOR } from '../../page/fields';
import { queryScopes, type PageScopes } from '../../page/scopes';
import { placeNote } from './position';
import { warningText } from './text';
import { WarningNotes, type NoteGroup } from './WarningNotes';

export type WarningAnchors = ReadonlyMap<WarningAnchor, Element>;

/** Portal controls looked at, at most, to keep notes off them (an on-screen keypad's keys, other fields). */
const MAX_CONTROLS = 300;

const TONE_ORDER: readonly WarningTone[] = ['error', 'warning', 'info'];

function visibleBox(element: Element): Rect | null {
  const box = element.getBoundingClientRect();
  return box.width <= 0 && box.height <= 0 ? null : box;
}

function labelBoxes(element: Element): Rect[] {
  const labels = (element as HTMLInputElement).labels;
  if (!labels) return [];
  return [...labels].map(visibleBox).filter((box): box is Rect => box !== null);
}

export class WarningsLayer {
  private readonly container: HTMLElement;
  private list: FieldWarning[] = [];
  private anchors: WarningAnchors = new Map();
  private readonly dismissed = new Set<string>();
  private readonly spoken = new Set<string>();
  private frame = 0;
  private destroyed = false;

  constructor(
    private readonly doc: Document,
    private readonly root: ShadowRoot,
    /** Says a sentence through the overlay's one polite live region. */
    private readonly say: (text: string) => void,
    /** Where the portal's controls are: the document and the open shadow roots the detector walked into. */
    private readonly scopes: PageScopes = () => [doc],
  ) {
    this.container = doc.createElement('div');
    this.container.setAttribute('data-cg-warnings-layer', '');
    root.append(this.container);
    doc.defaultView?.addEventListener('resize', this.schedule, { passive: true });
    doc.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    // A phone's keyboard resizes only the visual viewport.
    doc.defaultView?.visualViewport?.addEventListener('resize', this.schedule, { passive: true });
    doc.defaultView?.visualViewport?.addEventListener('scroll', this.schedule, { passive: true });
  }

  /** The warnings now, and the elements they belong beside. An empty list clears every note. */
  show(list: readonly FieldWarning[], anchors: WarningAnchors): void {
    if (this.destroyed) return;
    const ids = new Set(list.map(warningId));
    // Fixed (gone) warnings are forgotten: if they come back they are shown and said again.
    for (const id of [...this.dismissed]) if (!ids.has(id)) this.dismissed.delete(id);
    for (const id of [...this.spoken]) if (!ids.has(id)) this.spoken.delete(id);
    this.list = list.filter((w) => anchors.has(w.anchor));
    this.anchors = anchors;
    const fresh = this.visible().filter((w) => !this.spoken.has(warningId(w)));
    for (const w of fresh) this.spoken.add(warningId(w));
    if (fresh.length > 0) this.say(fresh.map((w) => t('wgnAnnounce', warningText(w))).join(' '));
    this.render();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.defaultView?.removeEventListener('resize', this.schedule);
    this.doc.removeEventListener('scroll', this.schedule, { capture: true });
    this.doc.defaultView?.visualViewport?.removeEventListener('resize', this.schedule);
    this.doc.defaultView?.visualViewport?.removeEventListener('scroll', this.schedule);
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    render(null, this.container);
    this.container.remove();
    this.list = [];
    this.anchors = new Map();
  }

  private visible(): FieldWarning[] {
    return this.list.filter((w) => !this.dismissed.has(warningId(w)));
  }

  private readonly dismiss = (anchor: WarningAnchor): void => {
    for (const w of this.list) if (w.anchor === anchor) this.dismissed.add(warningId(w));
    this.render();
  };

  private render(): void {
    const groups: NoteGroup[] = [];
    for (const warning of this.visible()) {
      let group = groups.find((g) => g.anchor === warning.anchor);
      if (!group) groups.push((group = { anchor: warning.anchor, tone: warning.tone, warnings: [] }));
      group.warnings.push(warning);
      if (TONE_ORDER.indexOf(warning.tone) < TONE_ORDER.indexOf(group.tone)) group.tone = warning.tone;
    }
    render(h(WarningNotes, { groups, onDismiss: this.dismiss }), this.container);
    this.position();
  }

  /** Reads the fields' boxes and the notes' sizes, then writes the notes' positions: one read pass, one write pass. */
  position(): void {
    const view = this.doc.defaultView;
    // What is on screen (above a phone's keyboard): notes are placed in the visual viewport, shifted by its offset.
    const vv = view?.visualViewport;
    const dx = vv?.offsetLeft ?? 0;
    const dy = vv?.offsetTop ?? 0;
    const viewport = { width: vv?.width ?? view?.innerWidth ?? 0, height: vv?.height ?? view?.innerHeight ?? 0 };
    const shift = (r: Rect): Rect => ({ left: r.left - dx, right: r.right - dx, top: r.top - dy, bottom: r.bottom - dy });
    const notes = [...this.container.querySelectorAll<HTMLElement>('[data-cg-note]')];
    const fieldBoxes = new Map<WarningAnchor, Rect | null>();
    for (const [anchor, element] of this.anchors) {
      const box = element.isConnected ? visibleBox(element) : null;
      fieldBoxes.set(anchor, box && shift(box));
    }
    const controls = notes.length > 0 ? this.controlBoxes(viewport, shift) : [];
    // On a phone the guide's bar is in the same small frame: notes keep off it too.
    const host = this.root.host;
    if (notes.length > 0 && host.hasAttribute('data-claveguia-phone')) controls.push(shift(host.getBoundingClientRect()));
    const placed: Rect[] = [];
    const writes: [HTMLElement, ReturnType<typeof placeNote>][] = [];
    for (const note of notes) {
      const anchor = note.getAttribute('data-cg-note') as WarningAnchor;
      const element = this.anchors.get(anchor);
      const field = fieldBoxes.get(anchor) ?? null;
      if (!element || !field) {
        writes.push([note, null]);
        continue;
      }
      const size = note.getBoundingClientRect();
      const spot = placeNote(
        { field, keepClear: [...placed, ...controls], note: { width: size.width, height: size.height }, viewport },
        labelBoxes(element).map(shift),
      );
      if (spot) placed.push({ left: spot.left, top: spot.top, right: spot.left + size.width, bottom: spot.top + size.height });
      writes.push([note, spot]);
    }
    for (const [note, spot] of writes) {
      if (!spot) {
        note.setAttribute('data-cg-side', 'none');
        note.style.visibility = 'hidden';
        continue;
      }
      note.setAttribute('data-cg-side', spot.side);
      note.style.left = `${Math.round(spot.left + dx)}px`;
      note.style.top = `${Math.round(spot.top + dy)}px`;
      note.style.visibility = 'visible';
    }
  }

  /** Boxes of the portal's visible controls (fields, buttons, keypad keys, labels): notes keep off them when they can. */
  private controlBoxes(viewport: { width: number; height: number }, shift: (r: Rect) => Rect): Rect[] {
    const boxes: Rect[] = [];
    const controls = queryScopes(this.scopes, FIELD_SELECTOR, MAX_CONTROLS);
    for (let i = 0; i < controls.length; i++) {
      const seen = visibleBox(controls[i]!);
      const box = seen && shift(seen);
      if (!box || box.right <= 0 || box.bottom <= 0 || box.left >= viewport.width || box.top >= viewport.height) continue;
      boxes.push(box);
    }
    return boxes;
  }

  private readonly schedule = (): void => {
    const view = this.doc.defaultView;
    if (!view || this.frame || this.list.length === 0) return;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      this.position();
    });
  };
}
