import { measureWorkerLoad, rows } from './worker-load';

/**
 * `node dist/test/bench/worker-load-main.js --listeners 10000 [--duration-ms 60000] [--warmup-ms 60000]
 * [--budget N]`: one worker's load figures on their own (after `npm run build`); `npm run bench` includes them.
 * Prints the table, then every figure as JSON.
 */
const USAGE =
  'usage: worker-load-main [--listeners N] [--duration-ms MS] [--warmup-ms MS] [--budget REQUESTS_PER_30S]';

function parseArgs(argv: readonly string[]): Record<string, number> {
  const names: Record<string, string> = {
    '--listeners': 'listeners',
    '--duration-ms': 'durationMs',
    '--warmup-ms': 'warmupMs',
    '--budget': 'budgetPerWindow',
  };
  const parsed: Record<string, number> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = names[argv[i] as string];
    const value = Number(argv[i + 1]);
    if (name === undefined || !Number.isFinite(value)) throw new RangeError(`${USAGE}\n(at ${argv[i]})`);
    parsed[name] = value;
  }
  return parsed;
}

async function main(): Promise<void> {
  const { listeners = 10_000, durationMs = 60_000, ...rest } = parseArgs(process.argv.slice(2));
  const figures = await measureWorkerLoad({ listeners, durationMs, ...rest });
  const lines = [
    '| figure | measured | target |',
    '| --- | --- | --- |',
    ...rows(figures).map(([name, value, target]) => `| ${name} | ${value} | ${target} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n\n${JSON.stringify(figures, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
