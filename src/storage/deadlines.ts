/**
 * The link countdown's deadlines, kept by the background in `storage.local` (so a stopped worker, a tab
 * reload, an update or a browser restart loses nothing: an expired window still reads as expired). One entry
 * per flow and person (deadlineKey), never per tab; `current` names the one the views show. Content scripts
 * and the popup only read this item; the background is its only writer.
 */
import { ANNOUNCEMENTS, isDeadline, type DeadlineEntry } from '../flow/countdown';
import { isStepId } from '../detect/vocabulary';
import type { Parsed, StoreItem } from './schema';

export type { DeadlineEntry };

export interface Deadlines {
  /** The key of the entry the views show; null when none. */
  current: string | null;
  entries: Record<string, DeadlineEntry>;
}

export const EMPTY_DEADLINES: Readonly<Deadlines> = Object.freeze({ current: null, entries: Object.freeze({}) as Record<string, DeadlineEntry> });

/** Old windows are of no use; a few are kept so switching between two people keeps both. */
export const MAX_DEADLINES = 8;
const MAX_KEY = 60;

const isRecord = (raw: unknown): raw is Record<string, unknown> => !!raw && typeof raw === 'object' && !Array.isArray(raw);

function parseEntry(raw: unknown): DeadlineEntry | null {
  if (!isDeadline(raw)) return null;
  const v = raw as unknown as Record<string, unknown>;
  const startedOn = v.startedOn === 'email-sent' || v.startedOn === 'code' || v.startedOn === 'manual' ? v.startedOn : null;
  if (!startedOn) return null;
  const step = isStepId(v.step) ? v.step : null;
  const stepSeenAt = typeof v.stepSeenAt === 'number' && Number.isFinite(v.stepSeenAt) ? v.stepSeenAt : null;
  const notified = Array.isArray(v.notified) ? ANNOUNCEMENTS.filter((id) => (v.notified as unknown[]).includes(id)) : [];
  const entry: DeadlineEntry = {
    flow: raw.flow,
    personId: raw.personId,
    requestedAt: raw.requestedAt,
    deadline: raw.deadline,
    validityMs: raw.validityMs,
    source: raw.source,
    startedOn,
    step,
    stepSeenAt: step ? stepSeenAt : null,
    notified,
  };
  if (raw.stated) entry.stated = true;
  if (raw.requestKey !== undefined) entry.requestKey = raw.requestKey;
  return entry;
}

export function parseDeadlines(raw: unknown): Parsed<Deadlines> {
  if (raw === undefined) return { value: { current: null, entries: {} }, problems: [] };
  if (!isRecord(raw) || !isRecord(raw.entries)) return { value: { current: null, entries: {} }, problems: ['deadlines'] };
  const entries: Record<string, DeadlineEntry> = {};
  let dropped = false;
  const kept = Object.entries(raw.entries)
    .map(([key, value]) => [key, parseEntry(value)] as const)
    .filter(([key, entry]) => {
      const ok = entry !== null && key.length <= MAX_KEY;
      if (!ok) dropped = true;
      return ok;
    })
    .sort(([, a], [, b]) => b!.requestedAt - a!.requestedAt)
    .slice(0, MAX_DEADLINES);
  for (const [key, entry] of kept) entries[key] = entry!;
  const current = typeof raw.current === 'string' && raw.current in entries ? raw.current : null;
  return { value: { current, entries }, problems: dropped ? ['deadlines.entry'] : [] };
}

export const DEADLINES: StoreItem<Deadlines> = { key: 'deadlines', area: 'local', parse: parseDeadlines };

/** The entry the views show, if any. */
export function currentDeadline(deadlines: Deadlines): DeadlineEntry | null {
  return deadlines.current ? (deadlines.entries[deadlines.current] ?? null) : null;
}
