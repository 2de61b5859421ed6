// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatSlowest, slowest } from '../../tools/slowest-reporter';

describe('the slowest-tests list printed after npm test', () => {
  it('keeps the ten longest, longest first', () => {
    const timed = Array.from({ length: 14 }, (_, i) => ({ name: `t${i}`, ms: ((i * 5) % 14) * 1000 }));
    const top = slowest(timed);
    expect(top).toHaveLength(10);
    expect(top[0]!.ms).toBe(13_000);
    expect(top.map((t) => t.ms)).toEqual([...top.map((t) => t.ms)].sort((a, b) => b - a));
    expect(top.at(-1)!.ms).toBe(4_000);
  });

  it('prints one aligned line per test in seconds', () => {
    expect(formatSlowest([{ name: 'walks › a', ms: 12_345 }, { name: 'unit › b', ms: 900 }]).split('\n')).toEqual([
      'Slowest 2 tests:',
      '  12.3 s  walks › a',
      '   0.9 s  unit › b',
    ]);
  });
});
