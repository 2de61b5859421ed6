/**
 * The labelled page sets shared by the corpus test, the report and the bench. Every set under test/corpus
 * is a REGRESSION corpus: the rules were tuned on it. Only a set scored before any rule change saw it measures
 * generalisation, and only once (test/corpus/round3/README.md records that score).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AlertId, FlowId, StepId } from '../../src/detect/vocabulary';

export interface Expected {
  step: StepId;
  flow: FlowId;
  alerts: AlertId[];
}
export interface LabelledPage {
  id: string;
  /** The page's address; null means its own `<link rel=canonical>`. */
  url: string | null;
  html: string;
  expected: Expected;
}

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = resolve(here, '../corpus');
const PORTAL_STATES = resolve(here, '../portal/states.ts');

/** The corpus folders, in report order, with what each one is. */
export const CORPORA = [
  { dir: '.', name: 'regression: first pages (test/corpus)', min: 70 },
  { dir: 'regression-r1', name: 'regression: ex-held-out round 1, tuned on since (test/corpus/regression-r1)', min: 30 },
  { dir: 'regression-r2', name: 'regression: ex-held-out round 2, tuned on since (test/corpus/regression-r2)', min: 25 },
  { dir: 'regression-issue10', name: 'regression: issue 10 kinds, written with the fixes (test/corpus/regression-issue10)', min: 20 },
  { dir: 'round3', name: 'round 3: unseen when first scored, tuned on since (test/corpus/round3)', min: 0 },
  { dir: 'round4', name: 'round 4 (issue 20 kinds): unseen when first scored, tuned on since (test/corpus/round4)', min: 55 },
  { dir: 'round5', name: 'round 5 (from the research alone): unseen when first scored, tuned on since (test/corpus/round5)', min: 40 },
  { dir: 'copies', name: 'regression: anonymous copies of real pages, filed by npm run corpus:add (test/corpus/copies)', min: 0 },
] as const;

/** Where npm run corpus:add files anonymous copies (with their labels.json). */
export const COPIES_DIR = resolve(here, '../corpus/copies');

interface LabelEntry extends Expected {
  /** Why this label; not part of the expectation. */
  why?: string;
  /** Address the page was served at, when it carries no canonical link. */
  url?: string;
}

/** One labelled folder: `labels.json` maps a file name to its expected step, flow and alerts. */
export function labelledDir(dir: string, prefix = ''): LabelledPage[] {
  const labelsFile = join(dir, 'labels.json');
  if (!existsSync(labelsFile)) return [];
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as Record<string, LabelEntry>;
  return Object.entries(labels).map(([file, { step, flow, alerts, url }]) => ({
    id: `${prefix}${file}`,
    url: url ?? null,
    html: readFileSync(join(dir, file), 'utf8'),
    expected: { step, flow, alerts: [...alerts].sort() },
  }));
}

export function corpusSets(): Array<{ name: string; min: number; pages: LabelledPage[] }> {
  return CORPORA.map((c) => ({
    name: c.name,
    min: c.min,
    pages: labelledDir(join(CORPUS_DIR, c.dir), c.dir === '.' ? '' : `${c.dir}/`),
  }));
}

/** Every labelled corpus page, all sets together. */
export function corpusPages(): LabelledPage[] {
  return corpusSets().flatMap((s) => s.pages);
}

interface PortalState {
  id: string;
  url: string;
  html: string;
  expected: { step: StepId; flow: FlowId; alerts: readonly AlertId[] };
}

/** The practice portal's states, if that module exists yet (it is built in parallel). */
export async function portalPages(): Promise<LabelledPage[] | null> {
  if (!existsSync(PORTAL_STATES)) return null;
  // A fixed path inside this repository, resolved above; never page content.
  // eslint-disable-next-line no-unsanitized/method
  const mod = (await import(/* @vite-ignore */ PORTAL_STATES)) as { portalStates?: () => PortalState[] | Promise<PortalState[]> };
  if (typeof mod.portalStates !== 'function') return null;
  const states = await mod.portalStates();
  return states.map((s) => ({
    id: `portal:${s.id}`,
    url: s.url,
    html: s.html,
    expected: { step: s.expected.step, flow: s.expected.flow, alerts: [...s.expected.alerts].sort() },
  }));
}
