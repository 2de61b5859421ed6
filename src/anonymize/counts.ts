/** What an anonymous copy removed or replaced, by kind: shown to the person before they save the file. */
export interface RemovedCounts {
  /** Runs of digits (cédulas, RUCs, phones, codes, amounts), replaced by shape tokens. */
  digits: number;
  /** E-mail addresses, plain or masked, replaced by their shape. */
  emails: number;
  dates: number;
  /** Names shown after a label or greeting ("Bienvenido, …", "Nombres: …"). */
  names: number;
  /** Options of the challenge questions (employers, relatives). */
  options: number;
  /** Values of fields, hidden fields included (javax.faces.ViewState, tokens). */
  values: number;
  /** Query strings and fragments of addresses (the page's, links', forms'). */
  addresses: number;
  /** Long letter-and-digit strings that look like tokens or session ids. */
  tokens: number;
  /** Anything matching the prepared person's data. */
  person: number;
  images: number;
  scripts: number;
  /** on… attributes. */
  handlers: number;
  comments: number;
  /** Stylesheets, noscript, templates, embedded objects, frames' sources, data-… attributes. */
  other: number;
}

export type RemovedKind = keyof RemovedCounts;

export const REMOVED_KINDS: readonly RemovedKind[] = [
  'person',
  'names',
  'options',
  'values',
  'digits',
  'emails',
  'dates',
  'addresses',
  'tokens',
  'images',
  'scripts',
  'handlers',
  'comments',
  'other',
];

export function emptyCounts(): RemovedCounts {
  return { digits: 0, emails: 0, dates: 0, names: 0, options: 0, values: 0, addresses: 0, tokens: 0, person: 0, images: 0, scripts: 0, handlers: 0, comments: 0, other: 0 };
}
