/**
 * How the page walk goes down the tree: into an element's children and into its open shadow root (declarative
 * or attached by script; a closed root is out of reach by design). What other extensions inject (Grammarly,
 * password managers, coupon pop-ups) is not the page: their shadow roots are not entered.
 */

/** Hosts that other extensions insert, by the markers they set; their shadow content is theirs, not the page's. */
const FOREIGN_TAG = /^(?:grammarly-|bit-|lastpass-|dashlane-|honey-|loom-|deepl-)/i;
const FOREIGN_ATTRIBUTES = ['data-grammarly-shadow-root', 'data-lastpass-root', 'data-lastpass-icon-root', 'data-dashlanecreated', 'data-1p-root'] as const;
/** Extension overlays sit above everything (the largest z-index) or take no room; a portal's components do neither. */
const OVERLAY_STYLE = /z-index\s*:\s*2147483[0-9]{3}|(?:^|;)\s*(?:width|height)\s*:\s*0(?:px)?\s*(?:!important)?\s*(?:;|$)/i;

/** Whether `el` is a host another extension inserted: its shadow root is not walked. */
export function foreignHost(el: Element): boolean {
  if (FOREIGN_TAG.test(el.tagName)) return true;
  for (const a of FOREIGN_ATTRIBUTES) if (el.hasAttribute(a)) return true;
  const style = el.getAttribute('style');
  return style !== null && OVERLAY_STYLE.test(style);
}

/** The open shadow root the walk enters, or null. */
export function openShadowRoot(el: Element): ShadowRoot | null {
  const root = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  return root && !foreignHost(el) ? root : null;
}

/**
 * Pushes what `el` shows onto a depth-first stack, in reverse so that the walk meets it in document order:
 * its shadow tree first (what is rendered), then its light children (slotted into it, or its whole content).
 * `entered` is told of the shadow root it goes into.
 */
export function pushChildren(stack: Array<Node | null>, el: Element, entered?: (root: ShadowRoot) => void): void {
  for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  const shadow = openShadowRoot(el);
  if (!shadow) return;
  for (let child = shadow.lastChild; child; child = child.previousSibling) stack.push(child);
  entered?.(shadow);
}
