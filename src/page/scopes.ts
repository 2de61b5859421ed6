/**
 * Where the portal's controls are: the document, and the open shadow roots the resident's detector walked into
 * (a page built of components keeps its fields there, out of reach of the document's `querySelectorAll`).
 */
export type PageScopes = () => readonly ParentNode[];

/** Every element matching `selector`, scope after scope, at most `limit`. */
export function queryScopes(scopes: PageScopes, selector: string, limit = Number.POSITIVE_INFINITY): Element[] {
  const found: Element[] = [];
  for (const scope of scopes()) {
    for (const el of scope.querySelectorAll(selector)) {
      if (found.length >= limit) return found;
      found.push(el);
    }
  }
  return found;
}

/** Shadow roots inside shadow roots, as deep as a page may nest them before we stop looking. */
const MAX_DEPTH = 32;

/**
 * The focused element, inside open shadow roots too (the document knows only their host). It does not go into
 * a host `stopAt` claims (our own overlay).
 */
export function deepActiveElement(doc: Document, stopAt: (el: Element) => boolean = () => false): Element | null {
  let active = doc.activeElement;
  for (let depth = 0; active && depth < MAX_DEPTH && !stopAt(active); depth++) {
    const inner = active.shadowRoot?.activeElement;
    if (!inner) break;
    active = inner;
  }
  return active;
}
