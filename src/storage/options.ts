/**
 * The person's options (the options page): language, how long links last per flow, the portal's key-length
 * rule, notifications and where people's data is kept. Remembered in `storage.local`.
 */
import { clampValidity, type TimedFlow } from '../flow/durations';
import type { Parsed, StoreItem } from './schema';

export type LanguageChoice = 'auto' | 'es' | 'en';

export interface Options {
  /** 'auto' follows the browser; people with an English browser may still want Spanish. */
  language: LanguageChoice;
  /** Per-flow link validity the person set (ms); missing flows use the default in flow/durations.ts. */
  linkValidityMs: Partial<Record<TimedFlow, number>>;
  /** The portal's key-length rule (6 to 15 by default). */
  keyMinLength: number;
  keyMaxLength: number;
  /** A notification at one minute left and at expiry; needs the optional `notifications` permission. */
  notifications: boolean;
  /** Keep the people's data on this computer (`storage.local`) instead of until the browser closes. */
  rememberPeople: boolean;
}

export const DEFAULT_OPTIONS: Readonly<Options> = Object.freeze({
  language: 'auto',
  linkValidityMs: Object.freeze({}) as Partial<Record<TimedFlow, number>>,
  keyMinLength: 6,
  keyMaxLength: 15,
  notifications: false,
  rememberPeople: false,
});

const TIMED: readonly TimedFlow[] = ['recover', 'unlock', 'employer'];
const isRecord = (raw: unknown): raw is Record<string, unknown> => !!raw && typeof raw === 'object' && !Array.isArray(raw);

export function parseOptions(raw: unknown): Parsed<Options> {
  if (raw === undefined) return { value: { ...DEFAULT_OPTIONS, linkValidityMs: {} }, problems: [] };
  if (!isRecord(raw)) return { value: { ...DEFAULT_OPTIONS, linkValidityMs: {} }, problems: ['options'] };
  const problems: string[] = [];
  const pick = <V>(name: keyof Options, ok: (v: unknown) => boolean, fallback: V): V => {
    if (ok(raw[name])) return raw[name] as V;
    if (name in raw) problems.push(`options.${name}`);
    return fallback;
  };
  const linkValidityMs: Partial<Record<TimedFlow, number>> = {};
  if (isRecord(raw.linkValidityMs)) {
    for (const flow of TIMED) {
      const ms = raw.linkValidityMs[flow];
      if (ms !== undefined) linkValidityMs[flow] = clampValidity(ms);
    }
  }
  const length = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 4 && v <= 30;
  let keyMinLength = pick<number>('keyMinLength', length, DEFAULT_OPTIONS.keyMinLength);
  let keyMaxLength = pick<number>('keyMaxLength', length, DEFAULT_OPTIONS.keyMaxLength);
  if (keyMinLength > keyMaxLength) {
    problems.push('options.keyLength');
    keyMinLength = DEFAULT_OPTIONS.keyMinLength;
    keyMaxLength = DEFAULT_OPTIONS.keyMaxLength;
  }
  return {
    value: {
      language: pick<LanguageChoice>('language', (v) => v === 'auto' || v === 'es' || v === 'en', 'auto'),
      linkValidityMs,
      keyMinLength,
      keyMaxLength,
      notifications: pick<boolean>('notifications', (v) => typeof v === 'boolean', false),
      rememberPeople: pick<boolean>('rememberPeople', (v) => typeof v === 'boolean', false),
    },
    problems,
  };
}

/** The options' key on its own, for a reader that takes the value raw and leaves parsing to the guide. */
export const OPTIONS_KEY = 'options';

export const OPTIONS: StoreItem<Options> = { key: OPTIONS_KEY, area: 'local', parse: parseOptions };
