/**
 * Notices the moment this content script's extension goes away (reloaded, updated, disabled), so it can tear
 * itself down instead of leaving a dead overlay that throws "Extension context invalidated" when clicked.
 *
 * Two signals, both cheap: the port to the background disconnects (with a dead runtime, that is the end; with
 * a live one, the worker merely stopped and we reconnect lazily, without waking it), and a newer copy of this
 * script announces itself on the document when it starts. A page can fire that event too, so it only ends a
 * script whose runtime really is gone. The port is opened only once there is something on screen to take
 * down (`hold`, when the guide is asked for): on every other IESS page the resident notices a lost extension
 * at its next look at the page (`check`), and opening a port there would only wake the background.
 */
import { CONTENT_PORT_NAME } from '../messages';
import type { PlatformApi, PortApi } from '../platform/api';
import type { Teardown } from './teardown';

/** Dispatched on the document by every content script as it starts. */
export const TAKEOVER_EVENT = 'claveguia:started';

export class ExtensionContext {
  private port: PortApi | null = null;
  private lost = false;
  /** A port is wanted (the guide is, or is on its way): kept open, and reopened after the worker stops. */
  private holding = false;

  constructor(
    private readonly api: PlatformApi,
    private readonly doc: Document,
    private readonly teardown: Teardown,
    private readonly onLost: () => void,
  ) {}

  start(): void {
    // Announce first, then listen: the older copies hear it, this one does not.
    this.doc.dispatchEvent(new CustomEvent(TAKEOVER_EVENT));
    this.teardown.listen(this.doc, TAKEOVER_EVENT, this.check);
    this.teardown.add(() => {
      const port = this.port;
      this.port = null;
      port?.disconnect();
    });
  }

  /** From now on, keep a port open, so the guide goes the moment the extension does. */
  hold(): void {
    if (this.holding) return;
    this.holding = true;
    if (this.alive()) this.connect();
    else this.markLost();
  }

  /** False once the extension that injected this script is gone. */
  alive(): boolean {
    if (this.lost) return false;
    try {
      return Boolean(this.api.runtime.id);
    } catch {
      return false;
    }
  }

  /** Called on activity: re-opens the port if the background merely stopped, and reports a lost context. */
  check = (): boolean => {
    if (this.alive()) {
      if (this.holding && !this.port) this.connect();
      return true;
    }
    this.markLost();
    return false;
  };

  private connect(): void {
    if (this.teardown.done) return;
    try {
      const port = this.api.runtime.connect({ name: CONTENT_PORT_NAME });
      port.onDisconnect.addListener(this.onDisconnect);
      this.port = port;
    } catch {
      this.markLost();
    }
  }

  private readonly onDisconnect = (): void => {
    this.port = null;
    if (!this.alive()) this.markLost();
  };

  private markLost(): void {
    if (this.lost) return;
    this.lost = true;
    this.onLost();
  }
}
