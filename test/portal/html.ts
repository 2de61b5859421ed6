/**
 * One tagged template for every generated page: interpolated values are escaped unless they are
 * already SafeHtml (the output of another `html` call, or a trusted constant wrapped with `trusted`).
 */

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Marks a constant written in this repository (inline CSS, inline scripts) as safe. Never pass request data. */
export const trusted = (text: string): SafeHtml => new SafeHtml(text);

/** JSON for an inline <script>: `<` is escaped so the data can never close the script element. */
export const scriptJson = (value: unknown): SafeHtml =>
  new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));

/** `attr` renders a boolean attribute only when true. */
export const attrIf = (on: boolean | undefined, name: string): SafeHtml => new SafeHtml(on ? ` ${name}` : '');
