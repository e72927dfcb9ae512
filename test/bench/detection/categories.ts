import type { UnpublishedEvent } from '../../../lib/contract/events';
import type { TruthRecord } from '../../../lib/simulator';
import type { ListenerState } from '../../../lib/simulator/player-state';
import { activeDevice } from '../../../lib/simulator/player-state';

/**
 * What a client can know about a listener, split into the aspects a truth record changes, each with a value
 * the ground truth defines at any moment and a test of whether a poll's events report that value:
 * - `item`: which item plays (each start is a new value: a record's `seq`), reported by a `trackChanged` to
 *   that URI (an ad by a `playbackStateChanged` showing an ad);
 * - `position`: the last jump of the position (a seek, or a new item), reported by a `playbackStateChanged`
 *   (a new item as `item` is);
 * - `playing`, `volume`, `device` (null: none), `shuffle`, `repeat`, `context`: reported by an event carrying
 *   that value (`volumeChanged`, `deviceChanged` or the full state of a `playbackStateChanged`);
 * - `queue`: the user's queue (edits, less the head when it starts playing), reported by any `queueUpdated`.
 */
export type Category =
  'item' | 'position' | 'playing' | 'volume' | 'device' | 'shuffle' | 'repeat' | 'context' | 'queue';

export type Value = string | number | boolean | null;

/** The categories a record changes; it is matched by the first. */
export function categoriesOf(record: TruthRecord): Category[] {
  switch (record.kind) {
    case 'track':
    case 'ad':
      return ['item', 'position'];
    case 'seek':
      return ['position'];
    case 'play':
    case 'pause':
      return ['playing'];
    case 'no_device':
      return ['device', 'playing', 'volume'];
    case 'device':
      return ['device', 'volume'];
    case 'volume':
      return ['volume'];
    case 'shuffle':
    case 'repeat':
    case 'context':
      return [record.kind];
    case 'queue_add':
    case 'queue_remove':
    case 'queue_clear':
      return ['queue'];
  }
}

/** The category's value once `record` happened. */
export function valueAfter(record: TruthRecord, category: Category): Value {
  switch (category) {
    case 'item':
    case 'position':
      return record.seq;
    case 'queue':
      throw new Error('valueAfter: the queue is followed by queueAfter');
    case 'playing':
      return record.kind === 'play';
    case 'volume':
      return record.kind === 'volume' || record.kind === 'device' ? record.volume : null;
    case 'device':
      return record.kind === 'device' ? record.deviceId : null;
    case 'shuffle':
      return record.kind === 'shuffle' ? record.shuffle : null;
    case 'repeat':
      return record.kind === 'repeat' ? record.repeat : null;
    case 'context':
      return record.kind === 'context' ? record.contextUri : null;
  }
}

/** The category's value before any record (`seq` values start at 1). */
export function initialValue(state: ListenerState, category: Category): Value {
  switch (category) {
    case 'item':
    case 'position':
      return 0;
    case 'queue':
      return state.queue.map((item) => item.uri).join(' ');
    case 'playing':
      return state.isPlaying;
    case 'volume':
      return activeDevice(state)?.volume ?? null;
    case 'device':
      return state.activeDeviceId;
    case 'shuffle':
      return state.shuffle;
    case 'repeat':
      return state.repeat;
    case 'context':
      return state.context.uri;
  }
}

/**
 * The user's queue (URIs) after `record`: edits apply; a track that starts with the queue's head takes it off
 * (the natural advance, which the simulator does not record as an edit). The same array when unchanged.
 */
export function queueAfter(queue: readonly string[], record: TruthRecord): readonly string[] {
  switch (record.kind) {
    case 'queue_add':
      return [...queue, ...record.uris];
    case 'queue_clear':
      return [];
    case 'queue_remove': {
      const rest = [...queue];
      for (const uri of record.uris) {
        const at = rest.indexOf(uri);
        if (at >= 0) rest.splice(at, 1);
      }
      return rest;
    }
    case 'track':
      return queue[0] === record.uri ? queue.slice(1) : queue;
    default:
      return queue;
  }
}

/**
 * Whether `events` (one poll's) report the category's current value; `latest` is the record that set it
 * (null: the initial value).
 */
export function reports(
  events: readonly UnpublishedEvent[],
  category: Category,
  latest: TruthRecord | null,
  value: Value,
): boolean {
  switch (category) {
    case 'item':
      return latest !== null && reportsItem(events, latest);
    case 'position':
      if (latest !== null && latest.kind !== 'seek') return reportsItem(events, latest);
      return events.some((e) => e.event === 'playbackStateChanged');
    case 'playing':
      return events.some((e) => e.event === 'playbackStateChanged' && e.data.isPlaying === value);
    case 'volume':
      return events.some(
        (e) => (e.event === 'playbackStateChanged' || e.event === 'volumeChanged') && e.data.volume === value,
      );
    case 'device':
      return events.some(
        (e) =>
          (e.event === 'playbackStateChanged' && e.data.deviceId === value) ||
          (e.event === 'deviceChanged' && e.data.currentDeviceId === value),
      );
    case 'shuffle':
      return events.some((e) => e.event === 'playbackStateChanged' && e.data.shuffleState === value);
    case 'repeat':
      return events.some((e) => e.event === 'playbackStateChanged' && e.data.repeatState === value);
    case 'context':
      return events.some((e) => e.event === 'playbackStateChanged' && e.data.contextUri === value);
    case 'queue':
      return events.some((e) => e.event === 'queueUpdated');
  }
}

function reportsItem(events: readonly UnpublishedEvent[], latest: TruthRecord): boolean {
  if (latest.kind === 'ad') {
    return events.some((e) => e.event === 'playbackStateChanged' && e.data.playingType === 'ad');
  }
  return (
    latest.kind === 'track' &&
    events.some((e) => e.event === 'trackChanged' && e.data.current.uri === latest.uri)
  );
}
