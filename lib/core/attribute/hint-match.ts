import type { PlaybackState } from '../../contract/events';
import type { PlaybackItem } from '../../contract/items';
import type { Change } from '../diff/change';
import type { TrackChange } from '../diff/player-change';
import type { Hint, HintExpectation } from '../hint';

/**
 * Whether `change` is the one `hint` waits for. A hint without expectations waits for any change. Otherwise its
 * most specific expectation says which kind of change it waits for — trackUri: a track change; queueAdded: items
 * added to the queue; deviceId: a device change; volume: a volume change; contextUri: a track change or a
 * change of context; isPlaying: play/pause toggling — and every other expectation the change can speak to must
 * agree with it too. So a hint never claims an unrelated change: a trackUri hint does not attribute a volume
 * change, and a pause hint does not attribute a seek made while paused.
 */
export function hintMatches(hint: Hint, change: Change): boolean {
  const expect = hint.expect;
  if (expect === undefined) return true;
  if (expect.trackUri !== undefined) return change.kind === 'track' && trackAgrees(expect, change);
  if (expect.queueAdded !== undefined) {
    return (
      change.kind === 'queue' && change.action === 'added' && containsAll(change.items, expect.queueAdded)
    );
  }
  if (expect.deviceId !== undefined) return change.kind === 'device' && change.current.id === expect.deviceId;
  if (expect.volume !== undefined) return change.kind === 'volume' && change.volume === expect.volume;
  if (expect.contextUri !== undefined) {
    if (change.kind === 'track') return trackAgrees(expect, change);
    return (
      change.kind === 'playbackState' &&
      change.reasons.includes('context') &&
      stateAgrees(expect, change.state)
    );
  }
  if (expect.isPlaying !== undefined) {
    return (
      change.kind === 'playbackState' &&
      change.reasons.includes('isPlaying') &&
      stateAgrees(expect, change.state)
    );
  }
  return true;
}

function trackAgrees(expect: HintExpectation, change: TrackChange): boolean {
  return (
    (expect.trackUri === undefined || expect.trackUri === change.current.uri) &&
    (expect.contextUri === undefined || expect.contextUri === change.contextUri)
  );
}

function stateAgrees(expect: HintExpectation, state: PlaybackState): boolean {
  return (
    (expect.isPlaying === undefined || expect.isPlaying === state.isPlaying) &&
    (expect.contextUri === undefined || expect.contextUri === state.contextUri)
  );
}

function containsAll(items: readonly PlaybackItem[], uris: readonly string[]): boolean {
  return uris.every((uri) => items.some((item) => item.uri === uri));
}
