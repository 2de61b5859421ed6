/** Shared set-up for overlay tests: a services fake that records calls, detections, and DOM helpers. */
import { vi } from 'vitest';
import type { CountdownSource } from '../../../src/overlay/countdown-feed';
import type { Deadlines } from '../../../src/storage/deadlines';
import type { Detection } from '../../../src/detect/vocabulary';
import { createOverlay } from '../../../src/overlay/controller';
import type { Overlay, OverlayServices } from '../../../src/overlay/services';
import { HOST_ATTRIBUTE } from '../../../src/page/marker';
import { DEFAULT_SETTINGS, type Settings, type Ticks } from '../../../src/storage/schema';

export function fakeServices(initial: { settings?: Partial<Settings>; ticks?: Ticks } = {}) {
  const state = {
    settings: { ...DEFAULT_SETTINGS, hiddenHosts: [], ...initial.settings } as Settings,
    ticks: { ...initial.ticks } as Ticks,
    copied: [] as string[],
    hidden: 0,
  };
  const services = {
    version: '9.9.9-test',
    loadSettings: vi.fn(async () => ({ ...state.settings })),
    saveSettings: vi.fn(async (patch: Partial<Settings>) => {
      state.settings = { ...state.settings, ...patch };
    }),
    hideOnThisSite: vi.fn(() => {
      state.hidden += 1;
    }),
    loadTicks: vi.fn(async () => ({ ...state.ticks })),
    saveTicks: vi.fn(async (ticks: Ticks) => {
      state.ticks = { ...ticks };
    }),
    copyText: vi.fn(async (text: string) => {
      state.copied.push(text);
    }),
  } satisfies OverlayServices;
  return { services, state };
}

export const detection = (partial: Partial<Detection> = {}): Detection => ({
  step: 'start',
  flow: 'recover',
  alerts: [],
  confidence: 0.9,
  signals: [],
  ...partial,
});

/** Lets pending promises and Preact's deferred re-renders run. */
export const flush = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await new Promise<void>((resolve) => queueMicrotask(resolve));
};

export interface Mounted {
  overlay: Overlay;
  host: HTMLElement;
  root: ShadowRoot;
  services: ReturnType<typeof fakeServices>['services'];
  state: ReturnType<typeof fakeServices>['state'];
  $: <E extends Element = HTMLElement>(selector: string) => E | null;
  $$: <E extends Element = HTMLElement>(selector: string) => E[];
}

export async function mount(initial: Parameters<typeof fakeServices>[0] = {}, first?: Detection): Promise<Mounted> {
  const { services, state } = fakeServices(initial);
  const overlay = createOverlay(document, services, { shadowMode: 'open' });
  overlay.start();
  if (first) overlay.update(first);
  await flush();
  const host = document.querySelector<HTMLElement>(`[${HOST_ATTRIBUTE}]`)!;
  const root = host.shadowRoot!;
  return {
    overlay,
    host,
    root,
    services,
    state,
    $: <E extends Element = HTMLElement>(selector: string) => root.querySelector<E>(selector),
    $$: <E extends Element = HTMLElement>(selector: string) => [...root.querySelectorAll<E>(selector)],
  };
}

/** Gives an element a fixed box, since happy-dom does no layout. */
export function placeAt(element: Element, box: { left: number; top: number; width: number; height: number }): void {
  const rect = { ...box, x: box.left, y: box.top, right: box.left + box.width, bottom: box.top + box.height };
  element.getBoundingClientRect = () => ({ ...rect, toJSON: () => rect }) as DOMRect;
}

export function pageInput(id: string): HTMLInputElement {
  const input = document.createElement('input');
  input.id = id;
  document.body.append(input);
  return input;
}

export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A countdown source whose stored deadlines the test sets; every subscriber hears each change. */
export function fakeSource(initial: Deadlines = { current: null, entries: {} }) {
  let value = initial;
  const listeners = new Set<(d: Deadlines) => void>();
  const source = {
    load: vi.fn(async () => value),
    subscribe: (listener: (d: Deadlines) => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    ping: vi.fn(),
    release: vi.fn(),
  } satisfies CountdownSource;
  return { source, set: (d: Deadlines) => ((value = d), listeners.forEach((l) => l(d))) };
}
