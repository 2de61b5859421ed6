/**
 * Serialises read-modify-write cycles. In extension pages and the background, the Web Locks API is shared
 * by every context of the extension's origin, so the popup and the background never lose each other's
 * writes. Content scripts never write: they ask the background. Without Web Locks (unit tests), a
 * per-name promise chain serialises within the one context there is.
 */
export type Lock = <T>(name: string, work: () => Promise<T>) => Promise<T>;

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

const chains = new Map<string, Promise<unknown>>();

export const inProcessLock: Lock = (name, work) => {
  const previous = chains.get(name) ?? Promise.resolve();
  const next = previous.then(work, work);
  const tail = next.catch(() => undefined);
  chains.set(name, tail);
  void tail.then(() => {
    if (chains.get(name) === tail) chains.delete(name);
  });
  return next;
};

export function defaultLock(): Lock {
  const locks = (globalThis.navigator as (Navigator & { locks?: LockManagerLike }) | undefined)?.locks;
  if (!locks || typeof locks.request !== 'function') return inProcessLock;
  return (name, work) => locks.request(`claveguia:${name}`, work);
}
