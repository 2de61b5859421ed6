/**
 * The pure parts of `npm run bench`: statistics, targets and the table. No browser, no clock, no file system,
 * so test/unit/bench/report.test.ts keeps them honest (the bench itself never runs in `npm test`).
 */

/** Nearest-rank quantile (the same rule as bench:detect): q = 0.5 is the median, 0.95 the p95. NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return Number.NaN;
  const sorted = [...finite].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] as number;
}

/** The middle value; for an even count, the mean of the two middle ones. NaN when empty. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const p95 = (values: readonly number[]): number => quantile(values, 0.95);

/** with ÷ without; NaN when either is missing or the baseline is not positive (a ratio over nothing means nothing). */
export function ratio(withExt: number, without: number): number {
  if (!Number.isFinite(withExt) || !Number.isFinite(without) || without <= 0) return Number.NaN;
  return withExt / without;
}

/** A target: a number at most `max` (on the figure's value, ratio or our-script column), or an exact answer. */
export type Target =
  | { kind: 'max'; on: 'value' | 'ratio' | 'ours'; max: number; label: string }
  | { kind: 'equals'; expected: string; label: string }
  | { kind: 'none' };

export type Verdict = 'pass' | 'MISS' | '';

/** One figure of the bench: what was measured, with and without the extension, and how it fares. */
export interface Figure {
  id: string;
  /** Table section (page load, storms, scroll, heap, detection, size). */
  section: string;
  name: string;
  unit: string;
  /** Median without the extension (null: not applicable, e.g. the content script's size). */
  without: number | null;
  /** Median with the extension, or the value itself for figures that have only one. */
  value: number | null;
  /** with ÷ without, when both exist. */
  ratio: number | null;
  /** Our own script's time, when attributed (ms, per `oursUnit`). */
  ours: number | null;
  oursUnit?: string;
  /** A textual answer (the detected step). */
  answer?: string;
  target: Target;
  verdict: Verdict;
  /** Raw samples, for the JSON. */
  samples?: { without?: number[]; with?: number[]; ours?: number[] };
  note?: string;
}

/** Whether a figure meets its target; '' when it has none or was not measured. */
export function verdict(target: Target, f: Pick<Figure, 'value' | 'ratio' | 'ours' | 'answer'>): Verdict {
  if (target.kind === 'none') return '';
  if (target.kind === 'equals') return f.answer === undefined ? '' : f.answer === target.expected ? 'pass' : 'MISS';
  const v = target.on === 'value' ? f.value : target.on === 'ratio' ? f.ratio : f.ours;
  if (v === null || !Number.isFinite(v)) return '';
  return v <= target.max ? 'pass' : 'MISS';
}

/** Builds a figure from samples: medians, the ratio of the medians, and the verdict against the target. */
export function figure(spec: {
  id: string;
  section: string;
  name: string;
  unit: string;
  without?: number[];
  with: number[];
  ours?: number[];
  oursUnit?: string;
  answer?: string;
  target?: Target;
  note?: string;
}): Figure {
  const value = spec.with.length > 0 ? median(spec.with) : null;
  const without = spec.without && spec.without.length > 0 ? median(spec.without) : null;
  const r = value !== null && without !== null ? ratio(value, without) : null;
  const ours = spec.ours && spec.ours.length > 0 ? median(spec.ours) : null;
  const target = spec.target ?? { kind: 'none' };
  const base = { value, ratio: r === null || Number.isNaN(r) ? null : r, ours, ...(spec.answer === undefined ? {} : { answer: spec.answer }) };
  return {
    id: spec.id,
    section: spec.section,
    name: spec.name,
    unit: spec.unit,
    without,
    ...base,
    ...(spec.oursUnit ? { oursUnit: spec.oursUnit } : {}),
    target,
    verdict: verdict(target, base),
    samples: {
      ...(spec.without ? { without: spec.without } : {}),
      with: spec.with,
      ...(spec.ours ? { ours: spec.ours } : {}),
    },
    ...(spec.note ? { note: spec.note } : {}),
  };
}

/** A number for the table: few significant digits, no noise. */
export function fmt(v: number | null, unit = ''): string {
  if (v === null || !Number.isFinite(v)) return '—';
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const s = v.toFixed(digits);
  return unit ? `${s} ${unit}` : s;
}

export const fmtRatio = (r: number | null): string => (r === null || !Number.isFinite(r) ? '—' : `×${r.toFixed(2)}`);

/** Columns of the one table; values are already strings. */
export const COLUMNS = ['figure', 'without', 'with', 'ratio', 'our script', 'target', 'result'] as const;

export function tableRow(f: Figure): string[] {
  const target = f.target.kind === 'none' ? '—' : f.target.label;
  const withCell = f.answer !== undefined ? f.answer : fmt(f.value, f.unit);
  const ours = f.ours === null ? '—' : fmt(f.ours, f.oursUnit ?? 'ms');
  return [f.name, fmt(f.without, f.unit), withCell, fmtRatio(f.ratio), ours, target, f.verdict];
}

/**
 * The aligned table: text columns left, figures right, one blank-titled rule between sections. Widths come
 * from the content, so it never wraps a cell.
 */
export function formatTable(figures: readonly Figure[]): string {
  const header = [...COLUMNS];
  const rows = figures.map(tableRow);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const leftAligned = new Set([0, 5, 6]);
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (leftAligned.has(i) ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const out: string[] = [line(header), widths.map((w) => '-'.repeat(w)).join('  ')];
  let section = '';
  figures.forEach((f, i) => {
    if (f.section !== section) {
      if (section !== '') out.push('');
      out.push(`[${f.section}]`);
      section = f.section;
    }
    out.push(line(rows[i] as string[]));
  });
  return `${out.join('\n')}\n`;
}

/** Counts of pass and miss over the figures that have a target. */
export function summary(figures: readonly Figure[]): { pass: number; miss: number; missed: string[] } {
  const missed = figures.filter((f) => f.verdict === 'MISS').map((f) => f.name);
  return { pass: figures.filter((f) => f.verdict === 'pass').length, miss: missed.length, missed };
}

// ---------------------------------------------------------------- CPU profiles

/** The part of a CDP `Profiler.Profile` we read. */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Time (ms) of the samples whose stack holds at least one frame of a script matching `isOurs`: our script's
 * own time, including the DOM and layout work it calls (those run under its frames). Each sample lasts until
 * the next one (CDP's timeDeltas[i + 1]); the last sample takes the median interval.
 */
export function attributedMs(profile: CpuProfile, isOurs: (url: string) => boolean): number {
  return sampleSpans(profile, isOurs).reduce((sum, s) => sum + (s.ours ? s.us : 0), 0) / 1000;
}

/**
 * Each sample with its duration (µs: until the next one, the last takes the median interval) and whether its
 * stack holds at least one frame of a script matching `isOurs`.
 */
function sampleSpans(profile: CpuProfile, isOurs: (url: string) => boolean): Array<{ ours: boolean; us: number }> {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const oursMemo = new Map<number, boolean>();
  const underOurs = (id: number): boolean => {
    const known = oursMemo.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const p = parent.get(id);
    const v = !!node && (isOurs(node.callFrame.url) || (p !== undefined && underOurs(p)));
    oursMemo.set(id, v);
    return v;
  };
  const deltas = profile.timeDeltas ?? [];
  const typical = median(deltas.slice(1));
  return (profile.samples ?? []).map((id, i) => {
    const next = deltas[i + 1];
    return { ours: underOurs(id), us: next !== undefined ? next : Number.isFinite(typical) ? typical : 0 };
  });
}

/**
 * Our longest unbroken stretch (ms): consecutive samples all under our frames, summed. A stretch longer than a
 * frame (16 ms) is a moment the page could not paint or answer input because of us.
 */
export function longestStretchMs(profile: CpuProfile, isOurs: (url: string) => boolean): number {
  let longest = 0;
  let run = 0;
  for (const s of sampleSpans(profile, isOurs)) {
    run = s.ours ? run + s.us : 0;
    longest = Math.max(longest, run);
  }
  return longest / 1000;
}

/** Time (ms) of the samples in which the thread was busy: everything but `(idle)`. */
export function busyMs(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const deltas = profile.timeDeltas ?? [];
  let us = 0;
  (profile.samples ?? []).forEach((id, i) => {
    if (!idle.has(id)) us += deltas[i + 1] ?? 0;
  });
  return us / 1000;
}

/**
 * Our script's CPU time: the profile's share of busy time under our frames, times the main thread's CPU time
 * over the same window (CDP thread-time metrics). A profile's samples are wall-clock, so on a busy machine a
 * descheduled thread inflates them; the share does not move much, and the CPU time is the thread's own.
 */
export function oursCpuMs(profile: CpuProfile, isOurs: (url: string) => boolean, threadCpuMs: number): number {
  const busy = busyMs(profile);
  return busy > 0 ? (attributedMs(profile, isOurs) / busy) * threadCpuMs : Number.NaN;
}

/**
 * Self time (ms) per function of the scripts matching `isOurs`, folded by name and source position, heaviest
 * first: which of our functions the time goes to (read on an unminified build). Samples in a native or page
 * frame called from ours count for the nearest of our frames below them.
 */
export function ourFunctions(
  profile: CpuProfile,
  isOurs: (url: string) => boolean,
  top = 15,
  where: (frame: CpuProfile['nodes'][number]['callFrame']) => string = (f) => `${f.url.replace(/^.*\/\/[^/]+\//, '')}:${f.lineNumber + 1}`,
): Array<{ fn: string; ms: number }> {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nearestOurs = (id: number): number | null => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const node = byId.get(cur);
      if (node && isOurs(node.callFrame.url)) return cur;
    }
    return null;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const totals = new Map<string, number>();
  samples.forEach((id, i) => {
    const ours = nearestOurs(id);
    if (ours === null) return;
    const f = (byId.get(ours) as CpuProfile['nodes'][number]).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${where(f)}`;
    totals.set(key, (totals.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  return [...totals.entries()]
    .map(([fn, ms]) => ({ fn, ms }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
}
