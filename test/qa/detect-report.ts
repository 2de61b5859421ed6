/**
 * Accuracy report over the labelled pages: a confusion matrix (expected step × detected step) plus flow and
 * alert accuracy, for the corpus and (when it exists) the practice portal's states.
 *   npm run detect:report [-- --verbose]
 */
import { classify } from '../../src/detect/classify';
import { STEP_IDS, type Detection } from '../../src/detect/vocabulary';
import { corpusPages, portalPages, type LabelledPage } from './labelled';
import { canonicalUrl, closeParser, parseHtml } from './load';

const verbose = process.argv.includes('--verbose');

function pad(s: string | number, n: number): string {
  return String(s).padStart(n);
}

function report(name: string, pages: LabelledPage[]): number {
  const matrix = new Map<string, number>();
  let stepOk = 0;
  let flowOk = 0;
  let alertOk = 0;
  let allOk = 0;
  const misses: string[] = [];
  for (const page of pages) {
    const doc = parseHtml(page.html);
    const d: Detection = classify(doc, page.url ?? canonicalUrl(doc));
    const key = `${page.expected.step}|${d.step}`;
    matrix.set(key, (matrix.get(key) ?? 0) + 1);
    const s = d.step === page.expected.step;
    const f = d.flow === page.expected.flow;
    const a = d.alerts.join(',') === page.expected.alerts.join(',');
    stepOk += Number(s);
    flowOk += Number(f);
    alertOk += Number(a);
    allOk += Number(s && f && a);
    if (!(s && f && a) || verbose) {
      misses.push(
        `${s && f && a ? '  ok ' : 'MISS '}${page.id}: expected ${page.expected.step}/${page.expected.flow}/[${page.expected.alerts}] got ${d.step}/${d.flow}/[${d.alerts}] c=${d.confidence}` +
          (d.candidates ? ` candidates=${d.candidates.map((c) => `${c.step}:${c.score}`).join(',')}` : '') +
          (verbose || !(s && f && a) ? `\n      ${d.signals.join('\n      ')}` : ''),
      );
    }
  }
  const n = pages.length;
  const used = STEP_IDS.filter((st) => [...matrix.keys()].some((k) => k.split('|').includes(st)));
  const w = Math.max(...used.map((u) => u.length)) + 1;
  const out: string[] = [`\n== ${name}: ${n} pages ==`, 'confusion matrix (rows: expected step, columns: detected step)'];
  out.push(`${''.padEnd(w)}${used.map((u) => pad(u.slice(0, 6), 7)).join('')}`);
  for (const row of used) {
    out.push(`${row.padEnd(w)}${used.map((col) => pad(matrix.get(`${row}|${col}`) ?? '.', 7)).join('')}`);
  }
  const pct = (k: number): string => `${k}/${n} (${n ? ((100 * k) / n).toFixed(1) : '0'} %)`;
  out.push(`step accuracy   ${pct(stepOk)}`, `flow accuracy   ${pct(flowOk)}`, `alert accuracy  ${pct(alertOk)} (exact set)`, `all three       ${pct(allOk)}`);
  if (misses.length) out.push('', ...misses);
  process.stdout.write(`${out.join('\n')}\n`);
  return n - allOk;
}

async function main(): Promise<void> {
  let wrong = report('corpus (test/corpus)', corpusPages());
  const portal = await portalPages();
  if (portal) wrong += report('practice portal (test/portal/states.ts)', portal);
  else process.stdout.write('\n(practice portal states not found: test/portal/states.ts)\n');
  await closeParser();
  process.exitCode = wrong > 0 ? 1 : 0;
}

void main();
