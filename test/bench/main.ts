import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { systemClock } from '../../lib/time/system-clock';
import { BenchArgsError, parseBenchArgs, USAGE } from './cli-args';
import { coreCostSection } from './core-cost-section';
import { detectionSection } from './detection/detection-section';
import type { BenchSection } from './sections';
import { runSections } from './sections';
import { REALTIME_SECTIONS } from './realtime/sections';
import { workerLoadSection } from './worker-load-section';

/**
 * `npm run bench [-- --full] [--workload FILE] [--only KEYS] [--out FILE]`: runs the sections, prints their
 * tables (Markdown) on stdout and writes every figure to `bench-results/latest.json`, each section under its
 * key. Figures are measurements of this machine, never assertions.
 */
const SECTIONS: readonly BenchSection[] = [
  coreCostSection,
  detectionSection,
  workerLoadSection,
  ...REALTIME_SECTIONS,
];

const repoRoot = join(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2), repoRoot, process.cwd());
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, Node ${process.version}`;
  const argv = process.argv.slice(2);
  const command = `npm run bench${argv.length > 0 ? ` -- ${argv.join(' ')}` : ''}`;
  const results = await runSections(
    SECTIONS,
    { full: args.full, workloadFile: args.workloadFile, repoRoot, progress },
    args.only,
  );
  const lines = [
    `machine: ${machine}`,
    `mode: ${args.full ? 'full' : 'quick'}`,
    '',
    ...results.flatMap((r) => r.text),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  const json = {
    machine,
    mode: args.full ? 'full' : 'quick',
    command,
    finishedAt: new Date(systemClock.now()).toISOString(),
    seconds: Object.fromEntries(results.map((r) => [r.key, Number(r.seconds.toFixed(1))])),
    ...Object.fromEntries(results.map((r) => [r.key, r.figures])),
  };
  mkdirSync(dirname(args.outFile), { recursive: true });
  writeFileSync(args.outFile, `${JSON.stringify(json, null, 2)}\n`);
  progress(`figures written to ${args.outFile}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof BenchArgsError ? 2 : 1;
});
