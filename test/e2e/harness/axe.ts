/** axe-core for the E2E specs: its source to inject, and the one function that runs it inside a page. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs in the page, once AXE_SOURCE is injected: axe-core on `include` (a selector; shadow roots included) or on
 * the whole document. Violations name their rule and targets; `inspected` counts the checks passed, proof it looked.
 */
export async function runAxe(include: string | null): Promise<{ violations: string[]; inspected: number }> {
  type Result = { id: string; nodes: { target: unknown }[] };
  const axe = (window as unknown as { axe: { run: (c: unknown) => Promise<{ violations: Result[]; passes: Result[] }> } }).axe;
  const result = await axe.run(include ? { include: [[include]] } : document);
  return {
    violations: result.violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`),
    inspected: result.passes.reduce((sum, p) => sum + p.nodes.length, 0),
  };
}
