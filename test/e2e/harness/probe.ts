import type { ChromiumSession } from './chromium';
import { RESIDENT_DECISION_KEY } from '../../../src/content/guide-contract';

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

/**
 * What the resident decided from the settings in each open tab whose address starts with `urlPrefix`
 * ('hidden', 'shown', or null before it decided), read on the resident's own isolated world from the worker.
 */
export async function residentDecisions(session: ChromiumSession, urlPrefix: string): Promise<(string | null)[]> {
  return session.serviceWorker.evaluate(
    async ([prefix, key]) => {
      type Chrome = {
        tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
        scripting: { executeScript(i: { target: { tabId: number }; func: (k: string) => unknown; args: string[] }): Promise<{ result?: unknown }[]> };
      };
      const { tabs, scripting } = (globalThis as unknown as { chrome: Chrome }).chrome;
      const decisions: (string | null)[] = [];
      for (const tab of await tabs.query({})) {
        if (tab.id === undefined || !tab.url?.startsWith(prefix)) continue;
        const [frame] = await scripting.executeScript({
          target: { tabId: tab.id },
          func: (k: string) => (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(k)] ?? null,
          args: [key],
        });
        decisions.push(typeof frame?.result === 'string' ? frame.result : null);
      }
      return decisions;
    },
    [urlPrefix, RESIDENT_DECISION_KEY] as const,
  );
}
