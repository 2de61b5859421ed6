import { ITEM_CHARS } from '../page/field-reader';

/** Caps: a hostile or huge page costs a bounded amount of work. */
export const LIMITS = {
  elements: 10_000,
  textChars: 12_000,
  fields: 200,
  buttons: 80,
  links: 150,
  headings: 40,
  messages: 30,
  labels: 300,
  itemChars: ITEM_CHARS,
  scripts: 30,
} as const;
