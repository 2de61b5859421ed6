import { describe, expect, it } from 'vitest';
import { findGuide, needsGuide, registerGuide, type GuideFactory } from '../../../src/content/guide-contract';
import type { Detection } from '../../../src/detect/vocabulary';

const page = (d: Partial<Detection>): Detection => ({ step: 'none', flow: 'unknown', alerts: [], confidence: 0, signals: [], ...d });

describe('where the guide is loaded', () => {
  it('on a recovery step, an alert, or steps to choose from; never on any other IESS page', () => {
    expect(needsGuide(page({}))).toBe(false);
    expect(needsGuide(page({ candidates: [] }))).toBe(false);
    expect(needsGuide(page({ step: 'identity', flow: 'recover' }))).toBe(true);
    expect(needsGuide(page({ alerts: ['session-expired'] }))).toBe(true);
    expect(needsGuide(page({ candidates: [{ step: 'code', score: 0.4 }] }))).toBe(true);
  });

  it('registers the factory once per world, out of sight of enumeration', () => {
    const world = {};
    expect(findGuide(world)).toBeNull();
    const first: GuideFactory = () => ({ update: () => undefined, handle: () => undefined, destroy: () => undefined });
    registerGuide(first, world);
    registerGuide(() => first(document, {} as never, { hideOnThisSite: () => undefined }), world);
    expect(findGuide(world)).toBe(first);
    expect(Object.keys(world)).toEqual([]);
  });
});
