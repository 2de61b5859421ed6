/**
 * One bounded walk over the visible DOM that extracts everything the rules look at. Nothing here reads a
 * field's value: only the kind of control, its limits and the words a person sees next to it.
 */
import { fold } from './fold';
import { hiddenByMarkup, layoutCheck, scanStyles, type HiddenByCss } from './visibility';

export type FieldKind =
  | 'text'
  | 'password'
  | 'email'
  | 'tel'
  | 'number'
  | 'date'
  | 'checkbox'
  | 'radio'
  | 'select'
  | 'textarea'
  | 'file'
  | 'other';

export interface Field {
  kind: FieldKind;
  /** 0 when the control sets no maxlength. */
  maxLength: number;
  numeric: boolean;
  editable: boolean;
  /** Folded accessible name plus placeholder/title, or the surrounding text when those are missing. */
  label: string;
  /** Folded last segment of name/id, empty for generated ids (`j_idt27`). */
  key: string;
  /** Radio group name, to count groups. */
  group: string;
}

export type Severity = 'error' | 'warn' | 'info' | 'unknown';
export interface Message {
  severity: Severity;
  text: string;
}

export interface Features {
  path: string;
  fields: Field[];
  buttons: string[];
  links: string[];
  /** Title, headings, legends, panel titles and the active wizard step, folded. */
  headings: string[];
  messages: Message[];
  /** Folded visible text (capped). */
  text: string;
  captcha: boolean;
  antiBot: boolean;
  imageChoices: number;
  keypadKeys: number;
  forms: number;
  /** Elements examined; `truncated` is set when a cap was reached. */
  examined: number;
  truncated: boolean;
}

/** Caps: a hostile or huge page costs a bounded amount of work. */
export const LIMITS = {
  elements: 10_000,
  textChars: 12_000,
  fields: 200,
  buttons: 80,
  links: 150,
  headings: 40,
  messages: 30,
  labels: 300,
  itemChars: 300,
  scripts: 30,
} as const;

const SKIP = new Set(['STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'META', 'LINK', 'SVG', 'svg', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO']);
const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND', 'CAPTION']);
const HEADING_CLASS = /(?:^|\s)(?:ui-panel-title|ui-dialog-title|ui-fieldset-legend|rf-p-hdr|rich-panel-header|rich-panel-header-text|card-title|titulo|subtitulo|page-title|title)(?:\s|$)/i;
const BUTTON_CLASS = /(?:^|\s)(?:ui-commandlink|ui-button|btn|boton|button)(?:\s|$)/i;
const STEP_NAV_CLASS = /(?:^|\s)(?:ui-wizard-step-titles|ui-steps|ui-tabs-nav|ui-wizard-navbar)(?:\s|$)/i;
const ACTIVE_CLASS = /(?:^|\s)(?:ui-state-highlight|ui-state-active|active|current)(?:\s|$)/;

/** The highlighted item of a steps bar, searched with a node budget (no selector engine on page content). */
function findActive(nav: Element): Element | null {
  let budget = 300;
  const stack: Element[] = [];
  for (let c = nav.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length > 0 && budget-- > 0) {
    const el = stack.pop() as Element;
    const current = el.getAttribute('aria-current');
    if (ACTIVE_CLASS.test(el.getAttribute('class') ?? '') || el.getAttribute('aria-selected') === 'true' || current === 'step' || current === 'true') return el;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return null;
}
const CAPTCHA_CLASS = /(?:^|\s)(?:g-recaptcha|h-captcha|cf-turnstile|captcha|ui-captcha)(?:\s|$)/i;
const MSG_TOKEN =
  /^(?:ui-messages?-(?:error|warn|info|fatal)|ui-growl-item-container|ui-growl-item|ui-dialog-content|ui-confirm-dialog-message|rf-msgs?|rf-msgs?-(?:err|wrn|inf|ftl)|rich-messages?|alert|alertas?|alert-(?:danger|warning|info|success|error)|errors?|errores|error-?(?:message|msg|text)|msg-?error|mensajes?|mensaje-?(?:error|info|alerta)|messages?|msg|avisos?|advertencias?|notice|notificacion(?:es)?|flash)$/i;
const RED = /(?:^|;)\s*color\s*:\s*(?:red|#f00\b|#ff0000|#c00\b|#cc0000|#d00\b|#e00\b|#b00\b|rgb\(\s*2[0-5]\d\s*,\s*0\s*,\s*0\s*\))/i;
const LOGO = /logo|banner|escudo|header|cabecera|icon|captcha|loading|cargando|ajax|spinner|bandera|flag|gob_?ec|sello|footer/i;
const ANTI_BOT = /f5_cspm|bobcmn|TSPD|_cf_chl|challenge-platform/;

function severityOf(tokens: string): Severity {
  if (/err|fatal|danger|ftl/i.test(tokens)) return 'error';
  if (/warn|wrn|advert|aviso/i.test(tokens)) return 'warn';
  if (/info|inf\b|success|exito/i.test(tokens)) return 'info';
  return 'unknown';
}

function messageSeverity(el: Element, tag: string, cls: string | null, style: string | null): Severity | null {
  const role = el.getAttribute('role');
  if (cls) {
    let matched = false;
    for (const token of cls.split(/\s+/)) if (token && MSG_TOKEN.test(token)) matched = true;
    if (matched) return severityOf(cls);
  }
  if (role === 'alert') return 'error';
  if (role === 'status') return 'info';
  if (tag === 'FONT' && /red|#f00|#ff0000|#c00/i.test(el.getAttribute('color') ?? '')) return 'error';
  if (style && RED.test(style)) return 'error';
  return null;
}

/**
 * Site chrome: menus and footers list the whole portal ("Empleadores", "Generar / Recuperar clave"), not what
 * this page is for, so their headings, links and text are not read. Controls inside them still count.
 */
const CHROME_TAGS = new Set(['NAV', 'FOOTER']);
const CHROME_ROLES = new Set(['navigation', 'contentinfo', 'menubar', 'menu', 'search']);
/** The same regions in div-only layouts (Serenity, Bootstrap, Liferay themes), by class or id. */
const CHROME_NAME = /^(?:footer|site-footer|page-footer|layout-footer|pie|pie-?de-?pagina|pie-?pagina|navbar|main-menu|menu-principal|topbar-menu|layout-menu|mega-menu)$/i;

function isChrome(el: Element, tag: string): boolean {
  if (CHROME_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  if (el.id && CHROME_NAME.test(el.id)) return true;
  const cls = el.getAttribute('class');
  if (cls) for (const token of cls.split(/\s+/)) if (token && CHROME_NAME.test(token)) return true;
  return false;
}

/** Text of an element's subtree, gathered with a character and a node budget (textContent is unbounded). */
function rawText(el: Element, limit: number): string {
  let out = '';
  let budget = 400;
  const stack: Node[] = [el];
  while (stack.length > 0 && out.length < limit && budget-- > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) out += (node as Text).data;
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') continue;
      if (tag === 'BR' || tag === 'LI' || tag === 'P' || tag === 'DIV' || tag === 'TD') out += ' ';
      for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
    }
  }
  return out;
}

function text(el: Element | null | undefined, limit: number = LIMITS.itemChars): string {
  return el ? fold(rawText(el, limit), limit) : '';
}

function keyOf(el: Element): string {
  const raw = el.getAttribute('name') || el.id || '';
  const tail = raw.split(/[:.]/).pop() ?? '';
  if (/^j_id/i.test(tail) && !/^j_(username|password)$/i.test(tail)) return '';
  return fold(tail, 60);
}

const SHORT = 80;
function shortText(el: Element | null): string {
  if (!el) return '';
  const t = text(el, SHORT * 2);
  return t.length <= SHORT ? t : '';
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

function kindOf(el: Element, tag: string): FieldKind {
  if (tag === 'SELECT') return 'select';
  if (tag === 'TEXTAREA') return 'textarea';
  const type = (el.getAttribute('type') ?? 'text').toLowerCase();
  switch (type) {
    case 'text':
    case 'search':
    case '':
      return 'text';
    case 'password':
    case 'email':
    case 'tel':
    case 'number':
    case 'date':
    case 'checkbox':
    case 'radio':
    case 'file':
      return type;
    case 'month':
    case 'datetime-local':
      return 'date';
    default:
      return 'other';
  }
}

/**
 * On-screen keyboards (PrimeFaces p:keyboard, the kiosko keypad) make the input `readonly` so only their keys
 * type into it; such a field is still one the person fills. A plain read-only text shows data back instead.
 */
function keypadDriven(el: Element, kind: FieldKind): boolean {
  if (kind === 'password' || el.getAttribute('aria-readonly') === 'false') return true;
  if (/keyboard|keypad|teclado/i.test(el.getAttribute('class') ?? '')) return true;
  return el.hasAttribute('maxlength') && !/disabled/i.test(el.getAttribute('class') ?? '');
}

/** The start of an inline script, without concatenating a huge one. */
function scriptText(el: Element): string {
  let out = '';
  for (let child = el.firstChild; child && out.length < 4000; child = child.nextSibling) {
    if (child.nodeType === 3) out += (child as Text).data.slice(0, 4000);
  }
  return out;
}

interface PendingField {
  el: Element;
  field: Field;
}

export function extractFeatures(doc: Document, path: string): Features {
  const css: HiddenByCss = scanStyles(doc);
  const visible = layoutCheck(doc);
  const f: Features = {
    path,
    fields: [],
    buttons: [],
    links: [],
    headings: [],
    messages: [],
    text: '',
    captcha: false,
    antiBot: false,
    imageChoices: 0,
    keypadKeys: 0,
    forms: 0,
    examined: 0,
    truncated: false,
  };
  const title = fold(doc.title, LIMITS.itemChars);
  if (title) f.headings.push(title);

  const pending: PendingField[] = [];
  const labelsFor = new Map<string, string>();
  const chunks: string[] = [];
  let textChars = 0;
  let lastMessage: Element | null = null;

  // From the root element, so that <head> scripts are seen (the F5 challenge page is one inline script).
  const root: Node | null = doc.documentElement ?? doc.body;
  if (!root) return f;
  let scripts = 0;

  // Iterative depth-first walk: deep nesting cannot overflow the stack.
  // `null` on the stack marks the end of a chrome element's subtree.
  const stack: Array<Node | null> = [root];
  let chrome = 0;
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null) {
      chrome--;
      continue;
    }
    if (node === undefined) break;
    if (node.nodeType === 3) {
      if (textChars < LIMITS.textChars && chrome === 0) {
        const data = (node as Text).data;
        if (data.trim()) {
          const piece = data.length > LIMITS.textChars - textChars ? data.slice(0, LIMITS.textChars - textChars) : data;
          chunks.push(piece);
          textChars += piece.length;
        }
      }
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (++f.examined > LIMITS.elements) {
      f.truncated = true;
      break;
    }
    const tag = el.tagName.toUpperCase();
    if (tag === 'SCRIPT') {
      if (!f.antiBot && scripts++ < LIMITS.scripts && ANTI_BOT.test(scriptText(el))) f.antiBot = true;
      continue;
    }
    if (SKIP.has(tag)) {
      // Picture choices are often inline SVG; count them like <img> (bounded).
      if (tag === 'SVG' && f.imageChoices < 100 && el.closest('form') && !hiddenByMarkup(el, css)) f.imageChoices++;
      continue;
    }
    if (hiddenByMarkup(el, css) || el.hasAttribute('data-claveguia-host')) continue;

    if (tag === 'IFRAME') {
      if (/captcha/i.test(`${el.getAttribute('title') ?? ''} ${el.getAttribute('src') ?? ''}`)) f.captcha = true;
      continue;
    }
    const cls = el.getAttribute('class');
    const style = el.getAttribute('style');

    if (cls && STEP_NAV_CLASS.test(cls)) {
      // Wizard / steps bar: the titles of all steps are listed; only the active one describes this page.
      const active = findActive(el);
      const t = text(active);
      if (t && f.headings.length < LIMITS.headings) f.headings.push(t);
      continue;
    }
    if (cls && CAPTCHA_CLASS.test(cls)) f.captcha = true;

    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') {
      const type = (el.getAttribute('type') ?? '').toLowerCase();
      // A site search box (header chrome) is never a field of the flow.
      if (type === 'hidden' || type === 'search') continue;
      if (tag === 'INPUT' && (type === 'submit' || type === 'button' || type === 'image' || type === 'reset')) {
        const t = fold(el.getAttribute('value') || el.getAttribute('aria-label') || el.getAttribute('alt') || el.getAttribute('title'), SHORT);
        addButton(f, t, el, visible);
        continue;
      }
      if (/captcha/i.test(`${el.id} ${el.getAttribute('name') ?? ''}`)) f.captcha = true;
      if (pending.length < LIMITS.fields && (!visible || visible(el))) {
        const kind = kindOf(el, tag);
        const max = Number.parseInt(el.getAttribute('maxlength') ?? '', 10);
        const inputmode = el.getAttribute('inputmode') ?? '';
        const pattern = el.getAttribute('pattern') ?? '';
        const readOnly = el.hasAttribute('disabled') || (el.hasAttribute('readonly') && !keypadDriven(el, kind));
        pending.push({
          el,
          field: {
            kind,
            maxLength: Number.isFinite(max) && max > 0 ? max : 0,
            numeric: kind === 'number' || kind === 'tel' || /numeric|decimal/.test(inputmode) || /\\d|\[0-9\]/.test(pattern),
            editable: !readOnly,
            label: '',
            key: keyOf(el),
            group: kind === 'radio' ? (el.getAttribute('name') ?? '') : '',
          },
        });
      } else if (pending.length >= LIMITS.fields) f.truncated = true;
      continue;
    }

    if (tag === 'BUTTON' || el.getAttribute('role') === 'button' || (tag === 'A' && cls && BUTTON_CLASS.test(cls))) {
      addButton(f, text(el, SHORT) || fold(el.getAttribute('aria-label') || el.getAttribute('title'), SHORT), el, visible);
      continue;
    }

    if (tag === 'FORM') f.forms++;
    else if (tag === 'A') {
      if (f.links.length < LIMITS.links && chrome === 0) {
        const t = text(el, SHORT) || fold(el.getAttribute('title'), SHORT);
        if (t) f.links.push(t);
      }
    } else if (tag === 'LABEL') {
      const forId = el.getAttribute('for');
      if (forId && labelsFor.size < LIMITS.labels && !labelsFor.has(forId)) labelsFor.set(forId, text(el, 200));
    } else if (tag === 'IMG') {
      const desc = `${el.getAttribute('src') ?? ''} ${el.getAttribute('alt') ?? ''} ${el.id} ${cls ?? ''}`;
      if (/captcha/i.test(desc)) f.captcha = true;
      else if (f.imageChoices < 100 && !LOGO.test(desc) && el.closest('form')) f.imageChoices++;
    }

    if ((HEADING_TAGS.has(tag) || (cls && HEADING_CLASS.test(cls))) && f.headings.length < LIMITS.headings && chrome === 0) {
      const t = text(el);
      if (t && (!visible || visible(el))) f.headings.push(t);
    }

    const severity = messageSeverity(el, tag, cls, style);
    if (severity && f.messages.length < LIMITS.messages && !(lastMessage && lastMessage.contains(el))) {
      if (!visible || visible(el)) {
        // p:messages lists several messages in one region, one <li> each; keep them apart so that one
        // message's wording cannot veto another's alert.
        const items = el.getElementsByTagName('li');
        const parts = items.length > 1 ? Array.from(items).slice(0, 10) : [el];
        for (const part of parts) {
          const t = text(part, 400);
          if (t.length >= 3 && f.messages.length < LIMITS.messages) f.messages.push({ severity, text: t });
        }
        lastMessage = el;
      }
    }

    if (isChrome(el, tag)) {
      chrome++;
      stack.push(null);
    }
    // Push children in reverse so they are visited in document order.
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
  }

  for (const { el, field } of pending) {
    if (field.kind !== 'radio') field.label = nameOf(el, doc, labelsFor);
    f.fields.push(field);
  }
  f.text = fold(chunks.join(' '), LIMITS.textChars);
  return f;
}

function addButton(f: Features, t: string, el: Element, visible: ((el: Element) => boolean) | null): void {
  if (!t) return;
  if (t.length <= 2 && !/^ok$/.test(t)) {
    // One or two characters: a key of an on-screen keypad, not a command.
    f.keypadKeys++;
    return;
  }
  if (f.buttons.length < LIMITS.buttons && (!visible || visible(el))) f.buttons.push(t);
}

function nameOf(el: Element, doc: Document, labelsFor: Map<string, string>): string {
  const parts: string[] = [];
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    for (const id of labelledBy.split(/\s+/).slice(0, 3)) {
      const t = id ? text(doc.getElementById(id), 200) : '';
      if (t) parts.push(t);
    }
  }
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
