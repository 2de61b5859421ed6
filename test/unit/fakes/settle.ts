/**
 * Lets every promise chain in flight run to its end. The fake browser answers through promises only (no
 * timers), so a bounded number of microtask turns settles storage reads, messages and the state they feed; no
 * clock time passes and no timer is waited for.
 */
export async function settle(turns = 50): Promise<void> {
  for (let i = 0; i < turns; i++) await Promise.resolve();
}
