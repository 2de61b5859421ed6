/**
 * What the rules look at, extracted by one bounded walk over the visible DOM (`page-walk.ts`; on a huge page the
 * recovery content first, `roots.ts`), plus what is on top read on its own. Nothing here reads a field's value:
 * only the kind of control, its limits and the words a person sees next to it.
 */
import { fold } from '../text/fold';
import { LIMITS } from './limits';
import { emptyFeatures, pausing, Walker, type Pass } from './page-walk';
import { biggerThanBudget, priorityRoots, rootState } from './roots';
import { drain, type Steps } from './steps';
import { computedStyleCheck, layoutCheck, scanStyles, type HiddenByCss } from './visibility';

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

/** The whole page's features, in one go (tests, the QA tools, small pages). */
export function extractFeatures(doc: Document, path: string): Features {
  return drain(featureSteps(doc, path));
}

/**
 * The same pass, pausing every few nodes (steps.ts) so that a big page can be walked a slice at a time.
 * `onShadowRoot` is told of each open shadow root the walk enters.
 */
export function* featureSteps(doc: Document, path: string, onShadowRoot?: (root: ShadowRoot) => void): Steps<Features> {
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
    since: 0,
    onShadowRoot,
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
  const roots = html && biggerThanBudget(doc, html, visible !== null) ? yield* priorityRoots(pass, html) : [];
  const walked = new Set<Element>();
  const walker = new Walker(pass, f, walked, true);
  let within = true;
  for (const r of roots) {
    const state = rootState(pass, r);
    if (state === 'hidden') continue;
    walked.add(r);
    within = yield* walker.walk(r, state === 'chrome' ? 1 : 0);
    if (!within) break;
  }
  if (within) yield* walker.walk(root, 0);
  walker.finish();
  yield* readTopLayer(pass, f);
  // A pause before the rules score what was read: on a big page the scoring starts a slice of its own.
  yield pausing(pass);
  return f;
}

/**
 * What is on top describes the page now: a visible modal dialog (a dialog marked modal, or any visible dialog
 * while a mask covers the page), else a visible growl. Each is read on its own, as if it were the page.
 */
function* readTopLayer(pass: Pass, f: Features): Steps<void> {
  const modal = pass.dialogs.filter((d) => d.modal || pass.mask).map((d) => d.el);
  const layer = modal.length > 0 ? modal : pass.growls;
  if (layer.length === 0) return;
  const top = emptyFeatures(f.path);
  const walker = new Walker(pass, top, new Set(), false);
  for (const el of layer) if (!(yield* walker.walk(el, 0))) break;
  walker.finish();
  top.translated = f.translated;
  if (top.messages.length === 0 && top.fields.length === 0 && top.headings.length === 0 && !top.text) return;
  f.top = top;
  f.topKind = modal.length > 0 ? 'dialog' : 'growl';
}
