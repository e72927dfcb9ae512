import { arrivalsBySocket, checkDeliveries, deliveriesExact } from '../bench/realtime/delivery-check';
import { canonicalJson, eventDigest } from '../bench/realtime/load-generator/event-digest';
import type { Arrival } from '../bench/realtime/load-generator/protocol';

const payload = (volume: number) => ({
  volume,
  device: 'Kitchen',
  deviceId: 'd1',
  source: 'user',
  timestamp: 1,
});
const record = (id: string, volume: number) => ({
  id,
  digest: eventDigest('volumeChanged', { ...payload(volume), eventId: id }),
});
const arrival = (socket: number, id: string, volume: number): Arrival => [
  socket,
  'volumeChanged',
  id,
  0,
  1,
  eventDigest('volumeChanged', { eventId: id, ...payload(volume) }),
];

describe('the delivery check of the soak and the gateway drill', () => {
  const streams = new Map([
    ['alice', [record('10-0', 1), record('10-1', 2), record('12-0', 3)]],
    ['bob', [record('10-0', 7)]],
  ]);

  it('passes sockets that got their user’s events once each, in order', () => {
    const report = checkDeliveries(
      ['alice', 'alice', 'bob'],
      arrivalsBySocket(
        [
          arrival(0, '10-0', 1),
          arrival(1, '10-0', 1),
          arrival(0, '10-1', 2),
          arrival(1, '10-1', 2),
          arrival(0, '12-0', 3),
          arrival(1, '12-0', 3),
          arrival(2, '10-0', 7),
        ],
        3,
      ),
      streams,
    );
    expect(report).toMatchObject({
      expectedDeliveries: 7,
      delivered: 7,
      missing: 0,
      duplicates: 0,
      foreign: 0,
      outOfOrder: 0,
    });
    expect(deliveriesExact(report)).toBe(true);
  });

  it('counts missing, duplicated, out-of-order events and another user’s event with the same id', () => {
    const report = checkDeliveries(
      ['alice', 'bob'],
      arrivalsBySocket(
        [arrival(0, '10-1', 2), arrival(0, '10-0', 1), arrival(0, '10-0', 1), arrival(1, '10-0', 1)],
        2,
      ),
      streams,
    );
    expect(report).toMatchObject({ missing: 2, duplicates: 1, foreign: 1, outOfOrder: 1 });
    expect(deliveriesExact(report)).toBe(false);
  });

  it('digests payloads independently of key order and undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(eventDigest('x', { a: 1, b: 2 })).toBe(eventDigest('x', { b: 2, a: 1 }));
    expect(eventDigest('x', { a: 1 })).not.toBe(eventDigest('y', { a: 1 }));
  });
});
