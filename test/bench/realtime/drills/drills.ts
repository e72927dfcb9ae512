import type { DrillResult } from './drill-result';
import { gatewayKillDrill } from './gateway-kill';
import { rateLimitStormDrill } from './rate-limit-storm';
import { redisRestartDrill } from './redis-restart';
import { revokedTokensDrill } from './revoked-tokens';
import { upstreamErrorsDrill } from './upstream-errors';
import { workerKillDrill } from './worker-kill';
import { ms, type Row } from '../summary';

export interface DrillOptions {
  /** Longer outages and quiet periods. Default false. */
  full?: boolean;
}

export interface DrillFigures {
  drills: DrillResult[];
  passed: number;
}

/** Every fault drill, one after the other, each on its own throw-away deployment. */
export async function measureDrills(options: DrillOptions = {}): Promise<DrillFigures> {
  const full = options.full ?? false;
  const drills: DrillResult[] = [];
  drills.push(await redisRestartDrill(full ? 10_000 : 3000));
  drills.push(await workerKillDrill(full ? 10 : 3));
  drills.push(await rateLimitStormDrill(full ? 60_000 : 15_000));
  drills.push(await upstreamErrorsDrill(full ? 15_000 : 8000));
  drills.push(await revokedTokensDrill());
  drills.push(await gatewayKillDrill());
  return { drills, passed: drills.filter((drill) => drill.pass).length };
}

export function drillRows(figures: DrillFigures): Row[] {
  return figures.drills.map((drill) => [
    `drill: ${drill.name}`,
    `${drill.pass ? 'PASS' : 'FAIL'}, recovery ${drill.recoveryMs === null ? 'n/a' : ms(drill.recoveryMs)} (${drill.recovery})`,
    drill.criterion,
  ]);
}

/** Each drill's checks, one line each, for the report below the table. */
export function drillDetails(figures: DrillFigures): string[] {
  return figures.drills.flatMap((drill) => [
    `${drill.pass ? 'PASS' : 'FAIL'} ${drill.name}`,
    ...drill.checks.map((check) => `  ${check.ok ? 'ok  ' : 'FAIL'} ${check.check}: ${check.seen}`),
  ]);
}
