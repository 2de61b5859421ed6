/**
 * Cheap visibility tests that need no layout: attributes, inline style and class names. The walk in
 * page-walk.ts prunes a hidden element's whole subtree, so only the element itself is checked here.
 */

const STYLE_HIDDEN = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;
const STYLE_SHOWN = /(?:^|;)\s*display\s*:\s*(?!none)[a-z-]+/i;

/** Class names that hide an element in the libraries the portal uses (PrimeFaces, jQuery UI, Bootstrap). */
const HIDDEN_CLASSES = new Set([
  'ui-helper-hidden',
  'ui-tabs-hide',
  'ui-state-hidden',
  'hidden',
  'hide',
  'd-none',
  'invisible',
  'ng-hide',
  'is-hidden',
  'oculto',
  'ui-overlay-hidden',
]);

/** Simple `.class` / `#id` rules that hide, read from the page's own `<style>` elements (bounded). */
export interface HiddenByCss {
  classes: Set<string>;
  ids: Set<string>;
  /**
   * Some rule the simple scan cannot resolve decides display or visibility (`.wizard > .paso:not(.activo)`
   * hides, or `.paso.activo` shows again what `.paso` hid): then the computed style decides, for containers.
   */
  complex: boolean;
}

const MAX_STYLE_ELEMENTS = 20;
const MAX_STYLE_CHARS = 60_000;
const RULE = /([^{}]{1,300})\{([^{}]{0,600})\}/g;
const HIDES = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const SHOWS = /display\s*:\s*(?!none)[a-z-]+|visibility\s*:\s*visible/i;
const NAMES = /([.#])([\w-]+)/g;
const SIMPLE = /^\s*(?:[a-z][a-z0-9]*)?([.#])([\w-]+)\s*$/i;

export function scanStyles(doc: Document): HiddenByCss {
  const found: HiddenByCss = { classes: new Set(), ids: new Set(), complex: false };
  // getElementsByTagName, not querySelectorAll: happy-dom's selector engine recurses and overflows on
  // hostile deep nesting. The live collection's length is read once.
  const styles = doc.getElementsByTagName('style');
  const count = Math.min(styles.length, MAX_STYLE_ELEMENTS);
  let budget = MAX_STYLE_CHARS;
  const shownClasses = new Set<string>();
  const shownIds = new Set<string>();
  for (let i = 0; i < count && budget > 0; i++) {
    const css = (styles[i]?.textContent ?? '').slice(0, budget);
    budget -= css.length;
    for (const m of css.matchAll(RULE)) {
      const body = m[2] ?? '';
      const hides = HIDES.test(body);
      const shows = !hides && SHOWS.test(body);
      if (!hides && !shows) continue;
      for (const selector of (m[1] ?? '').split(',')) {
        if (shows) {
          // `.paso.activo { display: block }` undoes `.paso { display: none }` for some elements: a class or id
          // named here is left to the computed style.
          for (const n of selector.matchAll(NAMES)) if (n[2]) (n[1] === '.' ? shownClasses : shownIds).add(n[2]);
          continue;
        }
        const s = SIMPLE.exec(selector);
        if (s?.[2]) (s[1] === '.' ? found.classes : found.ids).add(s[2]);
        else if (selector.trim()) found.complex = true;
      }
    }
  }
  for (const c of shownClasses) if (found.classes.delete(c)) found.complex = true;
  for (const i of shownIds) if (found.ids.delete(i)) found.complex = true;
  return found;
}

/** True when the element itself is hidden by attributes, inline style or a known class. */
export function hiddenByMarkup(el: Element, css: HiddenByCss): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style && STYLE_HIDDEN.test(style)) return true;
  if (el.id && css.ids.has(el.id)) return true;
  const cls = el.getAttribute('class');
  if (cls) {
    // An inline display wins over a hiding class (PrimeFaces growl fades in over `ui-helper-hidden`).
    const shown = style !== null && STYLE_SHOWN.test(style);
    if (!shown) {
      for (const token of cls.split(/\s+/)) {
        if (token && (HIDDEN_CLASSES.has(token) || css.classes.has(token))) return true;
      }
    }
  }
  return false;
}

/**
 * Layout-aware check for the few elements that matter, in real browsers only: `checkVisibility()` is cheap
 * there (one style pass). happy-dom computes the cascade per ancestor on each call, so it is skipped there
 * and the markup checks above stand alone.
 */
export function layoutCheck(doc: Document): ((el: Element) => boolean) | null {
  const view = doc.defaultView;
  const probe = doc.documentElement as (Element & { checkVisibility?: unknown }) | null;
  if (!view || !probe || typeof probe.checkVisibility !== 'function') return null;
  if (/happydom|jsdom/i.test(view.navigator?.userAgent ?? '')) return null;
  return (el) => (el as Element & { checkVisibility(o?: object): boolean }).checkVisibility({ visibilityProperty: true });
}

/** Containers that can hide a wizard step or panel; inline elements and leaves are left to the markup checks. */
const CONTAINER_TAGS = new Set(['DIV', 'SECTION', 'FIELDSET', 'FORM', 'TABLE', 'TBODY', 'UL', 'OL', 'ARTICLE', 'ASIDE', 'MAIN', 'DL']);
/** Computed-style reads per pass: a bound on the cost, spent on the outermost containers first (walk order). */
export const MAX_STYLE_CHECKS = 400;

/**
 * Visibility as the browser computes it, for containers only: a class rule in the page's stylesheet that
 * hides a wizard step (`.paso:not(.activo) { display: none }`). In a real browser `checkVisibility()` reads the
 * style the page already has; elsewhere (happy-dom) `getComputedStyle` runs the cascade, so it is used only
 * when the page's own <style> has a hiding rule the simple scan could not resolve. Results are cached per pass.
 */
export function computedStyleCheck(doc: Document, css: HiddenByCss, realLayout: boolean): ((el: Element) => boolean) | null {
  const view = doc.defaultView;
  if (!view) return null;
  const probe = doc.documentElement as (Element & { checkVisibility?: unknown }) | null;
  let hidden: (el: Element) => boolean;
  if (realLayout && probe && typeof probe.checkVisibility === 'function') {
    hidden = (el) => !(el as Element & { checkVisibility(o?: object): boolean }).checkVisibility({ visibilityProperty: true });
  } else if (css.complex && typeof view.getComputedStyle === 'function') {
    hidden = (el) => {
      const s = view.getComputedStyle(el);
      return s.display === 'none' || s.visibility === 'hidden';
    };
  } else return null;
  const cache = new Map<Element, boolean>();
  let budget = MAX_STYLE_CHECKS;
  return (el) => {
    if (!CONTAINER_TAGS.has(el.tagName.toUpperCase()) || (!el.id && !el.hasAttribute('class')) || el.firstElementChild === null) return false;
    const known = cache.get(el);
    if (known !== undefined) return known;
    if (budget-- <= 0) return false;
    let h = false;
    try {
      h = hidden(el);
    } catch {
      // A selector the engine cannot parse, or hostile nesting: fall back to the markup checks.
    }
    cache.set(el, h);
    return h;
  };
}
