/**
 * The bench's browsers: Debian's Chromium, launched the way the E2E harness launches it (persistent context,
 * headless=new, IESS hosts mapped to loopback), once with an unpacked build and once without any extension,
 * with identical flags otherwise. Plus the few CDP reads the bench makes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { browserExecutable } from '../e2e/harness/browsers';
import { MAPPED_HOSTS } from '../e2e/harness/hosts';
import type { CpuProfile } from './report';

export interface Instance {
  /** 'without', 'with', or 'with (unminified)' for attribution. */
  label: string;
  context: BrowserContext;
  /** chrome-extension://<id>/ of the loaded build, or null without one. */
  extensionOrigin: string | null;
  close(): Promise<void>;
}

export async function launchInstance(label: string, extensionDir: string | null, extraArgs: string[] = []): Promise<Instance> {
  const profile = mkdtempSync(join(tmpdir(), 'claveguia-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserExecutable('chromium'),
    headless: true,
    locale: 'es',
    viewport: { width: 1280, height: 720 },
    env: { ...process.env, LANGUAGE: 'es', LANG: 'es_EC.UTF-8' },
    args: [
      '--headless=new',
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=es',
      `--host-resolver-rules=${MAPPED_HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(',')}`,
      ...extraArgs,
    ],
  });
  let extensionOrigin: string | null = null;
  if (extensionDir) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    extensionOrigin = `chrome-extension://${new URL(worker.url()).host}/`;
  }
  return {
    label,
    context,
    extensionOrigin,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Tab {
  page: Page;
  cdp: CDPSession;
}

/**
 * A fresh tab with CDP's Performance domain on, durations in THREAD time (`threadTicks`): CPU the renderer's
 * main thread spent, not wall time, so another process taking the core does not count against either side.
 */
export async function openTab(instance: Instance): Promise<Tab> {
  const page = await instance.context.newPage();
  const cdp = await instance.context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return { page, cdp };
}

export async function closeTab(tab: Tab): Promise<void> {
  await tab.cdp.detach().catch(() => undefined);
  await tab.page.close();
}

export type Metrics = Record<string, number>;

/** Performance.getMetrics as a name → value record (durations in seconds, sizes in bytes). */
export async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** CPU milliseconds between two metric reads: all main-thread tasks, and the script part of them. */
export function cpuBetween(a: Metrics, b: Metrics): { taskMs: number; scriptMs: number } {
  return { taskMs: ((b.TaskDuration ?? 0) - (a.TaskDuration ?? 0)) * 1000, scriptMs: ((b.ScriptDuration ?? 0) - (a.ScriptDuration ?? 0)) * 1000 };
}

export async function startProfile(cdp: CDPSession, intervalUs = 200): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
}

export async function stopProfile(cdp: CDPSession): Promise<CpuProfile> {
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return profile as CpuProfile;
}

/**
 * The renderer's heap at rest: a full GC (twice, so finalisers' garbage goes too), then V8's isolate-wide
 * statistics. One isolate serves every world of the page's main thread (the page's and each extension's
 * isolated world), so `usedSize` counts our content script's objects; `embedderHeapUsedSize` is Blink's
 * (Oilpan) heap, where DOM nodes (our overlay's included) live.
 */
export async function heapAtRest(cdp: CDPSession): Promise<{ jsUsed: number; embedderUsed: number; nodes: number; listeners: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  const dom = await cdp.send('Memory.getDOMCounters');
  return { jsUsed: usage.usedSize, embedderUsed: usage.embedderHeapUsedSize ?? Number.NaN, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

/** The overlay host's detected step (`data-claveguia-step`), or null when there is no host. */
export async function overlayStep(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('[data-claveguia-host]')?.getAttribute('data-claveguia-step') ?? null);
}

/**
 * A V8 heap snapshot of the page's isolate (every world), summed by node type (code, strings, objects by
 * constructor, …): self sizes in bytes, after a full GC. Compared with and without the extension it says what
 * the added heap is made of.
 */
export async function heapByKind(cdp: CDPSession): Promise<Map<string, number>> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }): void => {
    chunks.push(e.chunk);
  };
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snap = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const totals = new Map<string, number>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt] as number] ?? '?';
    const name = snap.strings[snap.nodes[i + nameAt] as number] ?? '';
    // Objects and V8's internal ("hidden") nodes by name, which says what they are; the rest by type.
    const key = type === 'object' || type === 'hidden' || type === 'code' ? `${type}: ${name.slice(0, 40)}` : type;
    totals.set(key, (totals.get(key) ?? 0) + (snap.nodes[i + sizeAt] as number));
  }
  return totals;
}
