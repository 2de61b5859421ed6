/**
 * Issue 18: the three messages the guide used to read the wrong way, on practice-portal pages, in both browsers.
 * What the overlay says must follow the message's own words: "Cédula No se Encuentra Registrada" on a page
 * without the cédula form is "not registered" (it read "registered, only the email is missing"); "bloqueada" on
 * the unlock page is not "no fingerprint, go to a CAU"; a pause on code generation with its wait time is not a
 * blocked key. The words are checked as the person reads them, not only the alert ids.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { OPEN_ROOT, requireBuild } from './harness/extensions';
import { startStatesServer, type ServedState } from './harness/states-server';

type Catalogue = Record<string, { message: string }>;
const es = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/public/_locales/es/messages.json'), 'utf8')) as Catalogue;
const say = (key: string) => es[key]!.message;

/** What the overlay shows, as text: the guide's title and every alert's words. Runs in the page. */
function overlayWords(): { step: string | null; title: string; alerts: string } {
  const host = document.querySelector('[data-claveguia-host]');
  const root = host?.shadowRoot;
  return {
    step: host?.getAttribute('data-claveguia-step') ?? null,
    title: root?.querySelector('.cg-title')?.textContent?.trim() ?? '',
    alerts: [...(root?.querySelectorAll('[data-alert]') ?? [])].map((a) => a.textContent ?? '').join(' | '),
  };
}

interface Case {
  state: string;
  step: string;
  says: string[];
  never: string[];
}

const CASES: Case[] = [
  {
    state: 'recover/error-not-registered',
    step: 'error',
    says: ['alertNotRegisteredTitle', 'alertNotRegisteredDigits'],
    never: ['alertNoEmailTitle', 'alertNoEmailNoWait', 'stepNoEmailTitle'],
  },
  {
    state: 'unlock/identity-blocked',
    step: 'identity',
    says: ['alertBlockedUnlockTitle', 'alertBlockedOnline'],
    never: ['alertBlockedNoFingerprintTitle', 'stepBlockedInPersonTitle'],
  },
  {
    state: 'recover/code-paused',
    step: 'code',
    says: ['alertCodePausedTitle', 'alertCodePausedWait'],
    never: ['alertBlockedTitle', 'stepBlockedTitle'],
  },
];

let server: Awaited<ReturnType<typeof startStatesServer>>;
beforeAll(async () => {
  server = await startStatesServer();
});
afterAll(async () => {
  await server?.close();
});

const served = (id: string): ServedState => {
  const state = server.states.find((s) => s.id === id);
  if (!state) throw new Error(`no state ${id}`);
  return state;
};

async function check(read: () => Promise<ReturnType<typeof overlayWords>>, c: Case): Promise<void> {
  await expect.poll(async () => (await read()).step, { message: c.state, timeout: 10_000 }).toBe(c.step);
  // What it says can come in more than one render (an alert after the title): wait until all of it is there.
  const words = async () => {
    const seen = await read();
    return `${seen.title} | ${seen.alerts}`;
  };
  const missing = async () => {
    const now = await words();
    return c.says.filter((key) => !now.includes(say(key)));
  };
  await expect.poll(missing, { message: c.state, timeout: 10_000 }).toEqual([]);
  const all = await words();
  for (const key of c.says) expect(all, `${c.state} says ${key}`).toContain(say(key));
  for (const key of c.never) expect(all, `${c.state} never says ${key}`).not.toContain(say(key));
}

describe('Chromium: the three misreadings (issue 18)', () => {
  let session: ChromiumSession;
  beforeAll(async () => {
    session = await launchChromium(requireBuild(OPEN_ROOT.chrome), { locale: 'es', viewport: { width: 1600, height: 900 } });
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(CASES)('$state', async (c) => {
    const page = await session.context.newPage();
    await page.goto(served(c.state).servedUrl);
    await check(() => page.evaluate(overlayWords), c);
    await page.close();
  });
});

describe('Firefox: the three misreadings (issue 18)', () => {
  let session: FirefoxSession;
  beforeAll(async () => {
    session = await launchFirefox(requireBuild(OPEN_ROOT.firefox), { locale: 'es' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(CASES)('$state', async (c) => {
    const page = await session.browser.newPage();
    await page.setViewport({ width: 1600, height: 900 });
    await page.goto(served(c.state).servedUrl);
    await check(() => page.evaluate(overlayWords), c);
    await page.close();
  });
});
