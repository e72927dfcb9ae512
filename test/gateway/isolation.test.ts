import type { MusicEvent } from '../../lib/contract/events';
import { GatewayTestbed, received, volumeEvent, waitFor } from './gateway-kit';

const USERS = 50;
const EVENTS_PER_USER = 3;
/** The last event of each user: published after everyone's others, so anything misrouted comes before it. */
const SENTINEL = 100;

/** User i's events carry volumes i*1000+1 … : whose an event is, and which, can be read off it. */
const volumeOf = (event: MusicEvent) => (event.event === 'volumeChanged' ? event.data.volume : -1);

describe('isolation: 50 users × 2 sockets on two gateways, events published as the worker does', () => {
  let bed: GatewayTestbed;

  beforeEach(() => {
    bed = new GatewayTestbed();
  });

  afterEach(async () => {
    await bed.dispose();
  });

  it("every socket receives exactly its own user's events, in order, and none of another's", async () => {
    const gateways = [await bed.startGateway(), await bed.startGateway()];
    const users = Array.from({ length: USERS }, (_, i) => `user-${i + 1}`);
    const sockets = await Promise.all(
      users.flatMap((userId) =>
        gateways.map(async (gateway) => {
          const client = await bed.subscribedClient(gateway.url, userId);
          return { userId, events: received(client) };
        }),
      ),
    );
    expect(gateways.map(({ gateway }) => gateway.subscriptionCount())).toEqual([USERS, USERS]);

    await Promise.all(
      users.map((userId, i) =>
        bed.publish(
          userId,
          ...Array.from({ length: EVENTS_PER_USER }, (_, n) => volumeEvent((i + 1) * 1000 + n + 1)),
        ),
      ),
    );
    // Every other event is published by now, and one Redis connection delivers in order to each gateway.
    await Promise.all(users.map((userId) => bed.publish(userId, volumeEvent(SENTINEL))));
    await waitFor(
      () => sockets.every(({ events }) => events.some((event) => volumeOf(event) === SENTINEL)),
      'every sentinel',
    );

    for (const { userId, events } of sockets) {
      const i = users.indexOf(userId);
      expect(events.map(volumeOf)).toEqual([
        (i + 1) * 1000 + 1,
        (i + 1) * 1000 + 2,
        (i + 1) * 1000 + 3,
        SENTINEL,
      ]);
    }
  });
});
