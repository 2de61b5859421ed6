import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageWatcher } from '../../../src/content/page-watcher';
import { passRunner, runSliced, type SliceClock } from '../../../src/content/sliced-pass';
import { classify, classifySteps } from '../../../src/detect/classify';
import { extractFeatures, featureSteps } from '../../../src/detect/features';
import { drain, STEP_NODES, type Steps } from '../../../src/detect/steps';
import type { Detection } from '../../../src/detect/vocabulary';
import { canonicalUrl, parseHtml } from '../../qa/load';

/**
 * A fake clock: every reading moves it on by 1 ms, so a slice of `sliceMs` reads it `sliceMs` times and gives
 * the pass at most `sliceMs - 1` steps. `later` queues the next slice; the test runs the queue.
 */
function fakeClock(): SliceClock & { queue: Array<() => void>; flush(): number } {
  let t = 0;
  const queue: Array<() => void> = [];
  return {
    queue,
    now: () => ++t,
    later: (slice) => {
      queue.push(slice);
      return () => {
        const i = queue.indexOf(slice);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    /** Runs queued slices until none is left; returns how many ran. */
    flush() {
      let n = 0;
      for (let next = queue.shift(); next; next = queue.shift()) {
        next();
        n++;
      }
      return n;
    },
  };
}

/**
 * Wraps a pass to count the nodes it reports at each pause, per slice (a new slice starts at each `later`).
 * No pause comes after more than STEP_NODES nodes: the count is one for all the pass's walks.
 */
function counted<T>(steps: Steps<T>, slices: number[]): Steps<T> {
  return (function* () {
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      expect(r.value).toBeLessThanOrEqual(STEP_NODES);
      slices[slices.length - 1] = (slices.at(-1) ?? 0) + r.value;
      yield r.value;
    }
  })();
}

function sliced<T>(steps: Steps<T>, sliceMs: number): { answer: T | undefined; slices: number[] } {
  const clock = fakeClock();
  const slices: number[] = [0];
  let answer: T | undefined;
  const later = clock.later;
  clock.later = (slice) => later(() => (slices.push(0), slice()));
  runSliced(counted(steps, slices), (a) => (answer = a), clock, sliceMs);
  clock.flush();
  return { answer, slices };
}

function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? corpusFiles(path) : name.endsWith('.html') ? [path] : [];
    });
}

/** About `n` elements of filler (a table), then a recovery form: bigger than the walk's element budget. */
function bigPage(n: number): string {
  const rows: string[] = [];
  for (let i = 0; i < n / 4; i++) rows.push(`<tr><td>Dato ${i}</td><td><a href="#r${i}">Detalle</a></td></tr>`);
  return (
    `<html><head><title>IESS</title></head><body><table>${rows.join('')}</table>` +
    '<form action="/iess-gestion-desbloqueo-publico-web/public/generarClave.jsf"><h2>Generar / Recuperar clave</h2>' +
    '<label for="c">Cédula</label><input id="c" maxlength="10"><div class="g-recaptcha"></div><button>Buscar</button></form></body></html>'
  );
}
const REC = 'https://app.iess.gob.ec/iess-gestion-desbloqueo-publico-web/public/generarClave.jsf';

describe('the detector a slice at a time', () => {
  it('answers exactly as the walk in one go, on every corpus page, each slice within its node budget', () => {
    const files = corpusFiles(resolve(import.meta.dirname, '../../corpus'));
    expect(files.length).toBeGreaterThan(250);
    let multiSlice = 0;
    for (const file of files) {
      const doc = parseHtml(readFileSync(file, 'utf8'));
      const url = canonicalUrl(doc);
      const { answer, slices } = sliced(classifySteps(doc, url), 1);
      expect(answer, file).toEqual(classify(doc, url));
      // A slice of 1 ms on the fake clock ends at the pass's first pause: STEP_NODES nodes (the last slice: the
      // pass's last, fewer, nodes).
      for (const nodes of slices) expect(nodes, file).toBeLessThanOrEqual(STEP_NODES);
      if (slices.length > 1) multiSlice++;
    }
    expect(multiSlice).toBeGreaterThan(100);
  }, 180_000);

  it('a page over the element budget (priority roots first) is read in many slices to the same features and step', () => {
    const doc = parseHtml(bigPage(12_000));
    const { answer, slices } = sliced(featureSteps(doc, '/iess-gestion-desbloqueo-publico-web/public/generarClave.jsf'), 5);
    expect(answer).toEqual(extractFeatures(doc, '/iess-gestion-desbloqueo-publico-web/public/generarClave.jsf'));
    expect(answer?.truncated).toBe(true);
    // The skim of 12,000 elements for the priority roots and the 10,000-element walk: hundreds of pauses.
    expect(slices.length).toBeGreaterThan(60);
    for (const nodes of slices) expect(nodes).toBeLessThanOrEqual(5 * STEP_NODES);
    const d = sliced(classifySteps(doc, REC), 5).answer;
    expect(d?.step).toBe('identity');
    expect(d).toEqual(classify(doc, REC));
  }, 120_000);

  it('answers in the first slice when the page is small, and never after a cancel', () => {
    const clock = fakeClock();
    const done = vi.fn();
    const steps = function* (): Steps<string> {
      for (let i = 0; i < 10; i++) yield 1;
      return 'whole page';
    };
    expect(runSliced(steps(), done, clock, 1000)).toBeNull();
    expect(done).toHaveBeenCalledWith('whole page');

    const late = vi.fn();
    const cancel = runSliced(steps(), late, clock, 2);
    expect(cancel).not.toBeNull();
    expect(clock.queue).toHaveLength(1);
    cancel?.();
    expect(clock.flush()).toBe(0);
    expect(late).not.toHaveBeenCalled();
  });

  it('a pass that throws ends without an answer', () => {
    const clock = fakeClock();
    const done = vi.fn();
    const steps = function* (): Steps<string> {
      yield 1;
      yield 1;
      throw new Error('hostile page');
    };
    runSliced(steps(), done, clock, 2);
    clock.flush();
    expect(done).not.toHaveBeenCalled();
    expect(drain((function* (): Steps<number> { yield 1; return 7; })())).toBe(7);
  });
});

describe('a page changing under a sliced pass', () => {
  afterEach(() => {
    vi.useRealTimers();
    document.body.replaceChildren();
  });

  /** The stand-in detector reads the page when its pass starts, then walks three slices: a stale answer if the page changes meanwhile. */
  function readsAtStart(doc: Document): Steps<Detection> {
    const el = [...doc.querySelectorAll('[data-step]')].find((e) => !e.hasAttribute('hidden'));
    const step = (el?.getAttribute('data-step') ?? 'none') as Detection['step'];
    return (function* () {
      yield 1;
      yield 1;
      yield 1;
      return { step, flow: 'recover', alerts: [], confidence: 1, signals: [] } satisfies Detection;
    })();
  }

  it('drops the walk in flight when the page changes, reports only the fresh answer', async () => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    const a = document.body.appendChild(document.createElement('div'));
    a.setAttribute('data-step', 'identity');
    const b = document.body.appendChild(document.createElement('div'));
    b.setAttribute('data-step', 'verification');
    b.hidden = true;
    const clock = fakeClock();
    const onChange = vi.fn<(d: Detection) => void>();
    const watcher = new PageWatcher({
      doc: document,
      getUrl: () => REC,
      classify: () => {
        throw new Error('the sliced detector is used while passes are not superseded');
      },
      classifySliced: (doc, _url, done) => runSliced(readsAtStart(doc), done, clock, 2),
      onChange,
    });
    watcher.start();
    // The first pass read "identity" and is still walking; the page moves to the next step.
    expect(clock.queue).toHaveLength(1);
    a.hidden = true;
    b.hidden = false;
    await vi.advanceTimersByTimeAsync(0);
    // The walk in flight was dropped: its stale "identity" is never reported.
    expect(clock.flush()).toBe(0);
    expect(onChange).not.toHaveBeenCalled();
    // The planned pass walks the page as it is now.
    await vi.advanceTimersByTimeAsync(300);
    clock.flush();
    expect(onChange.mock.calls.map((c) => c[0].step)).toEqual(['verification']);
    watcher.destroy();
  });

  it('after three passes dropped in a row, the next runs in one go so a busy page still gets an answer', () => {
    const whole = vi.fn((): Detection => ({ step: 'identity', flow: 'recover', alerts: [], confidence: 1, signals: [] }));
    const clock = fakeClock();
    const runner = passRunner(whole, (doc, _url, done) => runSliced(readsAtStart(doc), done, clock, 2));
    const report = vi.fn();
    const noRoots = () => undefined;
    for (let i = 0; i < 3; i++) {
      runner.run(document, REC, report, noRoots);
      runner.supersede();
    }
    expect(clock.queue).toHaveLength(0);
    expect(whole).not.toHaveBeenCalled();
    runner.run(document, REC, report, noRoots);
    expect(whole).toHaveBeenCalledTimes(1);
    expect(report).toHaveBeenCalledTimes(1);
    // Back to slices once a pass has answered.
    runner.run(document, REC, report, noRoots);
    expect(clock.queue).toHaveLength(1);
    runner.cancel();
  });
});
