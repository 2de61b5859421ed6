/**
 * One bounded walk over the visible DOM that extracts everything the rules look at. Nothing here reads a
 * field's value: only the kind of control, its limits and the words a person sees next to it.
 */
import { HOST_ATTRIBUTE } from '../page/marker';
import { fold } from './fold';
import { controlName, fieldName, ITEM_CHARS, SHORT, text } from './names';
import { foreignHost, pushChildren } from './walk';
import { computedStyleCheck, hiddenByMarkup, layoutCheck, scanStyles, type HiddenByCss } from './visibility';

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
  /** Folded `autocomplete` tokens (new-password, one-time-code, bday-day…): set by the page, never translated. */
  autocomplete: string;
  /** Options of a select (12 → months, 31 → days), 0 otherwise. */
  options: number;
  /** Folded class names of the control (ui-password, ui-keyboard-input, ui-inputotp…), capped. */
  widget: string;
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
  /** The same text without questions ("¿Qué hago si mi clave está bloqueada?"): prose asking about a state is not the portal reporting it. */
  statements: string;
  /** Folded paths of the forms' `action`s: the app a form posts to survives translation and rewording. */
  actions: string[];
  /** The page was rewritten by a browser translator (Chrome's <font> wrappers, translated-ltr/rtl classes). */
  translated: boolean;
  /** What is on top: a visible modal dialog (or, failing that, a growl) read on its own; null when none. */
  top: Features | null;
  /** Which kind of layer `top` is. */
  topKind: 'dialog' | 'growl' | null;
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
  itemChars: ITEM_CHARS,
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
  /^(?:ui-messages?-(?:error|warn|info|fatal)|ui-growl-item-container|ui-growl-item|ui-dialog-content|ui-confirm-dialog-message|rf-msgs?|rf-msgs?-(?:err|wrn|inf|ftl)|rich-messages?|alert|alertas?|alert-(?:danger|warning|info|success|error)|errors?|errores|error-?(?:message|msg|text)|msg-?error|mensajes?|mensaje-?(?:error|info|alerta)|messages?|msg|avisos?|advertencias?|notice|notificacion(?:es)?|flash|invalid-feedback|text-danger|field-?error|form-?error|help-block|p-error|p-message-error|validation-?(?:error|message|summary)|error-?(?:label|block|feedback))$/i;
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

function keyOf(el: Element): string {
  const raw = el.getAttribute('name') || el.id || '';
  const tail = raw.split(/[:.]/).pop() ?? '';
  if (/^j_id/i.test(tail) && !/^j_(username|password)$/i.test(tail)) return '';
  return fold(tail, 60);
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

/** Questions in folded text: a `¿…?` span, or a sentence that ends in `?`. */
const QUESTION = /¿[^?¿]{0,240}\?|[^.!?¿:;]{1,240}\?/g;
export function withoutQuestions(folded: string): string {
  return folded.includes('?') ? folded.replace(QUESTION, ' ') : folded;
}

// Whole class-string tests (no split per element: the walk visits every element).
const TOP_CLASS = /(?:^|\s)(?:ui-dialog|ui-confirm-dialog|modal-dialog|ui-overlaypanel|ui-widget-overlay|ui-dialog-mask|modal-backdrop|ui-blockui|ui-growl|ui-toast|toast-container)(?:\s|$)/;
const DIALOG_CLASS = /(?:^|\s)(?:ui-dialog|ui-confirm-dialog|modal-dialog|ui-overlaypanel)(?:\s|$)/;
const MASK_CLASS = /(?:^|\s)(?:ui-widget-overlay|ui-dialog-mask|modal-backdrop|ui-blockui)(?:\s|$)/;

/** Where recovery content lives on a big page (walked first): at most this many subtrees. */
const MAX_ROOTS = 24;
const MAX_ANCESTORS = 200;

function emptyFeatures(path: string): Features {
  return {
    path,
    fields: [],
    buttons: [],
    links: [],
    headings: [],
    messages: [],
    text: '',
    statements: '',
    actions: [],
    translated: false,
    top: null,
    topKind: null,
    captcha: false,
    antiBot: false,
    imageChoices: 0,
    keypadKeys: 0,
    forms: 0,
    examined: 0,
    truncated: false,
  };
}

/** One extraction pass: visibility checks shared (and cached) by the main walk and the top-layer walk. */
interface Pass {
  doc: Document;
  css: HiddenByCss;
  visible: ((el: Element) => boolean) | null;
  /** Computed-style check for containers, null when not needed or not available. */
  styleHidden: ((el: Element) => boolean) | null;
  labelsFor: Map<string, string>;
  dialogs: Array<{ el: Element; modal: boolean }>;
  growls: Element[];
  mask: boolean;
  translated: boolean;
}

/** Hidden for any reason the pass can tell without layout: markup, simple CSS rules, computed style. */
function hiddenEl(pass: Pass, el: Element, tag: string): boolean {
  if (hiddenByMarkup(el, pass.css) || el.hasAttribute(HOST_ATTRIBUTE)) return true;
  if (tag === 'DIALOG' && !el.hasAttribute('open')) return true;
  return pass.styleHidden !== null && pass.styleHidden(el);
}

class Walker {
  private readonly pending: PendingField[] = [];
  private readonly chunks: string[] = [];
  private textChars = 0;
  private lastMessage: Element | null = null;
  private scripts = 0;

  constructor(
    private readonly pass: Pass,
    readonly f: Features,
    /** Elements walked already as priority roots; the document walk skips them. */
    private readonly skip: ReadonlySet<Element>,
    /** Record dialogs, masks and growls for the top layer (only on the page walk). */
    private readonly collectTop: boolean,
  ) {}

  /** Walks one subtree; returns false when the element budget ran out. */
  walk(root: Node, startChrome: number): boolean {
    const { f, pass } = this;
    // Iterative depth-first walk: deep nesting cannot overflow the stack.
    // `null` on the stack marks the end of a chrome element's subtree.
    const stack: Array<Node | null> = [root];
    let chrome = startChrome;
    while (stack.length > 0) {
      const node = stack.pop();
      if (node === null) {
        chrome--;
        continue;
      }
      if (node === undefined) break;
      if (node.nodeType === 3) {
        if (this.textChars < LIMITS.textChars && chrome === 0) {
          const data = (node as Text).data;
          if (data.trim()) {
            const piece = data.length > LIMITS.textChars - this.textChars ? data.slice(0, LIMITS.textChars - this.textChars) : data;
            this.chunks.push(piece);
            this.textChars += piece.length;
          }
        }
        continue;
      }
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      if (this.skip.size > 0 && node !== root && this.skip.has(el)) continue;
      if (++f.examined > LIMITS.elements) {
        f.truncated = true;
        return false;
      }
      const tag = el.tagName.toUpperCase();
      if (tag === 'SCRIPT') {
        if (!f.antiBot && this.scripts++ < LIMITS.scripts && ANTI_BOT.test(scriptText(el))) f.antiBot = true;
        continue;
      }
      if (SKIP.has(tag)) {
        // Picture choices are often inline SVG; count them like <img> (bounded).
        if (tag === 'SVG' && f.imageChoices < 100 && el.closest('form') && !hiddenByMarkup(el, pass.css)) f.imageChoices++;
        continue;
      }
      if (hiddenEl(pass, el, tag) || (tag.includes('-') && foreignHost(el))) continue;
      const cls = el.getAttribute('class');
      if (tag === 'FONT' && !pass.translated && /vertical-align/i.test(el.getAttribute('style') ?? '')) pass.translated = true;

      if (this.collectTop) {
        const role = el.getAttribute('role');
        const layer = cls !== null && TOP_CLASS.test(cls);
        if (tag === 'DIALOG' || role === 'dialog' || role === 'alertdialog' || (layer && DIALOG_CLASS.test(cls))) {
          if (pass.dialogs.length < 5) pass.dialogs.push({ el, modal: tag === 'DIALOG' || el.getAttribute('aria-modal') === 'true' });
        } else if (layer && MASK_CLASS.test(cls)) pass.mask = true;
        else if (layer && pass.growls.length < 3) pass.growls.push(el);
      }

      if (tag === 'IFRAME') {
        if (/captcha/i.test(`${el.getAttribute('title') ?? ''} ${el.getAttribute('src') ?? ''}`)) f.captcha = true;
        continue;
      }
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
        this.control(el, tag, cls);
        continue;
      }

      if (tag === 'BUTTON' || el.getAttribute('role') === 'button' || (tag === 'A' && cls && BUTTON_CLASS.test(cls))) {
        addButton(f, controlName(el), el, pass.visible);
        continue;
      }

      if (tag === 'FORM') {
        f.forms++;
        const action = el.getAttribute('action');
        if (action && f.actions.length < 10) f.actions.push(fold(action.replace(/;jsessionid=[^/?#]*/i, ''), 200));
      } else if (tag === 'A') {
        if (f.links.length < LIMITS.links && chrome === 0) {
          const t = controlName(el);
          if (t) f.links.push(t);
        }
      } else if (tag === 'LABEL') {
        const forId = el.getAttribute('for');
        if (forId && pass.labelsFor.size < LIMITS.labels && !pass.labelsFor.has(forId)) pass.labelsFor.set(forId, text(el, 200));
      } else if (tag === 'IMG') {
        const desc = `${el.getAttribute('src') ?? ''} ${el.getAttribute('alt') ?? ''} ${el.id} ${cls ?? ''}`;
        if (/captcha/i.test(desc)) f.captcha = true;
        else if (f.imageChoices < 100 && !LOGO.test(desc) && el.closest('form')) f.imageChoices++;
      }

      if ((HEADING_TAGS.has(tag) || (cls && HEADING_CLASS.test(cls))) && f.headings.length < LIMITS.headings && chrome === 0) {
        const t = text(el);
        if (t && (!pass.visible || pass.visible(el))) f.headings.push(t);
      }

      const severity = messageSeverity(el, tag, cls, style);
      if (severity && f.messages.length < LIMITS.messages && !(this.lastMessage && this.lastMessage.contains(el))) {
        if (!pass.visible || pass.visible(el)) {
          // p:messages lists several messages in one region, one <li> each; keep them apart so that one
          // message's wording cannot veto another's alert.
          const items = el.getElementsByTagName('li');
          const parts = items.length > 1 ? Array.from(items).slice(0, 10) : [el];
          for (const part of parts) {
            const t = text(part, 400);
            if (t.length >= 3 && f.messages.length < LIMITS.messages) f.messages.push({ severity, text: t });
          }
          this.lastMessage = el;
        }
      }

      if (isChrome(el, tag)) {
        chrome++;
        stack.push(null);
      }
      pushChildren(stack, el);
    }
    return true;
  }

  private control(el: Element, tag: string, cls: string | null): void {
    const { f, pass } = this;
    const type = (el.getAttribute('type') ?? '').toLowerCase();
    // A site search box (header chrome) is never a field of the flow.
    if (type === 'hidden' || type === 'search') return;
    if (tag === 'INPUT' && (type === 'submit' || type === 'button' || type === 'image' || type === 'reset')) {
      const t = fold(el.getAttribute('value') || el.getAttribute('aria-label') || el.getAttribute('alt') || el.getAttribute('title'), SHORT) || controlName(el);
      addButton(f, t, el, pass.visible);
      return;
    }
    if (/captcha/i.test(`${el.id} ${el.getAttribute('name') ?? ''}`)) f.captcha = true;
    if (this.pending.length >= LIMITS.fields) {
      f.truncated = true;
      return;
    }
    if (pass.visible && !pass.visible(el)) return;
    const kind = kindOf(el, tag);
    const max = Number.parseInt(el.getAttribute('maxlength') ?? '', 10);
    const inputmode = el.getAttribute('inputmode') ?? '';
    const pattern = el.getAttribute('pattern') ?? '';
    const readOnly = el.hasAttribute('disabled') || (el.hasAttribute('readonly') && !keypadDriven(el, kind));
    this.pending.push({
      el,
      field: {
        kind,
        maxLength: Number.isFinite(max) && max > 0 ? max : 0,
        numeric: kind === 'number' || kind === 'tel' || /numeric|decimal/.test(inputmode) || /\\d|\[0-9\]/.test(pattern),
        editable: !readOnly,
        label: '',
        key: keyOf(el),
        group: kind === 'radio' ? (el.getAttribute('name') ?? '') : '',
        autocomplete: fold(el.getAttribute('autocomplete'), 60),
        options: tag === 'SELECT' ? Math.min(el.childElementCount, 400) : 0,
        widget: fold(cls, 120),
      },
    });
  }

  finish(): Features {
    const { f, pass } = this;
    for (const { el, field } of this.pending) {
      if (field.kind !== 'radio') field.label = fieldName(el, pass.labelsFor);
      f.fields.push(field);
    }
    f.text = fold(this.chunks.join(' '), LIMITS.textChars);
    f.statements = withoutQuestions(f.text);
    f.translated = pass.translated;
    return f;
  }
}

/**
 * The state of a priority root's ancestors: hidden (then the root is left to the document walk, which prunes
 * it), inside site chrome, or plain. Bounded; a root nested deeper than the bound is left to the document walk.
 */
function rootState(pass: Pass, el: Element): 'hidden' | 'chrome' | 'plain' {
  let chrome = false;
  let n = 0;
  for (let a = el.parentElement; a; a = a.parentElement) {
    if (++n > MAX_ANCESTORS) return 'hidden';
    const tag = a.tagName.toUpperCase();
    if (SKIP.has(tag) || hiddenEl(pass, a, tag)) return 'hidden';
    if (isChrome(a, tag)) chrome = true;
  }
  return chrome ? 'chrome' : 'plain';
}

const PRIORITY_TAGS = new Set(['FORM', 'MAIN', 'DIALOG']);
const PRIORITY_ROLES = new Set(['main', 'dialog', 'alertdialog']);
const PRIORITY_CLASS = /(?:^|\s)(?:ui-dialog|ui-growl|ui-messages|ui-wizard|ui-confirm-dialog)(?:\s|$)/;
/** Elements skimmed (tag, class and role only) to find the recovery content of a huge page. */
const MAX_SKIM = 300_000;

/**
 * The forms, main, dialogs, growls and message regions of a page bigger than the walk's budget, outermost only,
 * in document order. The skim reads tag, class and role only (bounded), and uses no selector engine: emulated
 * DOMs make one slow full pass per call, and hostile nesting can overflow them.
 */
function priorityRoots(root: Element): Element[] {
  const roots: Element[] = [];
  const stack: Element[] = [root];
  let n = 0;
  while (stack.length > 0 && n++ < MAX_SKIM && roots.length < MAX_ROOTS) {
    const el = stack.pop() as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || tag === 'SCRIPT') continue;
    const role = el.getAttribute('role');
    const cls = el.getAttribute('class');
    if (el !== root && (PRIORITY_TAGS.has(tag) || (role !== null && PRIORITY_ROLES.has(role)) || (cls !== null && PRIORITY_CLASS.test(cls)))) {
      roots.push(el);
      continue;
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return roots;
}

/**
 * Whether the page has more elements than the walk's budget. A browser counts natively (and caches the count);
 * in an emulated DOM (happy-dom: tests, the QA tools) that call is a slow full pass, so count in JS up to the bound.
 */
function biggerThanBudget(doc: Document, root: Element, browser: boolean): boolean {
  if (browser) {
    try {
      return doc.getElementsByTagName('*').length > LIMITS.elements;
    } catch {
      return true;
    }
  }
  let n = 0;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (++n > LIMITS.elements) return true;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return false;
}

export function extractFeatures(doc: Document, path: string): Features {
  const css: HiddenByCss = scanStyles(doc);
  const visible = layoutCheck(doc);
  const pass: Pass = {
    doc,
    css,
    visible,
    styleHidden: computedStyleCheck(doc, css, visible !== null),
    labelsFor: new Map(),
    dialogs: [],
    growls: [],
    mask: false,
    translated: false,
  };
  const f = emptyFeatures(path);
  const title = fold(doc.title, LIMITS.itemChars);
  if (title) f.headings.push(title);
  const html = doc.documentElement;
  if (html && /(?:^|\s)translated-(?:ltr|rtl)(?:\s|$)/.test(html.getAttribute('class') ?? '')) pass.translated = true;

  // From the root element, so that <head> scripts are seen (the F5 challenge page is one inline script).
  const root: Node | null = html ?? doc.body;
  if (!root) return f;

  // On a page bigger than the element budget, recovery content first (forms, main, dialogs, message regions),
  // then the rest in document order: the budget goes where the step is, not to 50,000 rows above it.
  const roots = html && biggerThanBudget(doc, html, visible !== null) ? priorityRoots(html) : [];
  const walked = new Set<Element>();
  const walker = new Walker(pass, f, walked, true);
  let within = true;
  for (const r of roots) {
    const state = rootState(pass, r);
    if (state === 'hidden') continue;
    walked.add(r);
    within = walker.walk(r, state === 'chrome' ? 1 : 0);
    if (!within) break;
  }
  if (within) walker.walk(root, 0);
  walker.finish();
  readTopLayer(pass, f);
  return f;
}

/**
 * What is on top describes the page now: a visible modal dialog (a dialog marked modal, or any visible dialog
 * while a mask covers the page), else a visible growl. Each is read on its own, as if it were the page.
 */
function readTopLayer(pass: Pass, f: Features): void {
  const modal = pass.dialogs.filter((d) => d.modal || pass.mask).map((d) => d.el);
  const layer = modal.length > 0 ? modal : pass.growls;
  if (layer.length === 0) return;
  const top = emptyFeatures(f.path);
  const walker = new Walker(pass, top, new Set(), false);
  for (const el of layer) if (!walker.walk(el, 0)) break;
  walker.finish();
  top.translated = f.translated;
  if (top.messages.length === 0 && top.fields.length === 0 && top.headings.length === 0 && !top.text) return;
  f.top = top;
  f.topKind = modal.length > 0 ? 'dialog' : 'growl';
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
