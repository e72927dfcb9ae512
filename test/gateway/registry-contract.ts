import type { SocketEntry, SocketRegistry } from '../../lib/gateway';

/** A registry over fresh data, and another over the same data (Redis: another connection, as another gateway). */
export interface RegistryFixture {
  registry: SocketRegistry;
  peer(): Promise<SocketRegistry>;
  dispose(): Promise<void>;
}

const T0 = 1_764_000_000_000;
const entry = (userId: string, socketId: string, gatewayId = 'gw-a'): SocketEntry => ({
  userId,
  socketId,
  gatewayId,
});

/** The socket registry's contract: both backends pass it. */
export function socketRegistryContract(make: () => Promise<RegistryFixture>): void {
  let fixture: RegistryFixture;
  let registry: SocketRegistry;

  beforeEach(async () => {
    fixture = await make();
    registry = fixture.registry;
  });

  afterEach(async () => {
    await fixture.dispose();
  });

  it('records sockets up to the cap and refuses the next, saying how many there are', async () => {
    for (let i = 1; i <= 5; i++) {
      await expect(registry.add(entry('u1', `s${i}`), 5, T0 + 1000)).resolves.toEqual({
        added: true,
        count: i,
      });
    }
    await expect(registry.add(entry('u1', 's6'), 5, T0 + 1000)).resolves.toEqual({ added: false, count: 5 });
    await expect(registry.add(entry('u2', 's7'), 5, T0 + 1000)).resolves.toEqual({ added: true, count: 1 });
    await expect(registry.socketsOf('u1')).resolves.toEqual(['s1', 's2', 's3', 's4', 's5']);
    await expect(registry.userOf('s7')).resolves.toBe('u2');
    await expect(registry.userOf('s6')).resolves.toBeNull();
    await expect(registry.connectionCount()).resolves.toBe(6);
  });

  it('treats adding a recorded socket again as done, without counting it twice', async () => {
    await registry.add(entry('u1', 's1'), 1, T0 + 1000);
    await expect(registry.add(entry('u1', 's1'), 1, T0 + 1000)).resolves.toEqual({ added: true, count: 1 });
    await expect(registry.connectionCount()).resolves.toBe(1);
  });

  it('gives the last slot to exactly one of many gateways racing for it', async () => {
    const peer = await fixture.peer();
    const attempts = Array.from({ length: 12 }, (_, i) =>
      (i % 2 === 0 ? registry : peer).add(entry('u1', `s${i}`, i % 2 === 0 ? 'gw-a' : 'gw-b'), 5, T0 + 1000),
    );
    const results = await Promise.all(attempts);
    expect(results.filter((result) => result.added)).toHaveLength(5);
    await expect(peer.socketsOf('u1')).resolves.toHaveLength(5);
    await expect(registry.connectionCount()).resolves.toBe(5);
  });

  it('forgets a removed socket once', async () => {
    await registry.add(entry('u1', 's1'), 5, T0 + 1000);
    await registry.add(entry('u1', 's2'), 5, T0 + 1000);
    await expect(registry.remove(entry('u1', 's1'))).resolves.toBe(true);
    await expect(registry.remove(entry('u1', 's1'))).resolves.toBe(false);
    await expect(registry.socketsOf('u1')).resolves.toEqual(['s2']);
    await expect(registry.userOf('s1')).resolves.toBeNull();
    await expect(registry.connectionCount()).resolves.toBe(1);
  });

  it('sweeps the sockets of a gateway whose heartbeat lapsed, and only those', async () => {
    const peer = await fixture.peer();
    await registry.heartbeat('gw-a', T0, T0 + 1000);
    await peer.heartbeat('gw-b', T0, T0 + 5000);
    await registry.add(entry('u1', 's1', 'gw-a'), 5, T0 + 1000);
    await registry.add(entry('u2', 's2', 'gw-a'), 5, T0 + 1000);
    await peer.add(entry('u1', 's3', 'gw-b'), 5, T0 + 5000);
    await expect(peer.sweep(T0 + 999)).resolves.toEqual([]);
    await expect(peer.sweep(T0 + 2000)).resolves.toEqual(['gw-a']);
    await expect(registry.socketsOf('u1')).resolves.toEqual(['s3']);
    await expect(registry.socketsOf('u2')).resolves.toEqual([]);
    await expect(registry.userOf('s1')).resolves.toBeNull();
    await expect(registry.connectionCount()).resolves.toBe(1);
    await expect(peer.sweep(T0 + 2000)).resolves.toEqual([]);
  });

  it('sweeps a gateway that died before its first heartbeat (its sockets carry its lapse)', async () => {
    await registry.add(entry('u1', 's1', 'gw-a'), 5, T0 + 1000);
    await expect(registry.sweep(T0 + 1000)).resolves.toEqual(['gw-a']);
    await expect(registry.socketsOf('u1')).resolves.toEqual([]);
    await expect(registry.connectionCount()).resolves.toBe(0);
  });

  it('tells a gateway its heartbeat had lapsed, so it restores what a sweep took', async () => {
    await expect(registry.heartbeat('gw-a', T0, T0 + 1000)).resolves.toBe(true);
    await expect(registry.heartbeat('gw-a', T0 + 500, T0 + 1500)).resolves.toBe(false);
    await registry.add(entry('u1', 's1'), 5, T0 + 1500);
    await registry.add(entry('u1', 's2'), 5, T0 + 1500);
    const peer = await fixture.peer();
    await peer.add(entry('u1', 's3', 'gw-b'), 5, T0 + 9000);
    await peer.sweep(T0 + 2000);
    await expect(registry.heartbeat('gw-a', T0 + 2500, T0 + 3500)).resolves.toBe(true);
    await expect(registry.restore([entry('u1', 's1'), entry('u1', 's2')])).resolves.toBe(2);
    await expect(registry.restore([entry('u1', 's1')])).resolves.toBe(0);
    await expect(registry.socketsOf('u1')).resolves.toEqual(['s1', 's2', 's3']);
    await expect(registry.connectionCount()).resolves.toBe(3);
    await registry.sweep(T0 + 3000);
    await expect(registry.socketsOf('u1')).resolves.toEqual(['s1', 's2', 's3']);
  });

  it("removes a closing gateway's sockets and its heartbeat at once", async () => {
    await registry.heartbeat('gw-a', T0, T0 + 60_000);
    await registry.add(entry('u1', 's1', 'gw-a'), 5, T0 + 60_000);
    await registry.add(entry('u1', 's2', 'gw-b'), 5, T0 + 60_000);
    await registry.removeGateway('gw-a');
    await expect(registry.socketsOf('u1')).resolves.toEqual(['s2']);
    await expect(registry.connectionCount()).resolves.toBe(1);
    await expect(registry.heartbeat('gw-a', T0, T0 + 1000)).resolves.toBe(true);
  });

  it('adds up the event counters', async () => {
    await registry.countEvents({ replayed: 3 });
    await registry.countEvents({ replayed: 2, resynced: 1 });
    await expect((await fixture.peer()).eventCounts()).resolves.toEqual({ replayed: 5, resynced: 1 });
  });

  it('rejects ids that cannot be part of a key', async () => {
    await expect(registry.add(entry('u:1', 's1'), 5, T0)).rejects.toThrow(/userId must be/);
    await expect(registry.add(entry('u1', 's*'), 5, T0)).rejects.toThrow(/socketId must be/);
    await expect(registry.heartbeat('gw a', T0, T0)).rejects.toThrow(/gatewayId must be/);
  });
}
