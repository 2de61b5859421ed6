/**
 * Every message that crosses between ClaveGuía's contexts, and the checks that accept them.
 * Content scripts run beside untrusted pages, so each receiver validates shape before acting.
 * No message ever carries a value typed into the page.
 */
import { parseTicks, type Ticks } from '../storage/schema';

/** Sent by the background to the content script of the active tab when a shortcut is pressed. */
export type ToContent = { type: 'overlay:toggle' } | { type: 'overlay:focus' };

/** Sent by the content script to the background, which answers for the sender's tab. */
export type ToBackground = { type: 'ticks:get' } | { type: 'ticks:set'; ticks: Ticks };

export function parseToContent(raw: unknown): ToContent | null {
  if (!raw || typeof raw !== 'object') return null;
  const type = (raw as { type?: unknown }).type;
  return type === 'overlay:toggle' || type === 'overlay:focus' ? { type } : null;
}

export function parseToBackground(raw: unknown): ToBackground | null {
  if (!raw || typeof raw !== 'object') return null;
  const message = raw as { type?: unknown; ticks?: unknown };
  if (message.type === 'ticks:get') return { type: 'ticks:get' };
  if (message.type === 'ticks:set') return { type: 'ticks:set', ticks: parseTicks(message.ticks) };
  return null;
}

/** Keyboard commands declared in manifest.json, mapped to what they ask of the overlay. */
export const COMMAND_TO_MESSAGE: Record<string, ToContent> = {
  'toggle-overlay': { type: 'overlay:toggle' },
  'focus-overlay': { type: 'overlay:focus' },
};
