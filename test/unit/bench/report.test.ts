/**
 * The bench's pure parts (test/bench/report.ts, pages.ts, size.ts's source-map walk). The bench itself is
 * never run by `npm test`: timings belong in `npm run bench`.
 */
import { describe, expect, it } from 'vitest';
import {
  attributedMs,
  busyMs,
  oursCpuMs,
  figure,
  fmt,
  fmtRatio,
  formatTable,
  median,
  ourFunctions,
  p95,
  quantile,
  ratio,
  summary,
  verdict,
  type CpuProfile,
} from '../../bench/report';
import { bigPage, countOpeningTags, stormPage } from '../../bench/pages';
import { bytesPerSource, decodeVlq, groupOf } from '../../bench/size';

describe('statistics', () => {
  it('median of odd and even counts, ignoring non-finite values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([2, Number.NaN, 4])).toBe(3);
    expect(median([])).toBeNaN();
  });

  it('nearest-rank quantiles: p95 of 1..100 is 95, of 1..20 is 19; the median by rank of 1..4 is 2', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(p95(hundred)).toBe(95);
    expect(p95(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(19);
    expect(quantile([4, 3, 2, 1], 0.5)).toBe(2);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('ratio is with ÷ without, and nothing over a zero or missing baseline', () => {
    expect(ratio(105, 100)).toBeCloseTo(1.05);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });
});

describe('targets', () => {
  const maxRatio = { kind: 'max', on: 'ratio', max: 1.05, label: 'ratio ≤ 1.05' } as const;

  it('a maximum passes at the limit and misses above it', () => {
    expect(verdict(maxRatio, { value: 1, ratio: 1.05, ours: null })).toBe('pass');
    expect(verdict(maxRatio, { value: 1, ratio: 1.0501, ours: null })).toBe('MISS');
    expect(verdict({ kind: 'max', on: 'ours', max: 0.5, label: '' }, { value: null, ratio: null, ours: 0.7 })).toBe('MISS');
  });

  it('an unmeasured figure or one without target has no verdict', () => {
    expect(verdict(maxRatio, { value: 1, ratio: null, ours: null })).toBe('');
    expect(verdict({ kind: 'none' }, { value: 1, ratio: 9, ours: 9 })).toBe('');
  });

  it('an expected answer must match exactly', () => {
    const t = { kind: 'equals', expected: 'identity', label: '= identity' } as const;
    expect(verdict(t, { value: null, ratio: null, ours: null, answer: 'identity' })).toBe('pass');
    expect(verdict(t, { value: null, ratio: null, ours: null, answer: 'error' })).toBe('MISS');
  });

  it('figure() takes medians of each side, the ratio of the medians, and judges it', () => {
    const f = figure({ id: 's', section: 'storms', name: 'text storm', unit: 'ms', without: [100, 90, 110], with: [120, 100, 104], ours: [3, 1, 2], target: maxRatio });
    expect(f.without).toBe(100);
    expect(f.value).toBe(104);
    expect(f.ratio).toBeCloseTo(1.04);
    expect(f.ours).toBe(2);
    expect(f.verdict).toBe('pass');
    expect(f.samples?.with).toEqual([120, 100, 104]);
    expect(summary([f, { ...f, name: 'other', verdict: 'MISS' }])).toEqual({ pass: 1, miss: 1, missed: ['other'] });
  });
});

describe('the table', () => {
  it('formats numbers with few digits and ratios with a ×', () => {
    expect(fmt(1234.567, 'ms')).toBe('1235 ms');
    expect(fmt(12.345)).toBe('12.3');
    expect(fmt(0.1234, 'MB')).toBe('0.123 MB');
    expect(fmt(null)).toBe('—');
    expect(fmtRatio(1.0449)).toBe('×1.04');
    expect(fmtRatio(null)).toBe('—');
  });

  it('aligns every column, one header per section, target and result on each row', () => {
    const maxRatio = { kind: 'max', on: 'ratio', max: 1.05, label: 'ratio ≤ 1.05' } as const;
    const figures = [
      figure({ id: 'a', section: 'storms', name: 'text storm', unit: 'ms', without: [100], with: [130], target: maxRatio }),
      figure({ id: 'b', section: 'storms', name: 'attribute storm', unit: 'ms', without: [1000], with: [1001], target: maxRatio }),
      figure({ id: 'c', section: 'size', name: 'gzip', unit: 'KB', with: [19.5], target: { kind: 'max', on: 'value', max: 20, label: '≤ 20 KB' } }),
    ];
    const lines = formatTable(figures).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^figure\s+without\s+with\s+ratio\s+our script\s+target\s+result$/);
    expect(lines).toContain('[storms]');
    expect(lines).toContain('[size]');
    const text = lines.find((l) => l.startsWith('text storm')) as string;
    const attr = lines.find((l) => l.startsWith('attribute storm')) as string;
    expect(text).toMatch(/100 ms\s+130 ms\s+×1\.30\s+—\s+ratio ≤ 1\.05\s+MISS$/);
    expect(attr).toMatch(/pass$/);
    // Right-aligned figures end in the same column.
    expect(text.indexOf('×1.30') + 5).toBe(attr.indexOf('×1.00') + 5);
    expect(lines.find((l) => l.startsWith('gzip'))).toMatch(/19\.5 KB\s+—\s+—\s+≤ 20 KB\s+pass$/);
  });
});

describe('CPU profiles', () => {
  // root → page (page.js) → ours (ext) → querySelectorAll (native, url '')
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1 }, children: [2, 5] },
      { id: 2, callFrame: { functionName: 'tick', url: 'http://app.iess.gob.ec/page.js', lineNumber: 0, columnNumber: 0 }, children: [3] },
      { id: 3, callFrame: { functionName: 'onMutations', url: 'chrome-extension://abc/src/content/index.js', lineNumber: 9, columnNumber: 0 }, children: [4] },
      { id: 4, callFrame: { functionName: 'querySelectorAll', url: '', lineNumber: -1, columnNumber: -1 } },
      { id: 5, callFrame: { functionName: '(idle)', url: '', lineNumber: -1, columnNumber: -1 } },
    ],
    samples: [2, 3, 4, 4, 5],
    // Each sample lasts until the next: 200 µs, 300 µs, 400 µs, 100 µs; the last takes the median (250 µs).
    timeDeltas: [0, 200, 300, 400, 100],
  };
  const ours = (u: string): boolean => u.startsWith('chrome-extension://abc/');

  it('our time counts every sample under one of our frames, native calls included', () => {
    // samples 3 (300), 4 (400), 4 (100) are under ours: 0.8 ms
    expect(attributedMs(profile, ours)).toBeCloseTo(0.8);
    expect(attributedMs(profile, () => false)).toBe(0);
  });

  it('scales our share of the busy samples to the thread CPU time', () => {
    // busy: every sample but (idle): 200 + 300 + 400 + 100 = 1.0 ms; ours 0.8 of it
    expect(busyMs(profile)).toBeCloseTo(1.0);
    expect(oursCpuMs(profile, ours, 10)).toBeCloseTo(8);
  });

  it('folds our time onto the nearest of our functions', () => {
    expect(ourFunctions(profile, ours)).toEqual([{ fn: 'onMutations src/content/index.js:10', ms: expect.closeTo(0.8) as unknown as number }]);
  });
});

describe('bench pages', () => {
  const base = '<!doctype html><html><head><title>x</title></head><body class="b"><form id="f"><input id="c"></form></body></html>';

  it('a storm page keeps the portal page and adds a banner outside its form and a script that waits to be started', () => {
    for (const kind of ['text', 'attributes', 'nodes'] as const) {
      const html = stormPage(base, kind);
      expect(html).toContain('<form id="f"><input id="c"></form>');
      expect(html.indexOf('bench-banner')).toBeLessThan(html.indexOf('<form'));
      expect(html).toContain('window.__benchStorm');
      expect(html.indexOf('<script>')).toBeGreaterThan(html.indexOf('</form>'));
    }
  });

  it('the big page puts 50,000 elements before the recovery form', () => {
    const html = bigPage(base, 50_000);
    const before = html.slice(0, html.indexOf('<form'));
    expect(countOpeningTags(before)).toBeGreaterThanOrEqual(50_000);
    expect(html.endsWith('<form id="f"><input id="c"></form></body></html>')).toBe(true);
  });
});

describe('size breakdown', () => {
  it('decodes base64 VLQ', () => {
    expect(decodeVlq('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeVlq('SAAS')).toEqual([9, 0, 0, 9]);
    expect(decodeVlq('D')).toEqual([-1]);
    expect(decodeVlq('gB')).toEqual([16]);
  });

  it('gives each source the bytes from its segments to the next, and unmapped bytes to -1', () => {
    // line 0: "ab" unmapped, "cd" from source 0 (col 2), "ef" from source 1 (col 4); line 1: "gh" from source 1
    const code = 'abcdef\ngh';
    const mappings = 'EAAA,ECAA;AAAA';
    const pieces = bytesPerSource(code, mappings);
    expect(pieces.get(-1)?.join('')).toBe('ab');
    expect(pieces.get(0)?.join('')).toBe('cd');
    expect(pieces.get(1)?.join('')).toBe('ef\ngh');
  });

  it('groups modules by source folder or package', () => {
    expect(groupOf('src/detect/rules.ts')).toBe('src/detect');
    expect(groupOf('src/overlay/warnings/layer.ts')).toBe('src/overlay/warnings');
    expect(groupOf('node_modules/webextension-polyfill/dist/browser-polyfill.js')).toBe('webextension-polyfill');
    expect(groupOf('node_modules/.claveguia/preact.mjs')).toBe('preact');
    expect(groupOf('node_modules/preact/hooks/dist/hooks.mjs')).toBe('preact');
  });
});
