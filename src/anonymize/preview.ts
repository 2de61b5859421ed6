/**
 * The copy's text as a person checks it before saving: what is shown on screen, one line per block, fields
 * named by their kind. Read from the copy itself, so the preview can hold nothing the file does not.
 */

const MAX_CHARS = 8000;
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'em', 'font', 'i', 'kbd', 'label', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);

function fieldLabel(el: Element): string {
  const tag = el.localName;
  const type = (el.getAttribute('type') ?? (tag === 'input' ? 'text' : tag)).toLowerCase();
  if (type === 'hidden') return '';
  if (tag === 'input' && (type === 'submit' || type === 'button' || type === 'reset')) return `[${el.getAttribute('value') ?? type}]`;
  const hint = el.getAttribute('placeholder');
  return `[${type}${hint ? `: ${hint}` : ''}]`;
}

export function previewText(doc: Document): string {
  const lines: string[] = [];
  let line = '';
  let total = 0;
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) {
      lines.push(t);
      total += t.length + 1;
    }
    line = '';
  };
  const stack: Array<Node | null> = [doc.body];
  while (stack.length > 0 && total < MAX_CHARS) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (!node) continue;
    if (node.nodeType === 3) {
      line += (node as Text).data;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (el.hasAttribute('hidden') || /visibility:hidden/.test(el.getAttribute('style') ?? '')) continue;
    const tag = el.localName;
    if (tag === 'input' || tag === 'select' || tag === 'textarea') {
      line += ` ${fieldLabel(el)} `;
      continue;
    }
    if (tag === 'script') continue;
    const block = !INLINE.has(tag);
    if (block) {
      flush();
      stack.push(null);
    }
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  flush();
  const text = lines.join('\n');
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}…` : text;
}
