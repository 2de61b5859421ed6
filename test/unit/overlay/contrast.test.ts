import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * axe-core cannot measure contrast inside the top layer (it reports "incomplete"), so the overlay's palette
 * is checked here: every text colour against the backgrounds it is drawn on (WCAG 1.4.3, 4.5:1) and the
 * borders and focus ring against the panel (WCAG 1.4.11, 3:1), in the light and the dark scheme.
 */
const css = readFileSync(resolve(import.meta.dirname, '../../../src/overlay/overlay.css'), 'utf8');

function palette(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--cg-([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}
const light = palette(css.slice(0, css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = { ...light, ...palette(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'))) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const TEXT_PAIRS: [string, string][] = [
  ['fg', 'bg'], ['muted', 'bg'], ['accent', 'bg'], ['on-accent', 'accent'], ['done', 'bg'],
  ['error', 'bg'], ['error', 'error-bg'], ['fg', 'error-bg'], ['warning', 'warning-bg'], ['fg', 'warning-bg'],
  ['fg', 'soft'], ['muted', 'soft'],
];
const NON_TEXT_PAIRS: [string, string][] = [['border', 'bg'], ['focus', 'bg'], ['focus', 'soft']];

describe.each([['light', light], ['dark', dark]] as const)('the %s palette', (_scheme, colours) => {
  it('declares every colour the checks need', () => {
    for (const [a, b] of [...TEXT_PAIRS, ...NON_TEXT_PAIRS]) {
      expect(colours[a], a).toMatch(/^#/);
      expect(colours[b], b).toMatch(/^#/);
    }
  });
  it.each(TEXT_PAIRS)('%s text on %s reaches 4.5:1', (fg, bg) => {
    expect(contrast(colours[fg]!, colours[bg]!)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(NON_TEXT_PAIRS)('%s against %s reaches 3:1', (fg, bg) => {
    expect(contrast(colours[fg]!, colours[bg]!)).toBeGreaterThanOrEqual(3);
  });
});
