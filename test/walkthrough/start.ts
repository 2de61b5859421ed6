/**
 * `npm start [-- --firefox] [-- --walk] [-- --only ID,ID] [-- --out DIR] [-- --port N] [-- --viewport 1600x900]`
 *
 * Builds the extension (the shipped build), starts the practice portal and:
 * - with a display and without --walk: opens the browser HEADED with ClaveGuía loaded on the affiliate
 *   login page plus a tab with the practice inbox, prints the personas to try, and waits (Ctrl-C to stop);
 * - otherwise: runs every scripted walk headlessly and writes one screenshot per stop
 *   (test-results/walkthrough/<browser>/NN-<walk>-<stop>.png), exiting non-zero if a stop showed the wrong step.
 *   Without a display (and without --walk) it first says so, and how to get a window.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { build } from 'vite';
import { launchChromium } from '../e2e/harness/chromium';
import { launchFirefox } from '../e2e/harness/firefox';
import { ManualClock } from '../portal/clock';
import { ensureBrowsersOrExit } from '../tools/ensure-browsers';
import { EMPLOYER_LOGIN } from '../portal/pages/employer';
import { RECOVER_ENTRY } from '../portal/pages/recover';
import { UNLOCK_PAGE } from '../portal/pages/unlock';
import { AFILIADO_LOGIN, CHANGE_KEY_PAGE } from '../portal/pages/www';
import { EMPLOYERS, INVALID_CEDULA, PERSONAS, UNREGISTERED_CEDULA } from '../portal/personas';
import { createPortalServer, type PortalServer } from '../portal/server';
import { openBrowser, type WalkBrowser } from './browsers';
import { failed, runWalk, type StopResult } from './runner';
import { WALKS, walkContext } from './walks';

const ROOT = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

const browserName: WalkBrowser = flag('firefox') ? 'firefox' : 'chromium';
const mode = browserName === 'firefox' ? 'firefox' : 'chrome';
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const walkMode = flag('walk') || args.includes('--only') || !hasDisplay;

/** Said before anything else when the person asked for a window and there is no screen to open one on. */
const NO_DISPLAY_NOTE = `No se encontró una pantalla (DISPLAY y WAYLAND_DISPLAY están vacíos), así que no se puede abrir el
navegador con ventana. En su lugar se recorren todos los pasos sin ventana y se guardan capturas.
Para practicar con una ventana:
  - ejecute \`npm start\` desde una sesión de escritorio (la terminal de su escritorio, o \`ssh -X\`), o
  - en un servidor sin monitor, cree una pantalla virtual: \`xvfb-run -a npm start\` (paquete xvfb).
`;
/** `--viewport 1600x900` for the headless walk; the default is a 1280×720 laptop screen. */
const viewport = /^(\d{3,4})x(\d{3,4})$/.exec(option('viewport') ?? '');
const walkViewport = viewport ? { width: Number(viewport[1]), height: Number(viewport[2]) } : undefined;
/** `--only recover-link,unlock`: just these walks (npm run test:quick walks one, as a smoke test). */
const only = option('only')?.split(',');
const unknownWalk = only?.find((id) => !WALKS.some((w) => w.id === id));
if (unknownWalk) {
  console.error(`No hay un recorrido «${unknownWalk}». Recorridos: ${WALKS.map((w) => w.id).join(', ')}`);
  process.exit(2);
}
const walks = only ? WALKS.filter((w) => only.includes(w.id)) : WALKS;

/** Everything to undo on exit, newest first; each runs once. */
const cleanups: Array<() => Promise<void>> = [];
let stopping: Promise<void> | undefined;

function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => console.error(`  (al cerrar: ${String(error)})`));
  })();
  return stopping;
}

function exitAfterCleanup(code: number): void {
  void stopAll().then(() => process.exit(code));
}

let interrupted = false;
// `on`, not `once`: while our listener stays registered, Playwright's own SIGINT handler does not call
// process.exit() before the portal is stopped. A second Ctrl-C changes nothing; cleanup is already running.
const onSignal = (code: number) => () => {
  if (interrupted) return;
  interrupted = true;
  console.log('\nDeteniendo: navegador y portal de práctica…');
  exitAfterCleanup(walkMode ? code : 0);
};
const ourHandlers = { SIGINT: onSignal(130), SIGTERM: onSignal(143) } as const;
process.on('SIGINT', ourHandlers.SIGINT);
process.on('SIGTERM', ourHandlers.SIGTERM);

/**
 * Playwright and Puppeteer install their own signal handlers when they launch a browser; theirs kill it and
 * call process.exit() at once, racing our cleanup (the profile folder was left behind). After a launch,
 * only our handlers stay: they close the browser gracefully, then the portal, then exit.
 */
function keepOnlyOurSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    for (const listener of process.listeners(signal)) if (listener !== ourHandlers[signal]) process.off(signal, listener);
}

async function buildExtension(): Promise<string> {
  console.log(`Construyendo ClaveGuía (${mode})…`);
  // The shipped build: make sure no E2E variant switch leaks in from the environment.
  delete process.env.CLAVEGUIA_OPEN_SHADOW;
  delete process.env.CLAVEGUIA_OUT_SUFFIX;
  await build({ root: ROOT, configFile: resolve(ROOT, 'vite.config.ts'), mode, logLevel: 'warn' });
  return resolve(ROOT, 'dist', mode);
}

async function startPortal(options: Parameters<typeof createPortalServer>[0]): Promise<PortalServer> {
  const portal = createPortalServer(options);
  await portal.start();
  cleanups.push(() => portal.stop());
  return portal;
}

function personaTable(): string {
  const rows = [
    ...PERSONAS.map((p) => [p.id, p.cedula, p.summary]),
    ['—', INVALID_CEDULA, 'Dígito verificador incorrecto.'],
    ['—', UNREGISTERED_CEDULA, 'Cédula válida no registrada en el IESS.'],
    ...EMPLOYERS.map((e) => [e.id, `RUC ${e.ruc}`, `${e.summary} Representante ${e.representativeCedula}.`]),
  ];
  return rows.map(([id, doc, what]) => `  ${(id ?? '').padEnd(14)}${(doc ?? '').padEnd(19)}${what ?? ''}`).join('\n');
}

/** Headed practice session: the browser stays open until Ctrl-C or until the person closes it. */
async function practice(extensionDir: string): Promise<void> {
  const portal = await startPortal({ deliveryDelayMs: Number(option('delay') ?? 3000), port: Number(option('port') ?? 0) });
  const { urls } = portal;
  const login = `${urls.www}${AFILIADO_LOGIN}`;
  const inbox = `${urls.sim}/correo/`;
  console.log(`Abriendo ${browserName} con ClaveGuía…`);
  let closed: Promise<void>;
  if (browserName === 'chromium') {
    const session = await launchChromium(extensionDir, { headed: true, viewport: null });
    cleanups.push(() => session.close());
    keepOnlyOurSignalHandlers();
    const first = session.context.pages()[0] ?? (await session.context.newPage());
    await first.goto(login);
    await (await session.context.newPage()).goto(inbox);
    await first.bringToFront();
    closed = new Promise((done) => session.context.once('close', () => done()));
  } else {
    const session = await launchFirefox(extensionDir, { headed: true });
    cleanups.push(() => session.close());
    keepOnlyOurSignalHandlers();
    const first = (await session.browser.pages())[0] ?? (await session.browser.newPage());
    await first.goto(login);
    await (await session.browser.newPage()).goto(inbox);
    await first.bringToFront();
    closed = new Promise((done) => session.browser.once('disconnected', () => done()));
  }
  console.log(`
Portal de práctica (SIMULACIÓN) — los correos llegan al buzón de práctica tras unos segundos.
Cada página del portal termina con una «Tarjeta de práctica» plegada: a quién probar y sus respuestas.
  Afiliados: ingreso         ${login}
  Generar / Recuperar clave  ${urls.app}${RECOVER_ENTRY}
  Desbloqueo de clave        ${urls.app}${UNLOCK_PAGE}
  Cambio de clave            ${urls.www}${CHANGE_KEY_PAGE}
  Empleadores: ingreso       ${urls.www}${EMPLOYER_LOGIN}
  Buzón de práctica          ${inbox}  (?buzon=<id>)

Personas (respuestas completas en test/portal/README.md):
${personaTable()}

${
    browserName === 'chromium'
      ? `El navegador lleva app.iess.gob.ec y www.iess.gob.ec a este equipo (--host-resolver-rules). Chromium la cuenta
entre las «marcas de línea de comandos no admitidas»; su barra de aviso queda desactivada (--test-type).
`
      : ''
  }Ctrl-C (o cerrar el navegador) para terminar.`);
  await closed;
  console.log('Navegador cerrado.');
  await stopAll();
}

/** Headless: every walk, one screenshot per stop; returns the number of stops that failed. */
async function walkAll(extensionDir: string): Promise<number> {
  const clock = new ManualClock();
  const portal = await startPortal({ clock, deliveryDelayMs: 0, port: Number(option('port') ?? 0) });
  const out = resolve(ROOT, option('out') ?? `test-results/walkthrough/${browserName}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  console.log(`Recorridos en ${browserName} (sin ventana); capturas en ${relative(process.cwd(), out) || '.'}/`);

  const browser = await openBrowser(browserName, extensionDir, walkViewport ? { viewport: walkViewport } : {});
  cleanups.push(() => browser.close());
  keepOnlyOurSignalHandlers();
  const total = walks.reduce((n, w) => n + w.stops.length, 0);
  const width = Math.max(2, String(total).length);
  let count = 0;
  let failures = 0;

  const report = async (r: StopResult, shoot: (path: string) => Promise<void>) => {
    count += 1;
    const file = `${String(count).padStart(width, '0')}-${r.walk.id}-${r.stop.name}.png`;
    await shoot(resolve(out, file));
    const seen = r.stop.expect.offSite ? 'sin ClaveGuía (no es el IESS)' : `${r.observed.step}/${r.observed.flow}`;
    const alerts = r.observed.alerts.length > 0 ? ` [${r.observed.alerts.join(', ')}]` : '';
    const mark = failed(r) ? '✗' : '✓';
    console.log(`  ${mark} ${String(count).padStart(width)}/${total} ${r.walk.id} › ${r.stop.name}: ${seen}${alerts}  — ${r.stop.does}`);
    if (failed(r)) {
      failures += 1;
      console.log(`      ESPERADO ${r.stop.expect.step}/${r.stop.expect.flow}: ${r.problems.join('; ')}`);
    }
  };

  for (const walk of walks) {
    if (interrupted) break;
    console.log(`\n${walk.kind === 'happy' ? '●' : '○'} ${walk.title}${walk.persona ? ` (${walk.persona})` : ''}`);
    const driver = await browser.newDriver();
    const ctx = walkContext(portal, driver, clock);
    const done = new Set<number>();
    try {
      await runWalk(walk, ctx, {
        onStop: (r) => {
          done.add(r.index);
          return report(r, (path) => driver.screenshot(path));
        },
      });
    } catch (error) {
      if (interrupted) break; // Ctrl-C closed the browser under this walk: not a failure of the walk.
      // A broken action ends this walk; its remaining stops count as failed, the other walks still run.
      const missing = walk.stops.length - done.size;
      failures += missing;
      count += missing;
      console.log(`  ✗ ${(error as Error).message.split('\n')[0]} (${missing} parada(s) sin recorrer)`);
      await driver.screenshot(resolve(out, `${String(count).padStart(width, '0')}-${walk.id}-ERROR.png`)).catch(() => undefined);
    } finally {
      await driver.close().catch(() => undefined);
    }
  }
  if (interrupted) return failures;
  console.log(
    `\n${count} paradas, ${failures} con errores. Capturas: ${relative(process.cwd(), out) || '.'}/`,
  );
  return failures;
}

try {
  // A fresh machine: install the browser from Debian (root or passwordless sudo), else one line and exit 1.
  ensureBrowsersOrExit([browserName]);
  if (!hasDisplay && !flag('walk')) console.log(NO_DISPLAY_NOTE);
  const dir = await buildExtension();
  if (walkMode) {
    const failures = await walkAll(dir);
    await stopAll();
    process.exit(failures === 0 ? 0 : 1);
  } else {
    await practice(dir);
    process.exit(0);
  }
} catch (error) {
  // After Ctrl-C the browser is gone under a running walk: the signal handler reports and exits.
  if (!interrupted) {
    console.error(error);
    await stopAll();
    process.exit(1);
  }
}
