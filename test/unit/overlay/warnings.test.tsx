import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldWarning, WarningAnchor } from '../../../src/flow/warnings';
import { Announcer, LIVE_SETTLE_MS } from '../../../src/overlay/announcer';
import { overlaps, type Rect } from '../../../src/overlay/placement';
import { placeNote } from '../../../src/overlay/warnings/position';
import es from '../../../src/public/_locales/es/messages.json';
import { detection, flush, mount, placeAt, type Mounted } from './helpers';

const NOTE = { width: 240, height: 60 };
const CONFIRM_DIFFERS: FieldWarning = { anchor: 'key-confirmation', code: 'key-confirmation-differs', tone: 'error' };
const HAS_CEDULA: FieldWarning = { anchor: 'new-key', code: 'key-has-cedula', tone: 'warning', personLabel: 'Mamá' };

let mounted: Mounted | null = null;
let say: { mock: { calls: unknown[][] } };
const originalRect = HTMLElement.prototype.getBoundingClientRect;

beforeEach(() => {
  say = vi.spyOn(Announcer.prototype, 'say');
  // happy-dom does no layout: our notes get a fixed size, the page's boxes are set with placeAt.
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    if (this.matches('.cg-note')) {
      const r = { left: 0, top: 0, x: 0, y: 0, right: NOTE.width, bottom: NOTE.height, ...NOTE };
      return { ...r, toJSON: () => r } as DOMRect;
    }
    return originalRect.call(this);
  });
});
afterEach(() => {
  mounted?.overlay.destroy();
  mounted = null;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** A portal field with a label above it, both given boxes. */
function field(id: string, box: { left: number; top: number; width: number }): { input: HTMLInputElement; label: HTMLLabelElement } {
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = id;
  const input = document.createElement('input');
  input.id = id;
  input.type = 'password';
  document.body.append(label, input);
  placeAt(label, { left: box.left, top: box.top - 22, width: 120, height: 18 });
  placeAt(input, { ...box, height: 36 });
  return { input, label };
}

const noteFor = (anchor: WarningAnchor) => mounted!.$(`[data-cg-note="${anchor}"]`);
function noteBox(anchor: WarningAnchor): Rect {
  const note = noteFor(anchor)!;
  const left = parseFloat(note.style.left);
  const top = parseFloat(note.style.top);
  return { left, top, right: left + NOTE.width, bottom: top + NOTE.height };
}
const boxOf = (el: Element): Rect => el.getBoundingClientRect();
const spoken = (): string[] => say.mock.calls.map((call: unknown[]) => String(call[0]));

async function showOn(list: FieldWarning[], anchors: Map<WarningAnchor, Element>) {
  mounted!.overlay.showWarnings(list, anchors);
  await flush();
}

describe('warnings beside the fields', () => {
  it('sits beside its field, on the side with room, covering neither the field nor its label', async () => {
    mounted = await mount({}, detection({ step: 'new-key' }));
    const { input, label } = field('confirm', { left: 300, top: 300, width: 300 });
    await showOn([CONFIRM_DIFFERS], new Map([['key-confirmation', input]]));
    const note = noteFor('key-confirmation')!;
    expect(note.getAttribute('data-cg-side')).toBe('right');
    expect(noteBox('key-confirmation').left).toBeGreaterThanOrEqual(600);
    expect(overlaps(noteBox('key-confirmation'), boxOf(input))).toBe(false);
    expect(overlaps(noteBox('key-confirmation'), boxOf(label))).toBe(false);
    expect(note.textContent).toContain(es.valConfirmDiffers.message);
    expect(note.querySelector('[data-cg-warning="key-confirmation-differs"]')).not.toBeNull();
    // Tone in words and an icon, not only a colour.
    // (A missing element reads as undefined, so compare with the word itself: removing the word must fail here.)
    expect(note.querySelector('.cg-note-tone')?.textContent?.trim()).toBe(es.wgnToneError.message);
    expect(note.querySelector('svg[data-icon="error"]')).not.toBeNull();
  });

  it('goes left when the right has no room, below when neither side has, never over the field or label', async () => {
    mounted = await mount({}, detection({ step: 'new-key' }));
    const right = field('a', { left: 700, top: 100, width: 300 });
    const wide = field('b', { left: 10, top: 400, width: 1000 });
    await showOn([HAS_CEDULA, CONFIRM_DIFFERS], new Map<WarningAnchor, Element>([['new-key', right.input], ['key-confirmation', wide.input]]));
    expect(noteFor('new-key')!.getAttribute('data-cg-side')).toBe('left');
    expect(noteFor('key-confirmation')!.getAttribute('data-cg-side')).toBe('below');
    for (const [anchor, f] of [['new-key', right], ['key-confirmation', wide]] as const) {
      expect(overlaps(noteBox(anchor), boxOf(f.input))).toBe(false);
      expect(overlaps(noteBox(anchor), boxOf(f.label))).toBe(false);
    }
    expect(overlaps(noteBox('new-key'), noteBox('key-confirmation'))).toBe(false);
  });

  it('names whose data it compared, never a value; adds nothing to the portal’s elements', async () => {
    mounted = await mount({}, detection({ step: 'new-key' }));
    const { input, label } = field('key', { left: 300, top: 300, width: 300 });
    const before = [input.outerHTML, label.outerHTML];
    await showOn([HAS_CEDULA], new Map([['new-key', input]]));
    expect(noteFor('new-key')!.textContent).toContain('Mamá');
    expect([input.outerHTML, label.outerHTML]).toEqual(before);
  });

  it('is announced once, cleared as soon as it is fixed, and said again if it comes back', async () => {
    mounted = await mount({}, detection({ step: 'new-key' }));
    const { input } = field('confirm', { left: 300, top: 300, width: 300 });
    const anchors = new Map([['key-confirmation', input]]) as Map<WarningAnchor, Element>;
    const baseline = spoken().length;
    await showOn([CONFIRM_DIFFERS], anchors);
    await showOn([CONFIRM_DIFFERS], anchors);
    await showOn([CONFIRM_DIFFERS], anchors);
    const said = spoken().slice(baseline);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(es.valConfirmDiffers.message);
    expect(said[0]).toContain(es.wgnAnnounce.message.split('$')[0]!.trim());
    await showOn([], anchors);
    expect(noteFor('key-confirmation')).toBeNull();
    await showOn([CONFIRM_DIFFERS], anchors);
    expect(spoken().slice(baseline)).toHaveLength(2);
  });

  it('speaks through the overlay’s one polite live region', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      mounted = await mount({}, detection({ step: 'new-key' }));
      const { input } = field('confirm', { left: 300, top: 300, width: 300 });
      // The empty region settles, then says the step; the warning comes after.
      await vi.advanceTimersByTimeAsync(LIVE_SETTLE_MS);
      const regions = mounted.$$('[aria-live]');
      expect(regions).toHaveLength(1);
      expect(regions[0]!.textContent).not.toContain(es.valConfirmDiffers.message);
      await showOn([CONFIRM_DIFFERS], new Map([['key-confirmation', input]]));
      await vi.advanceTimersByTimeAsync(0);
      expect(mounted.$$('[aria-live]')).toHaveLength(1);
      expect(regions[0]!.textContent).toContain(es.valConfirmDiffers.message);
    } finally {
      vi.useRealTimers();
    }
  });

  it('can be dismissed, stays dismissed while the mistake remains, returns when it comes back', async () => {
    mounted = await mount({}, detection({ step: 'new-key' }));
    const { input } = field('confirm', { left: 300, top: 300, width: 300 });
    const anchors = new Map([['key-confirmation', input]]) as Map<WarningAnchor, Element>;
    await showOn([CONFIRM_DIFFERS], anchors);
    noteFor('key-confirmation')!.querySelector<HTMLButtonElement>('.cg-note-close')!.click();
    await flush();
    expect(noteFor('key-confirmation')).toBeNull();
    await showOn([CONFIRM_DIFFERS], anchors);
    expect(noteFor('key-confirmation')).toBeNull();
    await showOn([], anchors);
    await showOn([CONFIRM_DIFFERS], anchors);
    expect(noteFor('key-confirmation')).not.toBeNull();
  });

  it('follows the field when the page scrolls (one animation frame) and hides when the field leaves the view', async () => {
    mounted = await mount({}, detection({ step: 'new-key' }));
    const { input, label } = field('confirm', { left: 300, top: 300, width: 300 });
    await showOn([CONFIRM_DIFFERS], new Map([['key-confirmation', input]]));
    expect(noteBox('key-confirmation').top).toBe(300);
    placeAt(input, { left: 300, top: 150, width: 300, height: 36 });
    placeAt(label, { left: 300, top: 128, width: 120, height: 18 });
    document.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(noteBox('key-confirmation').top).toBe(150));
    placeAt(input, { left: 300, top: -400, width: 300, height: 36 });
    document.dispatchEvent(new Event('scroll'));
    await vi.waitFor(() => expect(noteFor('key-confirmation')!.getAttribute('data-cg-side')).toBe('none'));
  });

  it('is removed with the overlay', async () => {
    mounted = await mount({}, detection({ step: 'new-key' }));
    const { input } = field('confirm', { left: 300, top: 300, width: 300 });
    await showOn([CONFIRM_DIFFERS], new Map([['key-confirmation', input]]));
    const root = mounted.root;
    mounted.overlay.destroy();
    expect(root.querySelector('[data-cg-note]')).toBeNull();
  });
});

describe('placeNote (pure)', () => {
  const viewport = { width: 1280, height: 720 };
  it('at 200% zoom (a 640×360 window) a note still avoids the field and its label', () => {
    const field = { left: 40, top: 120, right: 600, bottom: 156 };
    const label = { left: 40, top: 98, right: 200, bottom: 116 };
    const spot = placeNote({ field, keepClear: [], note: { width: 280, height: 80 }, viewport: { width: 640, height: 360 } }, [label])!;
    const note = { left: spot.left, top: spot.top, right: spot.left + 280, bottom: spot.top + 80 };
    expect(overlaps(note, field)).toBe(false);
    expect(overlaps(note, label)).toBe(false);
    expect(note.right).toBeLessThanOrEqual(640);
    expect(note.bottom).toBeLessThanOrEqual(360);
  });
  it('in a window with no room clear of the controls, stays out of the way instead of covering one', () => {
    // A 384×275 page (1280×720 at 200 % with Firefox's sidebar): a field with a keypad filling the rest.
    const field = { left: 8, top: 60, right: 376, bottom: 96 };
    const keypad = { left: 0, top: 100, right: 384, bottom: 275 };
    const above = { left: 0, top: 0, right: 384, bottom: 56 };
    expect(placeNote({ field, keepClear: [keypad, above], note: { width: 280, height: 80 }, viewport: { width: 384, height: 275 } })).toBeNull();
    // With room below, it goes there.
    expect(placeNote({ field, keepClear: [above], note: { width: 280, height: 80 }, viewport: { width: 384, height: 275 } })?.side).toBe('below');
  });
  it('nothing for a field out of view', () => {
    expect(placeNote({ field: { left: 0, top: -100, right: 100, bottom: -60 }, keepClear: [], note: NOTE, viewport })).toBeNull();
  });
});
