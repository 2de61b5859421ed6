/**
 * What one element is to the page walk, read from its tag, class, role and attributes only: skipped, site
 * chrome, a heading, a message region and its severity, a form control's kind and key, a layer on top.
 * No layout, no value of a field.
 */
import { fold } from '../text/fold';
import type { FieldKind, Severity } from './features';

export const SKIP = new Set(['STYLE', 'NOSCRIPT', 'TEMPLATE', 'TITLE', 'META', 'LINK', 'SVG', 'svg', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO']);
export const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LEGEND', 'CAPTION']);
export const HEADING_CLASS = /(?:^|\s)(?:ui-panel-title|ui-dialog-title|ui-fieldset-legend|rf-p-hdr|rich-panel-header|rich-panel-header-text|card-title|titulo|subtitulo|page-title|title)(?:\s|$)/i;
export const BUTTON_CLASS = /(?:^|\s)(?:ui-commandlink|ui-button|btn|boton|button)(?:\s|$)/i;
export const STEP_NAV_CLASS = /(?:^|\s)(?:ui-wizard-step-titles|ui-steps|ui-tabs-nav|ui-wizard-navbar)(?:\s|$)/i;
export const ACTIVE_CLASS = /(?:^|\s)(?:ui-state-highlight|ui-state-active|active|current)(?:\s|$)/;

/** The highlighted item of a steps bar, searched with a node budget (no selector engine on page content). */
export function findActive(nav: Element): Element | null {
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
export const CAPTCHA_CLASS = /(?:^|\s)(?:g-recaptcha|h-captcha|cf-turnstile|captcha|ui-captcha)(?:\s|$)/i;
export const MSG_TOKEN =
  /^(?:ui-messages?-(?:error|warn|info|fatal)|ui-growl-item-container|ui-growl-item|ui-dialog-content|ui-confirm-dialog-message|rf-msgs?|rf-msgs?-(?:err|wrn|inf|ftl)|rich-messages?|alert|alertas?|alert-(?:danger|warning|info|success|error)|errors?|errores|error-?(?:message|msg|text)|msg-?error|mensajes?|mensaje-?(?:error|info|alerta)|messages?|msg|avisos?|advertencias?|notice|notificacion(?:es)?|flash|invalid-feedback|text-danger|field-?error|form-?error|help-block|p-error|p-message-error|validation-?(?:error|message|summary)|error-?(?:label|block|feedback))$/i;
export const RED = /(?:^|;)\s*color\s*:\s*(?:red|#f00\b|#ff0000|#c00\b|#cc0000|#d00\b|#e00\b|#b00\b|rgb\(\s*2[0-5]\d\s*,\s*0\s*,\s*0\s*\))/i;
export const LOGO = /logo|banner|escudo|header|cabecera|icon|captcha|loading|cargando|ajax|spinner|bandera|flag|gob_?ec|sello|footer/i;
export const ANTI_BOT = /f5_cspm|bobcmn|TSPD|_cf_chl|challenge-platform/;

function severityOf(tokens: string): Severity {
  if (/err|fatal|danger|ftl/i.test(tokens)) return 'error';
  if (/warn|wrn|advert|aviso/i.test(tokens)) return 'warn';
  if (/info|inf\b|success|exito/i.test(tokens)) return 'info';
  return 'unknown';
}

export function messageSeverity(el: Element, tag: string, cls: string | null, style: string | null): Severity | null {
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

export function isChrome(el: Element, tag: string): boolean {
  if (CHROME_TAGS.has(tag)) return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  if (el.id && CHROME_NAME.test(el.id)) return true;
  const cls = el.getAttribute('class');
  if (cls) for (const token of cls.split(/\s+/)) if (token && CHROME_NAME.test(token)) return true;
  return false;
}

export function keyOf(el: Element): string {
  const raw = el.getAttribute('name') || el.id || '';
  const tail = raw.split(/[:.]/).pop() ?? '';
  if (/^j_id/i.test(tail) && !/^j_(username|password)$/i.test(tail)) return '';
  return fold(tail, 60);
}

export function kindOf(el: Element, tag: string): FieldKind {
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
export function keypadDriven(el: Element, kind: FieldKind): boolean {
  if (kind === 'password' || el.getAttribute('aria-readonly') === 'false') return true;
  if (/keyboard|keypad|teclado/i.test(el.getAttribute('class') ?? '')) return true;
  return el.hasAttribute('maxlength') && !/disabled/i.test(el.getAttribute('class') ?? '');
}

/** The start of an inline script, without concatenating a huge one. */
export function scriptText(el: Element): string {
  let out = '';
  for (let child = el.firstChild; child && out.length < 4000; child = child.nextSibling) {
    if (child.nodeType === 3) out += (child as Text).data.slice(0, 4000);
  }
  return out;
}

// Whole class-string tests (no split per element: the walk visits every element).
export const TOP_CLASS = /(?:^|\s)(?:ui-dialog|ui-confirm-dialog|modal-dialog|ui-overlaypanel|ui-widget-overlay|ui-dialog-mask|modal-backdrop|ui-blockui|ui-growl|ui-toast|toast-container)(?:\s|$)/;
export const DIALOG_CLASS = /(?:^|\s)(?:ui-dialog|ui-confirm-dialog|modal-dialog|ui-overlaypanel)(?:\s|$)/;
export const MASK_CLASS = /(?:^|\s)(?:ui-widget-overlay|ui-dialog-mask|modal-backdrop|ui-blockui)(?:\s|$)/;

