import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { measureCoreCost } from './core-cost';

/**
 * `npm run bench`: runs the benchmarks, prints a table and writes every figure to
 * `bench-results/latest.json`. Figures are measurements of this machine, never assertions.
 */
const repoRoot = join(__dirname, '..', '..', '..');

function main(): void {
  const polls = 200_000;
  // A first pass warms the JIT; only the second is reported.
  measureCoreCost(repoRoot, 20_000, 2);
  const core = measureCoreCost(repoRoot, polls, 1);

  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}`;
  const rows: Array<[string, string, string]> = [
    ['diff + attribute per poll, median', `${core.medianUs.toFixed(2)} µs`, '≤ 50 µs'],
    ['diff + attribute per poll, p99', `${core.p99Us.toFixed(2)} µs`, ''],
    ['diff + attribute per poll, mean', `${core.meanUs.toFixed(2)} µs`, ''],
  ];
  const lines = [
    `machine: ${machine}`,
    `core cost: ${core.polls} polls, ${core.eventsPerPoll.toFixed(3)} events per poll`,
    '',
    '| figure | measured | target |',
    '| --- | --- | --- |',
    ...rows.map(([name, value, target]) => `| ${name} | ${value} | ${target} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const outDir = join(repoRoot, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'latest.json');
  writeFileSync(file, `${JSON.stringify({ machine, coreCost: core }, null, 2)}\n`);
  process.stderr.write(`bench: figures written to ${file}\n`);
}

main();
