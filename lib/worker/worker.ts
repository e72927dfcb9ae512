import PQueue from 'p-queue';
import type { Registry } from 'prom-client';
import type { ListenerStatus, UnpublishedEvent } from '../contract/events';
import { initialEngineState, type EngineState } from '../core/engine/engine-state';
import { flush } from '../core/engine/flush';
import { step } from '../core/engine/step';
import { volumeFlushDueAt } from '../core/engine/volume-drag';
import type { Hint } from '../core/hint';
import { toPlaybackState } from '../core/playback-state';
import { normalizePlayer, normalizeQueue } from '../core/normalize';
import type { Observation } from '../core/snapshot';
import type { Logger } from '../log/logger';
import type { WorkerStatus, WorkerStatusStore } from '../ops';
import type { EventPublisher } from '../publish';
import type { Random } from '../random/random';
import {
  afterPlayerPoll,
  afterPollFailure,
  afterQueuePoll,
  allocate,
  cadenceIntervalMs,
  isUrgentPoll,
  observedChanges,
  onHint,
  onNudge,
  pacedAt,
  planNextPoll,
  type Allocation,
  type PlannedRequest,
  type PollFailureKind,
} from '../scheduler';
import type { SpotifyReadResult } from '../spotify';
import type { Cooldown, Stores, Unsubscribe } from '../store';
import type { Clock } from '../time/clock';
import type { TokenManager } from '../tokens';
import { failureAction } from './failure-policy';
import { KeyedMinHeap } from './keyed-min-heap';
import { planOwnership } from './ownership-plan';
import type { PollLogRecorder } from './poll-log-recorder';
import { newPolledUser, type PolledUser } from './polled-user';
import { ReservationLine } from './reservation-line';
import { resolveRunTimeSettings, type RunTimeSettings } from './run-time-settings';
import type { ShareLimiter } from './share-limiter';
import { WakeSignal } from './wake-signal';
import type { WorkerHealth } from './worker-http';
import { WorkerMetrics } from './worker-metrics';
import { resolveWorkerOptions, type WorkerOptions } from './worker-options';

/** The two reads the worker makes (the Spotify adapter, or the simulator in-process). */
export interface PlaybackReader {
  getPlayer(accessToken: string): Promise<SpotifyReadResult>;
  getQueue(accessToken: string): Promise<SpotifyReadResult>;
}

export interface WorkerDeps {
  stores: Stores;
  spotify: PlaybackReader;
  tokens: Pick<TokenManager, 'accessToken' | 'afterUnauthorized'>;
  publisher: EventPublisher;
  clock: Clock;
  random: Random;
  logger: Logger;
  registry: Registry;
  /** Holds this worker to its share in-process (Bottleneck); left out in virtual time. */
  shareLimiter?: ShareLimiter;
  /** Writes the raw poll log of the users whose recording is on. */
  recorder?: PollLogRecorder;
  /** Whether the shared store answers (Redis PING); left out for the in-memory stores. */
  ping?: () => Promise<boolean>;
  /** Where this worker leaves its status (cadences, next polls, 429s) for the ops page, with each heartbeat. */
  statusStore?: WorkerStatusStore;
}

type Endpoint = 'player' | 'queue';

/** The least gap between membership passes brought forward by nudges for users this worker does not poll. */
const NUDGED_MEMBERSHIP_GAP_MS = 1000;

/**
 * A user's player and queue requests due now, when the next one not yet due is, and when their earliest
 * urgent request falls due (null: none planned). `paced`: a deferrable request of theirs is due by its own
 * time and held back only by the worker's pacing.
 */
interface DueRequests {
  player: PlannedRequest | null;
  queue: PlannedRequest | null;
  nextAt: number;
  urgentAt: number | null;
  paced: boolean;
}

/** Whether either request due is urgent (it then waits in the urgent lane of the line). */
function isUrgentDue(due: DueRequests): boolean {
  return (due.player !== null && isUrgentPoll(due.player)) || (due.queue !== null && isUrgentPoll(due.queue));
}

/**
 * The poller. It shares the active users with the other live workers through leases, polls each of its users
 * when the scheduler says (cadence by state and estimated change rate, the predicted end of the item,
 * fast-follow after a hint), within this worker's share of the app-wide budget and never past the shared
 * cooldown, runs every observation through normalize → diff → attribute, and publishes the events. A user it
 * takes over is diffed from the stored latest state, so nothing is lost or repeated.
 *
 * Logs name transitions (started or stopped polling a user, cooldown entered or left, a user needing to sign in
 * again), not every poll. `close()` stops scheduling, lets the requests in flight finish, flushes held events,
 * gives up the leases and leaves the worker set; calling it again returns the same promise.
 */
export class Worker {
  private readonly options: Readonly<WorkerOptions>;
  private readonly metrics: WorkerMetrics;
  private readonly users = new Map<string, PolledUser>();
  /** 429s received since the start, for the ops page. */
  private rateLimitedCount = 0;
  /**
   * Every user with no request in flight, by when to look at them next: no later than anything of theirs
   * (a request, a held volume change) can be due, so a wake-up looks only at the users due, not at all.
   */
  private readonly lookAt = new KeyedMinHeap<string>();
  /** Users whose requests wait for room while the ledger is full (they are looked at for held changes only). */
  private readonly line = new ReservationLine();
  /** When each user was last seen active (subscribed or hinted); they linger `lingerMs` after. */
  private readonly lastActiveAt = new Map<string, number>();
  /** Users who must sign in again: not polled until their tokens are good. */
  private readonly reauth = new Set<string>();
  /** Users back from `reauth` whose clients have not yet been told they are `live` again. */
  private readonly signedInAgain = new Set<string>();
  private readonly inFlight: PQueue;
  private readonly stopping = new AbortController();
  private readonly wake: WakeSignal;
  private settings: RunTimeSettings;
  private allocation: Allocation | null = null;
  /** Users or live workers came or went since the allocation was computed. */
  private allocationStale = false;
  /** Requests ended since the allocation was computed. */
  private pollsSinceAllocation = 0;
  /** A hint or nudge came since the allocation was computed: urgent requests are coming. */
  private hintedSinceAllocation = false;
  private liveWorkerCount = 1;
  private cooldown: Cooldown | null = null;
  private cooldownReadAt = -Infinity;
  private nextMembershipAt = -Infinity;
  private lastMembershipAt = -Infinity;
  private lastDeferrableAt: number | null = null;
  private lastSuccessfulPollAt: number | null = null;
  private readonly startedAt: number;
  private loop: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  private unsubscribes: Unsubscribe[] = [];

  constructor(
    private readonly deps: WorkerDeps,
    options: Partial<WorkerOptions> & Pick<WorkerOptions, 'workerId'>,
  ) {
    this.options = resolveWorkerOptions(options);
    this.metrics = new WorkerMetrics(deps.registry);
    this.inFlight = new PQueue({ concurrency: this.options.maxInFlight });
    this.wake = new WakeSignal(deps.clock, this.stopping.signal);
    const base = resolveRunTimeSettings(null, this.options.schedulerBase);
    if (!base.ok) throw new RangeError(`Worker scheduler settings: ${base.errors.join('; ')}`);
    this.settings = base.value;
    this.startedAt = deps.clock.now();
  }

  get id(): string {
    return this.options.workerId;
  }

  /** Users this worker polls now. */
  ownedUsers(): string[] {
    return [...this.users.keys()].sort();
  }

  /** Joins the worker set, subscribes to nudges and tuning changes, and starts the loop. */
  async start(): Promise<void> {
    if (this.loop !== null) throw new Error('Worker.start: already started');
    const { bus } = this.deps.stores;
    await this.reloadSettings();
    this.unsubscribes.push(await bus.subscribe((userId) => void this.onNudge(userId)));
    this.unsubscribes.push(await bus.subscribeTuningChanged(() => void this.reloadSettings()));
    this.deps.logger.info('worker started', { workerId: this.id });
    this.loop = this.run().catch((error: unknown) => {
      this.deps.logger.error('worker loop failed', { workerId: this.id, error });
    });
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  /**
   * What this worker says about each user it polls, for the ops page: the cadence the allocation gives them now
   * and when their next player poll is planned (null before the first allocation).
   */
  status(): WorkerStatus {
    const now = this.deps.clock.now();
    const allocation = this.allocation;
    const tuning = this.settings.scheduler;
    const users = [...this.users.values()]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((user) => ({
        userId: user.id,
        cadenceMs:
          allocation === null ? null : Math.round(cadenceIntervalMs(user.schedule, allocation, tuning)),
        nextPollAt:
          allocation === null || user.inFlight
            ? null
            : Math.max(planNextPoll(user.schedule, allocation, now, tuning).player.at, user.notBefore),
        status: user.status,
      }));
    return { workerId: this.id, at: now, rateLimited: this.rateLimitedCount, users };
  }

  async health(): Promise<WorkerHealth> {
    const now = this.deps.clock.now();
    const problems: string[] = [];
    const redisUp = this.deps.ping ? await this.deps.ping().catch(() => false) : null;
    if (redisUp === false) problems.push('Redis does not answer');
    const cooldown = this.cooldown !== null && this.cooldown.until > now ? this.cooldown : null;
    if (cooldown)
      problems.push(`Spotify cooldown (${cooldown.reason}) until ${new Date(cooldown.until).toISOString()}`);
    const tuning = this.settings.scheduler;
    const heldMs = tuning.windowMs + this.options.requestSkewMarginMs;
    const budgetUsed = await this.deps.stores.budget.used(now, heldMs).catch(() => -1);
    return {
      status: this.closing ? 'stopping' : problems.length > 0 ? 'degraded' : 'ok',
      workerId: this.id,
      redis: redisUp === null ? 'not_used' : redisUp ? 'up' : 'down',
      cooldown: cooldown === null ? null : { until: cooldown.until, reason: cooldown.reason },
      usersOwned: this.users.size,
      lastSuccessfulPollAt: this.lastSuccessfulPollAt,
      budgetUsed,
      budgetLimit: tuning.budgetPerWindow,
      uptimeSeconds: Math.round((now - this.startedAt) / 1000),
      problems,
    };
  }

  private async run(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      let wakeAt: number;
      try {
        wakeAt = await this.tick();
      } catch (error) {
        // A store outage must not end the loop: say so, wait a moment, try again.
        this.deps.logger.error('worker tick failed', { workerId: this.id, error });
        wakeAt = this.deps.clock.now() + this.options.cooldownCheckMs;
      }
      await this.wake.sleep(Math.max(0, wakeAt - this.deps.clock.now()));
    }
  }

  /**
   * One pass: membership when due, then dispatch what is due, taking the users due off the heap in the order
   * they came due (O(log n) each). Returns when to look again.
   */
  private async tick(): Promise<number> {
    const { clock } = this.deps;
    if (clock.now() >= this.nextMembershipAt) {
      await this.membership();
      this.lastMembershipAt = clock.now();
      this.nextMembershipAt = this.lastMembershipAt + this.options.membershipIntervalMs;
    }
    const now = clock.now();
    const cooldown = await this.currentCooldown(now);
    if (cooldown !== null) {
      return Math.min(this.nextMembershipAt, cooldown.until, now + this.options.maxCooldownSleepMs);
    }
    const allocation = this.currentAllocation(now);
    // Player requests go first: under a scarce budget a user's first look matters more than anyone's queue.
    const dueQueues: Array<[PolledUser, PlannedRequest, DueRequests]> = [];
    const send = (user: PolledUser, due: DueRequests) => {
      if (due.player) this.dispatch(user, due.player);
      else if (due.queue) dueQueues.push([user, due.queue, due]);
    };
    while (this.lookAt.peekPriority() <= now) {
      const user = this.users.get(this.lookAt.pop() as string) as PolledUser;
      const flushAt = volumeFlushDueAt(user.engine, this.options.engine);
      if (flushAt !== null && flushAt <= now) {
        await this.flushHeld(user, now);
        // Meanwhile a failed request may have stopped them (a user who must sign in again).
        if (this.users.get(user.id) !== user) continue;
      }
      const due = this.dueRequests(user, allocation, now);
      const waiting = this.line.has(user.id);
      if (!due.player && !due.queue) {
        // Held back by pacing alone, they wait their turn in the deferrable lane: rescheduled at the next
        // pacing slot, every such user would be looked at again at each slot for one of them to go (10,000
        // listeners: a hundred looks per poll).
        if (due.paced) this.line.join(user.id, false);
        if (waiting || due.paced) this.scheduleWhileWaiting(user, due, now);
        else this.schedule(user, Math.min(due.nextAt, this.flushDueAt(user)));
      } else if (!waiting && this.line.admits()) send(user, due);
      else {
        // Joining, or (looked at again at their natural-end poll, or after a nudge) moving up to the urgent
        // lane.
        this.line.join(user.id, isUrgentDue(due));
        this.scheduleWhileWaiting(user, due, now);
      }
    }
    // While the ledger is full, one user at a time asks it for room: urgent requests first, deferrable ones at
    // their pacing slot.
    this.line.paceDeferrable(this.nextDeferrableSlot(allocation));
    for (let next = this.line.takeNext(now); next !== undefined; next = this.line.takeNext(now)) {
      const user = this.users.get(next) as PolledUser;
      if (user.inFlight) break;
      const due = this.dueRequests(user, allocation, now);
      if (due.player || due.queue) send(user, due);
      else if (due.paced) this.line.notYet(user.id);
      else {
        // Nothing due after all (a new allocation): they leave the line and come back when due.
        this.line.released(user.id);
        this.schedule(user, Math.min(due.nextAt, this.flushDueAt(user)));
      }
      // A deferrable request sent just now moves the pacing slot: the deferrable lane waits for it.
      this.line.paceDeferrable(this.nextDeferrableSlot(allocation));
    }
    for (const [user, request, due] of dueQueues) {
      // A deferrable request dispatched above in this tick may have taken the pacing slot since; their player
      // poll may still come due sooner.
      const pacedUntil = pacedAt({ ...request, at: now }, this.lastDeferrableAt, allocation);
      if (pacedUntil > now) {
        this.line.released(user.id);
        this.line.join(user.id, false);
        this.scheduleWhileWaiting(user, due, now);
      } else this.dispatch(user, request);
    }
    return Math.min(this.nextMembershipAt, this.lookAt.peekPriority(), this.line.nextMoveAt());
  }

  /** When this worker's next deferrable request may go out (pacing). */
  private nextDeferrableSlot(allocation: Allocation): number {
    return this.lastDeferrableAt === null
      ? -Infinity
      : this.lastDeferrableAt + allocation.limits.deferrableSpacingMs;
  }

  /** When to look at the user next, under `allocation`: now when something of theirs is due. */
  private nextLookAt(user: PolledUser, allocation: Allocation, now: number): number {
    const flushAt = this.flushDueAt(user);
    if (flushAt <= now) return now;
    const due = this.dueRequests(user, allocation, now);
    return due.player || due.queue || due.paced ? now : Math.min(due.nextAt, flushAt);
  }

  /** When the user's held volume change is to be published, or Infinity. */
  private flushDueAt(user: PolledUser): number {
    return volumeFlushDueAt(user.engine, this.options.engine) ?? Infinity;
  }

  /**
   * A user waiting in line is looked at when a held volume change of theirs is due and, while what they wait
   * with is deferrable, when an urgent request of theirs (the natural-end poll) falls due: that moves them up
   * to the urgent lane, instead of the end poll waiting for the deferrable lane's pacing.
   */
  private scheduleWhileWaiting(user: PolledUser, due: DueRequests, now: number): void {
    const { urgentAt } = due;
    const promoteAt = isUrgentDue(due) || urgentAt === null || urgentAt <= now ? Infinity : urgentAt;
    const at = Math.min(this.flushDueAt(user), promoteAt);
    if (at < Infinity) this.schedule(user, at);
  }

  /** Looks at the user at `at` (a user with a request in flight is looked at when it ends). */
  private schedule(user: PolledUser, at: number): void {
    if (!user.inFlight && this.users.get(user.id) === user) this.lookAt.set(user.id, at);
  }

  /** The user's player and queue requests due now, and when the next one not yet due is. */
  private dueRequests(user: PolledUser, allocation: Allocation, now: number): DueRequests {
    const plan = planNextPoll(user.schedule, allocation, now, this.settings.scheduler);
    const urgentAt = plan.urgentAt === null ? null : Math.max(plan.urgentAt, user.notBefore);
    const due: DueRequests = { player: null, queue: null, nextAt: Infinity, urgentAt, paced: false };
    const candidates: Array<PlannedRequest & { at: number }> = [{ endpoint: 'player', ...plan.player }];
    if (plan.queue !== null) candidates.push({ endpoint: 'queue', ...plan.queue });
    for (const candidate of candidates) {
      const when = Math.max(pacedAt(candidate, this.lastDeferrableAt, allocation), user.notBefore);
      if (when > now) {
        due.nextAt = Math.min(due.nextAt, when);
        if (Math.max(candidate.at, user.notBefore) <= now) due.paced = true;
      } else due[candidate.endpoint] = candidate;
    }
    return due;
  }

  private dispatch(user: PolledUser, request: PlannedRequest): void {
    if (!isUrgentPoll(request)) this.lastDeferrableAt = this.deps.clock.now();
    user.inFlight = true;
    this.lookAt.delete(user.id);
    void this.inFlight
      .add(async () => {
        if (!this.stopping.signal.aborted && this.users.has(user.id)) await this.request(user, request);
      })
      .catch((error: unknown) => this.deps.logger.error('poll failed', { userId: user.id, error }))
      .finally(() => {
        user.inFlight = false;
        this.line.released(user.id);
        this.pollsSinceAllocation++;
        this.schedule(user, this.deps.clock.now());
        this.wake.wake();
      });
  }

  /** One request through the share limiter, the cooldown, the ledger and the token; false when it did not go out. */
  private async request(user: PolledUser, request: PlannedRequest): Promise<boolean> {
    // When the request that answered went out: the scheduler anchors the predicted end mid-round-trip.
    let sentAt = this.deps.clock.now();
    const send = async (): Promise<SpotifyReadResult | null> => {
      let token = await this.deps.tokens.accessToken(user.id);
      if (!(await this.reserve(user, request))) return null;
      try {
        sentAt = this.deps.clock.now();
        return await this.read(request.endpoint, token);
      } catch (error) {
        if (failureAction(error).kind !== 'refresh_token') throw error;
        this.metrics.polls.inc({ endpoint: request.endpoint, outcome: 'unauthorized' });
        token = await this.deps.tokens.afterUnauthorized(user.id, token);
        if (!(await this.reserve(user, request))) return null;
        sentAt = this.deps.clock.now();
        return await this.read(request.endpoint, token);
      }
    };
    try {
      const result = await (this.deps.shareLimiter ? this.deps.shareLimiter.schedule(send) : send());
      if (result === null) return false;
      if (request.endpoint === 'player') await this.observePlayer(user, result, sentAt);
      else await this.observeQueue(user, result);
      return true;
    } catch (error) {
      await this.onFailure(user, request.endpoint, error);
      return false;
    }
  }

  /**
   * Takes a slot from the cluster-wide ledger unless the shared cooldown is in force, just before sending: one
   * atomic step, one round trip to Redis.
   */
  private async reserve(user: PolledUser, request: PlannedRequest): Promise<boolean> {
    const { clock, stores } = this.deps;
    const now = clock.now();
    const { budgetPerWindow, windowMs } = this.settings.scheduler;
    const heldMs = windowMs + this.options.requestSkewMarginMs;
    const reservation = await stores.budget.tryReserveOutsideCooldown(now, heldMs, budgetPerWindow);
    this.cooldownReadAt = now;
    await this.applyCooldown(reservation.granted ? null : reservation.cooldown, now);
    if (!reservation.granted) {
      if (reservation.cooldown !== null) return false;
      this.line.refused(user.id, reservation.retryAt);
      user.notBefore = reservation.retryAt;
      this.metrics.polls.inc({ endpoint: request.endpoint, outcome: 'budget_refused' });
      return false;
    }
    this.line.granted(user.id);
    // The next in line may ask now, before this request's answer from Spotify.
    if (this.line.size > 0) this.wake.wake();
    return true;
  }

  private read(endpoint: Endpoint, token: string): Promise<SpotifyReadResult> {
    return endpoint === 'player' ? this.deps.spotify.getPlayer(token) : this.deps.spotify.getQueue(token);
  }

  private async observePlayer(user: PolledUser, result: SpotifyReadResult, sentAt: number): Promise<void> {
    const at = result.receivedAt;
    this.record(user, { t: at, kind: 'player', status: result.status, body: result.body });
    const snapshot = normalizePlayer(result.status, result.body, at);
    if (!snapshot.ok) return this.onMalformed(user, 'player', snapshot.reason, at);
    const { events, consumedHintIds } = await this.observe(user, {
      kind: 'player',
      snapshot: snapshot.value,
    });
    user.schedule = afterPlayerPoll(
      user.schedule,
      { snapshot: snapshot.value, sentAt, ...observedChanges(events, consumedHintIds) },
      this.settings.scheduler,
      this.deps.random,
    );
    this.metrics.polls.inc({ endpoint: 'player', outcome: snapshot.value.active ? 'ok' : 'no_device' });
    this.lastSuccessfulPollAt = at;
    await this.setStatus(user, 'live', at);
  }

  private async observeQueue(user: PolledUser, result: SpotifyReadResult): Promise<void> {
    const at = result.receivedAt;
    this.record(user, { t: at, kind: 'queue', status: result.status, body: result.body });
    const queue = normalizeQueue(result.status, result.body, at);
    if (!queue.ok) return this.onMalformed(user, 'queue', queue.reason, at);
    const { consumedHintIds } = await this.observe(user, { kind: 'queue', queue: queue.value });
    user.schedule = afterQueuePoll(user.schedule, {
      observedAt: at,
      sawExpectedChange: consumedHintIds.length > 0,
    });
    this.metrics.polls.inc({ endpoint: 'queue', outcome: 'ok' });
    this.lastSuccessfulPollAt = at;
  }

  /** Diff and attribute one observation, consume the hints it matched, publish, store the new state. */
  private async observe(
    user: PolledUser,
    observation: Observation,
  ): Promise<{ events: UnpublishedEvent[]; consumedHintIds: string[] }> {
    const { stores, publisher } = this.deps;
    const at = observation.kind === 'player' ? observation.snapshot.observedAt : observation.queue.observedAt;
    const hints = await stores.hints.live(user.id, at);
    this.noticeHints(user, hints, at);
    const result = step(user.engine, observation, hints, this.options.engine);
    // Side by side: consuming the matched hints need not delay the events (this user's next poll comes after).
    await Promise.all([
      result.consumedHintIds.length > 0 ? stores.hints.consume(user.id, result.consumedHintIds) : undefined,
      result.events.length > 0 ? publisher.publish(user.id, result.events) : undefined,
    ]);
    // A baseline publishes nothing, yet clients asking for a sync should get it: the publisher keeps the state
    // from then on.
    if (user.engine.player === null && result.state.player !== null) {
      await stores.playbackStates.set(user.id, toPlaybackState(result.state.player));
    }
    user.engine = result.state;
    await stores.latestState.set(user.id, result.state);
    return { events: result.events, consumedHintIds: result.consumedHintIds };
  }

  private async onMalformed(user: PolledUser, endpoint: Endpoint, reason: string, at: number): Promise<void> {
    this.deps.logger.warn('unusable Spotify response skipped', { userId: user.id, endpoint, reason });
    this.metrics.polls.inc({ endpoint, outcome: 'malformed' });
    this.recordFailure(user, endpoint, 'malformed', at);
  }

  private async onFailure(user: PolledUser, endpoint: Endpoint, error: unknown): Promise<void> {
    const now = this.deps.clock.now();
    const action = failureAction(error);
    switch (action.kind) {
      case 'cooldown':
        this.metrics.polls.inc({ endpoint, outcome: 'rate_limited' });
        this.metrics.rateLimited.inc({ reason: action.reason });
        this.rateLimitedCount += 1;
        await this.enterCooldown(now + action.retryAfterMs, action.reason, now);
        return;
      case 'reauth':
        this.metrics.polls.inc({ endpoint, outcome: 'reauth' });
        await this.needsReauth(user, now);
        return;
      case 'rejected':
        this.metrics.polls.inc({ endpoint, outcome: 'rejected' });
        this.deps.logger.warn('Spotify rejected a poll', {
          userId: user.id,
          endpoint,
          reason: action.message,
        });
        this.recordFailure(user, endpoint, 'malformed', now);
        return;
      case 'refresh_token':
      case 'backoff': {
        const kind = action.kind === 'backoff' ? action.failure : 'upstream';
        this.metrics.polls.inc({ endpoint, outcome: kind });
        this.recordFailure(user, endpoint, kind, now);
        const failures = user.schedule.backoff?.failures ?? 0;
        if (failures === this.options.degradedAfterFailures) {
          this.deps.logger.warn('Spotify keeps failing for a user; backing off', {
            userId: user.id,
            failures,
            error,
          });
        }
        if (failures >= this.options.degradedAfterFailures)
          await this.setStatus(user, 'degraded', now, 'upstream_errors');
      }
    }
  }

  /** The scheduler's view of a failed request: backoff for 5xx and timeouts, a poll made for the rest. */
  private recordFailure(user: PolledUser, endpoint: Endpoint, kind: PollFailureKind, at: number): void {
    user.schedule = afterPollFailure(
      user.schedule,
      { endpoint, kind, at },
      this.settings.scheduler,
      this.deps.random,
    );
  }

  private async enterCooldown(until: number, reason: string, now: number): Promise<void> {
    const cooldown = await this.deps.stores.cooldown.enter(until, reason, now);
    this.cooldownReadAt = now;
    await this.applyCooldown(cooldown, now);
  }

  /** The shared cooldown, re-read when the cached value is older than `cooldownCheckMs`. */
  private async currentCooldown(now: number): Promise<Cooldown | null> {
    if (now - this.cooldownReadAt >= this.options.cooldownCheckMs) {
      const cooldown = await this.deps.stores.cooldown.current(now);
      this.cooldownReadAt = now;
      await this.applyCooldown(cooldown, now);
    }
    return this.cooldown !== null && this.cooldown.until > now ? this.cooldown : null;
  }

  /** Logs and tells the clients when the cooldown starts, moves or ends (whichever worker caused it). */
  private async applyCooldown(cooldown: Cooldown | null, now: number): Promise<void> {
    const before = this.cooldown;
    this.cooldown = cooldown;
    this.metrics.inCooldown.set(cooldown === null ? 0 : 1);
    if (cooldown !== null && (before === null || before.until !== cooldown.until)) {
      this.deps.logger.warn('Spotify cooldown entered', {
        workerId: this.id,
        reason: cooldown.reason,
        until: new Date(cooldown.until).toISOString(),
      });
      for (const user of this.users.values()) {
        await this.setStatus(user, 'rate_limited', now, cooldown.reason, cooldown.until, true);
      }
    } else if (cooldown === null && before !== null) {
      this.deps.logger.info('Spotify cooldown left', { workerId: this.id });
    }
  }

  private async needsReauth(user: PolledUser, now: number): Promise<void> {
    if (!this.reauth.has(user.id)) {
      this.deps.logger.warn('user must sign in to Spotify again; not polling them', { userId: user.id });
    }
    this.reauth.add(user.id);
    await this.setStatus(user, 'reauth_required', now, 'invalid_grant');
    await this.stopPolling(user.id, 'reauth_required');
  }

  /** Tells the user's clients a new status (once per change; `force` repeats it with new details). */
  private async setStatus(
    user: PolledUser,
    status: ListenerStatus,
    now: number,
    reason?: string,
    until?: number,
    force = false,
  ): Promise<void> {
    if (user.status === status && !force) return;
    user.status = status;
    await this.deps.publisher.publish(user.id, [
      {
        event: 'statusChanged',
        data: {
          status,
          ...(until === undefined ? {} : { until }),
          ...(reason === undefined ? {} : { reason }),
          source: 'auto',
          timestamp: now,
        },
      },
    ]);
  }

  /** Heartbeat, then take, renew and give up leases (DESIGN section 3, several workers). */
  private async membership(): Promise<void> {
    const { stores, clock } = this.deps;
    const now = clock.now();
    const { leaseTtlMs, membershipIntervalMs, lingerMs } = this.options;
    // Held for one interval less than the TTL: the survivors look at most one interval after a dead worker's
    // leases lapse, so its users move within leaseTtlMs, as promised, not leaseTtlMs + one interval.
    const holdMs = leaseTtlMs - membershipIntervalMs;
    await stores.workers.heartbeat(this.id, now, holdMs);
    await this.deps.statusStore
      ?.write(this.status(), now, holdMs)
      .catch((error: unknown) =>
        this.deps.logger.warn('worker status not written', { workerId: this.id, error: String(error) }),
      );
    const [live, active, hinted] = await Promise.all([
      stores.workers.liveWorkers(now),
      stores.activeUsers.active(now),
      stores.hints.usersWithLiveHints(now),
    ]);
    for (const userId of [...active, ...hinted]) this.lastActiveAt.set(userId, now);
    for (const [userId, seen] of this.lastActiveAt)
      if (now - seen > lingerMs) this.lastActiveAt.delete(userId);
    await this.recheckReauth();
    const wanted = [...this.lastActiveAt.keys()].filter((userId) => !this.reauth.has(userId)).sort();
    const plan = planOwnership({
      me: this.id,
      liveWorkers: live,
      activeUsers: wanted,
      held: [...this.users.keys()],
    });
    for (const userId of plan.release)
      await this.stopPolling(userId, this.lastActiveAt.has(userId) ? 'rebalanced' : 'inactive');
    for (const userId of plan.acquire) {
      const got = await stores.leases.acquireLease(userId, this.id, now, holdMs);
      if (got && !this.users.has(userId)) await this.startPolling(userId);
      if (!got && this.users.has(userId)) await this.stopPolling(userId, 'taken over');
    }
    if (Math.max(1, live.length) !== this.liveWorkerCount) this.allocationStale = true;
    this.liveWorkerCount = Math.max(1, live.length);
    const { budgetPerWindow, windowMs } = this.settings.scheduler;
    this.deps.shareLimiter?.update(budgetPerWindow / this.liveWorkerCount, windowMs);
    this.metrics.usersOwned.set(this.users.size);
    this.metrics.budgetLimit.set(budgetPerWindow);
    this.metrics.budgetUsed.set(await stores.budget.used(now, windowMs + this.options.requestSkewMarginMs));
  }

  /** Users waiting to sign in again come back once their tokens are good. */
  private async recheckReauth(): Promise<void> {
    for (const userId of this.reauth) {
      const record = await this.deps.stores.tokens.get(userId);
      if (record?.status === 'ok') {
        this.reauth.delete(userId);
        this.signedInAgain.add(userId);
      }
    }
  }

  private async startPolling(userId: string): Promise<void> {
    const stored = (await this.deps.stores.latestState.get(userId)) as EngineState | null;
    const user = newPolledUser(userId, stored ?? initialEngineState());
    // Their clients were told `reauth_required`; the first good poll tells them `live` again.
    if (this.signedInAgain.delete(userId)) user.status = 'reauth_required';
    this.users.set(userId, user);
    this.schedule(user, this.deps.clock.now());
    this.allocationStale = true;
    this.deps.logger.info('started polling', { userId, workerId: this.id, takeover: stored !== null });
    this.wake.wake();
  }

  private async stopPolling(userId: string, why: string): Promise<void> {
    const user = this.users.get(userId);
    if (!user) return;
    this.users.delete(userId);
    this.lookAt.delete(userId);
    this.line.leave(userId);
    this.allocationStale = true;
    await this.flushHeld(user, Infinity);
    await this.deps.stores.leases.releaseLease(userId, this.id);
    this.deps.logger.info('stopped polling', { userId, workerId: this.id, why });
  }

  /** Publishes a held volume change whose window is over (or any, with `now = Infinity`). */
  private async flushHeld(user: PolledUser, now: number): Promise<void> {
    const flushed = flush(user.engine, now, this.options.engine);
    if (flushed.events.length === 0) return;
    user.engine = flushed.state;
    await this.deps.publisher.publish(user.id, flushed.events);
    await this.deps.stores.latestState.set(user.id, flushed.state);
  }

  /**
   * The allocation, recomputed (O(users)) when users or live workers came or went, the settings changed, or
   * as `allocationRefreshMs`, `allocationRefreshFraction` and `allocationMaxAgeMs` say: never per poll. A new
   * allocation moves when users are due, so each user's next look is worked out again.
   */
  private currentAllocation(now: number): Allocation {
    const current = this.allocation;
    if (current !== null && !this.allocationStale && !this.allocationDue(current, now)) return current;
    const share = Math.max(1, this.settings.scheduler.budgetPerWindow / this.liveWorkerCount);
    const schedules = [...this.users.values()].map((user) => user.schedule);
    const allocation = allocate(schedules, share, now, this.settings.scheduler);
    this.allocation = allocation;
    this.allocationStale = false;
    this.pollsSinceAllocation = 0;
    this.hintedSinceAllocation = false;
    this.metrics.allocations.inc();
    for (const user of this.users.values()) {
      if (!user.inFlight && !this.line.has(user.id))
        this.schedule(user, this.nextLookAt(user, allocation, now));
    }
    return allocation;
  }

  private allocationDue(current: Allocation, now: number): boolean {
    const { allocationRefreshMs, allocationRefreshFraction, allocationMaxAgeMs } = this.options;
    const age = now - current.computedAt;
    if (age < allocationRefreshMs) return false;
    return (
      this.hintedSinceAllocation ||
      age >= allocationMaxAgeMs ||
      this.pollsSinceAllocation >= allocationRefreshFraction * this.users.size
    );
  }

  /**
   * A hint was recorded for someone, or a client subscribed: if the user is ours, poll now and fast-follow the
   * expected change; if not (yet), look at membership soon, so a newly active user is picked up in about a
   * second rather than at the next membership pass.
   */
  private async onNudge(userId: string): Promise<void> {
    const user = this.users.get(userId);
    if (!user) {
      this.membershipSoon();
      return;
    }
    try {
      const now = this.deps.clock.now();
      const hints = await this.deps.stores.hints.live(userId, now);
      user.schedule = onNudge(user.schedule);
      this.hintedSinceAllocation = true;
      this.noticeHints(user, hints, now);
      this.schedule(user, now);
      this.wake.wake();
    } catch (error) {
      this.deps.logger.warn('nudge not handled', { userId, error });
    }
  }

  /** Brings the next membership pass forward, at most once per `NUDGED_MEMBERSHIP_GAP_MS` (nudges may come in floods). */
  private membershipSoon(): void {
    const soonest = this.lastMembershipAt + NUDGED_MEMBERSHIP_GAP_MS;
    if (soonest < this.nextMembershipAt) {
      this.nextMembershipAt = soonest;
      this.wake.wake();
    }
  }

  /** New hints start a fast-follow (and are recorded when the user's poll log is on). */
  private noticeHints(user: PolledUser, hints: readonly Hint[], now: number): void {
    for (const hint of hints) {
      if (user.seenHintIds.has(hint.id)) continue;
      user.seenHintIds.add(hint.id);
      user.schedule = onHint(user.schedule, hint, now, this.settings.scheduler);
      this.hintedSinceAllocation = true;
      const { id: _id, recordedAt, announced: _announced, ...input } = hint;
      this.record(user, { t: recordedAt, kind: 'hint', hint: input });
    }
    if (user.seenHintIds.size > 64) {
      const live = new Set(hints.map((hint) => hint.id));
      for (const id of user.seenHintIds) if (!live.has(id)) user.seenHintIds.delete(id);
    }
  }

  private record(user: PolledUser, line: Parameters<PollLogRecorder['record']>[1]): void {
    if (this.deps.recorder && this.settings.recordUsers.has(user.id))
      this.deps.recorder.record(user.id, line);
  }

  private async reloadSettings(): Promise<void> {
    try {
      const stored = await this.deps.stores.tuning.get();
      if (stored !== null && stored.version === this.settings.version) return;
      const resolved = resolveRunTimeSettings(stored, this.options.schedulerBase);
      if (!resolved.ok) {
        this.deps.logger.error('stored tuning ignored', { workerId: this.id, errors: resolved.errors });
        return;
      }
      this.settings = resolved.value;
      this.allocation = null;
      this.deps.logger.info('tuning loaded', { workerId: this.id, version: resolved.value.version });
      this.wake.wake();
    } catch (error) {
      this.deps.logger.warn('tuning not reloaded', { workerId: this.id, error });
    }
  }

  private async shutDown(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    await this.inFlight.onIdle();
    await this.deps.shareLimiter?.stop();
    for (const unsubscribe of this.unsubscribes) await unsubscribe().catch(() => undefined);
    for (const userId of [...this.users.keys()]) {
      await this.stopPolling(userId, 'worker stopping').catch((error: unknown) =>
        this.deps.logger.warn('lease not released', { userId, error }),
      );
    }
    await this.deps.stores.workers.removeWorker(this.id).catch(() => undefined);
    await this.deps.statusStore?.remove(this.id).catch(() => undefined);
    await this.deps.recorder?.drain();
    this.deps.logger.info('worker stopped', { workerId: this.id });
  }
}
