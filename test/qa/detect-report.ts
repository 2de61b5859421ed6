/**
 * Accuracy report over the labelled pages: per corpus, a confusion matrix (expected step × detected step),
 * flow and alert accuracy, how many answers are wrong above the confidence threshold (target 0) and how many
 * pages made the detector ask "¿En qué paso está?".
 *   npm run detect:report [-- --verbose]
 */
import { ASK_BELOW, classify } from '../../src/detect/classify';
import { STEP_IDS, type Detection } from '../../src/detect/vocabulary';
import { corpusSets, portalPages, type LabelledPage } from './labelled';
import { canonicalUrl, closeParser, parseHtml } from './load';
import { emptyTally, judge, tallyLine, type Tally } from './tally';

const verbose = process.argv.includes('--verbose');

function pad(s: string | number, n: number): string {
  return String(s).padStart(n);
}

function report(name: string, pages: LabelledPage[]): Tally {
  const matrix = new Map<string, number>();
  const tally = emptyTally();
  const misses: string[] = [];
  for (const page of pages) {
    const doc = parseHtml(page.html);
    const d: Detection = classify(doc, page.url ?? canonicalUrl(doc));
    const key = `${page.expected.step}|${d.step}`;
    matrix.set(key, (matrix.get(key) ?? 0) + 1);
    const v = judge(d, page.expected, tally);
    const ok = v.step && v.flow && v.alerts;
    if (!ok || verbose) {
      const tag = ok ? '  ok ' : v.asked ? 'ASKED' : v.step ? 'MISS ' : 'WRONG';
      misses.push(
        `${tag} ${page.id}: expected ${page.expected.step}/${page.expected.flow}/[${page.expected.alerts}] got ${d.step}/${d.flow}/[${d.alerts}] c=${d.confidence}` +
          (d.candidates ? ` candidates=${d.candidates.map((c) => `${c.step}:${c.score}`).join(',')}` : '') +
          `\n      ${d.signals.join('\n      ')}`,
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
  out.push(tallyLine(tally));
  if (misses.length) out.push('', ...misses);
  process.stdout.write(`${out.join('\n')}\n`);
  return tally;
}

async function main(): Promise<void> {
  const rows: Array<[string, Tally]> = [];
  for (const set of corpusSets()) if (set.pages.length) rows.push([set.name, report(set.name, set.pages)]);
  const portal = await portalPages();
  if (portal) rows.push(['practice portal (test/portal/states.ts)', report('practice portal (test/portal/states.ts)', portal)]);
  else process.stdout.write('\n(practice portal states not found: test/portal/states.ts)\n');
  await closeParser();
  process.stdout.write(`\n== summary (confidence threshold ASK_BELOW = ${ASK_BELOW}) ==\n`);
  for (const [name, t] of rows) process.stdout.write(`${name}\n    ${tallyLine(t)}\n`);
  // Fails on the hard target only: an answer wrong above the threshold. Misses and asks are listed above;
  // the corpus test pins every label (and the few known differences).
  const wrong = rows.reduce((k, [, t]) => k + t.wrongAnswered, 0);
  process.exitCode = wrong > 0 ? 1 : 0;
}

void main();
