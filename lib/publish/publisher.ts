import type { Registry } from 'prom-client';
import type { MusicEvent, PlaybackState, UnpublishedEvent } from '../contract/events';
import { withEventId } from '../contract/with-event-id';
import { assertKeyPart } from '../store/key-part';
import type { Stores } from '../store/stores';
import type { Clock } from '../time/clock';
import type { EventPublisher } from './event-publisher';
import type { EventSink } from './event-sink';
import { admit, drain, EMPTY_OUTBOX, isIdle, type Outbox } from './outbox';
import { latestPlaybackState } from './playback-state-of';
import type { PublishLog } from './publish-log';
import { registerPublishMetrics, type PublishMetrics } from './publish-metrics';
import { PublisherClosedError } from './publisher-closed-error';
import { resolvePublisherOptions, type PublisherOptions } from './publisher-options';
import type { SendWindow } from './send-window';

/** The outbound limit counts events per minute. */
const WINDOW_MS = 60_000;

export interface PublisherDeps {
  /** The users' streams (they assign the ids; the replay buffer) and their latest published PlaybackState. */
  stores: Pick<Stores, 'eventStreams' | 'playbackStates'>;
  sink: EventSink;
  clock: Clock;
  /** Where the metrics of `publish-metrics.ts` are registered; one publisher per registry. */
  registry: Registry;
  log: PublishLog;
}

interface UserLine {
  outbox: Outbox;
  /** The user's batches, one after the other, so stream ids and emits keep the published order. Never rejects. */
  sending: Promise<void>;
  /** Batches queued or in flight on `sending`. */
  inFlight: number;
  /** A release of waiting events is scheduled. */
  releaseArmed: boolean;
}

/**
 * Everything outbound, on the worker side (DESIGN section 1): the per-user outbound limit with coalescing
 * (`outbox.ts`), the append to the user's stream (which assigns the event id), the emit to the user's room, the
 * latest PlaybackState for `requestPlaybackSync`, and the metrics.
 *
 * Events over the limit wait in memory for a slot; a sleep on the injected clock per waiting user releases them.
 * `close` cuts those sleeps short and sends everything still waiting at once, past the limit: nothing is lost.
 */
export class Publisher implements EventPublisher {
  private readonly users = new Map<string, UserLine>();
  private readonly stopping = new AbortController();
  private readonly window: SendWindow;
  private readonly metrics: PublishMetrics;
  private closing: Promise<void> | null = null;
  private lastSweepAt: number;

  constructor(
    private readonly deps: PublisherDeps,
    options: Partial<PublisherOptions> = {},
  ) {
    const { eventsPerMinute } = resolvePublisherOptions(options);
    this.window = { limit: eventsPerMinute, windowMs: WINDOW_MS };
    this.metrics = registerPublishMetrics(deps.registry);
    this.lastSweepAt = deps.clock.now();
  }

  /**
   * Resolves once the events the limit lets through are in the stream and emitted (and the rest are waiting);
   * rejects when sending those failed. The latest PlaybackState among `events` is stored at once, even when its
   * event has to wait: a sync always answers with the newest state the worker knows.
   */
  async publish(userId: string, events: readonly UnpublishedEvent[]): Promise<void> {
    if (this.closing) throw new PublisherClosedError();
    assertKeyPart('userId', userId);
    if (events.length === 0) return;
    const now = this.deps.clock.now();
    this.forgetIdleUsers(now);
    const line = this.lineOf(userId);
    const release = admit(line.outbox, events, now, this.window);
    line.outbox = release.outbox;
    if (release.coalesced > 0) this.metrics.coalesced.inc(release.coalesced);
    this.armRelease(userId, line, release.nextReleaseAt);
    await this.send(userId, line, release.due, latestPlaybackState(events));
  }

  /** Events waiting for a slot: of one user, or of all. */
  pendingCount(userId?: string): number {
    if (userId !== undefined) return this.users.get(userId)?.outbox.pending.length ?? 0;
    let count = 0;
    for (const line of this.users.values()) count += line.outbox.pending.length;
    return count;
  }

  /** Stops the release sleeps, sends what is still waiting and resolves when every send has ended. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.drainAll();
    return this.closing;
  }

  private async drainAll(): Promise<void> {
    this.stopping.abort();
    const batches = [...this.users].map(([userId, line]) => {
      const { outbox, due } = drain(line.outbox);
      line.outbox = outbox;
      return this.send(userId, line, due, null).catch((error: unknown) =>
        this.reportLost(userId, due, error),
      );
    });
    await Promise.all(batches);
  }

  private send(userId: string, line: UserLine, due: UnpublishedEvent[], state: PlaybackState | null) {
    line.inFlight++;
    const batch = line.sending.then(() => this.deliver(userId, due, state));
    const settled = () => {
      line.inFlight--;
    };
    line.sending = batch.then(settled, settled);
    return batch;
  }

  private async deliver(userId: string, due: UnpublishedEvent[], state: PlaybackState | null): Promise<void> {
    if (due.length === 0 && state === null) return;
    const { stores, sink, clock } = this.deps;
    const appendedAt = clock.now();
    // Issued together: one connection keeps the appends in order, and nothing waits for a reply in between.
    const [ids] = await Promise.all([
      Promise.all(due.map((event) => stores.eventStreams.append(userId, event, appendedAt))),
      state === null ? undefined : stores.playbackStates.set(userId, state),
    ]);
    const published = due.map((event, i) => withEventId(event, ids[i] as string));
    const emittedAt = clock.now();
    await Promise.all(published.map((event) => sink.emit(userId, event)));
    for (const event of published) this.count(event, emittedAt);
  }

  private count(event: MusicEvent, emittedAt: number): void {
    this.metrics.published.inc({ event: event.event, source: event.data.source });
    const { timestamp } = event.data;
    if (Number.isFinite(timestamp)) {
      this.metrics.latencyMs.observe({ event: event.event }, Math.max(0, emittedAt - timestamp));
    }
  }

  private armRelease(userId: string, line: UserLine, at: number | null): void {
    if (at === null || line.releaseArmed) return;
    line.releaseArmed = true;
    const { clock } = this.deps;
    // A sleep rejects only when `close` aborts it, and `close` sends what is waiting itself.
    clock.sleep(at - clock.now(), this.stopping.signal).then(
      () => {
        line.releaseArmed = false;
        this.releaseWaiting(userId, line);
      },
      () => {
        line.releaseArmed = false;
      },
    );
  }

  private releaseWaiting(userId: string, line: UserLine): void {
    if (this.closing) return;
    const release = admit(line.outbox, [], this.deps.clock.now(), this.window);
    line.outbox = release.outbox;
    this.armRelease(userId, line, release.nextReleaseAt);
    this.send(userId, line, release.due, null).catch((error: unknown) =>
      this.reportLost(userId, release.due, error),
    );
  }

  private reportLost(userId: string, events: readonly UnpublishedEvent[], error: unknown): void {
    this.deps.log.warn('publish: events could not be sent', {
      userId,
      events: events.map((event) => event.event),
      error: error instanceof Error ? error.message : String(error),
    });
  }

  private lineOf(userId: string): UserLine {
    let line = this.users.get(userId);
    if (!line) {
      line = { outbox: EMPTY_OUTBOX, sending: Promise.resolve(), inFlight: 0, releaseArmed: false };
      this.users.set(userId, line);
    }
    return line;
  }

  /** Once a window, drops the state of users with nothing waiting, in flight or holding a slot: memory stays bounded. */
  private forgetIdleUsers(now: number): void {
    if (now - this.lastSweepAt < this.window.windowMs) return;
    this.lastSweepAt = now;
    for (const [userId, line] of this.users) {
      if (!line.releaseArmed && line.inFlight === 0 && isIdle(line.outbox, now, this.window)) {
        this.users.delete(userId);
      }
    }
  }
}
