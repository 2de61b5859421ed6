/**
 * One table of step sets (issue 24): every context imports src/flow/step-sets.ts, and no other module of src/
 * keeps a set of step ids of its own (two copies of "the steps that show a mask" drifted apart once).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEP_IDS } from '../../../src/detect/vocabulary';
import * as sets from '../../../src/flow/step-sets';

const SRC = resolve(import.meta.dirname, '../../../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

describe('step sets', () => {
  it('hold only real step ids', () => {
    for (const [name, value] of Object.entries(sets)) {
      if (!(value instanceof Set)) continue;
      for (const step of value) expect(STEP_IDS, `${name}: ${String(step)}`).toContain(step);
    }
  });

  it('the countdown runs on every request page and on the pages behind the link but "done"', () => {
    for (const step of sets.REQUEST_STEPS) expect(sets.LINK_RUNNING_STEPS.has(step)).toBe(true);
    for (const step of sets.AFTER_LINK_STEPS) expect(sets.LINK_RUNNING_STEPS.has(step)).toBe(step !== 'done');
    for (const step of sets.BEFORE_REQUEST_STEPS) expect(sets.LINK_RUNNING_STEPS.has(step)).toBe(false);
  });

  it('are declared nowhere else in src/', () => {
    const home = resolve(SRC, 'flow/step-sets.ts');
    const others = files(SRC)
      .filter((f) => f !== home)
      .filter((f) => /(?:Set<StepId>|ReadonlySet<StepId>\s*=\s*new Set\(\[)/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(others).toEqual([]);
  });
});
