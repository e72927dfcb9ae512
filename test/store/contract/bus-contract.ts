import { InvalidKeyPartError } from '../../../lib/store/invalid-key-part-error';
import { inbox } from './inbox';
import { useFixture, withFixture, type MakeStores } from './store-fixture';

export function busContract(makeStores: MakeStores): void {
  describe('nudge bus', () => {
    const { current, stores } = useFixture(makeStores);

    it('delivers nudges to every subscriber, from any process', async () => {
      const first = inbox<string>();
      const second = inbox<string>();
      await stores().bus.subscribe(first.handler);
      await stores().bus.subscribe(second.handler);
      const peer = await current().peer();
      await stores().bus.publish('u1');
      await peer.bus.publish('u2');
      await Promise.all([first.until(2), second.until(2)]);
      expect(first.received).toEqual(['u1', 'u2']);
      expect(second.received).toEqual(['u1', 'u2']);
    });

    it('stops delivering to a handler once it unsubscribes', async () => {
      const leaving = inbox<string>();
      const staying = inbox<string>();
      const unsubscribe = await stores().bus.subscribe(leaving.handler);
      await stores().bus.subscribe(staying.handler);
      await stores().bus.publish('u1');
      await Promise.all([leaving.until(1), staying.until(1)]);
      await unsubscribe();
      await stores().bus.publish('u2');
      await staying.until(2);
      expect(leaving.received).toEqual(['u1']);
      expect(staying.received).toEqual(['u1', 'u2']);
    });

    it('keeps nudges and tuning changes on channels of their own', async () => {
      const nudges = inbox<string>();
      const versions = inbox<number>();
      await stores().bus.subscribe(nudges.handler);
      await stores().bus.subscribeTuningChanged(versions.handler);
      await stores().bus.publishTuningChanged(7);
      await stores().bus.publish('u1');
      await Promise.all([nudges.until(1), versions.until(1)]);
      expect(nudges.received).toEqual(['u1']);
      expect(versions.received).toEqual([7]);
    });

    it('never runs a handler inside publish', async () => {
      const seen: boolean[] = [];
      let publishing = false;
      const delivered = inbox<string>();
      await stores().bus.subscribe((userId) => {
        seen.push(publishing);
        delivered.handler(userId);
      });
      publishing = true;
      const published = stores().bus.publish('u1');
      publishing = false;
      await published;
      await delivered.until(1);
      expect(seen).toEqual([false]);
    });

    it('rejects a bad user id or version', async () => {
      await expect(stores().bus.publish('a:b')).rejects.toThrow(InvalidKeyPartError);
      await expect(stores().bus.publishTuningChanged(-1)).rejects.toThrow(RangeError);
      await expect(stores().bus.publishTuningChanged(1.5)).rejects.toThrow(RangeError);
    });

    it('closes idempotently, subscriptions included', async () => {
      await withFixture(makeStores, {}, async ({ stores: own }) => {
        await own.bus.subscribe(() => undefined);
        await own.close();
        await expect(own.close()).resolves.toBeUndefined();
      });
    });
  });
}
