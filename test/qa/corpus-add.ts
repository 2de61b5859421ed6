/**
 * Maintainer command: file an anonymous copy as a regression case.
 *   npm run corpus:add FILE.html -- --step STEP --flow FLOW [--alerts a,b] [--name NAME.html] [--why TEXT]
 * Refuses a file that is not an anonymous copy or still holds digit runs, addresses or values (copy-check.ts);
 * copies it to test/corpus/copies/ with its label in that folder's labels.json (read by the corpus tests), and
 * prints the detector's answer on it. Exits 3 when that answer differs from the label: the case is filed, and
 * the corpus test fails until the rules read it right (that is the point of adding it).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { classify } from '../../src/detect/classify';
import { ALERT_IDS, isAlertId, isFlowId, isStepId, STEP_IDS, FLOW_IDS, type AlertId } from '../../src/detect/vocabulary';
import { copyProblems } from './copy-check';
import { COPIES_DIR } from './labelled';
import { canonicalUrl, closeParser, parseHtml } from './load';
import { runMain } from './run-main';

const USAGE = `usage: npm run corpus:add FILE.html -- --step STEP --flow FLOW [--alerts a,b] [--name NAME.html] [--why TEXT]
  steps: ${STEP_IDS.join(' ')}
  flows: ${FLOW_IDS.join(' ')}
  alerts: ${ALERT_IDS.join(' ')}\n`;

function option(argv: string[], name: string): string | null {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1] ?? null;
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : null;
}

async function main(argv: string[]): Promise<number> {
  const valued = new Set(['--step', '--flow', '--alerts', '--name', '--why']);
  const file = argv.find((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1] ?? ''));
  const step = option(argv, 'step');
  const flow = option(argv, 'flow');
  const alerts = (option(argv, 'alerts') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  if (!file || !isStepId(step) || !isFlowId(flow) || !alerts.every(isAlertId)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const html = readFileSync(file, 'utf8');
  const problems = copyProblems(html);
  if (problems.length > 0) {
    process.stderr.write(`${file} is not filed: it holds ${problems.join('; ')}.\nMake the copy again (npm run anonymize, or the extension's "Guardar copia anónima").\n`);
    return 1;
  }
  const name = option(argv, 'name') ?? basename(file);
  if (!/^[a-z0-9][a-z0-9._-]*\.html$/i.test(name)) {
    process.stderr.write(`${name}: a corpus file name is letters, digits, dots and dashes, ending in .html (use --name)\n`);
    return 2;
  }
  mkdirSync(COPIES_DIR, { recursive: true });
  const target = join(COPIES_DIR, name);
  const labelsFile = join(COPIES_DIR, 'labels.json');
  const labels = existsSync(labelsFile) ? (JSON.parse(readFileSync(labelsFile, 'utf8')) as Record<string, unknown>) : {};
  if (existsSync(target) || Object.hasOwn(labels, name)) {
    process.stderr.write(`${target} exists already: choose another --name\n`);
    return 1;
  }
  const sorted = [...new Set(alerts)].sort() as AlertId[];
  writeFileSync(target, html);
  labels[name] = { step, flow, alerts: sorted, why: option(argv, 'why') ?? 'anonymous copy of a real page, filed with npm run corpus:add' };
  writeFileSync(labelsFile, `${JSON.stringify(labels, null, 2)}\n`);

  const doc = parseHtml(html);
  const d = classify(doc, canonicalUrl(doc));
  await closeParser();
  const answer = { step: d.step, flow: d.flow, alerts: d.alerts };
  process.stdout.write(`${JSON.stringify({ file: target, label: { step, flow, alerts: sorted }, detected: { ...answer, confidence: d.confidence, candidates: d.candidates, signals: d.signals } })}\n`);
  if (JSON.stringify(answer) !== JSON.stringify({ step, flow, alerts: sorted })) {
    process.stderr.write(`The detector reads ${target} differently from its label: the corpus test (test/unit/detect/corpus.test.ts) fails on it until the rules are fixed.\n`);
    return 3;
  }
  return 0;
}

runMain(main);
