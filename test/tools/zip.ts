import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

// A fixed timestamp makes the zip reproducible, which AMO reviewers rebuild and compare.
const FIXED_MTIME = new Date('2026-01-01T00:00:00Z');

function collect(dir: string, base: string, into: Zippable): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, base, into);
    else into[relative(base, path).split(sep).join('/')] = [readFileSync(path), { mtime: FIXED_MTIME }];
  }
}

/** Zips the given files (archive path → bytes), in path order, with the fixed timestamp. */
export function zipFiles(files: ReadonlyMap<string, Uint8Array>, zipPath: string): void {
  const entries: Zippable = {};
  for (const path of [...files.keys()].sort()) entries[path] = [files.get(path)!, { mtime: FIXED_MTIME }];
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
}

/** Zips every file under `sourceDir` (paths relative to it) into `zipPath`. */
export function zipDirectory(sourceDir: string, zipPath: string): void {
  const files: Zippable = {};
  collect(sourceDir, sourceDir, files);
  writeFileSync(zipPath, zipSync(files, { level: 9 }));
}
