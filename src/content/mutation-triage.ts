/**
 * Which page mutations are worth a detection pass, decided from the records alone and cheaply (at most a few
 * `closest`/`querySelector` calls per record, on a bounded number of records). Nothing is ignored outright
 * except our own host: a change that touches a form, a dialog, a message region or a heading is `strong` (pass
 * soon, whatever the back-off); anything else (a ticking clock, a carousel, a class toggled on a banner) is
 * `weak` (pass when the back-off allows).
 */
import { isInsideOurHost } from '../page/marker';

export type Worth = 'none' | 'weak' | 'strong';

/** What the detector reads to decide a step: forms and their controls, dialogs, message regions, headings. */
const MATTERS =
  'form, fieldset, input, select, textarea, button, label, legend, h1, h2, h3, iframe, [role="dialog"], [role="alertdialog"], ' +
  '[role="alert"], [role="status"], [aria-live], .ui-dialog, .ui-messages, .ui-message, .ui-growl';
/** Containers whose contents matter as a whole: a text change anywhere inside them is strong. */
const CONTAINERS =
  'form, [role="dialog"], [role="alertdialog"], [role="alert"], [role="status"], [aria-live], .ui-dialog, .ui-messages, .ui-growl, h1, h2, h3';
/** Records read per callback; beyond that the batch is simply strong (a big AJAX reply). */
const MAX_RECORDS = 50;

/** The element a record is about: its target, a text node's parent, or the host of a shadow root (its own children changed). */
function elementOf(node: Node | null): Element | null {
  if (!node) return null;
  if (node.nodeType === 1) return node as Element;
  if (node.nodeType === 11) return (node as ShadowRoot).host ?? null;
  return node.parentElement ?? elementOf(node.parentNode?.nodeType === 11 ? node.parentNode : null);
}

function touchesContent(el: Element): boolean {
  return el.matches(MATTERS) || el.closest(CONTAINERS) !== null || el.querySelector(MATTERS) !== null;
}

function nodesTouchContent(nodes: NodeList): boolean {
  for (const node of nodes) {
    if (node.nodeType === 1 && touchesContent(node as Element)) return true;
  }
  return false;
}

export function triage(records: readonly MutationRecord[]): Worth {
  if (records.length > MAX_RECORDS) return 'strong';
  let worth: Worth = 'none';
  for (const record of records) {
    const target = elementOf(record.target);
    if (!target || isInsideOurHost(target)) continue;
    if (record.type === 'childList') {
      if (target.closest(CONTAINERS) || nodesTouchContent(record.addedNodes) || nodesTouchContent(record.removedNodes)) {
        return 'strong';
      }
    } else if (touchesContent(target)) {
      return 'strong';
    }
    worth = 'weak';
  }
  return worth;
}
