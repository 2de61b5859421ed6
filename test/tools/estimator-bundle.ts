import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown } from 'vite';

/**
 * Builds the strength estimator (src/estimator/) as one self-contained IIFE and adds it to the extension as a
 * plain file, `fileName`, in the same build (so the store zip carries it). It is emitted as an asset, not an
 * entry: crxjs does not see it, no manifest key lists it, so it is not web-accessible. The background injects
 * it into the content script's isolated world on the new-key step only (src/background/estimator.ts).
 */
export function estimatorBundle(options: { root: string; entry: string; fileName: string; target: string }): Plugin {
  return {
    name: 'claveguia:estimator-bundle',
    apply: 'build',
    async generateBundle() {
      const result = await build({
        configFile: false,
        root: options.root,
        publicDir: false,
        logLevel: 'warn',
        build: {
          write: false,
          emptyOutDir: false,
          sourcemap: false,
          target: options.target,
          minify: true,
          rolldownOptions: {
            input: resolve(options.root, options.entry),
            output: { format: 'iife', entryFileNames: options.fileName },
          },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
      const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
      // One file or nothing: a split bundle would need a loader, and a loader needs web-accessible files.
      if (chunks.length !== 1 || !chunks[0]!.isEntry) throw new Error(`The estimator must build as one file, got ${chunks.length}`);
      this.emitFile({ type: 'asset', fileName: options.fileName, source: chunks[0]!.code });
    },
  };
}
