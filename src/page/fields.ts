/**
 * What counts as a portal field: the controls a person types in or clicks, and the labels they click. The
 * overlay must never cover one, and the field watcher reads the values of a few of them, in memory only.
 */
export const FIELD_SELECTOR = 'input:not([type="hidden"]), select, textarea, button, label';

/** The kinds of field whose values the mismatch checks will read. */
export type ValueFieldRole = 'id-number' | 'new-key' | 'key-confirmation';

const TEXT_TYPES = new Set(['text', 'tel', 'number', 'search', '']);

/** Layout-free on purpose: this runs while the person types, and hidden wizard tabs hold no typed value. */
function isUsable(input: HTMLInputElement): boolean {
  return !input.disabled && input.type !== 'hidden' && !input.closest('[hidden]');
}

/**
 * Finds value fields by what they are, not by the portal's ids: password fields in document order are the
 * new key and its confirmation; a text field limited to 10 or 13 characters (cédula, RUC) is an id number.
 */
export function findValueFields(root: ParentNode): Map<ValueFieldRole, HTMLInputElement> {
  const found = new Map<ValueFieldRole, HTMLInputElement>();
  const passwords: HTMLInputElement[] = [];
  for (const input of root.querySelectorAll('input')) {
    if (!isUsable(input)) continue;
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (type === 'password') passwords.push(input);
    else if (!found.has('id-number') && TEXT_TYPES.has(type) && (input.maxLength === 10 || input.maxLength === 13)) {
      found.set('id-number', input);
    }
  }
  // The change-key page has the current key first: the last two are the new key and its confirmation.
  const [first, second] = passwords.slice(-2);
  if (passwords.length >= 2 && first && second) {
    found.set('new-key', first);
    found.set('key-confirmation', second);
  } else if (first) {
    found.set('new-key', first);
  }
  return found;
}
