/**
 * The answer to every request, typed like the request (issue 24): each request kind names its reply type, and
 * the reply is parsed here, once, where it arrives. A reply crossed a context boundary (a content script runs
 * beside an untrusted page; a stale one may answer anything), so each parser checks the shape and returns a
 * typed value or a safe default: never a cast. Callers send through `ask` / `askTab` and never read a raw
 * reply (test/unit/messages/replies.test.ts keeps `sendMessage` inside this folder and `src/platform/`).
 */
import type { Catalogue } from '../i18n/t';
import { parseTicks, type Ticks } from '../storage/schema';
import { parseCopyAnswer, parseSideStatus, type ActivePersonData, type CopyAnswer, type SideStatus, type ToBackground, type ToBackgroundType, type ToContent } from './index';

/** What the background answers to each request. `boolean` replies mean "done" (or "opened", "loaded"). */
export interface Replies {
  'ticks:get': Ticks;
  'ticks:set': boolean;
  'settings:patch': boolean;
  'site:hide': boolean;
  'data:erase': boolean;
  'page:step': boolean;
  'side:open': boolean;
  'side:get': SideStatus;
  /** The label and only the fields the asking step compares, or null when nobody is being helped. */
  'person:active': ActivePersonData | null;
  /** Every prepared field of the person being helped (for the anonymous copy), or null when nobody is. */
  'person:copy': ActivePersonData | null;
  /** The words of the language asked for, or null. */
  'i18n:catalogue': Catalogue | null;
  'estimator:load': boolean;
  'guide:load': boolean;
  'countdown:start': boolean;
  'countdown:stop': boolean;
}

export type ReplyOf<K extends ToBackgroundType> = Replies[K];

/** What a content script answers: only `copy:make` has an answer. */
export interface ContentReplies {
  'copy:make': CopyAnswer | null;
}

type Fields = Record<string, unknown>;
const isFields = (raw: unknown): raw is Fields => !!raw && typeof raw === 'object' && !Array.isArray(raw);

const done = (raw: unknown): boolean => raw === true;

export const NO_SIDE: Readonly<SideStatus> = Object.freeze({ open: false, showing: null, available: false });

/** The longest label the background sends (storage/people.ts cuts labels to 40 characters). */
const LABEL_MAX_CHARS = 40;

/** The active person as the background sent it; null for anything without a label. */
export function parseActivePerson(raw: unknown): ActivePersonData | null {
  if (!isFields(raw) || typeof raw.label !== 'string' || raw.label.trim() === '') return null;
  const person: ActivePersonData = { label: raw.label.slice(0, LABEL_MAX_CHARS) };
  if (typeof raw.cedula === 'string') person.cedula = raw.cedula;
  if (typeof raw.email === 'string') person.email = raw.email;
  const { birthDay, birthMonth } = raw;
  if (Number.isInteger(birthDay) && Number.isInteger(birthMonth) && typeof birthDay === 'number' && typeof birthMonth === 'number') {
    person.birthDay = birthDay;
    person.birthMonth = birthMonth;
  }
  if (typeof raw.names === 'string') person.names = raw.names;
  return person;
}

/** A catalogue of words: entries that are not `{ message: string }` (with string placeholder contents) are dropped. */
export function parseCatalogue(raw: unknown): Catalogue | null {
  if (!isFields(raw)) return null;
  const catalogue: Catalogue = {};
  for (const [key, entry] of Object.entries(raw)) {
    if (!isFields(entry) || typeof entry.message !== 'string') continue;
    const placeholders = parsePlaceholders(entry.placeholders);
    if (placeholders === null) continue;
    catalogue[key] = placeholders ? { message: entry.message, placeholders } : { message: entry.message };
  }
  return Object.keys(catalogue).length > 0 ? catalogue : null;
}

/** undefined: none; null: malformed. */
function parsePlaceholders(raw: unknown): Record<string, { content: string }> | undefined | null {
  if (raw === undefined) return undefined;
  if (!isFields(raw)) return null;
  const out: Record<string, { content: string }> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!isFields(value) || typeof value.content !== 'string') return null;
    out[name] = { content: value.content };
  }
  return out;
}

/** One parser per request kind: whatever arrives (or nothing, when the send failed) becomes its reply type. */
export const REPLY_PARSERS: { [K in ToBackgroundType]: (raw: unknown) => ReplyOf<K> } = {
  'ticks:get': (raw) => parseTicks(raw).value,
  'ticks:set': done,
  'settings:patch': done,
  'site:hide': done,
  'data:erase': done,
  'page:step': done,
  'side:open': done,
  'side:get': (raw) => parseSideStatus(raw) ?? { ...NO_SIDE },
  'person:active': parseActivePerson,
  'person:copy': parseActivePerson,
  'i18n:catalogue': parseCatalogue,
  'estimator:load': done,
  'guide:load': done,
  'countdown:start': done,
  'countdown:stop': done,
};

export const CONTENT_REPLY_PARSERS: { [K in keyof ContentReplies]: (raw: unknown) => ContentReplies[K] } = {
  'copy:make': parseCopyAnswer,
};

/** The one call a context sends a request through (`api.runtime`): the reply comes back parsed. */
interface RuntimeSender {
  sendMessage(message: unknown): Promise<unknown>;
}
interface TabSender {
  sendMessage(tabId: number, message: unknown): Promise<unknown>;
}

/** Sends now (synchronously: Chrome honours a click's user action only while it is current), then parses. */
function parsed<R>(send: () => Promise<unknown>, parse: (raw: unknown) => R): Promise<R> {
  let sent: Promise<unknown>;
  try {
    sent = send();
  } catch {
    // A content script whose extension was reloaded throws here instead of rejecting.
    sent = Promise.reject(new Error('context gone'));
  }
  return sent.then(parse, () => parse(undefined));
}

/** Asks the background; a failed send or a malformed answer gives the kind's safe default. */
export function ask<M extends ToBackground>(runtime: RuntimeSender, message: M): Promise<ReplyOf<M['type']>> {
  return parsed(() => runtime.sendMessage(message), replyParser<M['type']>(message.type));
}

function replyParser<K extends ToBackgroundType>(type: K): (raw: unknown) => ReplyOf<K> {
  return REPLY_PARSERS[type];
}

/** Asks a tab's content script a question that has an answer. */
export function askTab<K extends keyof ContentReplies>(tabs: TabSender, tabId: number, message: { type: K } & ToContent): Promise<ContentReplies[K]> {
  const parse: (raw: unknown) => ContentReplies[K] = CONTENT_REPLY_PARSERS[message.type];
  return parsed(() => tabs.sendMessage(tabId, message), parse);
}

/** Tells a tab's content script something that has no answer; a tab without our script is skipped. */
export async function tell(tabs: TabSender, tabId: number, message: ToContent): Promise<void> {
  await parsed(() => tabs.sendMessage(tabId, message), () => undefined);
}
