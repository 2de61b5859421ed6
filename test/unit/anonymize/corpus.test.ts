import { describe, expect, it } from 'vitest';
import { anonymize } from '../../../src/anonymize';
import { classify } from '../../../src/detect/classify';
import { corpusSets, portalPages, type LabelledPage } from '../../qa/labelled';
import { canonicalUrl, DEFAULT_URL, parseHtml } from '../../qa/load';

/**
 * For every page of every corpus (whatever pages the folders hold when the test runs): the detector reads the
 * anonymous copy as it reads the original. The copy is parsed back from its file text and read at the address
 * it carries itself, as `npm run detect` and corpus:add read it.
 */
function check(page: LabelledPage): void {
  const doc = parseHtml(page.html);
  const url = page.url ?? canonicalUrl(doc);
  const original = classify(doc, url);
  const copy = anonymize(doc, url);
  const copied = parseHtml(copy.html);
  const again = classify(copied, canonicalUrl(copied, url === DEFAULT_URL ? DEFAULT_URL : 'https://not-the-page.invalid/'));
  expect({ step: again.step, flow: again.flow, alerts: again.alerts }, again.signals.join('\n')).toEqual({
    step: original.step,
    flow: original.flow,
    alerts: original.alerts,
  });
}

const sets = corpusSets();
describe.each(sets.map((s) => [s.name, s] as const))('copy of %s', (_name, set) => {
  it.each(set.pages.map((p) => [p.id, p] as const))('%s', (_id, page) => check(page), 60_000);
});

const portal = await portalPages();
describe.runIf(portal !== null)('copy of the practice portal states', () => {
  it.each((portal ?? []).map((p) => [p.id, p] as const))('%s', (_id, page) => check(page));
});
