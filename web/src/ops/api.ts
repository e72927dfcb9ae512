import type { SchedulerTuning } from '../../../lib/scheduler/scheduler-tuning';
import { requestJson } from '../shared/http';

/** The ops routes (admin token as a bearer token). See web/README.md for the shapes. */

export type UserState = 'playing' | 'paused' | 'idle' | 'unknown';
export type UserStatus = 'live' | 'reauth_required' | 'rate_limited' | 'degraded';

export interface OpsUser {
  userId: string;
  state: UserState;
  status: UserStatus;
  cadenceMs: number | null;
  nextPollAt: number | null;
  worker: string | null;
}

export interface OpsWorker {
  id: string;
  /** The user ids this worker polls. */
  users: string[];
  alive: boolean;
}

export interface OpsOverview {
  /** The server's clock (ms), to count down `nextPollAt` whatever this machine's clock says. */
  now: number;
  budget: { limit: number; windowMs: number; used: number };
  cooldown: { until: number; reason: string } | null;
  total429s: number;
  workers: OpsWorker[];
  users: OpsUser[];
}

export interface TuningSnapshot {
  version: number;
  /** The stored overrides (only what ops changed). */
  scheduler: Partial<Record<keyof SchedulerTuning, number>>;
  recordUsers: string[];
  /** Every setting as the workers apply it: defaults, configuration, then overrides. */
  inForce: SchedulerTuning;
}

export class OpsApi {
  constructor(private readonly token: string) {}

  overview(): Promise<OpsOverview> {
    return requestJson<OpsOverview>('/api/ops/overview', { headers: this.headers() });
  }

  tuning(): Promise<TuningSnapshot> {
    return requestJson<TuningSnapshot>('/internal/tuning', { headers: this.headers() });
  }

  /**
   * Stores `changes` on top of `current`'s overrides. The PUT replaces what is stored, so it carries every
   * override and the recorded users along; the server answers with the new snapshot.
   */
  saveTuning(
    current: TuningSnapshot,
    changes: Partial<Record<keyof SchedulerTuning, number>>,
  ): Promise<TuningSnapshot> {
    return requestJson<TuningSnapshot>('/internal/tuning', {
      method: 'PUT',
      body: { scheduler: { ...current.scheduler, ...changes }, recordUsers: current.recordUsers },
      headers: this.headers(),
    });
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}` };
  }
}
