/**
 * A vitest reporter that prints the ten slowest tests after the run's summary (what `npm test` ends with), so
 * the next thing to make faster is named, not guessed. Timings are printed, never asserted.
 */
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export interface Timed {
  name: string;
  ms: number;
}

/** The `count` longest, longest first. */
export function slowest(timed: readonly Timed[], count = 10): Timed[] {
  return [...timed].sort((a, b) => b.ms - a.ms).slice(0, count);
}

export function formatSlowest(timed: readonly Timed[]): string {
  const width = Math.max(...timed.map((t) => (t.ms / 1000).toFixed(1).length));
  return [`Slowest ${timed.length} tests:`, ...timed.map((t) => `  ${(t.ms / 1000).toFixed(1).padStart(width)} s  ${t.name}`)].join('\n');
}

export default class SlowestReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const timed: Timed[] = [];
    for (const module of modules) {
      const file = relative(process.cwd(), module.moduleId);
      for (const test of module.children.allTests()) {
        const ms = test.diagnostic()?.duration;
        if (ms !== undefined) timed.push({ name: `${file} › ${test.fullName}`, ms });
      }
    }
    if (timed.length > 0) console.log(`\n${formatSlowest(slowest(timed))}\n`);
  }
}
