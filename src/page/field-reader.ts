/**
 * How a control is read, by the step detector and by the guide alike (pure DOM, no extension API): the words
 * of an element, read with bounds: the text of a subtree, a control's accessible name (labels,
 * `aria-labelledby`, `aria-label`, placeholder, `title`, an image's `alt`) and, failing those, the words next
 * to it; and whether a field is usable and shown, layout-free. Ids are resolved in the element's own tree, so a
 * control inside a shadow root finds its label there.
 */
import { fold } from '../text/fold';

/** Characters kept from any one heading, link, button or label. */
export const ITEM_CHARS = 300;
/** A short text: a label, a button, a cell next to a control. */
export const SHORT = 80;

/** Text of an element's subtree, gathered with a character and a node budget (textContent is unbounded). */
function rawText(el: Element, limit: number): string {
  let out = '';
  let budget = 400;
  const stack: Node[] = [el];
  while (stack.length > 0 && out.length < limit && budget-- > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) out += (node as Text).data;
    else if (node.nodeType === 1) {
      const e = node as Element;
      const tag = e.tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
      if (tag === 'BR' || tag === 'LI' || tag === 'P' || tag === 'DIV' || tag === 'TD') out += ' ';
      // An icon-only control says what it does in its image's alt text.
      if (tag === 'IMG') out += ` ${e.getAttribute('alt') ?? ''} `;
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  return out;
}

/** Folded, bounded text of a subtree. */
export function text(el: Element | null | undefined, limit: number = ITEM_CHARS): string {
  return el ? fold(rawText(el, limit), limit) : '';
}

function shortText(el: Element | null): string {
  if (!el) return '';
  const t = text(el, SHORT * 2);
  return t.length <= SHORT ? t : '';
}

/** The element an id names, in the tree (document or shadow root) that holds `from`. */
function byId(from: Element, id: string): Element | null {
  const root = from.getRootNode() as Partial<DocumentOrShadowRootLike>;
  return typeof root.getElementById === 'function' ? root.getElementById(id) : null;
}
interface DocumentOrShadowRootLike {
  getElementById(id: string): Element | null;
}

/** Text of the elements `aria-labelledby` points at (at most three). */
function labelledByText(el: Element, limit: number): string {
  const ids = el.getAttribute('aria-labelledby');
  if (!ids) return '';
  const parts: string[] = [];
  for (const id of ids.split(/\s+/).slice(0, 3)) {
    const t = id ? text(byId(el, id), limit) : '';
    if (t) parts.push(t);
  }
  return parts.join(' ');
}

/**
 * The name of a button, link or image button: its text (images counted by their alt), else what
 * `aria-labelledby`, `aria-label`, `title` or `alt` say.
 */
export function controlName(el: Element, limit = SHORT): string {
  return (
    text(el, limit) ||
    labelledByText(el, limit) ||
    fold(el.getAttribute('aria-label') || el.getAttribute('title') || el.getAttribute('alt') || el.getAttribute('value'), limit)
  );
}

/** Words around a control when it has no label: the cell before it (RichFaces tables) or a nearby short text. */
function surroundingText(el: Element): string {
  const parent = el.parentElement;
  if (!parent) return '';
  const cell = parent.tagName === 'TD' || parent.tagName === 'TH' ? parent : parent.parentElement?.tagName === 'TD' ? parent.parentElement : null;
  if (cell) {
    const before = shortText(cell.previousElementSibling);
    if (before) return before;
  }
  const prev = shortText(el.previousElementSibling);
  if (prev) return prev;
  const next = el.nextElementSibling;
  if (next?.tagName === 'LABEL') return shortText(next);
  return shortText(parent.previousElementSibling);
}

/** The text of the first `<label for>` that names `el` (not one wrapping it), from the browser's own list. */
function forLabelText(el: Element): string | undefined {
  const labels = (el as Partial<Pick<HTMLInputElement, 'labels'>>).labels;
  if (!labels || !el.id) return undefined;
  for (const label of labels) if (label.getAttribute('for') === el.id) return text(label, 200);
  return undefined;
}

/** A form control's accessible name, folded, with the control's own `<label for>` (the guide's reading). */
export function accessibleName(el: Element): string {
  return nameWithLabels(el, { get: () => forLabelText(el) });
}

/**
 * The same name, with the `<label for>` texts the detector's walk collected by id (only labels it saw shown):
 * one reading of labels, `aria-labelledby`, `aria-label`, placeholder, `title` and the words around.
 */
export function nameWithLabels(el: Element, labelsFor: { get(id: string): string | undefined }): string {
  const parts: string[] = [];
  const labelledBy = labelledByText(el, 200);
  if (labelledBy) parts.push(labelledBy);
  const aria = fold(el.getAttribute('aria-label'), 200);
  if (aria) parts.push(aria);
  const forLabel = el.id ? labelsFor.get(el.id) : undefined;
  if (forLabel) parts.push(forLabel);
  if (parts.length === 0) {
    const wrap = el.closest('label');
    if (wrap) parts.push(text(wrap, 200));
  }
  const placeholder = fold(el.getAttribute('placeholder'), 120);
  if (placeholder) parts.push(placeholder);
  const title = fold(el.getAttribute('title'), 120);
  if (title) parts.push(title);
  if (parts.length === 0) {
    const around = surroundingText(el);
    if (around) parts.push(around);
  }
  return parts.join(' | ');
}

/** Hidden by markup on `el` or an ancestor: `hidden`, `aria-hidden="true"` or an inline `display: none`. */
function hiddenByAncestors(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    if (/display\s*:\s*none/i.test(node.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** Layout-free on purpose: this runs while the person types, and hidden wizard tabs hold no typed value. */
export function isUsable(field: Element): boolean {
  if ((field as Partial<Pick<HTMLInputElement, 'disabled'>>).disabled === true) return false;
  if (field.localName === 'input' && (field.getAttribute('type') ?? '').toLowerCase() === 'hidden') return false;
  return !hiddenByAncestors(field);
}

/** Whether an element's text is shown, layout-free: a folded `<details>` (help boxes) shows only its summary. */
export function isShown(element: Element): boolean {
  const details = element.closest('details');
  if (details && !details.open && !element.closest('summary')) return false;
  return !hiddenByAncestors(element);
}
