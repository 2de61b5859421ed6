/**
 * Folders named for what they hold, and imports that only go down (issue 24): each folder of src/ sits on a tier,
 * and a file may import (values, types, stylesheets, dynamic imports and re-exports alike) only from its own
 * folder or a lower tier. Folders on one tier are siblings and take nothing from each other: the four surfaces
 * (overlay, popup, side area, options page) share through src/ui/, never through one another. The README's
 * "Layout" section lists the same folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = resolve(ROOT, 'src');

/** Lowest first. */
const TIERS: readonly (readonly string[])[] = [
  ['public', 'text'],
  ['validate'],
  ['page'],
  ['detect'],
  ['platform'],
  ['i18n'],
  ['flow'],
  ['anonymize'],
  ['storage'],
  ['messages'],
  ['estimator'],
  ['ui'],
  ['overlay', 'popup', 'side', 'options'],
  ['content'],
  ['background'],
];

/**
 * Named exceptions, each with its reason: the popup and the side area style the shared components with the
 * overlay's stylesheet, which the overlay inlines in its shadow root.
 */
const ALLOWED: ReadonlySet<string> = new Set(['popup/main.tsx -> overlay/overlay.css', 'side/main.tsx -> overlay/overlay.css']);

const tierOf = new Map(TIERS.flatMap((folders, tier) => folders.map((folder) => [folder, tier] as const)));

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(tsx?|css)$/.test(e.name) ? [join(dir, e.name)] : []));

const onDisk = new Set(sources(SRC).map((f) => relative(SRC, f)));

/** The src-relative path an import names, with its extension when the file has one on disk. */
function target(from: string, spec: string): string {
  const path = normalize(join(dirname(from), spec.split('?')[0]!));
  const exists = (p: string) => onDisk.has(p);
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`]) if (exists(candidate)) return candidate;
  return path;
}

/** Every import of one file that goes up, or sideways to a sibling folder: "file -> target". */
export function wrongWay(file: string, text: string): string[] {
  const folder = file.split('/')[0]!;
  const found: string[] = [];
  for (const { fileName: spec } of ts.preProcessFile(text, true, true).importedFiles) {
    if (!spec.startsWith('.')) continue;
    const to = target(file, spec);
    const toFolder = to.split('/')[0]!;
    if (to.startsWith('..') || toFolder === folder) continue;
    const edge = `${file} -> ${to}`;
    const up = (tierOf.get(toFolder) ?? Infinity) >= (tierOf.get(folder) ?? -1);
    if (up && !ALLOWED.has(edge)) found.push(edge);
  }
  return found;
}

describe('src/ folders', () => {
  const files = [...onDisk];
  const folders = readdirSync(SRC, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

  it('each sits on a tier', () => {
    expect(folders).toEqual([...tierOf.keys()].sort());
  });

  it('import only from their own folder or a lower tier (types and stylesheets included)', () => {
    const code = files.filter((f) => /\.tsx?$/.test(f));
    expect(code.flatMap((f) => wrongWay(f, readFileSync(resolve(SRC, f), 'utf8')))).toEqual([]);
  });

  it('the check sees an import up, a type import sideways and a stylesheet across (it can fail)', () => {
    const probe = "import type { Person } from '../storage/people';\nexport { x } from '../ui/Icon';\nimport './other.css';";
    expect(wrongWay('flow/probe.ts', probe)).toEqual(['flow/probe.ts -> storage/people.ts', 'flow/probe.ts -> ui/Icon.tsx']);
    expect(wrongWay('side/probe.tsx', "import type { Overlay } from '../overlay/services';\nimport '../popup/store';")).toEqual([
      'side/probe.tsx -> overlay/services.ts',
      'side/probe.tsx -> popup/store',
    ]);
    expect(wrongWay('overlay/probe.tsx', "import { t } from '../i18n/t';\nimport { Icon } from '../ui/Icon';")).toEqual([]);
  });

  it('hold files of one job each: under 300 lines, except the data tables and stylesheets the README names', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const named = readme.slice(readme.indexOf('**Long files, by design:**')).split('\n\n')[0]!;
    const long = files.filter((f) => readFileSync(resolve(SRC, f), 'utf8').split('\n').length > 301);
    expect(long.filter((f) => !named.includes(`src/${f}`))).toEqual([]);
  });

  it('are the ones the README lists under "Layout"', () => {
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    const layout = readme.slice(readme.indexOf('## Layout'));
    const srcPart = layout.slice(layout.indexOf('\nsrc/\n'), layout.indexOf('\ntest/\n'));
    const listed = [...srcPart.matchAll(/^ {2}([a-z0-9-]+)\/ /gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(folders);
  });
});
