/**
 * The content script's size, and where it comes from.
 *
 *   npx tsx test/bench/size.ts [--all] [--json FILE]     (also part of `npm run bench`)
 *
 * The shipped file is built by crxjs in a sub-build (resolve, define and target of the real config, no plugins,
 * IIFE). This rebuilds it the same way, from the resolved vite.config.ts in `chrome` mode, with a source map
 * and one small plugin, and attributes every byte of the MINIFIED output to the module it came from by walking
 * the source map (a segment runs until the next one; bytes with no mapping are the bundler's wrapper).
 * Gzip does not add up per module, so each module and each group is also gzipped on its own ("alone"): an
 * upper bound of what it would weigh in a bundle of its own. The rebuild is checked against the shipped file.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, relative, resolve } from 'node:path';
import { build, mergeConfig, resolveConfig, type InlineConfig, type Plugin, type Rolldown } from 'vite';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
export const CONTENT_ENTRY = 'src/content/index.ts';

export const gzipSize = (code: string | Buffer): number => gzipSync(code, { level: 9 }).length;

export interface ModuleSize {
  /** Path relative to the repository (node_modules packages keep their package path). */
  module: string;
  /** Bytes of the minified output mapped to this module. */
  minified: number;
  /** Those bytes gzipped on their own (upper bound of its share). */
  gzipAlone: number;
  /** Rolldown's renderedLength: the module's code before minification, after tree-shaking. */
  rendered: number;
}

export interface SizeReport {
  file: string;
  raw: number;
  gzip: number;
  /** The rebuild's own size, to show it is the shipped file (same bytes when equal). */
  rebuiltRaw: number;
  identical: boolean;
  modules: ModuleSize[];
  groups: Array<{ group: string; minified: number; gzipAlone: number; modules: number }>;
}

// ---------------------------------------------------------------- source maps (VLQ), no dependency

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one mappings segment (`AAAA,SAAS`…) into its numbers. */
export function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64_INDEX.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/**
 * Bytes of `code` per source index of its source map; index -1 collects what maps to no source. A segment
 * owns the bytes from its column to the next segment's (or the end of the line); the line break goes with
 * the line's last segment. Columns are UTF-16 code units; bytes are counted in UTF-8.
 */
export function bytesPerSource(code: string, mappings: string): Map<number, string[]> {
  const lines = code.split('\n');
  const mapLines = mappings.split(';');
  const pieces = new Map<number, string[]>();
  const add = (src: number, text: string): void => {
    if (!text) return;
    const list = pieces.get(src);
    if (list) list.push(text);
    else pieces.set(src, [text]);
  };
  let source = 0;
  lines.forEach((line, li) => {
    const segs = (mapLines[li] ?? '').split(',').filter(Boolean);
    let col = 0;
    const starts: Array<{ col: number; src: number }> = [];
    for (const seg of segs) {
      const v = decodeVlq(seg);
      col += v[0] ?? 0;
      if (v.length >= 4) {
        source += v[1] ?? 0;
        starts.push({ col, src: source });
        // v[2], v[3] (original line and column) and v[4] (name) are deltas we do not need, but the source
        // index is relative, so it is kept; original line/column are per-source state we can ignore.
      } else {
        starts.push({ col, src: -1 });
      }
    }
    const eol = li < lines.length - 1 ? '\n' : '';
    if (starts.length === 0 || (starts[0] as { col: number }).col > 0) add(-1, line.slice(0, starts[0]?.col ?? line.length) + (starts.length === 0 ? eol : ''));
    starts.forEach((s, i) => {
      const end = starts[i + 1]?.col ?? line.length;
      add(s.src, line.slice(s.col, end) + (i === starts.length - 1 ? eol : ''));
    });
  });
  return pieces;
}

/** Groups for the breakdown: a source folder (`src/detect`), or a package (`preact`). */
export function groupOf(module: string): string {
  // Preact, patched without its HTML sink (test/tools/no-html-sinks.ts), is still Preact.
  if (module.startsWith('node_modules/.claveguia/')) return 'preact';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (pkg) return pkg[1] as string;
  if (module === INLINED_CSS) return 'src/overlay';
  const m = /^(src\/[^/]+(?:\/warnings)?)\//.exec(module);
  return m ? (m[1] as string) : module;
}

/** The one piece of the bundle with no source mapping worth naming: overlay.css, inlined as a string. */
const INLINED_CSS = 'src/overlay/overlay.css (inlined string)';

function moduleName(id: string): string {
  const clean = id.replace(/\?.*$/, '').replace(/^\0/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return clean.slice(nm);
  const rel = relative(root, clean);
  return rel.startsWith('..') ? clean : rel;
}

// ---------------------------------------------------------------- the rebuild

/** Rebuilds the content script as crxjs does, with a source map; returns code, map and rendered lengths. */
export async function rebuildContentScript(mode: 'chrome' | 'firefox' = 'chrome'): Promise<{
  code: string;
  map: { sources: string[]; mappings: string };
  rendered: Map<string, number>;
}> {
  // `vite build` runs with NODE_ENV=production (production JSX runtime, no dev checks); so must the rebuild.
  process.env.NODE_ENV ??= 'production';
  const parent = await resolveConfig({ root, configFile: resolve(root, 'vite.config.ts'), mode, logLevel: 'silent' }, 'build', mode);
  const rendered = new Map<string, number>();
  const report: Plugin = {
    name: 'claveguia:bench-module-sizes',
    generateBundle(_options, bundle) {
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        for (const [id, info] of Object.entries((out as Rolldown.OutputChunk).modules)) rendered.set(moduleName(id), info.renderedLength);
      }
    },
  };
  // The same shape as crxjs's createIifeConfig (resolve, define, esbuild of the parent; lib IIFE; minify and
  // target of the parent), with a source map and the report plugin.
  const config: InlineConfig = mergeConfig(
    { root: parent.root, mode: parent.mode, resolve: parent.resolve, define: parent.define, esbuild: parent.esbuild },
    {
      configFile: false,
      logLevel: 'silent',
      plugins: [report],
      build: {
        write: false,
        emptyOutDir: false,
        lib: { entry: resolve(root, CONTENT_ENTRY), formats: ['iife'], name: 'index', fileName: () => 'src/content/index.js' },
        rollupOptions: { output: { entryFileNames: 'src/content/index.js' } },
        minify: parent.build.minify,
        sourcemap: 'hidden',
        target: parent.build.target,
      },
    },
  );
  const result = await build(config);
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => (r as Rolldown.RolldownOutput).output);
  const chunk = outputs.find((o): o is Rolldown.OutputChunk => o.type === 'chunk' && o.isEntry);
  if (!chunk?.map) throw new Error('the content-script rebuild produced no chunk with a source map');
  // Source paths in the map are relative to where the chunk would be written.
  const outDir = resolve(root, 'dist', dirname(chunk.fileName));
  return { code: chunk.code, map: { sources: chunk.map.sources.map((s) => resolve(outDir, s)), mappings: chunk.map.mappings }, rendered };
}

export async function sizeReport(shippedFile = resolve(root, 'dist/chrome/src/content/index.js')): Promise<SizeReport> {
  const shipped = readFileSync(shippedFile);
  const { code, map, rendered } = await rebuildContentScript();
  const pieces = bytesPerSource(code, map.mappings);
  const modules: ModuleSize[] = [];
  const groupText = new Map<string, string[]>();
  // Unmapped bytes are the bundler's wrapper, except the inlined stylesheet (a `:host{…}` template string).
  const named: Array<{ name: string; texts: string[] }> = [];
  for (const [src, all] of pieces) {
    if (src >= 0) named.push({ name: moduleName(map.sources[src] ?? `?${src}`), texts: all });
    else {
      named.push({ name: INLINED_CSS, texts: all.filter((t) => t.includes(':host{')) });
      named.push({ name: '(bundle wrapper, unmapped)', texts: all.filter((t) => !t.includes(':host{')) });
    }
  }
  for (const { name, texts } of named) {
    if (texts.length === 0) continue;
    const joined = texts.join('');
    modules.push({ module: name, minified: Buffer.byteLength(joined), gzipAlone: gzipSize(joined), rendered: rendered.get(name) ?? 0 });
    const g = groupOf(name);
    groupText.set(g, [...(groupText.get(g) ?? []), joined]);
  }
  modules.sort((a, b) => b.minified - a.minified);
  const groups = [...groupText.entries()]
    .map(([group, texts]) => ({
      group,
      minified: Buffer.byteLength(texts.join('')),
      gzipAlone: gzipSize(texts.join('')),
      modules: modules.filter((m) => groupOf(m.module) === group).length,
    }))
    .sort((a, b) => b.minified - a.minified);
  const rebuilt = Buffer.from(code.replace(/\n?\/\/# sourceMappingURL=.*\s*$/, ''));
  return {
    file: relative(root, shippedFile),
    raw: shipped.length,
    gzip: gzipSize(shipped),
    rebuiltRaw: rebuilt.length,
    identical: rebuilt.equals(shipped),
    modules,
    groups,
  };
}

export function formatSizeReport(r: SizeReport, top = 25): string {
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const out: string[] = [];
  out.push(`${r.file}: ${kb(r.raw)} raw, ${kb(r.gzip)} gzip -9 (rebuild for the breakdown: ${kb(r.rebuiltRaw)}, ${r.identical ? 'byte-identical' : 'NOT identical'} to the shipped file)`);
  out.push('');
  out.push(`${'group'.padEnd(34)}${'modules'.padStart(8)}${'minified'.padStart(11)}${'share'.padStart(7)}${'gzip alone'.padStart(12)}`);
  for (const g of r.groups) {
    out.push(`${g.group.padEnd(34)}${String(g.modules).padStart(8)}${kb(g.minified).padStart(11)}${`${((100 * g.minified) / r.rebuiltRaw).toFixed(0)}%`.padStart(7)}${kb(g.gzipAlone).padStart(12)}`);
  }
  out.push('');
  out.push(`${'module (top ' + top + ')'}`.padEnd(52) + `${'minified'.padStart(11)}${'gzip alone'.padStart(12)}${'unminified'.padStart(12)}`);
  for (const m of r.modules.slice(0, top)) {
    out.push(`${m.module.padEnd(52)}${kb(m.minified).padStart(11)}${kb(m.gzipAlone).padStart(12)}${(m.rendered ? kb(m.rendered) : '—').padStart(12)}`);
  }
  return `${out.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const all = process.argv.includes('--all');
  sizeReport()
    .then((r) => {
      process.stdout.write(formatSizeReport(r, all ? r.modules.length : 25));
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    });
}
