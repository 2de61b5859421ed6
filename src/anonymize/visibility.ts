/**
 * Visibility as it was on screen. A copy drops the page's stylesheets, so what they hid is marked hidden in
 * the copy itself (the `hidden` attribute and an inline `display:none`, or an inline `visibility`).
 * In a browser the computed style decides; in an emulated DOM (the CLI, unit tests) the same markup checks and
 * simple stylesheet rules the detector uses (src/detect/visibility.ts).
 */
import { computedStyleCheck, hiddenByMarkup, layoutCheck, scanStyles } from '../detect/visibility';

/** `display`: the element and its subtree are not shown; `hidden`/`visible`: its `visibility` changes there. */
export type Shown = 'display' | 'hidden' | 'visible' | null;

/** Given an element and whether its parent was visibility-hidden, what marker the copy needs (null: none). */
export type VisibilityOracle = (el: Element, parentHidden: boolean) => Shown;

/** Elements without a box of their own: never marked (their content is judged on its own). */
const NO_BOX = new Set(['option', 'optgroup', 'br', 'wbr', 'area', 'map', 'source', 'track', 'col', 'colgroup']);

function layoutOracle(view: Window): VisibilityOracle {
  return (el, parentHidden) => {
    if (NO_BOX.has(el.localName)) return null;
    let style: CSSStyleDeclaration;
    try {
      style = view.getComputedStyle(el);
    } catch {
      return null;
    }
    if (style.display === 'none') return 'display';
    const hidden = style.visibility === 'hidden' || style.visibility === 'collapse';
    if (hidden !== parentHidden) return hidden ? 'hidden' : 'visible';
    return null;
  };
}

function markupOracle(doc: Document): VisibilityOracle {
  const css = scanStyles(doc);
  const styleHidden = computedStyleCheck(doc, css, false);
  return (el) => {
    if (NO_BOX.has(el.localName)) return null;
    if (el.localName === 'dialog' && !el.hasAttribute('open')) return null;
    return hiddenByMarkup(el, css) || (styleHidden !== null && styleHidden(el)) ? 'display' : null;
  };
}

/** The oracle for `doc`: its layout when it has one, its markup otherwise. */
export function visibilityOf(doc: Document): VisibilityOracle {
  const view = doc.defaultView;
  return view && layoutCheck(doc) !== null ? layoutOracle(view as unknown as Window) : markupOracle(doc);
}
