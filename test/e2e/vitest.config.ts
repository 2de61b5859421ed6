import { defineConfig } from 'vitest/config';
import SlowestReporter from '../tools/slowest-reporter';

// Real browsers on a 2-core machine: two files at a time (each starts its own browsers and servers on free
// ports, so files are independent), generous timeouts for launches. The walks are one file per browser
// (walks.chromium / walks.firefox) so the two longest runs share the two workers.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/harness/global-setup.ts'],
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for a condition; its 1 s default is short on a loaded 2-core runner (a worker woken, a
    // page detected). A longer wait changes nothing that passes, only how long a real failure takes to say so.
    expect: { poll: { timeout: 5_000 } },
    reporters: ['default', new SlowestReporter()],
  },
});
