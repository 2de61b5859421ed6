/**
 * `npm run test:quick`: the inner loop, in about two minutes. Types and lint side by side (one core each),
 * then the unit tests, then one smoke walk (recovery by link) in Chromium on the shipped build. The full
 * `npm test` adds web-ext lint and the E2E suite in both browsers.
 */
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Step {
  name: string;
  command: string[];
}

function run(step: Step): Promise<{ step: Step; ok: boolean; seconds: number }> {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(step.command[0]!, step.command.slice(1), { stdio: 'inherit' });
    child.on('close', (code) => done({ step, ok: code === 0, seconds: (Date.now() - started) / 1000 }));
  });
}

const PHASES: Step[][] = [
  [
    { name: 'typecheck', command: [npm, 'run', '--silent', 'typecheck'] },
    { name: 'lint', command: [npm, 'run', '--silent', 'lint'] },
  ],
  [{ name: 'unit', command: [npm, 'run', '--silent', 'test:unit'] }],
  [{ name: 'smoke walk (Chromium)', command: [npm, 'start', '--silent', '--', '--walk', '--only', 'recover-link', '--out', 'test-results/quick'] }],
];

const started = Date.now();
const times: string[] = [];
for (const phase of PHASES) {
  const results = await Promise.all(phase.map(run));
  times.push(...results.map((r) => `${r.step.name} ${r.seconds.toFixed(0)} s`));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    console.error(`\ntest:quick failed: ${failed.map((r) => r.step.name).join(', ')}`);
    process.exit(1);
  }
}
console.log(`\ntest:quick passed in ${((Date.now() - started) / 1000).toFixed(0)} s (${times.join(', ')})`);
