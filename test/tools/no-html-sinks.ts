import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Alias } from 'vite';

/**
 * Preact supports `dangerouslySetInnerHTML` by assigning `innerHTML`. ClaveGuía never uses it (lint forbids
 * it), so the shipped bundles have no reason to contain that sink: we build against a copy of Preact whose
 * sink throws instead. It is an alias, not a plugin, because crxjs builds the standalone content script in
 * a sub-build that keeps the parent's `resolve` but none of its plugins. It also keeps `web-ext lint` free
 * of UNSAFE_VAR_ASSIGNMENT. If a Preact upgrade changes the code, the build fails here rather than shipping
 * the sink silently.
 */
const SINK = /\((\w+)\.innerHTML=(\w+)\.__html\)/;

export function preactWithoutHtmlSink(root: string): Alias {
  const original = createRequire(resolve(root, 'package.json')).resolve('preact');
  const code = readFileSync(original, 'utf8');
  if (!SINK.test(code)) throw new Error('Preact changed: update test/tools/no-html-sinks.ts to remove its innerHTML sink.');
  const dir = resolve(root, 'node_modules/.claveguia');
  mkdirSync(dir, { recursive: true });
  const patched = resolve(dir, 'preact.mjs');
  writeFileSync(patched, code.replace(SINK, '(()=>{throw Error("ClaveGuía never renders HTML")})()'));
  return { find: /^preact$/, replacement: patched };
}
