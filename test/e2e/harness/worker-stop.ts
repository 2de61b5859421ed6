/** The extension's service worker in Chromium, for the E2E files that stop it as Chrome does when idle. */
import type { Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import type { ChromiumSession } from './chromium';

/** The extension's worker now: the newest one (a stopped worker is replaced by the next event). */
export async function extensionWorker(session: ChromiumSession): Promise<Worker> {
  const live = session.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${session.extensionId}/`)).at(-1);
  return live ?? (await session.context.waitForEvent('serviceworker', { timeout: 10_000 }));
}

type Marked = { claveguiaTestMark?: string };

/** The mark `stopExtensionWorker` set in a worker's global scope, or null in a worker started since. */
export const stopMarkOf = (worker: Worker): Promise<string | null> => worker.evaluate(() => (globalThis as Marked).claveguiaTestMark ?? null);

/**
 * Stops the extension's worker as Chrome does after about 30 s idle (Target.closeTarget through `page`'s
 * DevTools session) and waits until it has stopped. The next event (an overlay's ping) can wake a new worker
 * within a quarter second, and Chrome lists it under the same target id, so "stopped" is the target gone or
 * the worker running there no longer the one marked before the stop. While the marked one still runs the stop is
 * asked again; a worker that never stops fails the wait.
 */
export async function stopExtensionWorker(session: ChromiumSession, page: Page): Promise<void> {
  const cdp = await session.context.newCDPSession(page);
  const workerTargets = async () =>
    ((await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] }).targetInfos.filter(
      (t) => t.type === 'service_worker' && t.url.includes(session.extensionId),
    );
  const [target] = await workerTargets();
  expect(target, 'the extension service worker target').toBeDefined();
  const mark = `stopped-${Date.now()}`;
  await (await extensionWorker(session)).evaluate((m) => void ((globalThis as Marked).claveguiaTestMark = m), mark);
  const markedWorkerRuns = async (): Promise<boolean | null> => {
    const answer = stopMarkOf(await extensionWorker(session)).then(
      (m) => m === mark,
      () => false,
    );
    // A worker that does not answer within a second is neither: poll again.
    return Promise.race([answer, new Promise<null>((done) => setTimeout(() => done(null), 1_000))]);
  };
  const stop = () => cdp.send('Target.closeTarget', { targetId: target!.targetId }).catch(() => undefined);
  await stop();
  const stopped = async () => {
    if (!(await workerTargets()).some((t) => t.targetId === target!.targetId)) return true;
    const marked = await markedWorkerRuns();
    // A stop request can be lost while the worker answers a message: the marked worker still runs, so ask again.
    if (marked === true) await stop();
    return marked === false;
  };
  await expect.poll(stopped, { timeout: 10_000 }).toBe(true);
  await cdp.detach();
}
