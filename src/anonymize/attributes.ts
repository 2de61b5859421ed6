/**
 * Which attributes a copy keeps, and how. Everything not named here is dropped: event handlers, data-…,
 * sources, `srcset`, `content`, `checked`/`selected` (a choice the person made), every field value.
 */
import type { RemovedCounts } from './counts';
import type { TextScrubber } from './text';
import { scrubUrl, type IdentifierScrubber } from './url';

/** Written by the page's developers: kept, with their long digit runs, addresses and tokens replaced. */
const IDENTIFIERS = new Set([
  'id',
  'name',
  'for',
  'class',
  'type',
  'role',
  'autocomplete',
  'inputmode',
  'method',
  'lang',
  'dir',
  'translate',
  'tabindex',
  'colspan',
  'rowspan',
  'maxlength',
  'minlength',
  'size',
  'pattern',
  'width',
  'height',
  'color',
  'align',
  'valign',
  'scope',
  'headers',
  'rel',
  'target',
  'form',
  'list',
  'accesskey',
  'rows',
  'cols',
  'span',
  'start',
  'border',
]);
/** Present or absent, nothing more. */
const FLAGS = new Set(['hidden', 'disabled', 'readonly', 'required', 'multiple', 'open', 'novalidate', 'inert', 'reversed', 'nowrap']);
/** Words a person reads: kept, scrubbed as page text. */
const TEXTS = new Set(['title', 'alt', 'placeholder', 'label', 'summary', 'abbr', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-placeholder', 'aria-valuetext']);
const ADDRESSES = new Set(['href', 'action', 'formaction', 'cite']);
/** Input types whose `value` is the button's wording, not data. */
const BUTTON_TYPES = new Set(['submit', 'button', 'reset']);
/** Image names that describe page furniture (a CAPTCHA, a logo, a spinner): kept as a hint, the source is not. */
const IMAGE_KIND = /captcha|logo|banner|escudo|header|cabecera|icon|loading|cargando|ajax|spinner|bandera|flag|gob_?ec|sello|footer/gi;
/** Inline style: only what says whether and how alarmingly something shows. */
const STYLE_KEEP = /^(?:display|visibility|color)$/;
const STYLE_VALUE = /^[a-z-]+$|^#[0-9a-f]{3,8}$|^rgba?\(\s*[\d\s.,%]+\)$/i;

export interface AttributeContext {
  counts: RemovedCounts;
  text: TextScrubber;
  ids: IdentifierScrubber;
  pageUrl: string;
}

function imageHint(src: string): string {
  const kinds = [...new Set((src.match(IMAGE_KIND) ?? []).map((k) => k.toLowerCase()))];
  return kinds.length > 0 ? `about:blank#${kinds.slice(0, 3).join('-')}` : '';
}

export function sanitizeStyle(style: string): string {
  const kept: string[] = [];
  for (const declaration of style.slice(0, 2000).split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration.slice(colon + 1).trim().replace(/\s*!important$/i, '');
    if (STYLE_KEEP.test(property) && STYLE_VALUE.test(value)) kept.push(`${property}:${value.toLowerCase()}`);
  }
  return kept.join(';');
}

/** Copies `from`'s attributes to `to` under the rules above. */
export function copyAttributes(from: Element, to: Element, ctx: AttributeContext): void {
  const tag = from.localName;
  const type = (from.getAttribute('type') ?? '').toLowerCase();
  const attrs = from.attributes;
  for (let i = 0; i < attrs.length && i < 200; i++) {
    const attr = attrs[i] as Attr;
    const name = attr.name.toLowerCase();
    const value = attr.value;
    let kept: string | null = null;
    if (name.startsWith('on')) {
      ctx.counts.handlers++;
      continue;
    }
    if (name === 'value') {
      if ((tag === 'input' && BUTTON_TYPES.has(type)) || tag === 'param') kept = ctx.text.text(value);
      else if (value !== '' && tag !== 'option' && tag !== 'button') ctx.counts.values++;
    } else if (name === 'src' || name === 'srcset' || name === 'poster' || name === 'background') {
      if (value) ctx.counts[tag === 'img' || tag === 'input' || tag === 'picture' || tag === 'source' ? 'images' : 'other']++;
      if (name === 'src' && (tag === 'img' || tag === 'iframe' || tag === 'input')) kept = imageHint(value) || (tag === 'iframe' ? 'about:blank' : null);
    } else if (IDENTIFIERS.has(name) || (name.startsWith('aria-') && !TEXTS.has(name))) {
      kept = ctx.ids.scrub(value);
    } else if (FLAGS.has(name)) {
      kept = '';
    } else if (TEXTS.has(name)) {
      kept = ctx.text.text(value);
    } else if (ADDRESSES.has(name)) {
      kept = scrubUrl(value, ctx.pageUrl, ctx.counts, ctx.ids);
    } else if (name === 'style') {
      kept = sanitizeStyle(value) || null;
    } else if (name.startsWith('data-')) {
      ctx.counts.other++;
    }
    if (kept === null) continue;
    try {
      to.setAttribute(name, kept);
    } catch {
      // A name the DOM refuses to set again: dropped.
    }
  }
}
