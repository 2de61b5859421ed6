/**
 * The clock every view of the link countdown reads (background, overlay, popup, side area).
 *
 * Shipped builds: `Date.now()`, nothing else (`__TEST_CLOCK__` is false and the block below is dropped).
 * The E2E build only (vite.config.ts, CLAVEGUIA_TEST_CLOCK=1 with an out-dir suffix): plus an offset a test
 * writes to `storage.local[TEST_CLOCK_KEY]`, so every context moves forward together and a countdown expires
 * in milliseconds of test time instead of a real minute.
 */
// The native object (native.ts), so the guide that shows the countdown does not carry the polyfill for a clock
// that, shipped, reads nothing of the extension: storage's promises and onChanged are the same in both browsers.
import { platform } from './native';

export const TEST_CLOCK_KEY = 'e2eClockOffsetMs';

let offsetMs = 0;
const moved = new Set<() => void>();

if (__TEST_CLOCK__) {
  const take = (value: unknown): void => {
    offsetMs = typeof value === 'number' && Number.isFinite(value) ? value : 0;
    for (const listener of moved) listener();
  };
  void platform.storage.local.get(TEST_CLOCK_KEY).then((items) => take(items[TEST_CLOCK_KEY]));
  platform.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && TEST_CLOCK_KEY in changes) take(changes[TEST_CLOCK_KEY]?.newValue);
  });
}

/**
 * E2E build only: `listener` runs when a test moves the clock (the background then re-syncs as an alarm would:
 * its real-time alarms do not know about the offset). Shipped builds never call it.
 */
export function onClockMoved(listener: () => void): void {
  if (__TEST_CLOCK__) moved.add(listener);
}

/** Epoch milliseconds. */
export function now(): number {
  return Date.now() + offsetMs;
}
