import type { MusicEvent } from '../../lib/contract/events';
import type { TruthRecord } from '../../lib/simulator';
import { workerWorld, type WorkerWorld } from './worker-kit';

/**
 * Under a scarce budget the ledger fills and users wait in the reservation line; a user waiting in the
 * deferrable lane with a cadence or queue poll must still get their natural-end poll out on time: they are
 * looked at again when it falls due and move up to the urgent lane. Without that, the end poll waited behind
 * the deferrable lane's pacing: in this scenario two ends came 3.5 s and 13 s late.
 */
describe('worker: natural-end polls of users waiting in the deferrable lane (scarce budget)', () => {
  // 40 playing listeners, 20 requests per 30 s: half of what their longest cadence (30 s) alone would need.
  const LISTENERS = 40;
  const BUDGET = 20;
  const WINDOW_MS = 30_000;
  const RUN_MS = 300_000;
  // First polls and queue baselines are over by then; the last stretch leaves room to detect the ends in it.
  const MEASURED = { from: 120_000, to: RUN_MS - 30_000 };

  let env: WorkerWorld;

  beforeEach(() => {
    env = workerWorld({ rateLimit: { limit: 10_000, windowMs: WINDOW_MS } });
  });

  afterEach(async () => {
    await env.close();
  });

  /** The trackChanged that first reported the world's state after `end`, if any. */
  const firstChangeAfter = (end: TruthRecord): Extract<MusicEvent, { event: 'trackChanged' }> | undefined =>
    env
      .eventsOf(end.listenerId)
      .filter((event) => event.event === 'trackChanged')
      .find((event) => event.data.timestamp >= end.at);

  /**
   * Whether the worker saw the ending item play before it ended (a listener's first item: their first poll,
   * long before `MEASURED.from`); an item started by a change nobody saw has no predicted end.
   */
  function sawEndingItem(end: TruthRecord & { kind: 'track' }): boolean {
    const start = env.world
      .truthSince(0, end.listenerId)
      .filter((record) => record.kind === 'track' && record.at < end.at)
      .at(-1);
    if (start === undefined) return true;
    return env
      .eventsOf(end.listenerId)
      .some(
        (event) =>
          event.event === 'trackChanged' &&
          event.data.current.uri === end.previousUri &&
          event.data.timestamp >= start.at &&
          event.data.timestamp < end.at,
      );
  }

  it('detects each natural end within a second of the true end, while the ledger is full at times', async () => {
    for (let i = 0; i < LISTENERS; i++) {
      const listener = env.world.addListener({ initial: 'playing', actor: false });
      env.listeners.push(listener);
      await env.activate(listener.id);
    }
    const startedAt = env.clock.now();
    await env.startWorker('w1', { schedulerBase: { budgetPerWindow: BUDGET, windowMs: WINDOW_MS } });
    let fullLedgerSeconds = 0;
    for (let second = 0; second < RUN_MS / 1000; second++) {
      await env.wait(1000);
      // Held as the worker holds its reservations: the window and the request skew margin (1 s by default).
      const used = await env.stores.budget.used(env.clock.now(), WINDOW_MS + 1000);
      if (used >= BUDGET) fullLedgerSeconds++;
    }

    const ends = env.world
      .truthSince(0)
      .filter(
        (record): record is TruthRecord & { kind: 'track' } =>
          record.cause === 'natural_end' &&
          record.kind === 'track' &&
          record.at >= startedAt + MEASURED.from &&
          record.at < startedAt + MEASURED.to,
      )
      .filter(sawEndingItem);
    const detections = ends.map((end) => {
      const change = firstChangeAfter(end);
      return {
        listenerId: end.listenerId,
        endedAt: end.at - startedAt,
        source: change?.data.source,
        delayMs: change === undefined ? null : Math.round(change.data.timestamp - end.at),
      };
    });

    // The scenario is the one under test: the ledger was full for a good part of the run, with ends in it.
    expect(fullLedgerSeconds).toBeGreaterThan(30);
    expect(detections.length).toBeGreaterThanOrEqual(15);
    const late = detections.filter(
      (detection) => detection.source !== 'auto' || detection.delayMs === null || detection.delayMs > 1000,
    );
    expect(late).toEqual([]);
  });
});
