/**
 * The AMO source archive reproduces the Firefox package byte for byte: the archive `npm run package` uploads
 * is unpacked into two folders with different paths, each builds with the documented steps
 * (`npm ci && npm run build-for-amo`), and both zips equal the one built from this checkout.
 *
 * `npm ci` is replaced by a hard-linked copy of this checkout's node_modules (what `npm ci` installs from
 * the same package-lock.json; `npm ls` in the copy proves it matches the lockfile), so the test costs two
 * builds, not two installs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_NOTES, writeSourceArchive } from '../release/source-archive';
import { requireBuild, SHIPPED } from './harness/extensions';

const ROOT = resolve(import.meta.dirname, '../..');
const version = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
// Inside the checkout (test-results/ is ignored) so the hard links to node_modules stay on one file system.
mkdirSync(resolve(ROOT, 'test-results'), { recursive: true });
const work = mkdtempSync(resolve(ROOT, 'test-results', 'amo-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function unpack(zip: string, into: string): void {
  for (const [path, data] of Object.entries(unzipSync(new Uint8Array(readFileSync(zip))))) {
    if (path.endsWith('/')) continue;
    execFileSync('mkdir', ['-p', join(into, path, '..')]);
    writeFileSync(join(into, path), data);
  }
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => {
    // A reviewer's plain shell: none of vitest's variables (NODE_ENV=test would make a development build) and
    // none of the E2E build switches.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(NODE_ENV|VITEST.*|CLAVEGUIA_.*)$/.test(name)));
    const child = spawn(command, args, { cwd, env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => (code === 0 ? done(output) : fail(new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${output}`))));
  });
}

describe('the AMO source archive', () => {
  it('rebuilds the Firefox package byte for byte, in two different folders', async () => {
    requireBuild(SHIPPED.firefox);
    const archive = join(work, `claveguia-source-${version}.zip`);
    const files = writeSourceArchive(ROOT, archive);
    expect(files).toContain('package-lock.json');
    expect(files).toContain(BUILD_NOTES);
    expect(files.some((f) => f.startsWith('node_modules/') || f.startsWith('dist/'))).toBe(false);
    const notes = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(archive)))[BUILD_NOTES]);
    expect(notes).toContain('npm ci\nnpm run build-for-amo');

    const folders = [join(work, 'reviewer-a'), join(work, 'somewhere', 'else', 'reviewer-b')];
    await Promise.all(
      folders.map(async (folder) => {
        unpack(archive, folder);
        execFileSync('cp', ['-al', resolve(ROOT, 'node_modules'), join(folder, 'node_modules')]);
        await run('npm', ['ls', '--all', '--silent'], folder); // the copy is exactly what the lockfile installs
        await run('npm', ['run', 'build-for-amo'], folder);
      }),
    );
    const zips = folders.map((folder) => join(folder, 'dist', `claveguia-firefox-${version}.zip`));
    for (const zip of zips) expect(existsSync(zip), zip).toBe(true);
    const shipped = readFileSync(resolve(ROOT, 'dist', `claveguia-firefox-${version}.zip`));
    for (const zip of zips) expect(Buffer.compare(readFileSync(zip), shipped), zip).toBe(0);
  }, 300_000);
});
