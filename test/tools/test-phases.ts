/**
 * Runs the test steps in phases; the steps of one phase run side by side (the machine has two cores and most
 * of these steps use one). Output of a step that runs alongside another is held and printed whole when it
 * ends, so logs never interleave; a step alone prints as it goes.
 *
 * - `npm test` (after test/tools/ensure-browsers.ts, `tsx test/tools/test-phases.ts --full`): types, lint and
 *   both builds side by side; unit tests and web-ext lint side by side; the E2E suite (it ends with the ten
 *   slowest tests).
 * - `npm run test:quick` (`tsx test/tools/test-phases.ts`): types and lint side by side, the unit tests, one smoke walk (recovery by link) in
 *   Chromium on the shipped build. The inner loop: about two minutes on a quiet 2-core machine.
 */
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const script = (name: string): string[] => [npm, 'run', '--silent', name];

interface Step {
  name: string;
  command: string[];
}

const QUICK: Step[][] = [
  [
    { name: 'typecheck', command: script('typecheck') },
    { name: 'lint', command: script('lint') },
  ],
  [{ name: 'unit', command: script('test:unit') }],
  [{ name: 'smoke walk (Chromium)', command: [npm, 'start', '--silent', '--', '--only', 'recover-link', '--out', 'test-results/quick'] }],
];

const FULL: Step[][] = [
  [
    { name: 'typecheck', command: script('typecheck') },
    { name: 'lint', command: script('lint') },
    { name: 'build', command: script('build') },
  ],
  [
    { name: 'unit', command: script('test:unit') },
    { name: 'web-ext lint', command: script('lint:firefox') },
  ],
  [{ name: 'e2e', command: script('test:e2e') }],
];

function run(step: Step, alone: boolean): Promise<{ step: Step; ok: boolean; seconds: number }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(step.command[0]!, step.command.slice(1), { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const held: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => held.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => held.push(chunk));
    child.on('close', (code) => {
      if (!alone) process.stdout.write(`\n── ${step.name} ──\n${Buffer.concat(held).toString()}`);
      done({ step, ok: code === 0, seconds: (Date.now() - started) / 1000 });
    });
  });
}

const full = process.argv.includes('--full');
const label = full ? 'npm test' : 'test:quick';
const started = Date.now();
const times: string[] = [];
for (const phase of full ? FULL : QUICK) {
  const results = await Promise.all(phase.map((step) => run(step, phase.length === 1)));
  times.push(...results.map((r) => `${r.step.name} ${r.seconds.toFixed(0)} s`));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    console.error(`\n${label} failed: ${failed.map((r) => r.step.name).join(', ')}`);
    process.exit(1);
  }
}
console.log(`\n${label} passed in ${((Date.now() - started) / 1000).toFixed(0)} s (${times.join(', ')})`);
