import { T0, useFixture, type MakeStores } from './store-fixture';

export function activeUserContract(makeStores: MakeStores): void {
  describe('active users', () => {
    const { stores } = useFixture(makeStores);

    it('lists touched users, sorted, until their entry lapses', async () => {
      await stores().activeUsers.touch('u2', T0 + 1000);
      await stores().activeUsers.touch('u1', T0 + 2000);
      await expect(stores().activeUsers.active(T0)).resolves.toEqual(['u1', 'u2']);
      await expect(stores().activeUsers.active(T0 + 1000)).resolves.toEqual(['u1']);
      await expect(stores().activeUsers.active(T0 + 2000)).resolves.toEqual([]);
    });

    it('extends with a later until and never shortens with an earlier one', async () => {
      await stores().activeUsers.touch('u1', T0 + 1000);
      await stores().activeUsers.touch('u1', T0 + 5000);
      await stores().activeUsers.touch('u1', T0 + 2000);
      await expect(stores().activeUsers.active(T0 + 4999)).resolves.toEqual(['u1']);
      await expect(stores().activeUsers.active(T0 + 5000)).resolves.toEqual([]);
    });

    it('revives a lapsed user on touch', async () => {
      await stores().activeUsers.touch('u1', T0 + 1000);
      await expect(stores().activeUsers.active(T0 + 1500)).resolves.toEqual([]);
      await stores().activeUsers.touch('u1', T0 + 3000);
      await expect(stores().activeUsers.active(T0 + 2000)).resolves.toEqual(['u1']);
    });

    it('removes a user at once', async () => {
      await stores().activeUsers.touch('u1', T0 + 1000);
      await stores().activeUsers.touch('u2', T0 + 1000);
      await stores().activeUsers.remove('u1');
      await stores().activeUsers.remove('never-there');
      await expect(stores().activeUsers.active(T0)).resolves.toEqual(['u2']);
    });
  });
}
