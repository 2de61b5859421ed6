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
