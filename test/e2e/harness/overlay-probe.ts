/**
 * Functions that run inside the page (main world) to read what the overlay shows. They need the open-root
 * build (`OPEN_ROOT`), where the page can see into the overlay's shadow root.
 */

export interface OverlaySnapshot {
  step: string | null;
  flow: string | null;
  shown: boolean;
  title: string | null;
  alerts: string[];
  landmark: string | null;
}

export function snapshotOverlay(): OverlaySnapshot {
  const host = document.querySelector('[data-claveguia-host]') as HTMLElement | null;
  const root = host?.shadowRoot ?? null;
  const landmark = root?.querySelector('[role="complementary"]') ?? null;
  return {
    step: host?.getAttribute('data-claveguia-step') ?? null,
    flow: host?.getAttribute('data-claveguia-flow') ?? null,
    shown: Boolean(host && !host.hidden && host.getBoundingClientRect().width > 0),
    title: root?.querySelector('.cg-title')?.textContent?.trim() ?? null,
    alerts: [...(root?.querySelectorAll('[data-alert]') ?? [])].map((a) => a.getAttribute('data-alert') ?? ''),
    landmark: landmark?.getAttribute('aria-label') ?? null,
  };
}

/** Class and style attributes of the portal's form controls, to prove we never restyle them. */
export function fieldStyles(): Record<string, string> {
  const out: Record<string, string> = {};
  document.querySelectorAll('input, select, textarea, button, label').forEach((el, i) => {
    if (el.closest('[data-claveguia-host]')) return;
    out[el.id || `${el.tagName}#${i}`] = `${el.getAttribute('class') ?? ''}|${el.getAttribute('style') ?? ''}`;
  });
  return out;
}

/** Ids of the visible, focusable portal fields on the page. */
export function visibleFieldIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea')]
    .filter((el) => el.id && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
    .map((el) => el.id);
}

/** Focuses a portal field and reports whether the overlay's box overlaps it. */
export function overlapAfterFocus(id: string): Promise<{ overlap: boolean; field: DOMRect; overlay: DOMRect }> {
  const field = document.getElementById(id) as HTMLElement;
  field.focus();
  const host = document.querySelector('[data-claveguia-host]') as HTMLElement;
  // Two frames: the overlay moves on focusin and re-renders before the next paint.
  return new Promise((resolve) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const a = field.getBoundingClientRect();
        const b = (host.shadowRoot?.querySelector('.cg-panel, .cg-pill') as HTMLElement | null)?.getBoundingClientRect() ?? host.getBoundingClientRect();
        const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        resolve({ overlap, field: a.toJSON(), overlay: b.toJSON() });
      }),
    ),
  );
}

/** Visible portal controls (and labels) that the overlay's box overlaps right now, by id or tag. */
export function fieldsUnderOverlay(): string[] {
  const host = document.querySelector('[data-claveguia-host]') as HTMLElement | null;
  if (!host || host.hidden) return [];
  const inner = host.shadowRoot?.querySelector('.cg-panel, .cg-pill') as HTMLElement | null;
  const b = (inner ?? host).getBoundingClientRect();
  return [...document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, textarea, button, label')]
    .filter((el) => !el.closest('[data-claveguia-host]'))
    .filter((el) => {
      const a = el.getBoundingClientRect();
      if (a.width <= 0 && a.height <= 0) return false;
      return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    })
    .map((el) => el.id || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 30)}`);
}

export interface ReadWhileTyping {
  /** The field focused as the person's "field in use" (id or tag), or null on a step without one. */
  field: string | null;
  /** Empty when the field is focused, on screen and unobstructed, and nothing of ours covers a field or label. */
  problems: string[];
}

/**
 * Focuses the step's first text field (where a person starts typing), the way a click would, and checks that
 * it is focused, on screen and not under anything of ours, and that the overlay covers no visible portal
 * control or label. Runs in the page (main world); with a closed root the host box itself is what is checked.
 */
export function readWhileTyping(): Promise<ReadWhileTyping> {
  const host = document.querySelector('[data-claveguia-host]') as HTMLElement | null;
  const ours = (el: Element | null) => !!el && !!host && (el === host || host.contains(el));
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const typeable =
    'input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=submit]):not([type=button]):not([type=image]):not([type=file]), select, textarea';
  const field = [...document.querySelectorAll<HTMLElement>(typeable)].find((el) => !ours(el) && shown(el) && !(el as HTMLInputElement).disabled) ?? null;
  const name = (el: Element) => el.id || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 30)}`;
  field?.focus();
  return new Promise((resolve) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const problems: string[] = [];
        const vw = innerWidth;
        const vh = innerHeight;
        /** Points of the part of `el` inside the viewport: its centre and four inset corners. */
        const pointsOf = (el: Element): [number, number][] => {
          const r = el.getBoundingClientRect();
          const left = Math.max(r.left, 0);
          const right = Math.min(r.right, vw);
          const top = Math.max(r.top, 0);
          const bottom = Math.min(r.bottom, vh);
          if (right - left < 1 || bottom - top < 1) return [];
          const dx = Math.min(2, (right - left) / 2);
          const dy = Math.min(2, (bottom - top) / 2);
          const [x0, x1, y0, y1] = [left + dx, right - dx, top + dy, bottom - dy];
          return [[(left + right) / 2, (top + bottom) / 2], [x0, y0], [x1, y0], [x0, y1], [x1, y1]];
        };
        if (field) {
          if (document.activeElement !== field) problems.push(`${name(field)} did not take the focus`);
          const points = pointsOf(field);
          if (points.length === 0) problems.push(`${name(field)} is off screen`);
          else if (ours(document.elementFromPoint(...points[0]!))) problems.push(`${name(field)} is under the overlay`);
        }
        const controls = document.querySelectorAll('input:not([type=hidden]), select, textarea, button, label, iframe');
        for (const el of controls) {
          if (ours(el) || !shown(el)) continue;
          if (pointsOf(el).some(([x, y]) => ours(document.elementFromPoint(x, y)))) problems.push(`covers ${name(el)}`);
        }
        resolve({ field: field ? name(field) : null, problems });
      }),
    ),
  );
}

export interface SideAreaView {
  step: string | null;
  title: string;
  action: string;
  /** Both the title and the action lie inside the side area's viewport, without scrolling. */
  inView: boolean;
  /** Nothing needs sideways scrolling. */
  fitsWidth: boolean;
  size: { width: number; height: number };
}

/** Reads the side area's page (run inside it): what it shows first, and whether that fits on screen. */
export function readSideArea(): SideAreaView {
  const title = document.querySelector('[data-side="title"]');
  const action = document.querySelector('[data-side="action"]');
  const inside = (el: Element | null) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight + 0.5 && r.left >= 0 && r.right <= innerWidth + 0.5 && r.height > 0;
  };
  return {
    step: document.querySelector('[data-side-step]')?.getAttribute('data-side-step') ?? null,
    title: title?.textContent?.trim() ?? '',
    action: action?.textContent?.trim() ?? '',
    inView: inside(title) && inside(action),
    fitsWidth: document.documentElement.scrollWidth <= innerWidth,
    size: { width: innerWidth, height: innerHeight },
  };
}
