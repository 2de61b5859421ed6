import { existsSync } from 'node:fs';
import { executablePath, installCommand, type BrowserName } from '../../tools/ensure-browsers';

export type { BrowserName };

/**
 * The executable to launch. The global setup has already installed what was missing (or stopped the suite
 * with one line, test/tools/ensure-browsers.ts); this only guards a launch from elsewhere. It never skips.
 */
export function browserExecutable(name: BrowserName): string {
  const path = executablePath(name);
  if (!existsSync(path)) {
    throw new Error(
      `${name} not found at ${path}. Run: ${installCommand([name === 'chromium' ? 'chromium' : 'firefox-esr'])}` +
        ' (or set CHROMIUM_PATH / FIREFOX_PATH). The E2E suite never skips a browser.',
    );
  }
  return path;
}
