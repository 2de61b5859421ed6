/**
 * "Is this the real IESS?" for a tab's address, and the official pages ClaveGuía sends people to.
 *
 * Official means https and a host equal to iess.gob.ec or under .iess.gob.ec, after the URL parser's IDNA
 * normalisation (so "IESS.GOB.EC." and full-width letters count, and Unicode look-alikes become xn-- labels).
 * Everything else is not the IESS; hosts that imitate its name (embedded, re-spelled, another suffix, letters
 * from another alphabet) are called out as look-alikes. Pure: no extension API, no DOM, no network.
 */
import { isIessHost } from '../detect/host';
import type { MessageKey } from '../i18n/t';

export type SiteVerdict = 'official' | 'not-iess' | 'lookalike' | 'insecure' | 'unknown';

/**
 * - `official-host`: https on iess.gob.ec or a subdomain;
 * - `http`: the real host without https;
 * - `homoglyph`: letters from another alphabet (or accents) that read as the IESS's name;
 * - `embedded-name`: "iess.gob.ec" inside a host that ends elsewhere (iess.gob.ec.example.com, iess.gob.ec-login.net);
 * - `similar-name`: the name re-spelled or under another suffix (iess-gob-ec.com, iessgob.ec, iess.gov.ec, 1ess…,
 *   fakeiess.gob.ec);
 * - `credentials-trick`: the name placed before an "@" so the real host comes after it;
 * - `other-host`: any other site; `not-web` / `invalid-url`: nothing to check (new tab, file, garbage).
 */
export type SiteReason =
  | 'official-host'
  | 'http'
  | 'homoglyph'
  | 'embedded-name'
  | 'similar-name'
  | 'credentials-trick'
  | 'other-host'
  | 'not-web'
  | 'invalid-url';

export interface SiteCheck {
  verdict: SiteVerdict;
  reason: SiteReason;
  /** The host as the browser resolves it (ASCII, xn-- for Unicode), lower case; '' when there is none. */
  host: string;
  /** The headline; `$HOST$` is `host` for not-iess and lookalike. */
  message: MessageKey;
  /** One more line explaining the trick, when there is one. */
  detail: MessageKey | null;
}

const VERDICT_MESSAGES: Record<SiteVerdict, MessageKey> = {
  official: 'siteOfficial',
  insecure: 'siteInsecure',
  lookalike: 'siteLookalike',
  'not-iess': 'siteNotIess',
  unknown: 'siteUnknown',
};

const REASON_DETAILS: Partial<Record<SiteReason, MessageKey>> = {
  http: 'siteDetailHttp',
  homoglyph: 'siteDetailHomoglyph',
  'embedded-name': 'siteDetailEmbedded',
  'similar-name': 'siteDetailSimilar',
  'credentials-trick': 'siteDetailCredentials',
};

function result(verdict: SiteVerdict, reason: SiteReason, host: string): SiteCheck {
  return { verdict, reason, host, message: VERDICT_MESSAGES[verdict], detail: REASON_DETAILS[reason] ?? null };
}

// --- Punycode (RFC 3492) decoding of xn-- labels, so a look-alike's Unicode form can be compared. ---

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : Math.floor(delta / 2);
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) / 2) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30 + 26; // 0-9
  if (c >= 0x61 && c <= 0x7a) return c - 0x61; // a-z
  if (c >= 0x41 && c <= 0x5a) return c - 0x41; // A-Z
  return BASE;
}

/** Decodes the part after "xn--"; null when it is not valid punycode. */
export function decodePunycode(input: string): string | null {
  const delimiter = input.lastIndexOf('-');
  const output: number[] = [];
  for (let j = 0; j < Math.max(0, delimiter); j++) {
    const c = input.charCodeAt(j);
    if (c >= 0x80) return null;
    output.push(c);
  }
  let n = 128;
  let i = 0;
  let bias = 72;
  let pos = delimiter >= 0 ? delimiter + 1 : 0;
  while (pos < input.length) {
    const oldI = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (pos >= input.length) return null;
      const digit = digitValue(input.charCodeAt(pos++));
      if (digit >= BASE) return null;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
      if (w > 0x10ffff * BASE) return null;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff || i > 0x10ffff * BASE) return null;
    output.splice(i, 0, n);
    i++;
  }
  try {
    return String.fromCodePoint(...output);
  } catch {
    return null;
  }
}

/** A host with its xn-- labels decoded to Unicode (undecodable labels are kept as they are). */
export function unicodeHost(host: string): string {
  return host
    .split('.')
    .map((label) => (label.startsWith('xn--') ? (decodePunycode(label.slice(4)) ?? label) : label))
    .join('.');
}

// --- Skeletons: what a host reads as, ignoring accents and letters borrowed from other alphabets. ---

/** Letters from other scripts that read as Latin ones (a small, deliberate subset of Unicode's confusables). */
const CONFUSABLES: ReadonlyMap<string, string> = new Map(Object.entries({
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', і: 'i', ї: 'i', ј: 'j', к: 'k', о: 'o', р: 'p', с: 'c', ѕ: 's', т: 't',
  у: 'y', х: 'x', ԁ: 'd', һ: 'h', ӏ: 'l', ԛ: 'q', ԝ: 'w', ɡ: 'g', ց: 'g',
  // Greek
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  // Latin letters that lose no dot or bar under NFD
  ı: 'i', ɩ: 'i', ł: 'l', ø: 'o', ß: 'ss', ſ: 's',
}));

/** Lower case, accents removed, other scripts' look-alike letters mapped to Latin. */
export function skeleton(text: string): string {
  return [...text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')].map((c) => CONFUSABLES.get(c) ?? c).join('');
}

/** Digits and letters people misread for the letters of "iess" (only for whole-word comparisons). */
const LOOSE: ReadonlyMap<string, string> = new Map(Object.entries({ '1': 'i', l: 'i', '!': 'i', '3': 'e', '5': 's', $: 's', '0': 'o' }));
const loose = (token: string) => [...token].map((c) => LOOSE.get(c) ?? c).join('');

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff = [...a].map((c, i) => (c === b[i] ? -1 : i)).filter((i) => i >= 0);
    if (diff.length === 1) return true;
    // One swap of neighbours ("iess" → "eiss").
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

const CONTEXT_TOKENS = new Set(['gob', 'gov', 'ec', 'ecuador']);

/** Whether an ASCII-like host imitates the IESS's name, and how. */
function imitation(host: string): 'embedded-name' | 'similar-name' | null {
  // "iess.gob.ec" followed by more: the address really ends elsewhere. Glued in front ("fakeiess.gob.ec") is a re-spelling.
  if (host.includes('iess.gob.ec') && !host.endsWith('iess.gob.ec')) return 'embedded-name';
  const compact = host.replace(/[^a-z0-9]/g, '');
  if (/iessgob|iessgov|iessecuador/.test(compact)) return 'similar-name';
  const tokens = host.split(/[.\-_]+/).filter(Boolean);
  if (tokens.some((t) => t.startsWith('iess') || t.endsWith('iess') || loose(t) === 'iess')) return 'similar-name';
  const governmentish = tokens.some((t) => CONTEXT_TOKENS.has(loose(t)));
  if (governmentish && tokens.some((t) => t.length >= 3 && editDistanceAtMostOne(loose(t), 'iess'))) return 'similar-name';
  return null;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Checks a tab's address. Never throws. */
export function checkSite(url: string | URL): SiteCheck {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : new URL(url.href);
  } catch {
    return result('unknown', 'invalid-url', '');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return result('unknown', 'not-web', '');
  const host = parsed.hostname.toLowerCase().replace(/\.+$/, '');
  if (!host) return result('unknown', 'invalid-url', '');

  if (isIessHost(host)) {
    return parsed.protocol === 'https:' ? result('official', 'official-host', host) : result('insecure', 'http', host);
  }

  const credentials = `${parsed.username}:${parsed.password}`;
  let decodedCredentials = credentials;
  try {
    decodedCredentials = decodeURIComponent(credentials);
  } catch {
    // Keep the raw form.
  }
  if (skeleton(decodedCredentials).includes('iess')) return result('lookalike', 'credentials-trick', host);

  if (IPV4.test(host) || host.startsWith('[')) return result('not-iess', 'other-host', host);

  const unicode = unicodeHost(host);
  const read = skeleton(unicode);
  if (read !== host && (isIessHost(read) || imitation(read))) return result('lookalike', 'homoglyph', host);

  const imitated = imitation(host);
  if (imitated) return result('lookalike', imitated, host);
  return result('not-iess', 'other-host', host);
}

/** Every message key checkSite can return, for the locale tests. */
export const SITE_MESSAGE_KEYS: readonly MessageKey[] = [
  ...Object.values(VERDICT_MESSAGES),
  ...Object.values(REASON_DETAILS),
];

// The official pages themselves live in one place: src/flow/links.ts (OFFICIAL_LINKS).
