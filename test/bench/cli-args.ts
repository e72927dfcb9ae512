import { isAbsolute, join } from 'node:path';

/** What `npm run bench -- ...` was asked. */
export interface BenchArgs {
  full: boolean;
  /** Absolute path of the detection workload. */
  workloadFile: string;
  /** Section keys to run; null for all. */
  only: string[] | null;
  /** Absolute path of the JSON file. */
  outFile: string;
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [--full] [--workload FILE] [--only SECTION[,SECTION...]] [--out FILE]
  --full           the long runs (default: the quick mode, a few minutes)
  --workload FILE  the detection benchmark's workload (default config/workloads/default.json)
  --only KEYS      run only these sections (e.g. detection, coreCost)
  --out FILE       where the figures go (default bench-results/latest.json)
Machine-readable output: npm run --silent bench (stdout is the table only; progress goes to stderr).`;

/** A command line the benchmark cannot run; the message says which argument and shows the usage. */
export class BenchArgsError extends Error {
  readonly code = 'BENCH_ARGS_INVALID';

  constructor(message: string) {
    super(`${message}\n${USAGE}`);
    this.name = 'BenchArgsError';
  }
}

/** Parses the arguments; paths are taken relative to `cwd`, defaults relative to `repoRoot`. */
export function parseBenchArgs(argv: readonly string[], repoRoot: string, cwd: string): BenchArgs {
  const args: BenchArgs = {
    full: false,
    workloadFile: join(repoRoot, 'config', 'workloads', 'default.json'),
    only: null,
    outFile: join(repoRoot, 'bench-results', 'latest.json'),
    help: false,
  };
  const resolve = (path: string) => (isAbsolute(path) ? path : join(cwd, path));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new BenchArgsError(`${arg} needs a value`);
      i++;
      return next;
    };
    switch (arg) {
      case '--full':
        args.full = true;
        break;
      case '--workload':
        args.workloadFile = resolve(value());
        break;
      case '--only':
        args.only = value()
          .split(',')
          .map((key) => key.trim())
          .filter((key) => key !== '');
        break;
      case '--out':
        args.outFile = resolve(value());
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new BenchArgsError(`unknown argument ${JSON.stringify(arg)}`);
    }
  }
  return args;
}
