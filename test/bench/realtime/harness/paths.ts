import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Where the compiled processes are. The benchmarks run from `dist/` after `npm run build`; the repository root
 * is the nearest ancestor holding package.json, whether this file runs compiled or through Jest.
 */
function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRepoRoot(__dirname);

/** A compiled file under dist/, e.g. `daemon/worker.js`; throws when the build is missing. */
export function distFile(relative: string): string {
  const file = join(repoRoot, 'dist', relative);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return file;
}
