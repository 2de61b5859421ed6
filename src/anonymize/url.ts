/**
 * Addresses and identifiers in a copy. An address keeps its path (which app, which page) and loses its query
 * string, fragment and `;jsessionid`; identifiers (ids, names, classes, paths) written by the portal's
 * developers keep their short counters (`j_idt27`, `/error/500`) so labels still point at their fields, and lose
 * every run of four or more digits, every address and every token-like string to a per-copy token.
 */
import type { RemovedCounts } from './counts';
import type { PersonPattern } from './person';
import { letters, TOKEN_RUN, tokenLike } from './shapes';

const LONG_DIGITS = /\d{4,}/g;
const EMAILISH = /[^\s/:;,@]+@[^\s/:;,@]+/g;

/** Replaces identifier parts that could carry data with stable letters-only tokens (the same input, the same token). */
export class IdentifierScrubber {
  private readonly tokens = new Map<string, string>();

  constructor(
    private readonly person: readonly PersonPattern[],
    private readonly counts: RemovedCounts,
  ) {}

  private token(part: string): string {
    let t = this.tokens.get(part);
    if (!t) {
      t = `n${letters(this.tokens.size)}n`;
      this.tokens.set(part, t);
    }
    return t;
  }

  scrub(value: string): string {
    let out = value.length > 2000 ? value.slice(0, 2000) : value;
    for (const p of this.person) {
      p.re.lastIndex = 0;
      if (p.re.test(out)) {
        p.re.lastIndex = 0;
        out = out.replace(p.re, (m) => {
          this.counts.person++;
          return this.token(m.toLowerCase());
        });
      }
    }
    out = out.replace(EMAILISH, (m) => {
      this.counts.emails++;
      return this.token(m);
    });
    out = out.replace(TOKEN_RUN, (m) => {
      if (!tokenLike(m)) return m;
      this.counts.tokens++;
      return this.token(m);
    });
    return out.replace(LONG_DIGITS, (m) => {
      this.counts.digits++;
      return this.token(m);
    });
  }
}

/** A path with its matrix parameters (`;jsessionid=…`) removed and its segments scrubbed as identifiers. */
export function scrubPath(path: string, ids: IdentifierScrubber): string {
  return path
    .replace(/;[^/?#]*/g, '')
    .split('/')
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // A malformed escape is scrubbed as it is.
      }
      return encodeURI(ids.scrub(decoded)).replace(/[?#]/g, '');
    })
    .join('/');
}

/**
 * An address as a copy may keep it: for http(s), its origin (only when it is another site's) and its scrubbed
 * path; `#` for an in-page anchor; '' for anything else (javascript:, mailto:, data:). Counts what was cut.
 */
export function scrubUrl(raw: string, pageUrl: string, counts: RemovedCounts, ids: IdentifierScrubber, absolute = false): string {
  const value = raw.trim();
  if (value === '') return '';
  if (value.startsWith('#')) {
    if (value.length > 1) counts.addresses++;
    return '#';
  }
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    counts.addresses++;
    return '';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    counts.addresses++;
    return '';
  }
  if (url.search || url.hash || url.username || url.password) counts.addresses++;
  const path = scrubPath(url.pathname, ids);
  return !absolute && sameOrigin(url, pageUrl) ? path : `${url.protocol}//${url.hostname}${path}`;
}

function sameOrigin(url: URL, pageUrl: string): boolean {
  try {
    return new URL(pageUrl).origin === url.origin;
  } catch {
    return false;
  }
}
