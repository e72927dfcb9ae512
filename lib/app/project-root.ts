import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding the project's package.json, found by walking up from this file: the same answer from the
 * TypeScript sources (tests) and from the compiled `dist/` (the processes).
 */
export function projectRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
