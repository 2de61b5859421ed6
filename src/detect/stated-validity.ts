/**
 * How long the page itself says its mailed link or code lasts ("el mismo estará vigente durante 3 minutos", the
 * IESS unlock mail page, research/iess-portal.md §4 C1; "valid for 3 minutes" after a browser translator). The
 * page's own figure is a better source than any guide, so the countdown uses it when it is there. Pure; runs on
 * the folded statements (questions removed), so a FAQ asking "¿cuántos minutos…?" states nothing.
 */

/** A validity word, then at most 40 characters of the same sentence without another number, then the minutes. */
const STATED = /\b(?:vigen|valid|caduc|expir|venc)[^.\d]{0,40}\b(\d{1,2}) (?:minutos?|minutes?)\b/g;
/** A figure outside this range is not a link's lifetime: the page's text is untrusted, so it is ignored. */
const MIN_MINUTES = 1;
const MAX_MINUTES = 60;

/** The validity the page states, in ms; undefined when it states none, or two that disagree. */
export function statedValidityMs(statements: string): number | undefined {
  let minutes: number | undefined;
  for (const match of statements.slice(0, 20_000).matchAll(STATED)) {
    const found = Number(match[1]);
    if (found < MIN_MINUTES || found > MAX_MINUTES) continue;
    if (minutes !== undefined && minutes !== found) return undefined;
    minutes = found;
  }
  return minutes === undefined ? undefined : minutes * 60_000;
}
