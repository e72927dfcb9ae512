import { Registry } from 'prom-client';
import { compareEventIds, parseEventId } from '../../lib/contract/event-id';
import type { MusicEvent, UnpublishedEvent } from '../../lib/contract/events';
import { MemorySink } from '../../lib/publish/memory-sink';
import { Publisher, type PublisherDeps } from '../../lib/publish/publisher';
import { PublisherClosedError } from '../../lib/publish/publisher-closed-error';
import type { Stores } from '../../lib/store/stores';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { T0, track } from '../core/builders';
import { BACKENDS, storesOn } from './backends';
import { commandExecuted, state, stateChanged, trackChanged, volumeChanged } from './events';

interface Harness {
  publisher: Publisher;
  sink: MemorySink;
  clock: VirtualClock;
  registry: Registry;
  warnings: { message: string; meta?: Record<string, unknown> }[];
}

function harness(stores: Stores, eventsPerMinute = 100, sink = new MemorySink()): Harness {
  const clock = new VirtualClock(T0);
  const registry = new Registry();
  const warnings: Harness['warnings'] = [];
  const deps: PublisherDeps = {
    stores,
    sink,
    clock,
    registry,
    log: { warn: (message, meta) => warnings.push({ message, meta }) },
  };
  return { publisher: new Publisher(deps, { eventsPerMinute }), sink, clock, registry, warnings };
}

/** The event as published, without the id the stream gave it. */
function unpublished(event: MusicEvent): UnpublishedEvent {
  const { eventId: _eventId, ...data } = event.data;
  return { event: event.event, data } as UnpublishedEvent;
}

async function counterValues(registry: Registry, name: string) {
  const metric = registry.getSingleMetric(name);
  if (!metric) throw new Error(`no metric ${name}`);
  return (await metric.get()).values;
}

describe.each(BACKENDS)('Publisher on %s stores', (backend) => {
  const { stores } = storesOn(backend);

  it('gives events increasing ids and puts them in the stream and the sink in order', async () => {
    const { publisher, sink } = harness(stores());
    const events = [trackChanged('a', 'b'), stateChanged({ track: track('b') }), volumeChanged(70)];
    await publisher.publish('u1', events.slice(0, 2));
    await publisher.publish('u1', events.slice(2));
    const sent = sink.eventsOf('u1');
    expect(sent.map(unpublished)).toEqual(events);
    const ids = sent.map((event) => event.data.eventId);
    for (let i = 1; i < ids.length; i++) expect(compareEventIds(ids[i - 1]!, ids[i]!)).toBeLessThan(0);
    const stream = await stores().eventStreams.readAfter('u1', '0-0', 100);
    expect(stream.events.map((entry) => entry.event)).toEqual(sent);
    expect(sink.sent.every((s) => s.room === 'user:u1')).toBe(true);
    await publisher.close();
  });

  it('keeps the order of publishes nobody awaited in between, per user, and keeps users apart', async () => {
    const { publisher, sink } = harness(stores());
    const volumes = [10, 20, 30, 40, 50, 60];
    await Promise.all(
      volumes.map((volume, i) => publisher.publish(i % 2 === 0 ? 'u1' : 'u2', [volumeChanged(volume)])),
    );
    const of = (userId: string) =>
      sink.eventsOf(userId).map((event) => (event.event === 'volumeChanged' ? event.data.volume : -1));
    expect(of('u1')).toEqual([10, 30, 50]);
    expect(of('u2')).toEqual([20, 40, 60]);
    const u1Ids = (await stores().eventStreams.readAfter('u1', '0-0', 10)).events.map((e) => e.id);
    expect(sink.eventsOf('u1').map((e) => e.data.eventId)).toEqual(u1Ids);
    await publisher.close();
  });

  it('stores the latest state without its envelope, and counts what it sent', async () => {
    const { publisher, clock, registry } = harness(stores());
    await clock.advance(40);
    const paused = state({ isPlaying: false, position: 1234 });
    await publisher.publish('u1', [
      stateChanged({ position: 1 }),
      volumeChanged(30, 'ai'),
      stateChanged({ ...paused, reasoning: 'asked to pause', source: 'ai' }),
    ]);
    await expect(stores().playbackStates.get('u1')).resolves.toEqual(paused);
    await expect(stores().latestState.get('u1')).resolves.toBeNull();
    expect(await counterValues(registry, 'events_published_total')).toEqual(
      expect.arrayContaining([
        { labels: { event: 'playbackStateChanged', source: 'user' }, value: 1 },
        { labels: { event: 'playbackStateChanged', source: 'ai' }, value: 1 },
        { labels: { event: 'volumeChanged', source: 'ai' }, value: 1 },
      ]),
    );
    const latency = await counterValues(registry, 'event_publish_latency_ms');
    expect(latency).toContainEqual(
      expect.objectContaining({
        metricName: 'event_publish_latency_ms_sum',
        labels: { event: 'volumeChanged' },
        value: 40,
      }),
    );
    await publisher.close();
  });

  it('over the limit, delays discrete events in order, coalesces states and always sends the last one', async () => {
    const { publisher, sink, clock, registry } = harness(stores(), 100);
    const published: UnpublishedEvent[] = [];
    let current = 'a';
    for (let n = 0; n < 320; n++) {
      let event: UnpublishedEvent;
      if (n % 16 === 15) {
        const next = `t${n}`;
        event = n % 32 === 15 ? trackChanged(current, next) : volumeChanged(n % 101);
        if (event.event === 'trackChanged') current = next;
      } else {
        event = stateChanged({ position: n, track: track(current), timestamp: clock.now() });
      }
      published.push(event);
      await publisher.publish('u1', [event]);
      await clock.advance(150);
    }
    expect(publisher.pendingCount('u1')).toBeGreaterThan(0);
    await clock.advance(10 * 60_000);
    expect(publisher.pendingCount()).toBe(0);
    await publisher.close();

    const sent = sink.eventsOf('u1');
    const discrete = published.filter((e) => e.event !== 'playbackStateChanged');
    expect(discrete).toHaveLength(20);
    expect(sent.map(unpublished).filter((e) => e.event !== 'playbackStateChanged')).toEqual(discrete);
    const states = sent.filter((e) => e.event === 'playbackStateChanged');
    expect(states.length).toBeLessThan(300);
    expect(unpublished(states.at(-1)!)).toEqual(
      published.findLast((e) => e.event === 'playbackStateChanged'),
    );
    // Never a state older than a trackChanged already sent.
    let shown = 'a';
    for (const event of sent) {
      if (event.event === 'trackChanged') shown = event.data.current.id!;
      if (event.event === 'playbackStateChanged') expect(event.data.track?.id).toBe(shown);
    }
    // At most 100 in any minute, by the ids' ms (the instant each was appended and emitted).
    const times = sent.map((e) => parseEventId(e.data.eventId)!.ms);
    for (let i = 0; i + 100 < times.length; i++)
      expect(times[i + 100]! - times[i]!).toBeGreaterThanOrEqual(60_000);
    const stream = await stores().eventStreams.readAfter('u1', '0-0', 1000);
    expect(stream.events.map((entry) => entry.event)).toEqual(sent);
    const [coalesced] = await counterValues(registry, 'events_coalesced_total');
    expect(coalesced?.value).toBe(320 - sent.length);
  });

  it('close() is idempotent, aborts the release sleep and sends what was waiting at once', async () => {
    const { publisher, sink, clock } = harness(stores(), 2);
    await publisher.publish('u1', [
      volumeChanged(1),
      volumeChanged(2),
      volumeChanged(3),
      commandExecuted('x'),
    ]);
    expect(sink.eventsOf('u1')).toHaveLength(2);
    expect(clock.pendingCount).toBe(1);
    const closing = publisher.close();
    expect(publisher.close()).toBe(closing);
    await closing;
    expect(clock.pendingCount).toBe(0);
    expect(sink.eventsOf('u1').map((e) => e.event)).toEqual([
      'volumeChanged',
      'volumeChanged',
      'volumeChanged',
      'commandExecuted',
    ]);
    expect(publisher.pendingCount()).toBe(0);
    await expect(publisher.publish('u1', [volumeChanged(4)])).rejects.toThrow(PublisherClosedError);
    await expect(publisher.publish('u1', [volumeChanged(4)])).rejects.toMatchObject({
      code: 'PUBLISHER_CLOSED',
    });
    await publisher.close();
  });
});

describe('Publisher failures', () => {
  const { stores } = storesOn('memory');

  it('rejects the publish whose events the sink refused', async () => {
    const refusing = new MemorySink();
    refusing.emit = () => Promise.reject(new Error('adapter down'));
    const { publisher } = harness(stores(), 100, refusing);
    await expect(publisher.publish('u1', [volumeChanged(1)])).rejects.toThrow('adapter down');
    await publisher.close();
  });

  it('reports delayed events it could not send, and goes on with the next ones', async () => {
    const flaky = new MemorySink();
    const emit = flaky.emit.bind(flaky);
    flaky.emit = (userId, event) =>
      event.event === 'volumeChanged' && event.data.volume === 2
        ? Promise.reject(new Error('adapter down'))
        : emit(userId, event);
    const { publisher, clock, warnings } = harness(stores(), 1, flaky);
    await publisher.publish('u1', [volumeChanged(1), volumeChanged(2)]);
    await publisher.publish('u1', [volumeChanged(3)]);
    await clock.advance(60_000);
    expect(warnings).toEqual([
      {
        message: 'publish: events could not be sent',
        meta: { userId: 'u1', events: ['volumeChanged'], error: 'adapter down' },
      },
    ]);
    await clock.advance(60_000);
    expect(flaky.eventsOf('u1').map((e) => (e.event === 'volumeChanged' ? e.data.volume : null))).toEqual([
      1, 3,
    ]);
    await publisher.close();
  });

  it('rejects an id that cannot be a key part, before queueing anything', async () => {
    const { publisher, sink } = harness(stores());
    await expect(publisher.publish('u1:buffer', [volumeChanged(1)])).rejects.toMatchObject({
      code: 'INVALID_KEY_PART',
    });
    expect(sink.sent).toEqual([]);
    await publisher.close();
  });

  it('validates its options', () => {
    const deps = {
      stores: stores(),
      sink: new MemorySink(),
      clock: new VirtualClock(),
      registry: new Registry(),
      log: { warn: () => undefined },
    };
    expect(() => new Publisher(deps, { eventsPerMinute: 0 })).toThrow(
      'Publisher option `eventsPerMinute` must be an integer >= 1, got 0',
    );
  });
});
