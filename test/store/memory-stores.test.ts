import { createMemoryStores } from '../../lib/store/memory/memory-stores';
import { describeStoreContract } from './contract/store-contract';
import { statusEvent } from './contract/event-stream-contract';
import { T0, type MakeStores } from './contract/store-fixture';

const makeMemoryStores: MakeStores = async (options) => {
  const stores = createMemoryStores(options);
  return { stores, peer: async () => stores, dispose: () => stores.close() };
};

describeStoreContract('memory', makeMemoryStores);

describe('memory event streams', () => {
  it.each([1, 3, 50])('hold exactly the last %i events', async (bufferSize) => {
    const { eventStreams } = createMemoryStores({ bufferSize });
    const ids = [];
    for (let n = 0; n < 120; n++) ids.push(await eventStreams.append('u1', statusEvent(n), T0 + n));
    const replay = await eventStreams.readAfter('u1', ids.at(-bufferSize - 1) as string, 1000);
    expect(replay).toMatchObject({ gap: false });
    expect(replay.events.map((e) => e.id)).toEqual(ids.slice(-bufferSize));
    await expect(eventStreams.readAfter('u1', ids.at(-bufferSize - 2) as string, 1000)).resolves.toEqual({
      events: [],
      gap: true,
    });
  });
});

describe('createMemoryStores', () => {
  it('validates its options up front', () => {
    expect(() => createMemoryStores({ bufferSize: 0 })).toThrow(
      'Store option `bufferSize` must be an integer >= 1',
    );
  });
});
