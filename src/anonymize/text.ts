/**
 * Scrubbing of page text: the prepared person's data, addresses, e-mails, dates, names after a label or a
 * greeting, tokens and every run of digits, replaced by shape tokens. Text split over several nodes
 * ("<b>171</b>0034065") is scrubbed as one string, so a split can never let a run through.
 */
import type { RemovedCounts, RemovedKind } from './counts';
import type { PersonPattern } from './person';
import { dateShape, digitShape, emailShape, nameShape, TOKEN_RUN, TOKEN_SHAPE, tokenLike } from './shapes';
import { scrubUrl, type IdentifierScrubber } from './url';

interface Range {
  start: number;
  end: number;
  text: string;
  kind: RemovedKind;
}

interface Rule {
  kind: RemovedKind;
  find(text: string): Iterable<{ index: number; match: string; replace: string }>;
}

function regexRule(kind: RemovedKind, re: RegExp, shape: (match: string) => string): Rule {
  return {
    kind,
    *find(text) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) if (m[0]) yield { index: m.index, match: m[0], replace: shape(m[0]) };
    },
  };
}

const EMAIL = /[A-Za-z0-9._%+*•·-]*[A-Za-z0-9*•·]@[A-Za-z0-9*•·-]+(?:\.[A-Za-z0-9*•·-]+)*\.[A-Za-z]{2,}/g;
const MONTHS = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|sept?iembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december';
const DATES = [
  /(?<!\d)\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{2,4}(?!\d)/g,
  /(?<!\d)\d{4}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{1,2}(?!\d)/g,
  new RegExp(`(?<!\\d)\\d{1,2}\\s+(?:de\\s+)?(?:${MONTHS})(?:,?\\s+(?:de\\s+|del\\s+)?\\d{4})?`, 'giu'),
  new RegExp(`(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}`, 'giu'),
];
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/gi;
const DIGITS = /\d+/g;

/**
 * Words after which the page shows a person's name: greetings (no colon needed) and labels (with a colon).
 * The name itself is read as capitalised words (JUAN PÉREZ, Juan Pérez), with the particles between them.
 */
const NAME_LEAD =
  /(?<![\p{L}])(?:(?:bienvenid[oa]s?|estimad[oa]s?)(?:\s*\(a\))?|se[ñn]or(?:a|ita)?|sr\.|sra\.|srta\.|hola|welcome|dear)[\s,:]+|(?<![\p{L}])(?:nombres?(?:\s+y\s+apellidos|\s+completos?)?|apellidos?(?:\s+y\s+nombres)?|afiliad[oa]|asegurad[oa]|usuari[oa]|titular|empleador|raz[oó]n\s+social|representante(?:\s+legal)?|full\s+name|name|user)\s*:\s*/giu;
const NAME_WORD = /\p{Lu}[\p{L}'’.-]*(?:[ \t\u00a0]+(?:(?:de|del|la|las|los|y|da|van|von)[ \t\u00a0]+)?\p{Lu}[\p{L}'’.-]*){0,6}/uy;

const nameRule: Rule = {
  kind: 'names',
  *find(text) {
    NAME_LEAD.lastIndex = 0;
    for (const lead of text.matchAll(NAME_LEAD)) {
      NAME_WORD.lastIndex = lead.index + lead[0].length;
      const name = NAME_WORD.exec(text);
      if (name?.[0]) yield { index: name.index, match: name[0], replace: nameShape(name[0]) };
    }
  },
};

export interface TextScrubber {
  /** Scrubs one string (an attribute, a title). */
  text(value: string): string;
  /** Scrubs strings that read as one (adjacent text nodes); `joined[i]` says piece i continues piece i - 1. */
  pieces(values: readonly string[], joined: readonly boolean[]): string[];
}

export function createTextScrubber(person: readonly PersonPattern[], pageUrl: string, counts: RemovedCounts, ids: IdentifierScrubber): TextScrubber {
  const rules: Rule[] = [
    ...person.map((p) => regexRule('person', p.re, p.shape)),
    regexRule('addresses', URL_IN_TEXT, (url) => scrubUrl(url, pageUrl, counts, ids, true) || '[url]'),
    regexRule('emails', EMAIL, emailShape),
    ...DATES.map((re) => regexRule('dates', re, dateShape)),
    nameRule,
    {
      kind: 'tokens',
      *find(text) {
        TOKEN_RUN.lastIndex = 0;
        for (const m of text.matchAll(TOKEN_RUN)) if (tokenLike(m[0])) yield { index: m.index, match: m[0], replace: TOKEN_SHAPE };
      },
    },
  ];

  /** Every digit no earlier rule took, in runs of the characters left: a match cut short leaves none behind. */
  function digitsLeft(text: string, used: Uint8Array, taken: Range[]): void {
    DIGITS.lastIndex = 0;
    for (const m of text.matchAll(DIGITS)) {
      let start = -1;
      for (let i = m.index; i <= m.index + m[0].length; i++) {
        const free = i < m.index + m[0].length && used[i] === 0;
        if (free && start < 0) start = i;
        if (!free && start >= 0) {
          taken.push({ start, end: i, text: digitShape(text.slice(start, i)), kind: 'digits' });
          start = -1;
        }
      }
    }
  }

  /** Non-overlapping replacements; an earlier rule wins over a later one on the same characters. */
  function ranges(text: string): Range[] {
    const taken: Range[] = [];
    // One flag per character: checking a match costs its own length, however many matches came before.
    const used = new Uint8Array(text.length);
    for (const rule of rules) {
      for (const m of rule.find(text)) {
        const start = m.index;
        const end = start + m.match.length;
        if (used.subarray(start, end).includes(1)) continue;
        used.fill(1, start, end);
        taken.push({ start, end, text: m.replace, kind: rule.kind });
      }
    }
    digitsLeft(text, used, taken);
    return taken.sort((a, b) => a.start - b.start);
  }

  function pieces(values: readonly string[], joined: readonly boolean[]): string[] {
    // One string, with a line break where the pieces do not read as one (a cell, a paragraph).
    let all = '';
    const starts: number[] = [];
    values.forEach((v, i) => {
      if (i > 0 && !joined[i]) all += '\n';
      starts.push(all.length);
      all += v;
    });
    const found = ranges(all);
    for (const r of found) counts[r.kind]++;
    let k = 0;
    return values.map((v, i) => {
      const from = starts[i] ?? 0;
      const to = from + v.length;
      let out = '';
      let at = from;
      // Pieces and ranges are both in order: skip the ranges that ended before this piece, once.
      while (k < found.length && (found[k] as Range).end <= from) k++;
      for (let j = k; j < found.length && (found[j] as Range).start < to; j++) {
        const r = found[j] as Range;
        if (r.start > at) out += all.slice(at, r.start);
        // The token goes where the match starts; the rest of the match is dropped from later pieces.
        if (r.start >= from) out += r.text;
        at = Math.min(r.end, to);
      }
      return out + all.slice(at, to);
    });
  }

  return {
    text: (value) => (value ? (pieces([value], [false])[0] ?? '') : value),
    pieces,
  };
}
