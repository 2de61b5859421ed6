/** The labelled page sets shared by the corpus test and the report: test/corpus and, when present, the practice portal. */
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
  url: string | null;
  html: string;
  expected: Expected;
}

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = resolve(here, '../corpus');
const PORTAL_STATES = resolve(here, '../portal/states.ts');

export function corpusPages(): LabelledPage[] {
  const labels = JSON.parse(readFileSync(join(CORPUS_DIR, 'labels.json'), 'utf8')) as Record<string, Expected>;
  return Object.entries(labels).map(([file, expected]) => ({
    id: file,
    url: null,
    html: readFileSync(join(CORPUS_DIR, file), 'utf8'),
    expected: { ...expected, alerts: [...expected.alerts].sort() },
  }));
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
