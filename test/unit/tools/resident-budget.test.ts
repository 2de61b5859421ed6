import { describe, expect, it, vi } from 'vitest';
import { gzip9, overBudget, RESIDENT_CEILING_GZIP, RESIDENT_TARGET_GZIP } from '../../tools/resident-budget';

/** Text that gzip cannot shrink much: a fixed pseudo-random stream of letters. */
function incompressible(bytes: number): string {
  let x = 12345;
  let out = '';
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += String.fromCharCode(97 + (x % 26));
  }
  return out;
}

describe('the resident script size guard', () => {
  it('passes a resident within the ceiling without building the breakdown', async () => {
    const breakdown = vi.fn(async () => 'never');
    expect(await overBudget('let a = 1;'.repeat(100), 1024, breakdown)).toBeNull();
    expect(breakdown).not.toHaveBeenCalled();
  });

  it('fails past the ceiling, naming the size, the ceiling and where the bytes come from', async () => {
    const code = incompressible(8000);
    expect(gzip9(code)).toBeGreaterThan(2048);
    const message = await overBudget(code, 2048, async () => 'src/overlay   41.7 KB');
    expect(message).toMatch(/^The resident content script is \d+\.\d KB gzip, over its 2\.0 KB ceiling/);
    expect(message).toContain('src/overlay   41.7 KB');
  });

  it('still fails, saying why, when the breakdown cannot be built', async () => {
    const message = await overBudget(incompressible(8000), 2048, async () => {
      throw new Error('no source map');
    });
    expect(message).toContain('(no breakdown: no source map)');
  });

  it('holds the ceiling at or above the target, and the target at issue 19’s 15 KB', () => {
    expect(RESIDENT_TARGET_GZIP).toBe(15 * 1024);
    expect(RESIDENT_CEILING_GZIP).toBeGreaterThanOrEqual(RESIDENT_TARGET_GZIP);
  });
});
