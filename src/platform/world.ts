/**
 * Files the background injects into a content script's isolated world (the strength estimator, the guide) and
 * how each one is found there: the file registers one function under `Symbol.for(key)` on that world's global,
 * where the content script picks it up. The page's world never sees it. No extension API here: this is the
 * shared shape of both contracts (estimator/contract.ts, content/guide-contract.ts).
 */

type World = Record<symbol, unknown>;

/** The function registered under `key` on this world's global, if its bundle ran here. */
export function findInWorld<F extends (...args: never[]) => unknown>(key: string, world: object = globalThis): F | null {
  const found = (world as World)[Symbol.for(key)];
  return typeof found === 'function' ? (found as F) : null;
}

/** What a bundle does when it runs: registers once per world (a second run changes nothing). */
export function registerInWorld(key: string, value: (...args: never[]) => unknown, world: object = globalThis): void {
  const symbol = Symbol.for(key);
  if (typeof (world as World)[symbol] === 'function') return;
  Object.defineProperty(world, symbol, { value, configurable: true, enumerable: false, writable: false });
}

/**
 * Runs in the tab (serialised by `scripting.executeScript({ func, args: [key] })`), so it must be
 * self-contained: whether the sender's world already holds what `key` names. Answers only a boolean.
 */
export function presentInWorld(key: string): boolean {
  return typeof (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(key)] === 'function';
}
