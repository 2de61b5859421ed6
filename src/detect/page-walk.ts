/**
 * The page walk: one bounded, iterative depth-first pass over what the page shows (open shadow roots included),
 * filling a `Features` record. Visibility checks are shared and cached per pass; a hidden subtree is pruned.
 */
import { controlName, nameWithLabels, SHORT, text } from '../page/field-reader';
import { HOST_ATTRIBUTE } from '../page/marker';
import { fold } from '../text/fold';
import {
  ANTI_BOT,
  BUTTON_CLASS,
  CAPTCHA_CLASS,
  DIALOG_CLASS,
  findActive,
  HEADING_CLASS,
  HEADING_TAGS,
  isChrome,
  keyOf,
  keypadDriven,
  kindOf,
  LOGO,
  MASK_CLASS,
  messageSeverity,
  scriptText,
  SKIP,
  STEP_NAV_CLASS,
  TOP_CLASS,
} from './element-roles';
import type { Features, Field } from './features';
import { LIMITS } from './limits';
import { withoutQuestions } from './questions';
import { STEP_NODES, type Steps } from './steps';
import { hiddenByMarkup, type HiddenByCss } from './visibility';
import { foreignHost, pushChildren } from './walk';

interface PendingField {
  el: Element;
  field: Field;
}

export function emptyFeatures(path: string): Features {
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
export interface Pass {
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
  /** Nodes gone through since the pass last paused (steps.ts): one count for all its walks. */
  since: number;
  /** Told of each open shadow root the walk enters (the page watcher observes it too). */
  onShadowRoot?: ((root: ShadowRoot) => void) | undefined;
}

/** The count a pass reports as it pauses; counting starts again. */
export function pausing(pass: Pass): number {
  const n = pass.since;
  pass.since = 0;
  return n;
}

/** Hidden for any reason the pass can tell without layout: markup, simple CSS rules, computed style. */
export function hiddenEl(pass: Pass, el: Element, tag: string): boolean {
  if (hiddenByMarkup(el, pass.css) || el.hasAttribute(HOST_ATTRIBUTE)) return true;
  if (tag === 'DIALOG' && !el.hasAttribute('open')) return true;
  return pass.styleHidden !== null && pass.styleHidden(el);
}

export class Walker {
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

  /** Walks one subtree, pausing every `STEP_NODES` nodes (steps.ts); returns false when the element budget ran out. */
  *walk(root: Node, startChrome: number): Steps<boolean> {
    const { f, pass } = this;
    // Iterative depth-first walk: deep nesting cannot overflow the stack, and the stack survives a pause.
    // `null` on the stack marks the end of a chrome element's subtree.
    const stack: Array<Node | null> = [root];
    let chrome = startChrome;
    while (stack.length > 0) {
      if (++pass.since >= STEP_NODES) yield pausing(pass);
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
      pushChildren(stack, el, pass.onShadowRoot);
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
      if (field.kind !== 'radio') field.label = nameWithLabels(el, pass.labelsFor);
      f.fields.push(field);
    }
    f.text = fold(this.chunks.join(' '), LIMITS.textChars);
    f.statements = withoutQuestions(f.text);
    f.translated = pass.translated;
    return f;
  }
}

/** A command the page offers, or one key of an on-screen keypad. */
function addButton(f: Features, t: string, el: Element, visible: ((el: Element) => boolean) | null): void {
  if (!t) return;
  if (t.length <= 2 && !/^ok$/.test(t)) {
    // One or two characters: a key of an on-screen keypad, not a command.
    f.keypadKeys++;
    return;
  }
  if (f.buttons.length < LIMITS.buttons && (!visible || visible(el))) f.buttons.push(t);
}
