// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { installCommand, missingPackages, planInstall } from '../../tools/ensure-browsers';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = resolve(ROOT, 'test/tools/ensure-browsers.ts');
const bin = mkdtempSync(join(tmpdir(), 'claveguia-fake-bin-'));
chmodSync(bin, 0o755);
// The CLI as plain JavaScript beside the fake tools: a user dropped to uid 65534 may not be able to read the
// checkout (a clone under /root), and the script needs nothing but Node's own modules.
const CLI = join(bin, 'ensure-browsers.mjs');
writeFileSync(CLI, transformSync(readFileSync(SCRIPT, 'utf8'), { loader: 'ts', format: 'esm' }).code, { mode: 0o644 });
afterAll(() => rmSync(bin, { recursive: true, force: true }));

function fake(name: string, body: string): void {
  writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

/** Runs the CLI as `npm test` does, with fake tools first on PATH; as root, `dropToNobody` runs it as uid 65534. */
function runCli(env: Record<string, string>, options: { dropToNobody: boolean }) {
  const command = [process.execPath, CLI, 'chromium'];
  const asNobody = options.dropToNobody && process.getuid?.() === 0;
  const [file, ...args] = asNobody ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...command] : command;
  return spawnSync(file!, args, {
    cwd: bin,
    encoding: 'utf8',
    env: { ...process.env, HOME: tmpdir(), PATH: `${bin}:${process.env.PATH ?? ''}`, ...env },
  });
}

describe('ensure-browsers: what is missing and what to do about it', () => {
  it('lists the Debian package of a browser whose executable is missing, and only that one', () => {
    const env = { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' };
    expect(missingPackages(['chromium'], env)).toContain('chromium');
    expect(missingPackages(['chromium'], env)).not.toContain('firefox-esr');
  });

  it('installs as root, through passwordless sudo, and otherwise only says what to run', () => {
    const missing = ['chromium'];
    expect(planInstall([], { uid: 1000, sudo: false, optOut: false })).toEqual({ kind: 'nothing' });
    expect(planInstall(missing, { uid: 0, sudo: false, optOut: false })).toEqual({ kind: 'install', asRoot: true });
    expect(planInstall(missing, { uid: 1000, sudo: true, optOut: false })).toEqual({ kind: 'install', asRoot: false });
    expect(planInstall(missing, { uid: 1000, sudo: false, optOut: false })).toEqual({ kind: 'instruct' });
    expect(planInstall(missing, { uid: 0, sudo: true, optOut: true })).toEqual({ kind: 'instruct' });
  });

  it('a non-root user without sudo gets one plain line with the exact command, no stack trace', () => {
    fake('sudo', 'exit 1'); // "a password is required"
    fake('apt-get', 'echo "apt-get must not run" >&2; exit 3');
    const result = runCli({ CHROMIUM_PATH: '/nonexistent/chromium' }, { dropToNobody: true });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Run: ${installCommand(['chromium'])}`);
    expect(lines[0]).toContain('installing them needs root or passwordless sudo');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/Error/);
  });

  it('with the right to install, says what it installs and asks apt-get for exactly the missing packages', () => {
    const calls = join(bin, 'calls.txt');
    fake('sudo', '[ "$1" = -n ] && shift; exec "$@"'); // passwordless sudo
    fake('apt-get', `echo "$*" >> ${calls}`); // records; installs nothing, so the browser stays missing
    const result = runCli({ CHROMIUM_PATH: '/nonexistent/chromium' }, { dropToNobody: false });
    expect(result.stdout).toMatch(/^Installing chromium from Debian/);
    expect(readFileSync(calls, 'utf8').trim().split('\n')).toEqual(['update -qq', 'install -y -qq chromium']);
    // The fake installed nothing: the person is told once, plainly, what to run.
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(`Run: ${installCommand(['chromium'])}`)]);
  });
});
