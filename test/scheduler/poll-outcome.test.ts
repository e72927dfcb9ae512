import type { EventSource, UnpublishedEvent } from '../../lib/contract/events';
import { observedChanges } from '../../lib/scheduler';
import { T0 } from '../core/builders';

function event(
  name: 'trackChanged' | 'playbackStateChanged' | 'volumeChanged',
  source: EventSource,
): UnpublishedEvent {
  return { event: name, data: { source, timestamp: T0 } } as UnpublishedEvent;
}

describe('observedChanges', () => {
  it.each([
    ['nothing', [], [], { sawUnpredictableChange: false, sawNaturalEnd: false, sawExpectedChange: false }],
    [
      'a skip in the Spotify app',
      [event('trackChanged', 'user'), event('playbackStateChanged', 'user')],
      [],
      { sawUnpredictableChange: true, sawNaturalEnd: false, sawExpectedChange: false },
    ],
    [
      'the natural advance',
      [event('trackChanged', 'auto'), event('playbackStateChanged', 'auto')],
      [],
      { sawUnpredictableChange: false, sawNaturalEnd: true, sawExpectedChange: false },
    ],
    [
      'an AI command taking effect',
      [event('trackChanged', 'ai'), event('playbackStateChanged', 'ai')],
      ['h1'],
      { sawUnpredictableChange: false, sawNaturalEnd: false, sawExpectedChange: true },
    ],
    [
      'a control-route command (a user hint)',
      [event('playbackStateChanged', 'user')],
      ['h2'],
      { sawUnpredictableChange: false, sawNaturalEnd: false, sawExpectedChange: true },
    ],
    [
      'an announced change (no event, hint consumed)',
      [],
      ['h3'],
      { sawUnpredictableChange: false, sawNaturalEnd: false, sawExpectedChange: true },
    ],
    [
      'only a held volume released from an earlier drag',
      [event('volumeChanged', 'user')],
      [],
      { sawUnpredictableChange: false, sawNaturalEnd: false, sawExpectedChange: false },
    ],
  ])('reads %s', (_name, events, consumed, expected) => {
    expect(observedChanges(events, consumed)).toEqual(expected);
  });
});
