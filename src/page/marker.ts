/**
 * The one mark ClaveGuía puts in a page: the attribute on its overlay host. The detector skips the marked
 * element, the page watcher ignores its changes, and a new content script removes hosts a stale one left.
 */
export const HOST_ATTRIBUTE = 'data-claveguia-host';
export const HOST_SELECTOR = `[${HOST_ATTRIBUTE}]`;

/** Whether `node` is our host or inside it (in the light DOM: its shadow content is never reached). */
export function isInsideOurHost(node: Node | null): boolean {
  const element = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return !!element && element.closest(HOST_SELECTOR) !== null;
}

/** Removes every host in the document (left by a content script orphaned by an extension update). */
export function removeStaleHosts(doc: Document): number {
  const stale = doc.querySelectorAll(HOST_SELECTOR);
  for (const host of stale) host.remove();
  return stale.length;
}
