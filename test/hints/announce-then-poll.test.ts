import { Registry } from 'prom-client';
import type { UnpublishedEvent } from '../../lib/contract/events';
import type { PlayerSnapshot } from '../../lib/core/snapshot';
import { HintClient } from '../../lib/hints/hint-client';
import { MemorySink } from '../../lib/publish/memory-sink';
import { Publisher } from '../../lib/publish/publisher';
import { SeededRandom } from '../../lib/random/random';
import { createMemoryStores } from '../../lib/store/memory/memory-stores';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { later, PHONE, player, SPEAKER, T0, track, withVolume } from '../core/builders';
import { runEngine, seen } from '../core/engine/run-engine';
import { stateChanged, trackChanged, volumeChanged } from '../publish/events';

const base = player({ observedAt: T0 + 1000, progressMs: 60_000 });

/**
 * Library mode end to end with the core: a host announces a change it made, and the poller's later sight of
 * the same change is recognised through the announced hint: it is consumed and the event is not emitted twice.
 */
describe('an announced change, seen later by the poller', () => {
  it.each<[string, UnpublishedEvent, PlayerSnapshot[]]>([
    ['trackChanged', trackChanged('a', 'b', 'ai'), [later(base, 1000, { item: track('b'), progressMs: 0 })]],
    ['playbackStateChanged', stateChanged({ isPlaying: false }), [later(base, 1000, { isPlaying: false })]],
    [
      'deviceChanged',
      {
        event: 'deviceChanged',
        data: {
          previousDevice: 'Phone',
          previousDeviceId: PHONE.id,
          currentDevice: 'Kitchen',
          currentDeviceId: SPEAKER.id,
          source: 'user',
          timestamp: T0,
        },
      },
      [later(base, 1000, { device: SPEAKER })],
    ],
    [
      'volumeChanged',
      volumeChanged(35),
      [
        later(base, 1000, { device: withVolume(PHONE, 35) }),
        later(base, 20_000, { device: withVolume(PHONE, 35) }),
      ],
    ],
  ])('%s is not emitted again', async (_what, announced, observations) => {
    const stores = createMemoryStores();
    const clock = new VirtualClock(T0);
    const sink = new MemorySink();
    const publisher = new Publisher({
      stores,
      sink,
      clock,
      registry: new Registry(),
      log: { warn: () => undefined },
    });
    const client = new HintClient({ stores, publisher, clock, random: new SeededRandom(7) });
    const hint = await client.announce('u1', announced);
    const hints = await stores.hints.live('u1', base.observedAt);
    const run = runEngine([seen(base), ...observations.map(seen)], hints);
    expect(run.consumedHintIds).toEqual([hint?.id]);
    expect(run.events.map((event) => event.event)).not.toContain(announced.event);
    expect(sink.eventsOf('u1').map((event) => event.event)).toEqual([announced.event]);
    await publisher.close();
    await stores.close();
  });
});
