/**
 * What counts as a portal field: the controls a person types in or clicks, and the labels they click. The
 * overlay must never cover one, and the field watcher reads the values of a few of them, in memory only.
 */
import { accessibleName, isShown, isUsable } from './field-reader';

// Frames too: the CAPTCHA's checkbox lives in one, and covering it is covering a control.
export const FIELD_SELECTOR = 'input:not([type="hidden"]), select, textarea, button, label, iframe';

/**
 * The kinds of field whose values the mismatch checks read. `id-number` is a cédula (10 digits; also the
 * employer's representative), `ruc` the 13-digit RUC, `sucursal` its 4-digit branch.
 */
export const VALUE_FIELD_ROLES = [
  'id-number',
  'ruc',
  'sucursal',
  'birth-day',
  'birth-month',
  'email',
  'email-confirmation',
  'new-key',
  'key-confirmation',
] as const;
export type ValueFieldRole = (typeof VALUE_FIELD_ROLES)[number];

const TEXT_TYPES = new Set(['text', 'tel', 'number', 'search', '']);

/** Words of an accessible name that say what a field is (folded: no accents, lower case). */
const NAME_HINTS = {
  phone: /\b(telefono|celular|movil|convencional|phone|mobile)\b/,
  ruc: /\bruc\b/,
  sucursal: /\b(sucursal|establecimiento|branch)\b/,
  day: /\b(dia|day)\b/,
  month: /\b(mes|month)\b/,
  email: /\b(correo|e-?mail)\b/,
  confirm: /\b(confirm\w*|repit\w*|again)\b/,
  code: /\b(codigo|code|otp)\b/,
} as const;

/**
 * Finds value fields by what they are (type, accessible name, maxlength, inputmode, order), never by the
 * portal's ids: password fields in document order are the new key and its confirmation (the last two: the
 * change-key page asks for the current key first); email fields are the address and its confirmation; two
 * short numeric fields named day and month (or, unnamed, in that order) are the birth day and month; a text
 * field of 13 is a RUC, of 4 after a RUC the sucursal, of 10 a cédula, unless its name says it is a phone.
 */
export function findValueFields(root: ParentNode): Map<ValueFieldRole, HTMLInputElement> {
  const found = new Map<ValueFieldRole, HTMLInputElement>();
  const passwords: HTMLInputElement[] = [];
  const emails: HTMLInputElement[] = [];
  const twoDigit: { input: HTMLInputElement; name: string }[] = [];
  const claim = (role: ValueFieldRole, input: HTMLInputElement) => {
    if (!found.has(role)) found.set(role, input);
  };
  for (const input of root.querySelectorAll('input')) {
    if (!isUsable(input)) continue;
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (type === 'password') {
      passwords.push(input);
      continue;
    }
    const name = accessibleName(input);
    if (type === 'email' || (TEXT_TYPES.has(type) && NAME_HINTS.email.test(name) && !NAME_HINTS.code.test(name))) {
      emails.push(input);
      continue;
    }
    if (!TEXT_TYPES.has(type) || type === 'tel' || NAME_HINTS.phone.test(name)) continue;
    const max = input.maxLength;
    if (max === 13 || (NAME_HINTS.ruc.test(name) && max !== 10)) claim('ruc', input);
    else if (NAME_HINTS.sucursal.test(name) || (max === 4 && found.has('ruc'))) claim('sucursal', input);
    else if (max === 10) claim('id-number', input);
    else if (max === 2 || NAME_HINTS.day.test(name) || NAME_HINTS.month.test(name)) twoDigit.push({ input, name });
  }
  const day = twoDigit.find((f) => NAME_HINTS.day.test(f.name)) ?? twoDigit.find((f) => !NAME_HINTS.month.test(f.name));
  const month = twoDigit.find((f) => f !== day && NAME_HINTS.month.test(f.name)) ?? twoDigit.find((f) => f !== day);
  if (day && month) {
    found.set('birth-day', day.input);
    found.set('birth-month', month.input);
  }
  const [email, emailAgain] = emails;
  if (email) found.set('email', email);
  if (emailAgain) found.set('email-confirmation', emailAgain);
  const [first, second] = passwords.slice(-2);
  if (passwords.length >= 2 && first && second) {
    found.set('new-key', first);
    found.set('key-confirmation', second);
  } else if (first) {
    found.set('new-key', first);
  }
  return found;
}

/** Characters maskers use for hidden letters. */
const MASK_CHAR = /[*•●∗＊]/u;
/** An address with at least one masking character; page text is bounded before matching. */
const MASKED_ADDRESS = /[^\s@<>()[\]"',;:]*@[^\s@<>()[\]"',;:]+/gu;
const MAX_TEXT_NODES = 2000;

export interface MaskedEmailOnPage {
  /** The mask as shown (`a***@example.com`): page text, not a value the person typed. */
  mask: string;
  /** The element whose text shows it, to place a note beside (read only). */
  element: Element;
}

/**
 * The masked address the portal shows on the email-sent and code pages, from its visible text. Skips our own
 * overlay (`isOurs`) and hidden subtrees.
 */
export function findMaskedEmail(doc: Document, isOurs: (node: Node) => boolean = () => false): MaskedEmailOnPage | null {
  const body = doc.body;
  if (!body) return null;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let i = 0, node = walker.nextNode(); node && i < MAX_TEXT_NODES; i++, node = walker.nextNode()) {
    const text = (node.nodeValue ?? '').slice(0, 2000);
    if (!text.includes('@') || !MASK_CHAR.test(text)) continue;
    const element = node.parentElement;
    if (!element || isOurs(element) || element.closest('script, style, noscript, template')) continue;
    if (!isShown(element)) continue;
    for (const match of text.matchAll(MASKED_ADDRESS)) {
      const mask = match[0].replace(/[.]+$/, '');
      if (MASK_CHAR.test(mask)) return { mask, element };
    }
  }
  return null;
}
