import { platform } from '../platform/browser';

export const HOST_ATTRIBUTE = 'data-claveguia-host';

/**
 * Owns everything the content script adds to a page. Constructing it does nothing; `start` is idempotent;
 * `destroy` removes every node and listener it added.
 */
export class ContentApp {
  private host: HTMLElement | null = null;

  constructor(private readonly doc: Document) {}

  start(): void {
    if (this.host) return;
    // A content script left behind by an extension reload or update may still have its host here.
    for (const stale of this.doc.querySelectorAll(`[${HOST_ATTRIBUTE}]`)) stale.remove();
    const host = this.doc.createElement('div');
    host.setAttribute(HOST_ATTRIBUTE, '');
    host.setAttribute('data-claveguia-version', platform.runtime.getManifest().version);
    this.doc.documentElement.append(host);
    this.host = host;
  }

  destroy(): void {
    this.host?.remove();
    this.host = null;
  }
}
