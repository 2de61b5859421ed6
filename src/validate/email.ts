/**
 * Email syntax (practical, not RFC-exhaustive) and typo hints for the domain, tuned for Ecuador
 * (feature-anchors.md §1). A hint is only ever a suggestion for the person's own eyes: never applied, never blocking.
 *
 * Why our own and not mailcheck's defaults: those "correct" real Ecuadorian domains (espol.edu.ec → espol.edu,
 * netlife.ec → netlife.eu) and turn hotmail.con into hotmail.co. Here: our own lists, a distance where a swapped
 * pair of letters costs one, and `.ec` domains left alone (institutional and company domains are many and
 * unlisted) except one edit away from a listed `.ec` provider or a combination that cannot exist (gmail.com.ec).
 */

export const EMAIL_REASONS = ['empty', 'spaces', 'missing-at', 'several-at', 'local-part', 'domain', 'missing-tld', 'too-long'] as const;
export type EmailReason = (typeof EMAIL_REASONS)[number];

export interface EmailResult {
  ok: boolean;
  reason?: EmailReason;
  /** The whole address with the domain corrected, to show to the person; present only when a typo is likely. */
  suggestion?: string;
}

/** Big webmail, then Ecuadorian ISPs (feature-anchors.md §1.3 tiers 1 and 2). Order = preference on ties. */
export const SUGGESTED_DOMAINS: readonly string[] = [
  'hotmail.com',
  'gmail.com',
  'yahoo.com',
  'yahoo.es',
  'outlook.com',
  'hotmail.es',
  'outlook.es',
  'live.com',
  'icloud.com',
  'gye.satnet.net',
  'andinanet.net',
  'interactive.net.ec',
  'uio.satnet.net',
  'telconet.net',
  'easynet.net.ec',
  'ecua.net.ec',
  'porta.net',
  'claro.com.ec',
  'iclaro.com.ec',
  'cablemodem.com.ec',
  'impsat.net.ec',
  'etapanet.net',
  'ecutel.net',
  'netlife.ec',
];

/**
 * Real domains that sit close to a suggested one and must never be "corrected" into it
 * (mail.com is one edit from gmail.com, ymail.com too, hotmail.fr two from hotmail.es…).
 */
export const KNOWN_REAL_DOMAINS: readonly string[] = [
  'mail.com', 'email.com', 'ymail.com', 'gmx.com', 'gmx.net', 'gmx.es', 'aol.com', 'msn.com', 'me.com', 'mac.com',
  'googlemail.com', 'rocketmail.com', 'yandex.com', 'proton.me', 'protonmail.com', 'pm.me', 'tutanota.com', 'zoho.com',
  'live.com.mx', 'live.com.ar', 'live.cl', 'live.fr', 'live.it', 'live.de', 'live.co.uk', 'live.ca', 'live.nl', 'live.be',
  'outlook.fr', 'outlook.de', 'outlook.it', 'outlook.cl', 'outlook.com.ar', 'outlook.com.br', 'outlook.pe',
  'hotmail.fr', 'hotmail.it', 'hotmail.de', 'hotmail.co.uk', 'hotmail.be', 'hotmail.ca', 'hotmail.com.ar',
  'hotmail.com.br', 'hotmail.cl', 'hotmail.nl',
  'yahoo.com.mx', 'yahoo.com.ar', 'yahoo.com.br', 'yahoo.com.co', 'yahoo.com.pe', 'yahoo.fr', 'yahoo.it', 'yahoo.de',
  'yahoo.co.uk', 'yahoo.ca', 'yahoo.cl', 'yahoo.in',
  'sky.com', 'hey.com', 'fastmail.com', 'inbox.com', 'att.net', 'comcast.net', 'verizon.net',
  'telefonica.net', 'movistar.es', 'terra.com', 'terra.es', 'uol.com.br', 'bol.com.br', 'speedy.com.ar', 'prodigy.net.mx',
  'etapa.net.ec', 'cnt.gob.ec', 'puntonet.ec', 'netlife.net.ec', 'satnet.net',
];

/**
 * Brands with mailboxes under many country domains (hotmail.se, yahoo.gr, outlook.pt): brand + a real country
 * domain is left alone, as mailcheck's "valid SLD + TLD pair" rule does. Only the country codes that are
 * classic slips for "com" (co, cm, om) are not trusted.
 */
const MULTI_COUNTRY_BRANDS = new Set(['hotmail', 'outlook', 'live', 'yahoo', 'msn', 'windowslive']);
const COUNTRY_CODES = new Set(
  (
    'ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bw by bz ca cc cd ' +
    'cf cg ch ci ck cl cn cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd ge gf gg ' +
    'gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km ' +
    'kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my ' +
    'mz na nc ne nf ng ni nl no np nr nu nz pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se ' +
    'sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz ' +
    'va vc ve vg vi vn vu wf ws ye yt za zm zw'
  ).split(' '),
);

function isBrandInCountry(labels: readonly string[]): boolean {
  if (!MULTI_COUNTRY_BRANDS.has(labels[0]!)) return false;
  const rest = labels.slice(1);
  const country = rest[rest.length - 1]!;
  if (!COUNTRY_CODES.has(country)) return false;
  // hotmail.se, yahoo.com.mx, yahoo.co.uk; not deeper.
  return rest.length === 1 || (rest.length === 2 && (rest[0] === 'com' || rest[0] === 'co'));
}

/** Domains whose brand exists only under .com, so gmail.es or gmail.com.ec is always a slip. */
const COM_ONLY_BRANDS = new Set(['gmail', 'icloud']);

/** Combinations that do not exist although each half looks valid (feature-anchors.md §1.2). */
const NON_EXISTENT: ReadonlyMap<string, string> = new Map([
  ['hotmail.com.ec', 'hotmail.com'],
  ['outlook.com.ec', 'outlook.com'],
  ['live.com.ec', 'live.com'],
  ['hotmail.ec', 'hotmail.com'],
  ['outlook.ec', 'outlook.com'],
]);

/**
 * Last labels typed for "com" (and "net", "es"); none is a TLD anyone in Ecuador mails to. A Map, like every
 * table looked up with the person's text: a plain object would answer "__proto__" or "constructor" from its prototype.
 */
const TLD_TYPOS: ReadonlyMap<string, string> = new Map(Object.entries({
  con: 'com', cpm: 'com', ocm: 'com', cmo: 'com', vom: 'com', xom: 'com', comm: 'com', coom: 'com', cim: 'com',
  cm: 'com', om: 'com', c0m: 'com', copm: 'com', clm: 'com', cok: 'com', coml: 'com', come: 'com',
  nte: 'net', ner: 'net', nett: 'net', met: 'net',
}));

/** Generic TLDs people mix up: andinanet.com for andinanet.net, hotmail.net for hotmail.com. */
const GENERIC_TLDS = ['com', 'net', 'org'] as const;

/** Whole domains only: a brand half (hotmail) with a TLD half (fr) is checked as a whole against the lists above. */
const KNOWN = new Set([...SUGGESTED_DOMAINS, ...KNOWN_REAL_DOMAINS]);

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two adjacent characters
 * each cost one (so "gmial" is one edit from "gmail", where plain Levenshtein says two).
 */
export function osaDistance(a: string, b: string): number {
  // Three rolling rows (two back for the swap) instead of the whole matrix.
  let beforePrevious = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2]! + 1);
      current[j] = best;
    }
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}

/** Short domains have few letters to spare: two edits would turn live.com into many real domains. */
function allowedDistance(candidate: string): number {
  return candidate.length <= 8 ? 1 : 2;
}

function nearest(domain: string, candidates: readonly string[], maxDistance: (candidate: string) => number): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: skip the work when that alone is too much.
    if (Math.abs(candidate.length - domain.length) > maxDistance(candidate)) continue;
    const distance = osaDistance(domain, candidate);
    if (distance > 0 && distance <= maxDistance(candidate) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The corrected domain, or undefined when the domain looks fine or unknown-but-plausible. */
export function suggestDomain(rawDomain: string): string | undefined {
  const domain = rawDomain.trim().toLowerCase().replace(/\.+$/, '');
  if (domain === '' || KNOWN.has(domain)) return undefined;
  const nonExistent = NON_EXISTENT.get(domain);
  if (nonExistent) return nonExistent;

  const labels = domain.split('.');
  const brand = labels[0]!;
  const tld = labels[labels.length - 1]!;
  if (COM_ONLY_BRANDS.has(brand) && labels.length > 1) return `${brand}.com`;

  // The TLD forgotten ("gmail") or glued on ("hotmailcom"): the listed domain with that first label, or the nearest.
  if (labels.length === 1) {
    return SUGGESTED_DOMAINS.find((d) => d.startsWith(`${domain}.`)) ?? nearest(domain, SUGGESTED_DOMAINS, allowedDistance);
  }

  if (tld !== 'ec' && isBrandInCountry(labels)) return undefined;

  // A TLD typo is fixed on any domain, listed or not; then the brand half may still be a typo.
  const fixedTld = TLD_TYPOS.get(tld);
  if (fixedTld) {
    const withTld = [...labels.slice(0, -1), fixedTld].join('.');
    return KNOWN.has(withTld) ? withTld : (suggestDomain(withTld) ?? withTld);
  }

  // `.ec` domains are institutional or local (puce.edu.ec, iess.gob.ec, a company's own): only one edit
  // away from a listed Ecuadorian provider counts as a typo.
  if (tld === 'ec') return nearest(domain, SUGGESTED_DOMAINS.filter((d) => d.endsWith('.ec')), () => 1);

  const sld = labels.slice(0, -1).join('.');
  if ((GENERIC_TLDS as readonly string[]).includes(tld)) {
    const swapped = GENERIC_TLDS.map((other) => `${sld}.${other}`).find((d) => SUGGESTED_DOMAINS.includes(d));
    if (swapped) return swapped;
  }

  return nearest(domain, SUGGESTED_DOMAINS, allowedDistance);
}

const MAX_ADDRESS_LENGTH = 254;
const MAX_LOCAL_LENGTH = 64;
/** Letters (any script), digits and the symbols real providers accept in a local part. */
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

function checkSyntax(address: string): EmailReason | undefined {
  if (/\s/.test(address)) return 'spaces';
  const at = address.split('@');
  if (at.length === 1) return 'missing-at';
  if (at.length > 2) return 'several-at';
  const [local, domain] = at as [string, string];
  if (address.length > MAX_ADDRESS_LENGTH || local.length > MAX_LOCAL_LENGTH) return 'too-long';
  if (local === '' || !LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return 'local-part';
  }
  if (domain === '') return 'domain';
  const labels = domain.split('.');
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return 'domain';
  if (labels.length < 2) return 'missing-tld';
  // Letters only, or an internationalised TLD in its ASCII form (xn--…).
  if (!/^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/u.test(labels[labels.length - 1]!)) return 'domain';
  return undefined;
}

/**
 * Punctuation slips first ("gmail,com", "gmail..com", a trailing dot), then spelling. The cleaned-up domain is
 * offered on its own only when the address is invalid as typed.
 */
function correctDomain(domain: string, invalid: boolean): string | undefined {
  const lower = domain.toLowerCase();
  const cleaned = lower.replace(/,/g, '.').replace(/\.{2,}/g, '.').replace(/^\.+|\.+$/g, '');
  return suggestDomain(cleaned) ?? (invalid && cleaned !== lower && cleaned.includes('.') ? cleaned : undefined);
}

/** Syntax check plus, when the shape allows it, a typo hint for the domain. */
export function validateEmail(input: string): EmailResult {
  const address = input.trim();
  if (address === '') return { ok: false, reason: 'empty' };
  const reason = checkSyntax(address);
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  // A hint is offered whenever there is a single @ and a local part, even if the domain is malformed ("gmail,com").
  const hintable = at > 0 && reason !== 'several-at' && reason !== 'spaces' && reason !== 'local-part' && reason !== 'too-long';
  const corrected = hintable ? correctDomain(domain, reason !== undefined) : undefined;
  const suggestion = corrected === undefined ? undefined : `${local}@${corrected}`;
  const result: EmailResult = reason ? { ok: false, reason } : { ok: true };
  if (suggestion !== undefined && suggestion !== address) result.suggestion = suggestion;
  return result;
}

/** Trimmed and lower-cased, for comparing two addresses (providers treat addresses case-insensitively in practice). */
export function normalizeEmail(input: string): string {
  return input.trim().toLowerCase();
}
