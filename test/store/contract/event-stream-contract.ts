import type { UnpublishedEvent } from '../../../lib/contract/events';
import { T0, useFixture, withFixture, type MakeStores } from './store-fixture';

export function statusEvent(n: number): UnpublishedEvent {
  return {
    event: 'statusChanged',
    data: { source: 'auto', timestamp: T0 + n, status: 'live', reason: `n${n}` },
  };
}

export function eventStreamContract(makeStores: MakeStores): void {
  describe('event streams', () => {
    const { stores } = useFixture(makeStores);

    it('gives ids <ms>-<seq> from the caller clock, never going backwards', async () => {
      const streams = stores().eventStreams;
      const ids = [];
      for (const now of [1000, 1000, 1000.7, 2000, 1500, 3000])
        ids.push(await streams.append('u1', statusEvent(0), now));
      expect(ids).toEqual(['1000-0', '1000-1', '1000-2', '2000-0', '2000-1', '3000-0']);
      await expect(streams.append('u2', statusEvent(0), 500)).resolves.toBe('500-0');
    });

    it('reads the events after an id, in order, with their ids in the payload', async () => {
      const streams = stores().eventStreams;
      const ids = [];
      for (let n = 0; n < 5; n++) ids.push(await streams.append('u1', statusEvent(n), T0 + n));
      const all = await streams.readAfter('u1', '0-0', 100);
      expect(all.gap).toBe(false);
      expect(all.events.map((e) => e.id)).toEqual(ids);
      expect(all.events[2]).toEqual({
        id: ids[2],
        event: { event: 'statusChanged', data: { ...statusEvent(2).data, eventId: ids[2] } },
      });
      const after = await streams.readAfter('u1', ids[1] as string, 2);
      expect(after).toEqual({ events: all.events.slice(2, 4), gap: false });
      await expect(streams.readAfter('u1', ids[4] as string, 10)).resolves.toEqual({
        events: [],
        gap: false,
      });
    });

    it('reports the newest id, and null for an empty stream', async () => {
      await expect(stores().eventStreams.lastId('u1')).resolves.toBeNull();
      await stores().eventStreams.append('u1', statusEvent(1), T0);
      const id = await stores().eventStreams.append('u1', statusEvent(2), T0 + 5);
      await expect(stores().eventStreams.lastId('u1')).resolves.toBe(id);
      await expect(stores().eventStreams.lastId('u2')).resolves.toBeNull();
    });

    it('keeps streams apart', async () => {
      await stores().eventStreams.append('u1', statusEvent(1), T0);
      await expect(stores().eventStreams.readAfter('u2', '0-0', 10)).resolves.toEqual({
        events: [],
        gap: false,
      });
    });

    it('calls an id the stream cannot account for a gap', async () => {
      await expect(stores().eventStreams.readAfter('u1', `${T0}-0`, 10)).resolves.toEqual({
        events: [],
        gap: true,
      });
      await stores().eventStreams.append('u1', statusEvent(1), T0 + 10);
      await expect(stores().eventStreams.readAfter('u1', `${T0}-0`, 10)).resolves.toEqual({
        events: [],
        gap: true,
      });
    });

    it('trims to about the buffer size and flags exactly the readers who missed trimmed events', async () => {
      const bufferSize = 3;
      await withFixture(makeStores, { bufferSize }, async ({ stores: { eventStreams } }) => {
        const ids: string[] = [];
        for (let n = 0; n < 250; n++) ids.push(await eventStreams.append('u1', statusEvent(n), T0 + n));
        const gaps = [];
        for (const id of ['0-0', ...ids]) gaps.push((await eventStreams.readAfter('u1', id, 1000)).gap);
        // The readers that saw the event before the oldest one held, or later, replay; earlier ones resync.
        const firstWithoutGap = gaps.indexOf(false);
        expect(firstWithoutGap).toBeGreaterThan(0);
        expect(gaps.slice(firstWithoutGap).every((gap) => !gap)).toBe(true);
        expect(gaps.slice(0, firstWithoutGap).every((gap) => gap)).toBe(true);
        const held = ids.slice(firstWithoutGap);
        expect(held.length).toBeGreaterThanOrEqual(bufferSize);
        const replay = await eventStreams.readAfter('u1', ids[firstWithoutGap - 1] as string, 1000);
        expect(replay.events.map((e) => e.id)).toEqual(held);
      });
    });

    it.each([
      ['a malformed lastEventId', 'latest', 10],
      ['a lastEventId with a bad seq', '12-x', 10],
      ['limit 0', '0-0', 0],
      ['a fractional limit', '0-0', 1.5],
    ])('rejects %s', async (_what, lastEventId, limit) => {
      await expect(stores().eventStreams.readAfter('u1', lastEventId, limit)).rejects.toThrow(RangeError);
    });

    it.each([-1, NaN, Infinity])('rejects appending at now = %p', async (now) => {
      await expect(stores().eventStreams.append('u1', statusEvent(0), now)).rejects.toThrow(RangeError);
      await expect(stores().eventStreams.lastId('u1')).resolves.toBeNull();
    });
  });
}
