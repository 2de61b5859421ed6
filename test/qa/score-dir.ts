/**
 * Scores one labelled folder (labels.json: file → step, flow, alerts, url) with a given copy of the rules, so
 * that an unseen set can be scored with older rules too (e.g. a worktree of an earlier commit):
 *   npx tsx test/qa/score-dir.ts [--rules /path/to/src/detect/classify.ts] [--verbose] DIR
 * Prints step / flow / alerts / all three, wrong answers above the threshold and asked pages.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Detection } from '../../src/detect/vocabulary';
import { labelledDir } from './labelled';
import { canonicalUrl, closeParser, parseHtml } from './load';
import { emptyTally, judge, tallyLine } from './tally';

async function main(argv: string[]): Promise<void> {
  let rules = resolve('src/detect/classify.ts');
  let dir = '';
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--rules') rules = resolve(argv[++i] ?? '');
    else if (a === '--verbose') verbose = true;
    else dir = a;
  }
  if (!dir) throw new Error('usage: score-dir.ts [--rules classify.ts] [--verbose] DIR');
  // A local module path given by the person running the tool; never page content.
  // eslint-disable-next-line no-unsanitized/method
  const mod = (await import(pathToFileURL(rules).href)) as { classify: (d: Document, u: string) => Detection };
  const tally = emptyTally();
  for (const page of labelledDir(resolve(dir))) {
    const doc = parseHtml(page.html);
    const d = mod.classify(doc, page.url ?? canonicalUrl(doc));
    const v = judge(d, page.expected, tally);
    const ok = v.step && v.flow && v.alerts;
    if (!ok || verbose) {
      const tag = ok ? '  ok ' : v.asked ? 'ASKED' : v.step ? 'MISS ' : 'WRONG';
      process.stdout.write(
        `${tag} ${page.id}: expected ${page.expected.step}/${page.expected.flow}/[${page.expected.alerts}] got ${d.step}/${d.flow}/[${d.alerts}] c=${d.confidence}` +
          `${d.candidates ? ` candidates=${d.candidates.map((c) => c.step).join(',')}` : ''}\n`,
      );
    }
  }
  await closeParser();
  process.stdout.write(`${tallyLine(tally)}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
