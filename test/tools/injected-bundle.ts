import { resolve } from 'node:path';
import { build, type Plugin, type Rolldown, type UserConfig } from 'vite';

export interface InjectedBundleOptions {
  root: string;
  entry: string;
  fileName: string;
  target: string;
  /** What the file needs of the parent config (crxjs's content-script sub-build keeps the same two). */
  resolve?: UserConfig['resolve'];
  define?: UserConfig['define'];
  /** False only for the bench's unminified copy (CPU profiles name functions and modules). */
  minify?: boolean;
}

/**
 * Builds a file the background injects into the content script's isolated world (the strength estimator, the
 * guide) as one self-contained IIFE, and adds it to the extension as a plain file, `fileName`, in the same build
 * (so the store zip carries it). It is emitted as an asset, not an entry: crxjs does not see it, no manifest key
 * lists it, so it is not web-accessible. The background injects it where it is needed (src/background/estimator.ts).
 */
export function injectedBundle(options: InjectedBundleOptions): Plugin {
  return {
    name: `claveguia:injected-bundle:${options.fileName}`,
    apply: 'build',
    async generateBundle() {
      const result = await build({
        configFile: false,
        root: options.root,
        publicDir: false,
        logLevel: 'warn',
        ...(options.resolve ? { resolve: options.resolve } : {}),
        ...(options.define ? { define: options.define } : {}),
        build: {
          write: false,
          emptyOutDir: false,
          sourcemap: false,
          target: options.target,
          minify: options.minify ?? true,
          rolldownOptions: {
            input: resolve(options.root, options.entry),
            output: { format: 'iife', entryFileNames: options.fileName },
          },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
      const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk');
      // One file or nothing: a split bundle would need a loader, and a loader needs web-accessible files.
      if (chunks.length !== 1 || !chunks[0]!.isEntry) throw new Error(`${options.fileName} must build as one file, got ${chunks.length}`);
      this.emitFile({ type: 'asset', fileName: options.fileName, source: chunks[0]!.code });
    },
  };
}
