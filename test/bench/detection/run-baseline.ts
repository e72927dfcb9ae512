import type { UnpublishedEvent } from '../../../lib/contract/events';
import { DEFAULT_ENGINE_OPTIONS } from '../../../lib/core/engine-options';
import { initialEngineState, type EngineState } from '../../../lib/core/engine/engine-state';
import { step } from '../../../lib/core/engine/step';
import { normalizePlayer } from '../../../lib/core/normalize';
import type { PlayerSnapshot } from '../../../lib/core/snapshot';
import { SeededRandom } from '../../../lib/random/random';
import { EventHeap } from '../../../lib/simulator/event-heap';
import type { BaselinePolicy } from './baseline-policies';
import type { RateChange } from './bench-world';
import { createBenchWorld } from './bench-world';
import type { PollRecord, RunRecord } from './run-record';
import { listOf } from './run-record';
import type { RunSpec } from './run-spec';
import { SteppedClock } from './stepped-clock';
import { RUN_START } from './run-start';

type Due = { kind: 'poll'; index: number } | { kind: 'rates'; change: RateChange };

interface PolledListener {
  id: string;
  accessToken: string;
  engine: EngineState;
  last: PlayerSnapshot | null;
}

/**
 * A fixed-interval baseline over the simulator, in virtual time: one timer per listener, `GET /v1/me/player`
 * when it fires, the project's normalize → diff → attribute core on each answer (so its events are told
 * exactly as the daemon's would be), and the policy's next delay. Requests are taken in time order; the
 * state is read when a request arrives and observed a latency later.
 */
export function runBaseline(policy: BaselinePolicy, spec: RunSpec): RunRecord {
  const clock = new SteppedClock(RUN_START);
  const bench = createBenchWorld(spec.workload, spec.plans, clock, spec.rateLimit);
  const { world, startedAt } = bench;
  const stopAt = startedAt + spec.runMs + spec.tailMs;
  const spread = new SeededRandom(`${spec.workload.seed}/${policy.name}/start`);
  const listeners: PolledListener[] = bench.listeners.map(({ id, accessToken }) => ({
    id,
    accessToken,
    engine: initialEngineState(),
    last: null,
  }));
  const polls = new Map<string, PollRecord[]>();
  const events = new Map<string, UnpublishedEvent[]>();
  const heap = new EventHeap<Due>();
  listeners.forEach((_, index) =>
    heap.push(startedAt + Math.round(spread.between(0, policy.startSpreadMs)), { kind: 'poll', index }),
  );
  for (const change of bench.rateChanges) heap.push(change.at, { kind: 'rates', change });

  while (heap.peekAt() <= stopAt) {
    const { at, value } = heap.pop() as { at: number; value: Due };
    clock.set(at);
    if (value.kind === 'rates') {
      world.setActor(value.change.listenerId, value.change.rates);
      continue;
    }
    const listener = listeners[value.index] as PolledListener;
    const response = world.request({
      method: 'GET',
      path: '/v1/me/player',
      query: { additional_types: 'track,episode' },
      authorization: `Bearer ${listener.accessToken}`,
    });
    const observedAt = at + Math.round(response.latencyMs);
    const poll: PollRecord = { endpoint: 'player', readAt: at, observedAt, status: response.status };
    listOf(polls, listener.id).push(poll);
    let delayMs: number;
    if (response.status === 429) {
      poll.retryAfterMs = Number(response.headers['retry-after'] ?? 1) * 1000;
      delayMs = Math.max(policy.nextDelayMs(listener.last), poll.retryAfterMs);
    } else {
      const snapshot = normalizePlayer(response.status, response.body, observedAt);
      if (snapshot.ok) {
        const result = step(
          listener.engine,
          { kind: 'player', snapshot: snapshot.value },
          [],
          DEFAULT_ENGINE_OPTIONS,
        );
        listener.engine = result.state;
        listener.last = snapshot.value;
        listOf(events, listener.id).push(...result.events);
      }
      delayMs = policy.nextDelayMs(snapshot.ok ? snapshot.value : null);
    }
    heap.push(observedAt + delayMs, value);
  }
  // A poller blocked past the end (a long Retry-After) must not cut the truth short.
  clock.set(stopAt);
  return {
    truth: world.truthSince(0),
    startedAt,
    listenerIds: listeners.map((listener) => listener.id),
    initialStates: bench.initialStates,
    polls,
    events,
  };
}
