import { existsSync } from 'node:fs';

/** Where the E2E suite finds each browser, and what to tell someone who does not have it. */
const BROWSERS = {
  chromium: { env: 'CHROMIUM_PATH', path: '/usr/bin/chromium', apt: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr', apt: 'firefox-esr' },
} as const;

export type BrowserName = keyof typeof BROWSERS;

/** The executable to launch; throws (never skips) with the install command when it is missing. */
export function browserExecutable(name: BrowserName): string {
  const spec = BROWSERS[name];
  const path = process.env[spec.env] || spec.path;
  if (!existsSync(path)) {
    throw new Error(
      `${name} not found at ${path}. Install it with \`sudo apt-get update && sudo apt-get install -y ${spec.apt}\` ` +
        `or set ${spec.env} to its executable. The E2E suite never skips a browser.`,
    );
  }
  return path;
}
