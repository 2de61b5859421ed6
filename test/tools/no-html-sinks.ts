import type { Plugin } from 'vite';

/**
 * Preact supports `dangerouslySetInnerHTML` by assigning `innerHTML`. ClaveGuía never uses it (lint forbids
 * it), so the shipped bundle has no reason to contain that sink: this plugin turns it into a throw. It also
 * keeps `web-ext lint` free of UNSAFE_VAR_ASSIGNMENT. If a Preact upgrade changes the code, the build fails
 * here rather than shipping the sink silently.
 */
const SINK = /\((\w+)\.innerHTML=(\w+)\.__html\)/;

export function noHtmlSinks(): Plugin {
  return {
    name: 'claveguia:no-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id.split('?')[0] ?? '')) return null;
      if (!SINK.test(code)) this.error('Preact changed: update test/tools/no-html-sinks.ts to remove its innerHTML sink.');
      return { code: code.replace(SINK, '(()=>{throw Error("ClaveGuía never renders HTML")})()'), map: null };
    },
  };
}
