/**
 * What counts as a portal field: the controls a person types in or clicks, and the labels they click. The
 * overlay must never cover one, and the field watcher reads the values of a few of them, in memory only.
 */
import { monthFromName } from '../validate/birth-date';
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

/** The controls whose values are read: typed (`<input>`, `<textarea>`) or chosen (`<select>`). */
export type ValueField = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

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
  year: /\b(ano|anio|year)\b/,
} as const;

/** Where to look: the document, then the open shadow roots a page built of components keeps its fields in (scopes.ts). */
type Scopes = ParentNode | readonly ParentNode[];
const allIn = <E extends Element>(scopes: Scopes, selector: string): E[] =>
  (Array.isArray(scopes) ? (scopes as readonly ParentNode[]) : [scopes as ParentNode]).flatMap((root) => [...root.querySelectorAll<E>(selector)]);

/**
 * Finds value fields by what they are (type, accessible name, maxlength, inputmode, order), never by the
 * portal's ids: password fields in document order are the new key and its confirmation (the last two: the
 * change-key page asks for the current key first); email fields are the address and its confirmation; two
 * short numeric fields named day and month (or, unnamed, in that order) are the birth day and month; a text
 * field (or text area) of 13 is a RUC, of 4 after a RUC the sucursal, of 10 a cédula, unless its name says it
 * is a phone. Day and month may also be chosen from lists (`birthDateSelects`); a list pair wins over text.
 */
export function findValueFields(scopes: Scopes): Map<ValueFieldRole, ValueField> {
  const found = new Map<ValueFieldRole, ValueField>();
  const passwords: HTMLInputElement[] = [];
  const emails: ValueField[] = [];
  const twoDigit: { input: ValueField; name: string }[] = [];
  const claim = (role: ValueFieldRole, input: ValueField) => {
    if (!found.has(role)) found.set(role, input);
  };
  for (const input of allIn<HTMLInputElement | HTMLTextAreaElement>(scopes, 'input, textarea')) {
    if (!isUsable(input)) continue;
    const type = input.localName === 'textarea' ? '' : (input.getAttribute('type') ?? '').toLowerCase();
    if (type === 'password') {
      passwords.push(input as HTMLInputElement);
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
    else if (NAME_HINTS.year.test(name)) continue;
    else if (max === 2 || NAME_HINTS.day.test(name) || NAME_HINTS.month.test(name)) twoDigit.push({ input, name });
  }
  const day = twoDigit.find((f) => NAME_HINTS.day.test(f.name)) ?? twoDigit.find((f) => !NAME_HINTS.month.test(f.name));
  const month = twoDigit.find((f) => f !== day && NAME_HINTS.month.test(f.name)) ?? twoDigit.find((f) => f !== day);
  const lists = birthDateSelects(scopes);
  const birthDay = lists.day ?? day?.input;
  const birthMonth = lists.month ?? (month && month.input !== birthDay ? month.input : undefined);
  if (birthDay && birthMonth) {
    found.set('birth-day', birthDay);
    found.set('birth-month', birthMonth);
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

/** What a list's chosen option says as a date part: its value when that is a number, else its text. */
function optionReading(option: HTMLOptionElement, part: 'day' | 'month'): string {
  for (const said of [option.value, option.text]) {
    const text = said.trim();
    // "0" is the usual placeholder ("--"): no day or month is 0.
    if (/^\d{1,2}$/.test(text)) return Number(text) > 0 ? text : '';
    const month = part === 'month' ? monthFromName(text) : undefined;
    if (month !== undefined) return String(month);
  }
  return '';
}

const MAX_DATE_OPTIONS = 34;

/** The date part a list's options say it holds: 28–31 days numbered from 1, or the 12 months; else none. */
function partByOptions(select: HTMLSelectElement): 'day' | 'month' | null {
  // 31 days and a placeholder or two; a longer list (years, countries) is not read option by option.
  if (select.options.length > MAX_DATE_OPTIONS) return null;
  const readings = (part: 'day' | 'month') => [...select.options].map((o) => optionReading(o, part)).filter((r) => r !== '').map(Number);
  const months = readings('month');
  if (months.length === 12 && months.every((m, i) => m === i + 1)) return 'month';
  const days = readings('day');
  if (days.length >= 28 && days.length <= 31 && days.every((d, i) => d === i + 1)) return 'day';
  return null;
}

/**
 * The birth day and month chosen from lists (`<select>`), as some pages ask them (the Serenity verification
 * page: test/corpus/rec-verification-serenity.html). A list named day or month is taken when its options fit
 * (1–31, or the 12 months by number or name); an unnamed one by its options alone. A list named year, or
 * holding years, is never read: the prepared data has no year (the portal asks day and month), so only day and
 * month are compared whether or not a year list is there.
 */
export function birthDateSelects(scopes: Scopes): { day?: HTMLSelectElement; month?: HTMLSelectElement } {
  const out: { day?: HTMLSelectElement; month?: HTMLSelectElement } = {};
  for (const select of allIn<HTMLSelectElement>(scopes, 'select')) {
    if (select.multiple || !isUsable(select)) continue;
    const name = accessibleName(select);
    if (NAME_HINTS.year.test(name)) continue;
    const part = partByOptions(select);
    if (!part) continue;
    const named = NAME_HINTS.day.test(name) ? 'day' : NAME_HINTS.month.test(name) ? 'month' : null;
    if (named && named !== part) continue;
    out[part] ??= select;
  }
  return out;
}

/**
 * The value a field holds now, as the checks read it: what is typed in a text field; for a birth day or month
 * list, the chosen option as a number ("Marzo" → "3"), or '' while the placeholder is chosen.
 */
export function readFieldValue(field: ValueField, role: ValueFieldRole): string {
  // By tag name, not instanceof: the page's elements may come from another realm (a frame, Firefox's Xrays).
  if (field.localName !== 'select') return field.value;
  const select = field as HTMLSelectElement;
  const option = select.selectedIndex < 0 ? undefined : select.options[select.selectedIndex];
  if (!option || option.disabled) return '';
  return optionReading(option, role === 'birth-month' ? 'month' : 'day');
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
