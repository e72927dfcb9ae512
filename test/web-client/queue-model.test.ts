import { applyQueueEvent, EMPTY_QUEUE, fromItems, unknownCount } from '../../web/src/app/queue-model';
import { events, track } from './fixtures';

describe('queue model', () => {
  it('builds the queue from events when there is no queue route', () => {
    let queue = applyQueueEvent(EMPTY_QUEUE, events.queue(1, 'added', [track(1), track(2)], 5));
    expect(queue.items.map((item) => item.uri)).toEqual([track(1).uri, track(2).uri]);
    expect(unknownCount(queue)).toBe(3);
    queue = applyQueueEvent(queue, events.queue(2, 'removed', [track(1)], 4));
    expect(queue.items.map((item) => item.uri)).toEqual([track(2).uri]);
    expect(queue.total).toBe(4);
  });

  it('drops the head when it becomes the current item', () => {
    const queue = applyQueueEvent(fromItems([track(1), track(2)]), events.track(3, track(1)));
    expect(queue.items.map((item) => item.uri)).toEqual([track(2).uri]);
    expect(queue.total).toBe(1);
  });

  it('leaves the queue alone when another item starts', () => {
    const queue = fromItems([track(1), track(2)]);
    expect(applyQueueEvent(queue, events.track(3, track(9)))).toBe(queue);
  });

  it('empties on cleared', () => {
    expect(applyQueueEvent(fromItems([track(1)]), events.queue(1, 'cleared', [], 0))).toEqual({
      items: [],
      total: 0,
    });
  });
});
