/**
 * The one place that knows which Debian packages the browsers under test come from, and installs what is
 * missing. Used by `npm start`, `npm test` (first step and the E2E global setup) and `.ci/run`.
 *
 *   tsx test/tools/ensure-browsers.ts [chromium] [firefox]     (no argument: both)
 *
 * When something is missing it installs it from Debian as root or with passwordless sudo, saying what it
 * installs; otherwise it prints ONE line with the exact command and exits 1, never a stack trace.
 * `CLAVEGUIA_BROWSER_INSTALL=never` only reports (for a machine where npm must not touch the system).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSER_NAMES: readonly BrowserName[] = ['chromium', 'firefox'];

interface Requirement {
  /** The Debian package that provides it. */
  pkg: string;
  /** What must exist once it is installed. */
  file: (env: NodeJS.ProcessEnv) => string;
  executable: boolean;
}

/** Where each browser's executable is looked for: its environment variable, else Debian's path. */
export const BROWSER_EXECUTABLES = {
  chromium: { env: 'CHROMIUM_PATH', path: '/usr/bin/chromium' },
  firefox: { env: 'FIREFOX_PATH', path: '/usr/bin/firefox-esr' },
} as const;

export function executablePath(name: BrowserName, env: NodeJS.ProcessEnv = process.env): string {
  const spec = BROWSER_EXECUTABLES[name];
  return env[spec.env] || spec.path;
}

const REQUIREMENTS: Record<BrowserName, Requirement[]> = {
  chromium: [
    { pkg: 'chromium', file: (env) => executablePath('chromium', env), executable: true },
    // Spanish and English UI strings: extension i18n follows the browser's UI language.
    { pkg: 'chromium-l10n', file: () => '/usr/lib/chromium/locales/es.pak', executable: false },
  ],
  firefox: [
    { pkg: 'firefox-esr', file: (env) => executablePath('firefox', env), executable: true },
    // Firefox reads extension strings in its UI language; the Spanish tests need the es-MX language pack.
    {
      pkg: 'firefox-esr-l10n-es-mx',
      file: () => '/usr/lib/firefox-esr/browser/extensions/langpack-es-MX@firefox-esr.mozilla.org.xpi',
      executable: false,
    },
  ],
};

/** The Debian packages still missing for these browsers, in a stable order. */
export function missingPackages(browsers: readonly BrowserName[], env: NodeJS.ProcessEnv = process.env): string[] {
  return browsers.flatMap((name) => REQUIREMENTS[name].filter((r) => !existsSync(r.file(env))).map((r) => r.pkg));
}

/** The exact command a person runs to install these packages. */
export function installCommand(packages: readonly string[]): string {
  return `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
}

/** The one line said when the browsers are missing and cannot be installed from here. */
export function missingLine(packages: readonly string[]): string {
  return (
    `ClaveGuía needs the Debian package(s) ${packages.join(' ')}, not installed here (installing them needs root or passwordless sudo). ` +
    `Run: ${installCommand(packages)}   (or set CHROMIUM_PATH / FIREFOX_PATH to a browser you have)`
  );
}

export type InstallPlan = { kind: 'nothing' } | { kind: 'install'; asRoot: boolean } | { kind: 'instruct' };

/** Pure decision: install directly as root, through passwordless sudo, or tell the person what to run. */
export function planInstall(missing: readonly string[], who: { uid: number; sudo: boolean; optOut: boolean }): InstallPlan {
  if (missing.length === 0) return { kind: 'nothing' };
  if (who.optOut) return { kind: 'instruct' };
  if (who.uid === 0) return { kind: 'install', asRoot: true };
  if (who.sudo) return { kind: 'install', asRoot: false };
  return { kind: 'instruct' };
}

function passwordlessSudo(): boolean {
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

function run(command: string[], asRoot: boolean): boolean {
  const [file, ...args] = asRoot ? command : ['sudo', '-n', ...command];
  const result = spawnSync(file!, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

export type EnsureResult = { ok: true; installed: string[] } | { ok: false; line: string };

/**
 * Makes sure the browsers are there. Never throws for a missing browser: the caller prints `line` and exits.
 * `log` hears what is being installed (one line) before apt-get runs.
 */
export function ensureBrowsers(browsers: readonly BrowserName[], log: (line: string) => void = console.log): EnsureResult {
  const missing = missingPackages(browsers);
  const uid = process.getuid?.() ?? -1;
  const optOut = process.env.CLAVEGUIA_BROWSER_INSTALL === 'never';
  const plan = planInstall(missing, { uid, sudo: missing.length > 0 && uid !== 0 && !optOut && passwordlessSudo(), optOut });
  if (plan.kind === 'nothing') return { ok: true, installed: [] };
  if (plan.kind === 'instruct') return { ok: false, line: missingLine(missing) };
  log(`Installing ${missing.join(' ')} from Debian (apt-get${plan.asRoot ? '' : ' through sudo'})…`);
  const installed =
    run(['apt-get', 'update', '-qq'], plan.asRoot) &&
    run(['apt-get', 'install', '-y', '-qq', ...missing], plan.asRoot);
  const still = missingPackages(browsers);
  if (!installed || still.length > 0) {
    const set = still.length > 0 ? still : missing;
    return { ok: false, line: `Installing ${set.join(' ')} did not succeed. Run: ${installCommand(set)}   (or set CHROMIUM_PATH / FIREFOX_PATH)` };
  }
  return { ok: true, installed: missing };
}

/** For scripts: ensure, or print the one line on stderr and exit 1. */
export function ensureBrowsersOrExit(browsers: readonly BrowserName[]): void {
  const result = ensureBrowsers(browsers);
  if (result.ok) return;
  console.error(result.line);
  process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const asked = process.argv.slice(2).filter((a): a is BrowserName => (BROWSER_NAMES as readonly string[]).includes(a));
  ensureBrowsersOrExit(asked.length > 0 ? asked : BROWSER_NAMES);
}
