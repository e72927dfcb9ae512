import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { drillDetails, drillRows, measureDrills } from './drills/drills';
import { repoRoot } from './harness/paths';
import { latencyRows, measureLatency } from './latency';
import { loadRows, measureLoad } from './load';
import { FULL, QUICK } from './presets';
import { measureSoak, soakRows } from './soak';
import type { Row } from './summary';
import { measureThroughput, throughputRows } from './throughput';

/**
 * `node dist/test/bench/realtime/main.js [--quick|--full] [--only latency,load,soak,drills] [--out FILE]`
 * (after `npm run build`): the benchmarks over real processes (redis-server, simulator, worker, web, load
 * generators). Prints one markdown table per section and the drills' checks, and writes every figure as JSON
 * (default bench-results/realtime.json). Exit code 1 when a section could not run.
 */
const SECTIONS = ['latency', 'load', 'soak', 'drills'] as const;
type Section = (typeof SECTIONS)[number];

const USAGE = `usage: node dist/test/bench/realtime/main.js [--quick|--full] [--only ${SECTIONS.join(',')}] [--out FILE]`;

interface Args {
  full: boolean;
  only: Section[];
  out: string;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    full: false,
    only: [...SECTIONS],
    out: join(repoRoot, 'bench-results', 'realtime.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') args.full = false;
    else if (arg === '--full') args.full = true;
    else if (arg === '--only' || arg === '--out') {
      const value = argv[++i];
      if (value === undefined) throw new RangeError(`${arg} needs a value\n${USAGE}`);
      if (arg === '--out') args.out = value;
      else {
        const names = value.split(',').map((name) => name.trim());
        const unknown = names.filter((name) => !(SECTIONS as readonly string[]).includes(name));
        if (unknown.length > 0) throw new RangeError(`unknown section ${unknown.join(', ')}\n${USAGE}`);
        args.only = names as Section[];
      }
    } else throw new RangeError(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
  }
  return args;
}

function table(rows: readonly Row[]): string {
  return [
    '| figure | measured | target |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const preset = args.full ? FULL : QUICK;
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const figures: Record<string, unknown> = { machine, mode: args.full ? 'full' : 'quick' };
  const say = (text: string) => process.stdout.write(`${text}\n`);
  say(`machine: ${machine}; mode: ${args.full ? 'full' : 'quick'}\n`);
  let failed = false;
  const loadAverages: Record<string, number[]> = {};
  figures.loadAverages = loadAverages;
  const section = async (name: string, run: () => Promise<Row[]>) => {
    const started = performance.now();
    process.stderr.write(`realtime bench: ${name}…\n`);
    // Other work on the machine skews every real-time figure: the 1-minute load average says how busy it was.
    const loadAverage = os.loadavg();
    loadAverages[name] = loadAverage;
    try {
      const rows = await run();
      say(`### ${name} (1-min load average at start: ${loadAverage[0]?.toFixed(2)})\n\n${table(rows)}\n`);
    } catch (error) {
      failed = true;
      figures[`${name}Error`] = error instanceof Error ? error.message : String(error);
      say(
        `### ${name}\n\nfailed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.stderr.write(
      `realtime bench: ${name} took ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
  };
  if (args.only.includes('latency')) {
    await section('commanded-change latency', async () => {
      const latency = await measureLatency(preset.latency);
      figures.latency = latency;
      return latencyRows(latency);
    });
    await section('event throughput', async () => {
      const throughput = await measureThroughput(preset.throughput);
      figures.throughput = throughput;
      return throughputRows(throughput);
    });
  }
  if (args.only.includes('load')) {
    await section('gateway load', async () => {
      const load = await measureLoad(preset.load);
      figures.load = load;
      return loadRows(load);
    });
  }
  if (args.only.includes('soak')) {
    await section('soak', async () => {
      const soak = await measureSoak(preset.soak);
      figures.soak = soak;
      return soakRows(soak);
    });
  }
  if (args.only.includes('drills')) {
    await section('fault drills', async () => {
      const drills = await measureDrills(preset.drills);
      figures.drills = drills;
      say(drillDetails(drills).join('\n'));
      say('');
      return drillRows(drills);
    });
  }
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(figures, null, 2)}\n`);
  process.stderr.write(`realtime bench: figures written to ${args.out}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
