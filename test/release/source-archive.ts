/**
 * The source archive addons.mozilla.org asks for with every version of a bundled extension: every file of the
 * repository that git tracks or would track (not node_modules, dist or test results), plus AMO-BUILD.md with
 * the machine, tool versions and the exact commands. Unpacked anywhere, `npm ci && npm run build-for-amo`
 * rebuilds dist/claveguia-firefox-<version>.zip byte for byte (test/e2e/amo-source.e2e.ts proves it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { zipFiles } from '../tools/zip';

export const BUILD_NOTES = 'AMO-BUILD.md';

/** Repository files (tracked, or new and not ignored), relative to `root`, sorted. */
export function sourceFiles(root: string): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  return [...new Set(listed.split('\0').filter((path) => path !== ''))]
    // A file deleted in the work tree but still in the index is not part of this source.
    .filter((path) => statSync(resolve(root, path), { throwIfNoEntry: false })?.isFile() ?? false)
    .sort();
}

/** The reviewer's instructions: what this archive was built with and how to rebuild the package. */
export function buildNotes(version: string, tools: { os: string; node: string; npm: string }): string {
  return `# ClaveGuía ${version}: building the Firefox package from this source

The package uploaded to addons.mozilla.org is \`dist/claveguia-firefox-${version}.zip\`. It is bundled and minified
(vite 8 with @crxjs/vite-plugin, Preact); nothing is obfuscated. Every tool is open source and comes from the
npm registry through \`package-lock.json\`.

Built with: ${tools.os}, Node ${tools.node}, npm ${tools.npm}. Any Node 20.19 or later and npm 10 or
later should give the same bytes (\`package.json\` \`engines\`; Node 24 on ARM64 Ubuntu is expected to work too).

\`\`\`sh
npm ci
npm run build-for-amo
\`\`\`

The output is \`dist/firefox/\` (the unpacked extension) and \`dist/claveguia-firefox-${version}.zip\` (the same
files with a fixed timestamp, no source maps). No network access is needed after \`npm ci\`; no browser is
needed to build. \`README.md\` ("Release") says how the project itself checks that two builds from this
archive, in two different folders, give the same zip as the one uploaded.
`;
}

/** Writes the archive: the repository's files plus AMO-BUILD.md at its root. */
export function writeSourceArchive(root: string, zipPath: string): string[] {
  const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
  const npmVersion = execFileSync('npm', ['--version'], { cwd: root, encoding: 'utf8' }).trim();
  const files = new Map<string, Uint8Array>();
  for (const path of sourceFiles(root)) files.set(path, readFileSync(resolve(root, path)));
  const release = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const os = /^PRETTY_NAME="?([^"\n]*)/m.exec(release)?.[1] ?? process.platform;
  const notes = buildNotes(version, { os: `${os} (${process.arch})`, node: process.version.slice(1), npm: npmVersion });
  files.set(BUILD_NOTES, new TextEncoder().encode(notes));
  zipFiles(files, zipPath);
  return [...files.keys()];
}
