/**
 * QA command: classify saved pages.
 *   npm run --silent detect -- [--url URL] FILE.html [[--url URL] FILE.html ...]
 * Each --url applies to the files after it; otherwise the page's <link rel=canonical> (or the IESS app root).
 * Prints one JSON object per file, one per line, in order.
 */
import { readFileSync } from 'node:fs';
import { classify } from '../../src/detect/classify';
import { canonicalUrl, closeParser, parseHtml } from './load';

async function main(argv: string[]): Promise<number> {
  let url: string | null = null;
  let status = 0;
  const jobs: Array<{ file: string; url: string | null }> = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--url') {
      url = argv[++i] ?? null;
      if (!url) {
        process.stderr.write('--url needs a value\n');
        return 2;
      }
    } else if (arg.startsWith('--url=')) url = arg.slice(6);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run --silent detect -- [--url URL] FILE.html [[--url URL] FILE.html ...]\n');
      return 0;
    } else jobs.push({ file: arg, url });
  }
  if (jobs.length === 0) {
    process.stderr.write('usage: npm run --silent detect -- [--url URL] FILE.html ...\n');
    return 2;
  }
  for (const job of jobs) {
    let html: string;
    try {
      html = readFileSync(job.file, 'utf8');
    } catch (err) {
      process.stderr.write(`${job.file}: ${(err as Error).message}\n`);
      status = 1;
      continue;
    }
    const doc = parseHtml(html);
    const d = classify(doc, job.url ?? canonicalUrl(doc));
    process.stdout.write(
      `${JSON.stringify({ file: job.file, step: d.step, flow: d.flow, alerts: d.alerts, confidence: d.confidence, candidates: d.candidates, signals: d.signals })}\n`,
    );
  }
  await closeParser();
  return status;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(1);
  },
);
