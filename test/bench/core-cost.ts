import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlaybackItem } from '../../lib/contract/items';
import { DEFAULT_ENGINE_OPTIONS } from '../../lib/core/engine-options';
import { initialEngineState, type EngineState } from '../../lib/core/engine/engine-state';
import { step } from '../../lib/core/engine/step';
import type { Hint } from '../../lib/core/hint';
import { normalizePlayer, normalizeQueue } from '../../lib/core/normalize';
import type { Observation, PlayerSnapshot, QueueSnapshot } from '../../lib/core/snapshot';
import { SeededRandom, type Random } from '../../lib/random/random';
import { percentile } from './stats';

/**
 * The cost of the pure core per poll: `step` (diff + attribute + volume coalescing) over a realistic mix of
 * observations — mostly ordinary progress, some track changes, pauses, seeks, volume drags, device switches and
 * queue edits, with a live hint now and then. Normalization is not included (it is measured separately).
 */
export interface CoreCostResult {
  polls: number;
  medianUs: number;
  p99Us: number;
  meanUs: number;
  eventsPerPoll: number;
}

interface Fixtures {
  player: PlayerSnapshot;
  queue: QueueSnapshot;
  items: PlaybackItem[];
}

export function measureCoreCost(repoRoot: string, polls: number, seed = 1): CoreCostResult {
  const fixtures = loadFixtures(repoRoot);
  const random = new SeededRandom(seed);
  const observations = buildMix(fixtures, random, polls);
  const timings = new Float64Array(observations.length);
  let state: EngineState = initialEngineState();
  let events = 0;
  for (let i = 0; i < observations.length; i++) {
    const { observation, hints } = observations[i] as MixEntry;
    const started = process.hrtime.bigint();
    const result = step(state, observation, hints, DEFAULT_ENGINE_OPTIONS);
    timings[i] = Number(process.hrtime.bigint() - started) / 1000;
    state = result.state;
    events += result.events.length;
  }
  const sorted = Array.from(timings).sort((a, b) => a - b);
  return {
    polls: observations.length,
    medianUs: percentile(sorted, 0.5),
    p99Us: percentile(sorted, 0.99),
    meanUs: sorted.reduce((sum, t) => sum + t, 0) / sorted.length,
    eventsPerPoll: events / observations.length,
  };
}

interface MixEntry {
  observation: Observation;
  hints: Hint[];
}

function loadFixtures(repoRoot: string): Fixtures {
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'spotify', `${name}.json`), 'utf8'));
  const player = normalizePlayer(200, read('player-track-playing'), 0);
  const queue = normalizeQueue(200, read('queue-tracks-and-episode'), 0);
  if (!player.ok || !queue.ok) throw new Error('bench: the Spotify fixtures no longer normalize');
  const items = [player.value.item, ...queue.value.items].filter(
    (item): item is PlaybackItem => item !== null,
  );
  return { player: player.value, queue: queue.value, items };
}

/** A listener polled every 3 s for `polls` polls; what changes between two polls is drawn from the mix below. */
function buildMix(fixtures: Fixtures, random: Random, polls: number): MixEntry[] {
  const entries: MixEntry[] = [];
  let t = 1_764_000_000_000;
  let player: PlayerSnapshot = { ...fixtures.player, observedAt: t, progressMs: 10_000 };
  let queueItems = fixtures.queue.items.slice();
  let hintSeq = 0;
  entries.push({ observation: { kind: 'player', snapshot: player }, hints: [] });
  for (let i = 1; i < polls; i++) {
    const elapsed = 3000;
    t += elapsed;
    const roll = random.next();
    if (roll < 0.12) {
      queueItems =
        roll < 0.06 ? [...queueItems, random.pick(fixtures.items)].slice(-20) : queueItems.slice(1);
      const queue: QueueSnapshot = { observedAt: t, currentUri: player.item?.uri ?? null, items: queueItems };
      entries.push({ observation: { kind: 'queue', queue }, hints: [] });
      continue;
    }
    const duration = player.item?.durationMs ?? 200_000;
    let next: PlayerSnapshot = {
      ...player,
      observedAt: t,
      progressMs: player.isPlaying ? Math.min(duration, player.progressMs + elapsed) : player.progressMs,
    };
    const hints: Hint[] = [];
    if (roll < 0.17) {
      const item = random.pick(fixtures.items);
      next = { ...next, item, progressMs: 500 };
      if (random.chance(0.3)) {
        hints.push({
          id: `h${++hintSeq}`,
          source: 'ai',
          intent: 'play_specific_song',
          expect: { trackUri: item.uri },
          reasoning: 'bench',
          ttlMs: 10_000,
          recordedAt: t - 1000,
        });
      }
    } else if (roll < 0.2) {
      next = { ...next, isPlaying: !next.isPlaying };
    } else if (roll < 0.23 && next.device) {
      next = { ...next, device: { ...next.device, volume: random.int(101) } };
    } else if (roll < 0.25) {
      next = { ...next, progressMs: random.int(duration) };
    } else if (roll < 0.26 && next.device) {
      next = { ...next, device: { ...next.device, id: `device-${random.int(3)}`, name: 'Kitchen' } };
    }
    player = next;
    entries.push({ observation: { kind: 'player', snapshot: next }, hints });
  }
  return entries;
}
