/**
 * Parts of a page that are about the person even when no pattern says so: the options of the challenge
 * questions (employers, relatives: every option is a fact about someone) and the value shown after a name
 * label in its own element ("<td>Nombres:</td><td>JUAN PÉREZ</td>"). Found once, before the copy is built,
 * with bounded scans and no selector engine.
 */
import { fold } from '../text/fold';

/** Wording of a challenge question: a question, or words about employers, work history, relatives. */
const CHALLENGE =
  /\?|pregunta|empleador|empresa|patrono|trabaj|laboral|historia labor|afilio|familiar|pariente|madre|padre|hij[oa]s?\b|conyuge|espos[oa]|herman[oa]|abuel[oa]|question|employer|company|worked|work history|relative|mother|father|child|spouse|sibling/;
/** Options that say nothing about anyone. */
const NEUTRAL_OPTION = /^(?:ninguno|ninguna|ninguna de las anteriores|no se|no lo se|otro|otra|otros|none|none of the above|i don'?t know|other|si|no|yes|seleccione.*|select.*|escoja.*|elija.*|-+.*|\s*)$/;
/** A label whose next element shows a name. */
const NAME_LABEL =
  /^(?:nombres?(?: y apellidos| completos?)?|apellidos?(?: y nombres)?|afiliad[oa]|asegurad[oa]|usuari[oa]|titular|empleador|razon social|representante(?: legal)?|bienvenid[oa](?: ?\(a\))?|nombre del (?:afiliado|usuario|empleador|titular)|full name|name)\s*:?$/;

const MAX_ELEMENTS = 200_000;
const MAX_GROUPS = 300;

/** Text of a subtree, bounded in characters and nodes. */
function textOf(el: Element | null, limit = 600, nodes = 500): string {
  if (!el) return '';
  let out = '';
  let budget = nodes;
  const stack: Node[] = [el];
  while (stack.length > 0 && out.length < limit && budget-- > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === 3) out += `${(node as Text).data} `;
    else if (node.nodeType === 1) {
      const tag = (node as Element).localName;
      if (tag === 'script' || tag === 'style' || tag === 'template') continue;
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
    }
  }
  return out;
}

function hasControl(el: Element): boolean {
  return el.getElementsByTagName('input').length + el.getElementsByTagName('select').length + el.getElementsByTagName('textarea').length > 0;
}

/** The smallest element holding all of `els`. */
function commonAncestor(els: Element[]): Element | null {
  let anc: Element | null = els[0]?.parentElement ?? null;
  while (anc && !els.every((e) => anc?.contains(e))) anc = anc.parentElement;
  return anc;
}

/** What a question group sits in: its container's text, its legend and label, and the text just before it. */
function contextOf(container: Element | null, extra: string): string {
  let ctx = extra;
  for (let el = container, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    ctx += ` ${el.getAttribute('aria-label') ?? ''} ${textOf(el.previousElementSibling, 300)}`;
    const legend = el.localName === 'fieldset' ? el.getElementsByTagName('legend')[0] : undefined;
    if (legend) ctx += ` ${textOf(legend, 300)}`;
  }
  return fold(`${ctx} ${textOf(container, 600)}`, 3000);
}

export interface PersonalParts {
  /** Elements and text nodes whose text is a challenge option. */
  options: Set<Node>;
  /** Elements whose text is a name shown after a label. */
  names: Set<Element>;
}

export function findPersonalParts(doc: Document): PersonalParts {
  const parts: PersonalParts = { options: new Set(), names: new Set() };
  const root = doc.body ?? doc.documentElement;
  if (!root) return parts;
  const labelsFor = new Map<string, Element[]>();
  const radios = new Map<string, Element[]>();
  const selects: Element[] = [];
  const stack: Element[] = [root];
  let n = 0;
  while (stack.length > 0 && n++ < MAX_ELEMENTS) {
    const el = stack.pop() as Element;
    const tag = el.localName;
    if (tag === 'label' && el.getAttribute('for')) {
      const list = labelsFor.get(el.getAttribute('for') as string) ?? [];
      list.push(el);
      labelsFor.set(el.getAttribute('for') as string, list);
    } else if (tag === 'input' && (el.getAttribute('type') ?? '').toLowerCase() === 'radio') {
      const name = el.getAttribute('name') ?? `#${n}`;
      if (radios.size < MAX_GROUPS || radios.has(name)) radios.set(name, [...(radios.get(name) ?? []), el]);
    } else if (tag === 'select') {
      if (selects.length < MAX_GROUPS) selects.push(el);
    } else if (el.childElementCount <= 1 && el.firstChild) {
      const own = fold(textOf(el, 60, 8), 60);
      if (own && NAME_LABEL.test(own) && !hasControl(el)) markNameValue(el, parts);
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }

  for (const group of radios.values()) {
    const labels = group.flatMap((r) => [...(r.id ? (labelsFor.get(r.id) ?? []) : []), ...(r.closest('label') ? [r.closest('label') as Element] : [])]);
    const container = group.length > 1 ? commonAncestor(group) : (group[0]?.parentElement?.parentElement ?? null);
    if (!CHALLENGE.test(contextOf(container, ''))) continue;
    for (const label of labels) if (!NEUTRAL_OPTION.test(fold(textOf(label, 200), 200))) parts.options.add(label);
    // Bare radios: the option's words are the text right after the control.
    for (const radio of group) {
      for (let s = radio.nextSibling; s && s.nodeType !== 1; s = s.nextSibling) {
        if (s.nodeType === 3 && !NEUTRAL_OPTION.test(fold((s as Text).data, 200))) parts.options.add(s);
      }
      const next = radio.nextElementSibling;
      if (next && next.localName !== 'input' && next.localName !== 'br' && !hasControl(next) && !NEUTRAL_OPTION.test(fold(textOf(next, 200), 200))) parts.options.add(next);
    }
  }
  for (const select of selects) {
    const label = select.id ? (labelsFor.get(select.id) ?? []).map((l) => textOf(l, 200)).join(' ') : '';
    if (!CHALLENGE.test(contextOf(select.parentElement, `${label} ${select.getAttribute('aria-label') ?? ''}`))) continue;
    for (const option of Array.from(select.getElementsByTagName('option')).slice(0, 500)) {
      if (!NEUTRAL_OPTION.test(fold(option.textContent, 200))) parts.options.add(option);
    }
  }
  return parts;
}

/** The element after a name label: its next sibling, the next cell of its row, or the `dd` after a `dt`. */
function markNameValue(label: Element, parts: PersonalParts): void {
  const next = label.nextElementSibling ?? (label.parentElement?.localName === 'td' || label.parentElement?.localName === 'th' ? label.parentElement.nextElementSibling : null);
  if (!next || hasControl(next)) return;
  const text = fold(textOf(next, 240), 240);
  if (text && text.length <= 200 && !NAME_LABEL.test(text)) parts.names.add(next);
}
