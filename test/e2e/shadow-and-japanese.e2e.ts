/**
 * Issue 20 in real browsers: a recovery form inside an open shadow root (declarative, and attached by the page's
 * own script) and a page translated into Japanese get the right guide (step, flow, the panel shown) in Chromium
 * and Firefox, with the open-root builds. Pages come from test/corpus/round4, served at their labelled address
 * (hosts mapped to loopback); the script-attached page is written here, since a saved page cannot run a script.
 * The component then re-renders its shadow tree into the next step, as an AJAX swap would: the guide follows
 * (the page watcher observes the open roots the detector walked into; a document observer sees nothing there).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumSession } from './harness/chromium';
import { OPEN_ROOT, requireBuild } from './harness/extensions';
import { launchFirefox, type FirefoxSession } from './harness/firefox';
import { urlOn } from './harness/hosts';
import { snapshotOverlay } from './harness/overlay-probe';

const ROUND4 = resolve(import.meta.dirname, '../corpus/round4');
const LABELS = JSON.parse(readFileSync(resolve(ROUND4, 'labels.json'), 'utf8')) as Record<string, { step: string; flow: string; url: string }>;

/** The page attaches the root itself (attachShadow), while it is parsed, as a web component would. */
const ATTACHED = `<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>IESS - Generar / Recuperar clave</title></head>
<body><header><img src="/logo.png" alt="IESS"></header><iess-recuperar-clave id="app"></iess-recuperar-clave>
<script>
const root = document.getElementById('app').attachShadow({ mode: 'open' });
const h = document.createElement('h1'); h.textContent = 'Generar / Recuperar clave';
const form = document.createElement('form'); form.action = '/iess-gestion-desbloqueo-publico-web/public/index.jsf'; form.method = 'post';
const label = document.createElement('label'); label.htmlFor = 'c'; label.textContent = 'Cédula o código';
const input = document.createElement('input'); input.id = 'c'; input.name = 'txtCedula'; input.maxLength = 10;
const captcha = document.createElement('div'); captcha.className = 'g-recaptcha';
const button = document.createElement('button'); button.type = 'submit'; button.textContent = 'Buscar';
form.append(label, input, captcha, button);
root.append(h, form);
</script></body></html>`;

/** The person types a cédula whose check digit is wrong into the component's field, then leaves it. */
const TYPE_BAD_CEDULA = () => {
  const input = document.getElementById('app')!.shadowRoot!.getElementById('c') as HTMLInputElement;
  input.focus();
  input.value = '1712345601';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.blur();
};

/** The warnings our note beside the cédula shows (open-root build), or null while there is none. */
const cedulaNote = () => {
  const note = document.querySelector('[data-claveguia-host]')?.shadowRoot?.querySelector('[data-cg-note="id-number"]');
  return note ? [...note.querySelectorAll('[data-cg-warning]')].map((w) => w.getAttribute('data-cg-warning')) : null;
};

/** The component's next render, in its own shadow tree: the new key and its confirmation (run in the page). */
const RENDER_NEW_KEY = () => {
  const root = document.getElementById('app')!.shadowRoot!;
  const h = document.createElement('h1');
  h.textContent = 'Generar nueva clave';
  const form = document.createElement('form');
  form.action = '/iess-gestion-desbloqueo-publico-web/public/nuevaClave.jsf';
  for (const [id, words] of [['n1', 'Ingrese su nueva clave'], ['n2', 'Confirme su nueva clave']]) {
    const label = document.createElement('label');
    label.htmlFor = id!;
    label.textContent = words!;
    const input = document.createElement('input');
    input.id = id!;
    input.type = 'password';
    form.append(label, input);
  }
  const button = document.createElement('button');
  button.textContent = 'Guardar';
  form.append(button);
  root.replaceChildren(h, form);
};

interface Case {
  name: string;
  path: string;
  host: string;
  html: string;
  step: string;
  flow: string;
}

function corpusCase(file: string): Case {
  const label = LABELS[file];
  if (!label) throw new Error(`no label for ${file}`);
  const url = new URL(label.url);
  return { name: file, host: url.hostname, path: url.pathname, html: readFileSync(resolve(ROUND4, file), 'utf8'), step: label.step, flow: label.flow };
}

const CASES: Case[] = [
  corpusCase('shadow-dsd-identity.html'),
  corpusCase('tr-ja-identity.html'),
  corpusCase('shadow-dsd-ja-identity.html'),
  { name: 'attached by script', host: 'app.iess.gob.ec', path: '/iess-gestion-desbloqueo-publico-web/public/index.jsf', html: ATTACHED, step: 'identity', flow: 'recover' },
];

async function startServer(): Promise<{ url(c: Case): string; close(): Promise<void> }> {
  const byKey = new Map(CASES.map((c, i) => [String(i), c]));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const c = byKey.get(url.searchParams.get('case') ?? '');
    if (!c) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(c.html);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (c) => urlOn(c.host, port, `${c.path}?case=${CASES.indexOf(c)}`),
    close: () => new Promise((done) => server.close(() => done())),
  };
}

interface Opened {
  snapshot(): Promise<ReturnType<typeof snapshotOverlay>>;
  /** Runs `fn` in the page (its DOM, as its own script would) and returns what it returns. */
  run<T>(fn: () => T): Promise<T>;
  close(): Promise<void>;
}

describe.each([
  [
    'chromium',
    async () => {
      const session: ChromiumSession = await launchChromium(requireBuild(OPEN_ROOT.chrome));
      return {
        async open(url: string): Promise<Opened> {
          const page = await session.context.newPage();
          await page.goto(url);
          return { snapshot: () => page.evaluate(snapshotOverlay), run: (fn) => page.evaluate(fn) as Promise<never>, close: () => page.close() };
        },
        close: () => session.close(),
      };
    },
  ],
  [
    'firefox',
    async () => {
      const session: FirefoxSession = await launchFirefox(requireBuild(OPEN_ROOT.firefox));
      return {
        async open(url: string): Promise<Opened> {
          const page = await session.browser.newPage();
          await page.goto(url, { waitUntil: 'load' });
          return { snapshot: () => page.evaluate(snapshotOverlay), run: (fn) => page.evaluate(fn) as Promise<never>, close: () => page.close() };
        },
        close: () => session.close(),
      };
    },
  ],
] as const)('%s: shadow roots and a Japanese translation', (_name, launch) => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const tab = await browser.open(server.url(c));
    try {
      await expect.poll(() => tab.snapshot(), { timeout: 10_000 }).toMatchObject({ step: c.step, flow: c.flow, shown: true });
    } finally {
      await tab.close();
    }
  });

  it('warns beside a field inside the component, and follows it when it renders the next step there', async () => {
    const tab = await browser.open(server.url(CASES.find((c) => c.name === 'attached by script')!));
    try {
      await expect.poll(() => tab.snapshot(), { timeout: 10_000 }).toMatchObject({ step: 'identity', shown: true });
      // The field inside the component is read and warned about like any other.
      await tab.run(TYPE_BAD_CEDULA);
      await expect.poll(() => tab.run(cedulaNote), { timeout: 10_000 }).toEqual(['cedula-check-digit']);
      await tab.run(RENDER_NEW_KEY);
      await expect.poll(() => tab.snapshot(), { timeout: 10_000 }).toMatchObject({ step: 'new-key', flow: 'recover', shown: true });
    } finally {
      await tab.close();
    }
  });
});
