import { Redis } from 'ioredis';
import { ConfigError, loadConfig, processEnv } from '../lib/config';
import { createRedisStores } from '../lib/store';
import { resolveRunTimeSettings } from '../lib/worker/run-time-settings';

/**
 * `npm run --silent tune -- [NAME=VALUE ...] [--record USER] [--stop-recording USER] [--reset]`: changes the
 * scheduler settings and the poll-log recording of every worker at run time, without a restart. The new
 * settings are validated before anything is stored; every worker picks them up at once. Without arguments it
 * prints what is in force. Prints the stored settings as JSON on stdout.
 */
const USAGE =
  'usage: npm run --silent tune -- [budgetPerWindow=50 playingMaxIntervalMs=20000 ...] [--record USER] [--stop-recording USER] [--reset]';

async function main(args: readonly string[]): Promise<number> {
  const config = loadConfig(processEnv());
  if (config.redis.url === null) {
    process.stderr.write(
      'tune: REDIS_URL is required: run-time settings live in Redis, shared by every worker\n',
    );
    return 2;
  }
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 2 });
  const stores = createRedisStores(redis, { prefix: config.redis.prefix });
  try {
    const stored = (await stores.tuning.get())?.values ?? {};
    let scheduler = { ...((stored.scheduler as Record<string, unknown> | undefined) ?? {}) };
    const recording = new Set((stored.recordUsers as string[] | undefined) ?? []);
    for (let i = 0; i < args.length; i++) {
      const arg = args[i] as string;
      if (arg === '--reset') scheduler = {};
      else if (arg === '--record' || arg === '--stop-recording') {
        const user = args[++i];
        if (user === undefined) throw new UsageError(`${arg} needs a user id`);
        if (arg === '--record') recording.add(user);
        else recording.delete(user);
      } else if (/^[A-Za-z]+=.+$/.test(arg)) {
        const [name, value] = arg.split('=', 2) as [string, string];
        scheduler[name] = Number.isFinite(Number(value)) ? Number(value) : value;
      } else throw new UsageError(`cannot read ${JSON.stringify(arg)}`);
    }
    const values = { scheduler, recordUsers: [...recording].sort() };
    const base = { budgetPerWindow: config.budget.perWindow, windowMs: config.budget.windowMs };
    const checked = resolveRunTimeSettings({ version: 0, values }, base);
    if (!checked.ok) {
      process.stderr.write(
        `tune: nothing stored:\n${checked.errors.map((error) => `  - ${error}`).join('\n')}\n`,
      );
      return 2;
    }
    if (args.length > 0) {
      const saved = await stores.tuning.set(values);
      await stores.bus.publishTuningChanged(saved.version);
      process.stdout.write(`${JSON.stringify({ version: saved.version, ...values })}\n`);
    } else {
      process.stdout.write(`${JSON.stringify({ ...values, inForce: checked.value.scheduler })}\n`);
    }
    return 0;
  } finally {
    await stores.close();
    await redis.quit();
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`tune: ${error.message}\n${USAGE}\n`);
    else if (error instanceof ConfigError) process.stderr.write(`tune: ${error.message}\n`);
    else process.stderr.write(`tune: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
