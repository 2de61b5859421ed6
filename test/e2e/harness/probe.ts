import type { ChromiumSession } from './chromium';

/**
 * How many open tabs have our content script listening, asked from the extension's worker: a message to a
 * tab where nothing listens fails with "Receiving end does not exist"; one our script receives (and
 * ignores) does not. A positive way to say "the script ran here", or "it did not", without waiting.
 */
export async function tabsWithContentScript(session: ChromiumSession): Promise<number> {
  return session.serviceWorker.evaluate(async () => {
    type Tabs = {
      query(q: object): Promise<{ id?: number }[]>;
      sendMessage(id: number, m: unknown): Promise<unknown>;
    };
    const { tabs } = (globalThis as unknown as { chrome: { tabs: Tabs } }).chrome;
    let listening = 0;
    for (const tab of await tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        await tabs.sendMessage(tab.id, { type: 'probe:ignored' });
        listening++;
      } catch (error) {
        if (!/Receiving end does not exist/i.test(String((error as Error).message))) listening++;
      }
    }
    return listening;
  });
}
