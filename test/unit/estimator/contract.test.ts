import { afterEach, describe, expect, it } from 'vitest';
import { ESTIMATOR_KEY, estimatorPresent, findEstimator, registerEstimator } from '../../../src/estimator/contract';
import { ESTIMATOR_STEPS } from '../../../src/flow/step-sets';

afterEach(() => {
  delete (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(ESTIMATOR_KEY)];
});

describe('the estimator contract', () => {
  it('registers once per world, under a Symbol.for key the page’s world cannot name into ours', () => {
    const world = {};
    expect(findEstimator(world)).toBeNull();
    const first = () => 'weak' as const;
    registerEstimator(first, world);
    registerEstimator(() => 'strong', world);
    expect(findEstimator(world)).toBe(first);
    expect(Object.keys(world)).toEqual([]);
  });

  it('the probe the background runs in the tab answers only whether the estimator is there', () => {
    expect(estimatorPresent(ESTIMATOR_KEY)).toBe(false);
    registerEstimator(() => 'fair');
    expect(estimatorPresent(ESTIMATOR_KEY)).toBe(true);
    // Self-contained: serialised and run in the tab, it may use nothing from this module.
    expect(estimatorPresent.toString()).not.toMatch(/ESTIMATOR_KEY|findEstimator|import/);
  });

  it('the bundle’s entry registers the zxcvbn estimator on the world it runs in', async () => {
    await import('../../../src/estimator/index');
    const estimate = findEstimator();
    expect(estimate).not.toBeNull();
    expect(estimate!('123456', [])).toBe('weak');
  });

  it('loads only on the new-key step', () => {
    expect([...ESTIMATOR_STEPS]).toEqual(['new-key']);
  });
});
