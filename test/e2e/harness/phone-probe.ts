/**
 * Functions that run inside the page (main world, open-root build) to read the guide on a phone: what is on
 * screen is the visual viewport (window.visualViewport), which the on-screen keyboard shortens; the checks
 * measure against it, never against the layout viewport.
 */

export interface PhoneReading {
  /** The guide's phone form: `bar`, `bar-compact`, `panel`, or null when it is not in its phone form. */
  form: string | null;
  /** The field focused as the one in use, or null on a step without a typeable field. */
  field: string | null;
  /** Whether the link countdown shows inside the visible frame. */
  countdown: boolean;
  /** Portal controls (other than the field in use and its labels) under the bar: allowed only in its short form. */
  covered: string[];
  /** Empty when everything the checks ask holds. */
  problems: string[];
}

/**
 * Focuses the step's first typeable field (as a tap would), waits for the guide to re-place itself, then checks
 * inside the visual viewport: the step's title and what to do now fully on screen; the field in use focused,
 * on screen, not under anything of ours; no portal control under anything of ours; every control of ours at
 * least 44×44 CSS px. `focus` false reads the page as it is (no field focused: the keyboard closed).
 */
export function readPhone(focus: boolean): Promise<PhoneReading> {
  const host = document.querySelector('[data-claveguia-host]') as HTMLElement | null;
  const root = host?.shadowRoot ?? null;
  const ours = (el: Element | null) => !!el && !!host && (el === host || host.contains(el));
  const shown = (el: Element) => {
    const r = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
  };
  const name = (el: Element) => el.id || `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 30)}`;
  const typeable =
    'input:not([type=hidden]):not([type=radio]):not([type=checkbox]):not([type=submit]):not([type=button]):not([type=image]):not([type=file]), select, textarea';
  const field = focus
    ? ([...document.querySelectorAll<HTMLElement>(typeable)].find((el) => !ours(el) && shown(el) && !(el as HTMLInputElement).disabled && !(el as HTMLInputElement).readOnly) ?? null)
    : null;
  field?.focus();
  const frames = (n: number): Promise<void> => new Promise((done) => (n <= 0 ? done() : requestAnimationFrame(() => void frames(n - 1).then(done))));
  // Focus scrolls the field into view; the guide re-places on focus and on the scroll, one frame each.
  return frames(5).then(() => {
    const problems: string[] = [];
    const vv = window.visualViewport;
    const frame = vv
      ? { left: vv.offsetLeft, top: vv.offsetTop, right: vv.offsetLeft + vv.width, bottom: vv.offsetTop + vv.height }
      : { left: 0, top: 0, right: innerWidth, bottom: innerHeight };
    const inFrame = (el: Element | null | undefined) => {
      if (!el) return false;
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.top >= frame.top - 0.5 && r.bottom <= frame.bottom + 0.5 && r.left >= frame.left - 0.5 && r.right <= frame.right + 0.5;
    };
    /** Points of the part of `el` inside the frame: its centre and four inset corners. */
    const pointsOf = (el: Element): [number, number][] => {
      const r = el.getBoundingClientRect();
      const left = Math.max(r.left, frame.left);
      const right = Math.min(r.right, frame.right);
      const top = Math.max(r.top, frame.top);
      const bottom = Math.min(r.bottom, frame.bottom);
      if (right - left < 1 || bottom - top < 1) return [];
      const dx = Math.min(2, (right - left) / 2);
      const dy = Math.min(2, (bottom - top) / 2);
      const [x0, x1, y0, y1] = [left + dx, right - dx, top + dy, bottom - dy];
      return [[(left + right) / 2, (top + bottom) / 2], [x0, y0], [x1, y0], [x0, y1], [x1, y1]];
    };

    const form = host?.getAttribute('data-claveguia-phone') ?? null;
    if (!host || host.hidden) problems.push('no guide shown');
    else if (!form) problems.push('the guide is not in its phone form');

    // The step's title and what to do now, on screen (the bar; or the panel's title and action).
    const title = root?.querySelector('[data-cg-bar-title]') ?? root?.querySelector('.cg-panel .cg-title');
    const wants = root?.querySelector('[data-cg-bar-wants]') ?? root?.querySelector('.cg-panel .cg-wants');
    const picker = host?.getAttribute('data-claveguia-step') === 'none';
    if (!title?.textContent?.trim() || !inFrame(title)) problems.push('the step title is not on screen');
    if (!picker && (!wants?.textContent?.trim() || !inFrame(wants))) problems.push('what to do now is not on screen');

    if (field) {
      if (document.activeElement !== field) problems.push(`${name(field)} did not take the focus`);
      const points = pointsOf(field);
      if (points.length === 0) problems.push(`${name(field)} is off screen`);
      else if (points.some(([x, y]) => ours(document.elementFromPoint(x, y)))) problems.push(`${name(field)} is under the guide`);
      for (const label of (field as HTMLInputElement).labels ?? []) {
        if (pointsOf(label).some(([x, y]) => ours(document.elementFromPoint(x, y)))) problems.push(`the label of ${name(field)} is under the guide`);
      }
    }
    const covered: string[] = [];
    // The panel the person opened may lie over the page (they asked for it); the bar never may.
    const controls = form === 'panel' ? [] : document.querySelectorAll('input:not([type=hidden]), select, textarea, button, label, iframe');
    for (const el of controls) {
      if (ours(el) || !shown(el)) continue;
      if (pointsOf(el).some(([x, y]) => ours(document.elementFromPoint(x, y)))) covered.push(name(el));
    }

    // Touch targets of ours: buttons, links and summaries; a checkbox's target is its whole label row.
    for (const el of root?.querySelectorAll('button, a[href], summary, .cg-check') ?? []) {
      if (!shown(el) || el.closest('.cg-visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5) problems.push(`target ${name(el)} is ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    const clock = root?.querySelector('[data-cg-countdown], .cg-countdown-show');
    return { form, field: field ? name(field) : null, countdown: !!clock && inFrame(clock), covered, problems };
  });
}

/** Taps-equivalent helpers run in the page: the guide's own buttons (open root). */
export function pressGuideButton(action: string): boolean {
  const button = document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector<HTMLElement>(`[data-action="${action}"]`);
  button?.click();
  return !!button;
}
