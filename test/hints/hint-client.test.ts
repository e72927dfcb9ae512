import { Registry } from 'prom-client';
import type { UnpublishedEvent } from '../../lib/contract/events';
import type { Hint } from '../../lib/core/hint';
import { HintClient } from '../../lib/hints/hint-client';
import { InvalidAnnouncementError } from '../../lib/hints/invalid-announcement-error';
import { InvalidCommandReportError } from '../../lib/hints/invalid-command-report-error';
import { InvalidHintError } from '../../lib/hints/invalid-hint-error';
import { MemorySink } from '../../lib/publish/memory-sink';
import { Publisher } from '../../lib/publish/publisher';
import { SeededRandom } from '../../lib/random/random';
import type { Stores } from '../../lib/store/stores';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { T0, track } from '../core/builders';
import { BACKENDS, storesOn } from '../publish/backends';
import { commandExecuted, stateChanged, trackChanged, volumeChanged } from '../publish/events';
import { inbox } from '../store/contract/inbox';

function harness(stores: Stores) {
  const clock = new VirtualClock(T0);
  const sink = new MemorySink();
  const publisher = new Publisher({
    stores,
    sink,
    clock,
    registry: new Registry(),
    log: { warn: () => undefined },
  });
  const client = new HintClient({ stores, publisher, clock, random: new SeededRandom('hint-client') });
  return { clock, sink, publisher, client };
}

async function nudges(stores: Stores) {
  const received = inbox<string>();
  await stores.bus.subscribe(received.handler);
  return received;
}

const queueAdded = (uris: string[]): UnpublishedEvent => ({
  event: 'queueUpdated',
  data: { action: 'added', trackUris: uris, totalItems: 3, source: 'ai', timestamp: T0 },
});

describe.each(BACKENDS)('HintClient on %s stores', (backend) => {
  const { stores } = storesOn(backend);

  describe('recordHint', () => {
    it.each<[string, unknown, string[]]>([
      ['not an object', 'pause', ['hint: must be an object, got "pause"']],
      [
        'every field wrong',
        { source: 'bot', intent: ' ', ttlMs: -5, extra: 1, expect: { volume: 101 } },
        [
          `source: must be 'ai' or 'user', got "bot"`,
          'intent: must be a non-empty string, got " "',
          'expect.volume: must be an integer from 0 to 100, got 101',
          'ttlMs: must be a positive integer (ms), got -5',
          'extra: unknown field',
        ],
      ],
      [
        'bad URIs',
        { source: 'ai', intent: 'queue', ttlMs: 1000, expect: { queueAdded: ['spotify:track:1', 'x'] } },
        ['expect.queueAdded[1]: must be a Spotify URI (spotify:…), got "x"'],
      ],
    ])('refuses %s with every problem named, storing nothing', async (_what, input, errors) => {
      const { client, clock } = harness(stores());
      const error = await client.recordHint('u1', input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidHintError);
      expect(error).toMatchObject({
        code: 'HINT_INVALID',
        errors,
        message: `invalid hint: ${errors.join('; ')}`,
      });
      await expect(stores().hints.live('u1', clock.now())).resolves.toEqual([]);
    });

    it('stores a live hint with an id and the time it was recorded, and nudges the worker once', async () => {
      const { client, clock } = harness(stores());
      const received = await nudges(stores());
      await clock.advance(1234);
      await expect(client.recordHint('u1', { source: 'ai', ttlMs: -1 })).rejects.toThrow(InvalidHintError);
      const input = {
        source: 'ai',
        intent: 'play_specific_song',
        expect: { trackUri: 'spotify:track:b' },
        ttlMs: 5000,
      };
      const hint = await client.recordHint('u1', input);
      expect(hint).toEqual({ ...input, id: expect.any(String), recordedAt: T0 + 1234 });
      await expect(stores().hints.live('u1', T0 + 1234)).resolves.toEqual([hint]);
      await expect(stores().hints.live('u1', T0 + 1234 + 5000)).resolves.toEqual([]);
      await received.until(1);
      expect(received.received).toEqual(['u1']);
      const other = await client.recordHint('u1', input);
      expect(other.id).not.toBe(hint.id);
    });
  });

  describe('reportCommand', () => {
    it("publishes commandExecuted with source 'ai' through the publisher, then nudges the worker", async () => {
      const { client, clock, sink } = harness(stores());
      const received = await nudges(stores());
      await clock.advance(500);
      await client.reportCommand('u1', {
        command: 'pause',
        intent: 'pause',
        success: true,
        confidence: 0.8,
        result: { ok: 1 },
      });
      const [event] = sink.eventsOf('u1');
      expect(event).toEqual({
        event: 'commandExecuted',
        data: {
          command: 'pause',
          intent: 'pause',
          success: true,
          confidence: 0.8,
          result: { ok: 1 },
          source: 'ai',
          timestamp: T0 + 500,
          eventId: `${T0 + 500}-0`,
        },
      });
      const stream = await stores().eventStreams.readAfter('u1', '0-0', 10);
      expect(stream.events.map((entry) => entry.event)).toEqual([event]);
      await received.until(1);
      expect(received.received).toEqual(['u1']);
    });

    it('refuses an invalid report with every problem named, publishing nothing', async () => {
      const { client, sink } = harness(stores());
      const error = await client
        .reportCommand('u1', { command: 'play', intent: 'x', success: 'yes', confidence: 2 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidCommandReportError);
      expect(error).toMatchObject({
        code: 'COMMAND_REPORT_INVALID',
        errors: [
          'success: must be true or false, got "yes"',
          'confidence: must be a number from 0 to 1, got 2',
        ],
      });
      expect(sink.sent).toEqual([]);
    });
  });

  describe('announce', () => {
    it.each<[string, UnpublishedEvent, Hint['expect'], 'ai' | 'user']>([
      ['trackChanged', { ...trackChanged('a', 'b', 'ai') }, { trackUri: 'spotify:track:b' }, 'ai'],
      ['volumeChanged', volumeChanged(35), { volume: 35 }, 'user'],
      [
        'deviceChanged',
        {
          event: 'deviceChanged',
          data: {
            previousDevice: 'Phone',
            previousDeviceId: 'phone-id',
            currentDevice: 'Kitchen',
            currentDeviceId: 'speaker-id',
            source: 'user',
            timestamp: T0,
          },
        },
        { deviceId: 'speaker-id' },
        'user',
      ],
      [
        'queueUpdated added',
        queueAdded(['spotify:track:q1', 'spotify:track:q2']),
        { queueAdded: ['spotify:track:q1', 'spotify:track:q2'] },
        'ai',
      ],
      [
        'queueUpdated added, items only',
        {
          event: 'queueUpdated',
          data: { action: 'added', tracks: [track('q3')], totalItems: 1, source: 'ai', timestamp: T0 },
        },
        { queueAdded: ['spotify:track:q3'] },
        'ai',
      ],
      ['playbackStateChanged', stateChanged({ isPlaying: false }), { isPlaying: false }, 'user'],
    ])(
      '%s: publishes it at once and records an announced hint expecting it',
      async (_what, event, expectation, source) => {
        const { client, clock, sink } = harness(stores());
        const received = await nudges(stores());
        const hint = await client.announce('u1', event);
        expect(hint).toEqual({
          id: expect.any(String),
          source,
          intent: `announce:${event.event}`,
          expect: expectation,
          ttlMs: 30_000,
          recordedAt: T0,
          announced: true,
        });
        await expect(stores().hints.live('u1', clock.now())).resolves.toEqual([hint]);
        expect(sink.eventsOf('u1')).toEqual([
          { event: event.event, data: { ...event.data, eventId: `${T0}-0` } },
        ]);
        await received.until(1);
        expect(received.received).toEqual(['u1']);
      },
    );

    it('carries the reasoning of an AI track change into the hint', async () => {
      const { client } = harness(stores());
      const event: UnpublishedEvent = {
        event: 'trackChanged',
        data: { ...trackChanged('a', 'b', 'ai').data, reasoning: 'you like b', isAIDiscovery: true },
      };
      await expect(client.announce('u1', event)).resolves.toMatchObject({
        reasoning: 'you like b',
        isAIDiscovery: true,
      });
    });

    it.each<[string, UnpublishedEvent]>([
      ['commandExecuted', commandExecuted('pause')],
      ['statusChanged', { event: 'statusChanged', data: { status: 'live', source: 'auto', timestamp: T0 } }],
      [
        'a queue removal',
        {
          event: 'queueUpdated',
          data: {
            action: 'removed',
            trackUris: ['spotify:track:x'],
            totalItems: 0,
            source: 'user',
            timestamp: T0,
          },
        },
      ],
      [
        'a device without an id',
        {
          event: 'deviceChanged',
          data: {
            previousDevice: null,
            previousDeviceId: null,
            currentDevice: 'Radio',
            currentDeviceId: null,
            source: 'user',
            timestamp: T0,
          },
        },
      ],
    ])(
      '%s: publishes it and records no hint (nothing the poller could match it on)',
      async (_what, event) => {
        const { client, clock, sink } = harness(stores());
        await expect(client.announce('u1', event)).resolves.toBeNull();
        expect(sink.eventsOf('u1').map((e) => e.event)).toEqual([event.event]);
        await expect(stores().hints.live('u1', clock.now())).resolves.toEqual([]);
      },
    );

    it.each<[string, unknown, string[]]>([
      ['not an event', 42, ['event: must be an object {event, data}, got 42']],
      [
        'a broken envelope',
        { event: 'songChanged', data: { source: 'bot' } },
        [
          'event: must be one of playbackStateChanged, trackChanged, queueUpdated, volumeChanged, deviceChanged, commandExecuted, statusChanged, got "songChanged"',
          `data.source: must be 'user', 'ai' or 'auto', got "bot"`,
          'data.timestamp: must be a finite number (ms since the epoch), got nothing',
        ],
      ],
      [
        'an auto change',
        trackChanged('a', 'b', 'auto'),
        [`data.source: an announced trackChanged must be 'ai' or 'user', got "auto"`],
      ],
      [
        'a track without a URI',
        { event: 'trackChanged', data: { previous: null, current: {}, source: 'ai', timestamp: T0 } },
        ['data.current.uri: must be set to announce a trackChanged, got nothing'],
      ],
      [
        'a bad track URI',
        {
          event: 'trackChanged',
          data: { previous: null, current: { ...track('b'), uri: 'b' }, source: 'ai', timestamp: T0 },
        },
        ['data.current.uri: must be a Spotify URI (spotify:…), got "b"'],
      ],
      [
        'a bad queued item URI',
        {
          event: 'queueUpdated',
          data: {
            action: 'added',
            tracks: [track('x'), { ...track('y'), uri: 'y' }],
            totalItems: 2,
            source: 'ai',
            timestamp: T0,
          },
        },
        ['data.tracks[1].uri: must be a Spotify URI (spotify:…), got "y"'],
      ],
      [
        'a volume out of range',
        volumeChanged(120),
        ['data.volume: must be an integer from 0 to 100, got 120'],
      ],
    ])(
      'refuses %s with every problem named, publishing and storing nothing',
      async (_what, event, errors) => {
        const { client, clock, sink } = harness(stores());
        const error = await client.announce('u1', event as UnpublishedEvent).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidAnnouncementError);
        expect(error).toMatchObject({ code: 'ANNOUNCEMENT_INVALID', errors });
        expect(sink.sent).toEqual([]);
        await expect(stores().hints.live('u1', clock.now())).resolves.toEqual([]);
      },
    );

    it('withdraws the hint when the publish fails, and rethrows', async () => {
      const { clock } = harness(stores());
      const failing = { publish: () => Promise.reject(new Error('stream down')) };
      const client = new HintClient({
        stores: stores(),
        publisher: failing,
        clock,
        random: new SeededRandom(1),
      });
      await expect(client.announce('u1', volumeChanged(10))).rejects.toThrow('stream down');
      await expect(stores().hints.live('u1', clock.now())).resolves.toEqual([]);
    });
  });
});

describe('HintClient options', () => {
  const { stores } = storesOn('memory');

  it.each([
    [{ announceTtlMs: 0 }, 'Hint client option `announceTtlMs` must be an integer from 1 to 600000, got 0'],
    [
      { announceTtlMs: 600_001 },
      'Hint client option `announceTtlMs` must be an integer from 1 to 600000, got 600001',
    ],
    [{ ttl: 5 }, 'Unknown hint client option `ttl`'],
  ])('refuses %j', (options, message) => {
    const { publisher, clock } = harness(stores());
    const deps = { stores: stores(), publisher, clock, random: new SeededRandom(1) };
    expect(() => new HintClient(deps, options as object)).toThrow(message);
  });

  it('keeps announced hints live for announceTtlMs', async () => {
    const { publisher, clock } = harness(stores());
    const client = new HintClient(
      { stores: stores(), publisher, clock, random: new SeededRandom(1) },
      { announceTtlMs: 2000 },
    );
    await expect(client.announce('u1', volumeChanged(10))).resolves.toMatchObject({ ttlMs: 2000 });
  });
});
