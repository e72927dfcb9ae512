import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { DEFAULT_ENGINE_OPTIONS } from '../lib/core/engine-options';
import { runReplay } from '../lib/replay/run-replay';

/**
 * `npm run --silent replay -- FILE` (or `-` for stdin): runs a poll log through normalize → diff → attribute
 * and prints one event per line, nothing else on stdout; problems go to stderr. Exit 0 once the input was
 * read, 2 on a usage error.
 */
const USAGE =
  'usage: npm run --silent replay -- FILE   (FILE is a poll log, one JSON object per line; - reads stdin)';

async function main(args: readonly string[]): Promise<number> {
  const [path] = args;
  if (path === '--help' || path === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.length !== 1 || path === undefined) {
    process.stderr.write(`replay: expected one FILE, got ${args.length} arguments\n${USAGE}\n`);
    return 2;
  }
  if (path !== '-') {
    try {
      await access(path);
    } catch {
      process.stderr.write(`replay: cannot read ${path}\n${USAGE}\n`);
      return 2;
    }
  }
  const input = path === '-' ? process.stdin : createReadStream(path, { encoding: 'utf8' });
  await runReplay(input, process.stdout, process.stderr, DEFAULT_ENGINE_OPTIONS);
  return 0;
}

// A reader that closes the pipe early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `replay: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
