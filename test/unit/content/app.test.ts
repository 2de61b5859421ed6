import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentApp } from '../../../src/content/app';
import { SETTINGS_KEY } from '../../../src/storage/schema';
import { fakeBrowser } from '../fakes/browser';

const hosts = () => document.querySelectorAll('[data-claveguia-host]');
const settle = () => vi.waitFor(() => undefined);

describe('ContentApp', () => {
  let app: ContentApp | null = null;
  afterEach(() => {
    app?.destroy();
    app = null;
    document.body.replaceChildren();
  });

  it('does nothing until started, then mounts one overlay host', async () => {
    app = new ContentApp(document);
    expect(hosts()).toHaveLength(0);
    app.start();
    app.start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
  });

  it('replaces a host left behind by an earlier content script', async () => {
    const stale = document.documentElement.appendChild(document.createElement('div'));
    stale.setAttribute('data-claveguia-host', '');
    app = new ContentApp(document);
    app.start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(stale.isConnected).toBe(false);
  });

  it('stays away on a site the person hid it on, and comes back when the popup shows it again', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { hiddenHosts: [location.hostname] } });
    app = new ContentApp(document);
    app.start();
    await settle();
    await new Promise((r) => setTimeout(r, 20));
    expect(hosts()).toHaveLength(0);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { hiddenHosts: [] } });
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { hiddenHosts: [location.hostname] } });
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
  });

  it('removes everything it added on destroy and stops listening', async () => {
    app = new ContentApp(document);
    app.start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    app.destroy();
    expect(hosts()).toHaveLength(0);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { hiddenHosts: [] } });
    await new Promise((r) => setTimeout(r, 20));
    expect(hosts()).toHaveLength(0);
  });
});

describe('ContentApp when the page rewrites its whole document', () => {
  it('mounts its overlay again on the new document', async () => {
    const app = new ContentApp(document);
    app.start();
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    // What document.open() + document.write() amount to: the root element is replaced.
    const fresh = document.createElement('html');
    fresh.append(document.createElement('head'), document.createElement('body'));
    document.documentElement.remove();
    document.appendChild(fresh);
    expect(hosts()).toHaveLength(0);
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(document.documentElement.contains(hosts()[0]!)).toBe(true);
    app.destroy();
    expect(hosts()).toHaveLength(0);
  });
});
