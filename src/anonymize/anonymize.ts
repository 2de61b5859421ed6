/**
 * The anonymous copy: a DOM in, a new self-contained HTML document out, with the structure, the portal's own
 * wording, form actions as paths and visibility as it was on screen, and nothing about the person (see
 * README "Anonymous copy of a page"). Pure: no extension API, no UI. The copy is built with DOM calls in a
 * detached document that has no browsing context (nothing in it runs or loads); page text only ever becomes
 * text nodes and attribute values, never markup. Nothing is stored or sent: the caller gets the file's text.
 */
import { HOST_ATTRIBUTE } from '../page/marker';
import { copyAttributes, sanitizeStyle, type AttributeContext } from './attributes';
import { findPersonalParts } from './context';
import { emptyCounts, type RemovedCounts } from './counts';
import { personPatterns, type CopyPerson } from './person';
import { previewText } from './preview';
import { nameShape } from './shapes';
import { createTextScrubber } from './text';
import { IdentifierScrubber, scrubUrl } from './url';
import { visibilityOf, type VisibilityOracle } from './visibility';

export interface AnonymizeOptions {
  /** The prepared person: anything matching it is removed wherever it appears. */
  person?: CopyPerson | null;
  /** Visibility as on screen; by default the page's layout in a browser, its markup elsewhere. */
  visibility?: VisibilityOracle;
}

export interface AnonymousCopy {
  /** The file's text: `<!DOCTYPE html>` and the copy's root element. */
  html: string;
  /** The page's address as the copy keeps it (origin and scrubbed path), or '' when it is not http(s). */
  url: string;
  /** The copy's visible text, as a person reads it before saving. */
  preview: string;
  removed: RemovedCounts;
  /** Elements copied; `truncated` when a huge page hit the cap. */
  elements: number;
  truncated: boolean;
}

/** Marks a document as an anonymous copy (corpus:add checks it). */
export const COPY_MARKER = 'claveguia-anonymous-copy';
export const COPY_VERSION = '1';
const MAX_ELEMENTS = 200_000;
/** Dropped with their content. */
const DROPPED = new Set(['script', 'style', 'link', 'meta', 'base', 'noscript', 'template', 'object', 'embed', 'applet', 'head', 'title']);
/** Kept as empty shells: their content is drawing or media, not wording. */
const SHELLS = new Set(['svg', 'math', 'canvas', 'video', 'audio', 'picture']);
/** Boundaries inside which text reads on (a name split over <b> and <span> is one string). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var']);
/** The detector reads an anti-bot challenge from these names in a script (src/detect/element-roles.ts); a copy keeps only them. */
const ANTI_BOT = /f5_cspm|bobcmn|TSPD|_cf_chl|challenge-platform/g;
const SCRIPT_READ = { scripts: 30, chars: 4000 };

type Mode = 'text' | 'name' | 'option' | 'value';
interface Piece {
  node: Text;
  value: string;
  joined: boolean;
  mode: Mode;
  owner: Node;
}
type Frame = { src: Node; parent: Node; mode: Mode; owner: Node; underDisplay: boolean; parentHidden: boolean } | { close: true };

function scriptMarkers(el: Element, seen: { scripts: number }): string[] {
  if (seen.scripts++ >= SCRIPT_READ.scripts) return [];
  let text = '';
  for (let c = el.firstChild; c && text.length < SCRIPT_READ.chars; c = c.nextSibling) if (c.nodeType === 3) text += (c as Text).data.slice(0, SCRIPT_READ.chars);
  return [...new Set(text.slice(0, SCRIPT_READ.chars).match(ANTI_BOT) ?? [])];
}

function setMarker(el: Element, shown: 'display' | 'hidden' | 'visible'): void {
  const kept = sanitizeStyle(el.getAttribute('style') ?? '')
    .split(';')
    .filter((d) => d && !/^(?:display|visibility):/.test(d));
  if (shown === 'display') el.setAttribute('hidden', '');
  kept.push(shown === 'display' ? 'display:none' : `visibility:${shown}`);
  el.setAttribute('style', kept.join(';'));
}

export function anonymize(doc: Document, pageUrl: string, options: AnonymizeOptions = {}): AnonymousCopy {
  const removed = emptyCounts();
  const person = personPatterns(options.person);
  const ids = new IdentifierScrubber(person, removed);
  const text = createTextScrubber(person, pageUrl, removed, ids);
  const ctx: AttributeContext = { counts: removed, text, ids, pageUrl };
  const visibility = options.visibility ?? visibilityOf(doc);
  const parts = findPersonalParts(doc);

  const out = doc.implementation.createHTMLDocument('');
  const root = out.documentElement;
  const head = out.head;
  const body = out.body;
  for (const c of Array.from(head.childNodes)) c.remove();
  const url = scrubUrl(pageUrl, pageUrl, removed, ids, true);
  addHead(out, url);

  const src = doc.documentElement;
  if (src) copyAttributes(src, root, ctx);
  const title = out.createElement('title');
  title.textContent = text.text(doc.title ?? '');
  head.append(title);

  const pieces: Piece[] = [];
  const seen = { scripts: 0 };
  let elements = 0;
  let truncated = false;
  let brk = true;
  const stack: Frame[] = [];
  const srcBody = doc.body;
  if (srcBody) copyAttributes(srcBody, body, ctx);
  for (let c = src?.lastChild ?? null; c; c = c.previousSibling) {
    if (c === srcBody) for (let b = srcBody.lastChild; b; b = b.previousSibling) stack.push({ src: b, parent: body, mode: 'text', owner: b, underDisplay: false, parentHidden: false });
    else stack.push({ src: c, parent: body, mode: 'text', owner: c, underDisplay: false, parentHidden: false });
  }

  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    if ('close' in frame) {
      brk = true;
      continue;
    }
    const node = frame.src;
    if (node.nodeType === 8) {
      removed.comments++;
      continue;
    }
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (frame.mode === 'value') {
        if (data.trim()) removed.values++;
        continue;
      }
      const mode: Mode = parts.options.has(node) ? 'option' : frame.mode;
      const outText = out.createTextNode('');
      frame.parent.appendChild(outText);
      pieces.push({ node: outText, value: data, joined: !brk, mode, owner: mode === frame.mode ? frame.owner : node });
      brk = mode !== 'text';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.localName;
    if (el.hasAttribute(HOST_ATTRIBUTE)) continue;
    if (DROPPED.has(tag)) {
      if (tag === 'script') {
        removed.scripts++;
        const markers = scriptMarkers(el, seen);
        if (markers.length > 0) {
          const placeholder = out.createElement('script');
          placeholder.setAttribute('type', 'text/plain');
          placeholder.textContent = `removed; anti-bot markers: ${markers.join(' ')}`;
          head.append(placeholder);
        }
      } else if (tag === 'head') {
        for (let c = el.lastChild; c; c = c.previousSibling) if (c.nodeType === 1 && (c as Element).localName === 'script') stack.push({ ...frame, src: c });
      } else if (tag !== 'meta' && tag !== 'base' && tag !== 'title') removed.other++;
      continue;
    }
    if (++elements > MAX_ELEMENTS) {
      truncated = true;
      break;
    }
    let copy: Element;
    try {
      copy = el.namespaceURI && el.namespaceURI !== 'http://www.w3.org/1999/xhtml' ? out.createElementNS(el.namespaceURI, el.localName) : out.createElement(tag);
    } catch {
      copy = out.createElement('span');
    }
    copyAttributes(el, copy, ctx);
    const shown = frame.underDisplay ? null : visibility(el, frame.parentHidden);
    if (shown) setMarker(copy, shown);
    frame.parent.appendChild(copy);
    if (SHELLS.has(tag) || tag === 'iframe') {
      if (tag === 'picture' || tag === 'video' || tag === 'audio') removed.images++;
      continue;
    }
    const mode: Mode = tag === 'textarea' ? 'value' : parts.options.has(el) ? 'option' : parts.names.has(el) ? 'name' : frame.mode;
    const owner = mode === frame.mode ? frame.owner : el;
    const block = !INLINE.has(tag);
    if (block) {
      brk = true;
      stack.push({ close: true });
    }
    const child = {
      parent: copy,
      mode,
      owner,
      underDisplay: frame.underDisplay || shown === 'display',
      parentHidden: shown === 'hidden' ? true : shown === 'visible' ? false : frame.parentHidden,
    };
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push({ src: c, ...child });
    // An open shadow root travels as a declarative one: a browser opening the file (and the QA loader) attaches
    // it again, so the detector reads the same form. Its children are walked first, as they render first.
    const shadow = el.shadowRoot;
    if (shadow) {
      const template = out.createElement('template');
      template.setAttribute('shadowrootmode', 'open');
      copy.insertBefore(template, copy.firstChild);
      for (let c = shadow.lastChild; c; c = c.previousSibling) stack.push({ src: c, ...child, parent: template.content });
    }
  }

  writeText(pieces, text, removed);
  const html = `<!DOCTYPE html>\n${root.outerHTML}\n`;
  return { html, url, preview: previewText(out), removed, elements, truncated };
}

/** Fills the text nodes: page text scrubbed as one stream; names and options replaced by their shape. */
function writeText(pieces: Piece[], text: ReturnType<typeof createTextScrubber>, removed: RemovedCounts): void {
  const plain = pieces.map((p) => (p.mode === 'text' ? p.value : ''));
  const joined = pieces.map((p, i) => p.mode === 'text' && p.joined && pieces[i - 1]?.mode === 'text');
  const scrubbed = text.pieces(plain, joined);
  const counted = new Set<Node>();
  pieces.forEach((p, i) => {
    if (p.mode === 'text') {
      p.node.data = scrubbed[i] ?? '';
      return;
    }
    if (!p.value.trim()) {
      p.node.data = p.value;
      return;
    }
    if (!counted.has(p.owner)) {
      counted.add(p.owner);
      removed[p.mode === 'name' ? 'names' : 'options']++;
    }
    const lead = /^\s*/.exec(p.value)?.[0] ?? '';
    const tail = /\s*$/.exec(p.value)?.[0] ?? '';
    p.node.data = `${lead}${nameShape(p.value)}${tail}`;
  });
}

function addHead(out: Document, url: string): void {
  const meta = (attrs: Record<string, string>) => {
    const m = out.createElement('meta');
    for (const [k, v] of Object.entries(attrs)) m.setAttribute(k, v);
    out.head.append(m);
  };
  meta({ charset: 'utf-8' });
  // Opened later, the copy can fetch nothing and run nothing; inline styles carry the visibility markers.
  meta({ 'http-equiv': 'Content-Security-Policy', content: "default-src 'none'; style-src 'unsafe-inline'" });
  meta({ name: COPY_MARKER, content: COPY_VERSION });
  if (url) {
    const link = out.createElement('link');
    link.setAttribute('rel', 'canonical');
    link.setAttribute('href', url);
    out.head.append(link);
  }
}
