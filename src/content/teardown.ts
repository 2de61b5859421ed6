/**
 * Everything a content script adds to a page registers its own undo here; `run` undoes all of it, newest
 * first, once. A stale script (its extension reloaded or updated) and a normal stop take the same path, so
 * no observer, listener, timer or node can be forgotten by one of them.
 */
export class Teardown {
  private readonly undos: (() => void)[] = [];
  private ran = false;

  get done(): boolean {
    return this.ran;
  }

  /** Registers an undo; after `run`, undoes it at once (a late registration must not leak). */
  add(undo: () => void): void {
    if (this.ran) {
      safely(undo);
      return;
    }
    this.undos.push(undo);
  }

  listen(target: EventTarget, type: string, listener: EventListener, options?: AddEventListenerOptions): void {
    target.addEventListener(type, listener, options);
    this.add(() => target.removeEventListener(type, listener, options));
  }

  interval(fn: () => void, ms: number): void {
    const id = setInterval(fn, ms);
    this.add(() => clearInterval(id));
  }

  run(): void {
    if (this.ran) return;
    this.ran = true;
    while (this.undos.length > 0) safely(this.undos.pop()!);
  }
}

/** One failing undo (a page that already removed our node, a dead extension API) must not stop the others. */
function safely(undo: () => void): void {
  try {
    undo();
  } catch {
    // Nothing left to undo there.
  }
}
