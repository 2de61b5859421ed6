import { classify } from '../detect/classify';
import { parseToContent } from '../messages';
import { HOST_ATTRIBUTE, createOverlay, type Overlay } from '../overlay/mount';
import { platform } from '../platform/browser';
import { SETTINGS_KEY, parseSettings } from '../storage/schema';
import { PageWatcher } from './page-watcher';
import { loadSettings, overlayServices } from './services';


/**
 * Everything the content script does on a page: watch the page, classify it, show the overlay, answer
 * shortcuts. Constructing it does nothing; `start` is idempotent; `destroy` removes every node, observer
 * and listener. It also destroys itself when the extension is reloaded or updated under it, so a stale
 * script never leaves a second overlay.
 */
export class ContentApp {
  private overlay: Overlay | null = null;
  private watcher: PageWatcher | null = null;
  private started = false;
  private readonly hostname: string;

  constructor(private readonly doc: Document) {
    this.hostname = doc.location?.hostname ?? '';
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const stale of this.doc.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) stale.remove();
    platform.runtime.onMessage.addListener(this.onMessage);
    platform.storage.onChanged.addListener(this.onStorageChanged);
    void loadSettings().then((settings) => {
      if (this.started && !settings.hiddenHosts.includes(this.hostname)) this.show();
    });
  }

  destroy(): void {
    if (!this.started) return;
    this.started = false;
    this.hide();
    if (this.extensionAlive()) {
      platform.runtime.onMessage.removeListener(this.onMessage);
      platform.storage.onChanged.removeListener(this.onStorageChanged);
    }
  }

  private show(): void {
    if (this.overlay) return;
    const overlay = createOverlay(this.doc, overlayServices(this.doc, this.hostname));
    overlay.start();
    this.overlay = overlay;
    this.watcher = new PageWatcher({
      doc: this.doc,
      getUrl: () => this.doc.location.href,
      classify,
      onChange: (detection) => {
        if (!this.extensionAlive()) return this.destroy();
        this.overlay?.update(detection);
      },
      onDocumentReplaced: () => {
        this.hide();
        if (this.started && this.doc.documentElement) this.show();
      },
    });
    this.watcher.start();
  }

  private hide(): void {
    this.watcher?.destroy();
    this.watcher = null;
    this.overlay?.destroy();
    this.overlay = null;
  }

  /** After a reload or update of the extension, this script's runtime is gone. */
  private extensionAlive(): boolean {
    try {
      return Boolean(platform.runtime.id);
    } catch {
      return false;
    }
  }

  private readonly onMessage = (raw: unknown): undefined => {
    const message = parseToContent(raw);
    if (!message) return undefined;
    if (message.type === 'overlay:toggle') {
      if (this.overlay) this.overlay.toggleVisibility();
    } else {
      this.overlay?.toggleFocus();
    }
    return undefined;
  };

  private readonly onStorageChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    const hidden = parseSettings(changes[SETTINGS_KEY]?.newValue).hiddenHosts.includes(this.hostname);
    if (hidden) this.hide();
    else if (this.started) this.show();
  };
}
