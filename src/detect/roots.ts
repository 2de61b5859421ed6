/**
 * Where the walk starts on a page bigger than its element budget: the forms, main, dialogs, growls and message
 * regions, found by a bounded skim, so that the budget goes where the step is and not to 50,000 rows above it.
 */
import { isChrome, SKIP } from './element-roles';
import { LIMITS } from './limits';
import { hiddenEl, pausing, type Pass } from './page-walk';
import { STEP_NODES, type Steps } from './steps';

/** Where recovery content lives on a big page (walked first): at most this many subtrees. */
const MAX_ROOTS = 24;
const MAX_ANCESTORS = 200;

/**
 * The state of a priority root's ancestors: hidden (then the root is left to the document walk, which prunes
 * it), inside site chrome, or plain. Bounded; a root nested deeper than the bound is left to the document walk.
 */
export function rootState(pass: Pass, el: Element): 'hidden' | 'chrome' | 'plain' {
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
export function* priorityRoots(pass: Pass, root: Element): Steps<Element[]> {
  const roots: Element[] = [];
  const stack: Element[] = [root];
  let n = 0;
  while (stack.length > 0 && n++ < MAX_SKIM && roots.length < MAX_ROOTS) {
    if (++pass.since >= STEP_NODES) yield pausing(pass);
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
export function biggerThanBudget(doc: Document, root: Element, browser: boolean): boolean {
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
