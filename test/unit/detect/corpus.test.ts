import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/detect/classify';
import { corpusSets, portalPages, type LabelledPage } from '../../qa/labelled';
import { canonicalUrl, parseHtml } from '../../qa/load';

function check(page: LabelledPage): void {
  const doc = parseHtml(page.html);
  const d = classify(doc, page.url ?? canonicalUrl(doc));
  expect({ step: d.step, flow: d.flow, alerts: d.alerts }, d.signals.join('\n')).toEqual(page.expected);
}

const sets = corpusSets();

/**
 * Every folder here is a regression corpus: the rules were tuned on it (see test/qa/labelled.ts). These tests
 * keep what was fixed fixed; they say nothing about pages nobody has written yet.
 */
describe.each(sets.map((s) => [s.name, s] as const))('%s', (_name, set) => {
  it(`has at least ${set.min} pages`, () => {
    expect(set.pages.length).toBeGreaterThanOrEqual(set.min);
  });
  it.each(set.pages.map((p) => [p.id, p] as const))('%s', (_id, page) => check(page));
});

describe('the first regression corpus', () => {
  it('covers every step', () => {
    const steps = new Set(sets[0]?.pages.map((p) => p.expected.step));
    for (const step of ['none', 'start', 'identity', 'verification', 'security-image', 'profile', 'email-sent', 'code', 'terms', 'new-key', 'done', 'change-key', 'error']) {
      expect(steps, step).toContain(step);
    }
  });
});

// The practice portal is built in parallel; its states join the labelled set as soon as the module exists.
const portal = await portalPages();
describe.runIf(portal !== null)('practice portal states (test/portal/states.ts)', () => {
  it.each((portal ?? []).map((p) => [p.id, p] as const))('%s', (_id, page) => check(page));
});
