import fc from 'fast-check';
import { afterEach } from 'vitest';
import { fakeBrowser, resetFakeBrowser } from './fakes/browser';

// The native extension object (src/platform/native.ts reads `chrome`, unit tests run as the Chrome build) is the
// same fake the polyfill is aliased to, so code on either path sees one browser.
Object.assign(globalThis, { chrome: fakeBrowser });

/**
 * One seed for every property test of the run, chosen here so a failure can be replayed whole:
 * `FC_SEED=<seed> npx vitest run <file>`. fast-check's own message adds the counterexample and its path.
 */
const seed = process.env.FC_SEED === undefined ? (Date.now() ^ (Math.random() * 0x100000000)) | 0 : Number(process.env.FC_SEED);
fc.configureGlobal({ seed });

afterEach((context) => {
  resetFakeBrowser();
  if (context.task.result?.state === 'fail') {
    console.error(`[property seed] ${context.task.name}: replay with FC_SEED=${seed} npx vitest run ${context.task.file?.name ?? ''}`);
  }
});
