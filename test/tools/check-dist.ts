/**
 * What a store reviewer looks for in a package, checked on the built extensions: no remote address the code
 * could load or send to, and no way to run code that is not in the package (`eval`, `new Function`, a string
 * timer, `importScripts` or `import()` of a remote URL, a remote `<script src>`). Stores reject a package for a
 * loader that never runs, so even dead code fails here.
 *
 * Allowed addresses: the official IESS pages (src/flow/links.ts), which the UI only offers as link targets,
 * and the XML namespace names Preact compares element namespaces with (identifiers, never fetched). A bare
 * scheme with no host (the popup's "starts with http://" message) is not an address.
 *
 * `npx tsx test/tools/check-dist.ts [dir…]` (default: dist/chrome dist/firefox) prints each finding and exits
 * non-zero on any; the E2E suite runs the same check on fresh builds (test/e2e/privacy.e2e.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, relative, resolve } from 'node:path';
import { OFFICIAL_LINKS } from '../../src/flow/links';

export interface Finding {
  file: string;
  line: number;
  rule: string;
  excerpt: string;
}

const XML_NAMESPACES = [
  'http://www.w3.org/1999/xhtml',
  'http://www.w3.org/2000/svg',
  'http://www.w3.org/1998/Math/MathML',
  'http://www.w3.org/1999/xlink',
  'http://www.w3.org/XML/1998/namespace',
  'http://www.w3.org/2000/xmlns/',
];

/** Every remote address the packages may contain, exactly. */
export const ALLOWED_URLS: ReadonlySet<string> = new Set([...Object.values(OFFICIAL_LINKS).map((l) => l.href), ...XML_NAMESPACES]);

/** An address with a host: a scheme (or a protocol-relative `//`) followed by a host name. */
const URL_WITH_HOST = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>()\\]+/gi;

const RULES: { rule: string; pattern: RegExp }[] = [
  { rule: 'eval', pattern: /(?<![\w$])eval\s*\(/g },
  { rule: 'new Function', pattern: /\bnew\s+Function\s*\(/g },
  { rule: 'Function constructor', pattern: /(?<![\w$.])Function\s*\(\s*["'`]/g },
  { rule: 'string timer', pattern: /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g },
  { rule: 'importScripts', pattern: /\bimportScripts\s*\(/g },
  { rule: 'remote import()', pattern: /\bimport\s*\(\s*["'`](?:[a-z]+:)?\/\//gi },
  { rule: 'remote script src', pattern: /<script\b[^>]*\bsrc\s*=\s*["']?(?:[a-z]+:)?\/\//gi },
  { rule: 'remote CSS import', pattern: /@import\s+(?:url\()?\s*["']?(?:[a-z]+:)?\/\//gi },
];

const TEXT_FILES = new Set(['.js', '.mjs', '.html', '.css', '.json', '.txt', '.svg', '.xml', '']);

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const excerptAt = (text: string, index: number, length: number) => text.slice(Math.max(0, index - 30), index + length + 30).replace(/\s+/g, ' ');

/** Findings in one file's text. */
export function scanText(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(URL_WITH_HOST)) {
    // Trailing punctuation of a sentence or a template is not part of the address.
    const url = match[0].replace(/[.,;:]+$/, '');
    if (!/^[a-z]+:\/\/[a-z0-9[]/i.test(url) || ALLOWED_URLS.has(url)) continue;
    findings.push({ file, line: lineOf(text, match.index), rule: 'remote URL', excerpt: url });
  }
  for (const { rule, pattern } of RULES) {
    for (const match of text.matchAll(pattern)) {
      findings.push({ file, line: lineOf(text, match.index), rule, excerpt: excerptAt(text, match.index, match[0].length) });
    }
  }
  return findings;
}

/** Findings in every text file under `dir` (binary files such as icons are skipped). */
export function scanDir(dir: string): Finding[] {
  const findings: Finding[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !TEXT_FILES.has(extname(entry.name).toLowerCase())) continue;
    const path = resolve(entry.parentPath, entry.name);
    findings.push(...scanText(relative(dir, path), readFileSync(path, 'utf8')));
  }
  return findings;
}

/** How many files of each kind were read: proof the scan saw the bundles, not an empty folder. */
export function scannedFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && TEXT_FILES.has(extname(e.name).toLowerCase()))
    .map((e) => relative(dir, resolve(e.parentPath, e.name)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = resolve(import.meta.dirname, '../..');
  const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['dist/chrome', 'dist/firefox'].map((d) => resolve(root, d));
  let total = 0;
  for (const dir of dirs) {
    const findings = scanDir(dir);
    total += findings.length;
    for (const f of findings) console.log(`${dir}/${f.file}:${f.line}: ${f.rule}: ${f.excerpt}`);
    console.log(`${dir}: ${scannedFiles(dir).length} files, ${findings.length} findings`);
  }
  process.exit(total > 0 ? 1 : 0);
}
