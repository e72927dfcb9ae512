import { T0, useFixture, type MakeStores } from './store-fixture';

export function workerContract(makeStores: MakeStores): void {
  describe('workers', () => {
    const { stores } = useFixture(makeStores);

    it('lists workers, sorted, until their heartbeat lapses', async () => {
      await stores().workers.heartbeat('w2', T0, 1000);
      await stores().workers.heartbeat('w1', T0 + 500, 1000);
      await expect(stores().workers.liveWorkers(T0 + 999)).resolves.toEqual(['w1', 'w2']);
      await expect(stores().workers.liveWorkers(T0 + 1000)).resolves.toEqual(['w1']);
      await expect(stores().workers.liveWorkers(T0 + 1500)).resolves.toEqual([]);
    });

    it('renews on each heartbeat', async () => {
      await stores().workers.heartbeat('w1', T0, 1000);
      await stores().workers.heartbeat('w1', T0 + 900, 1000);
      await expect(stores().workers.liveWorkers(T0 + 1800)).resolves.toEqual(['w1']);
    });

    it('forgets a removed worker at once', async () => {
      await stores().workers.heartbeat('w1', T0, 1000);
      await stores().workers.heartbeat('w2', T0, 1000);
      await stores().workers.removeWorker('w1');
      await expect(stores().workers.liveWorkers(T0)).resolves.toEqual(['w2']);
    });

    it('rejects a ttl of 0', async () => {
      await expect(stores().workers.heartbeat('w1', T0, 0)).rejects.toThrow(RangeError);
    });
  });
}
