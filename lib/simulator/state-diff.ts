import type { CatalogItem } from './catalog';
import type { ListenerState } from './player-state';
import { activeDevice, currentItem } from './player-state';
import type { TruthChange } from './truth';

/**
 * What changed between two states of one listener, as the Web API would show it. Computed generically after
 * every transition, so an action with several effects (a skip while paused both changes the track and starts
 * playback) yields one record per effect.
 */
export function diffStates(before: ListenerState, after: ListenerState): TruthChange[] {
  if (before.activeDeviceId !== null && after.activeDeviceId === null) {
    return [{ kind: 'no_device', previousDeviceId: before.activeDeviceId }];
  }
  if (after.activeDeviceId === null) return queueChanges(before, after);

  const changes: TruthChange[] = [];
  const device = activeDevice(after);
  const previousDevice = activeDevice(before);
  if (device && device.id !== previousDevice?.id) {
    changes.push({
      kind: 'device',
      deviceId: device.id,
      deviceName: device.name,
      volume: device.volume,
      previousDeviceId: previousDevice?.id ?? null,
    });
  }
  if (after.context.uri !== before.context.uri) {
    changes.push({ kind: 'context', contextUri: after.context.uri, previousContextUri: before.context.uri });
  }
  if (after.itemSeq !== before.itemSeq) changes.push(itemChange(before, after));
  if (after.isPlaying !== before.isPlaying) changes.push({ kind: after.isPlaying ? 'play' : 'pause' });
  if (after.seekSeq !== before.seekSeq && after.itemSeq === before.itemSeq) {
    changes.push({ kind: 'seek', positionMs: after.positionMs });
  }
  if (device && previousDevice && device.volume !== previousDevice.volume) {
    changes.push({
      kind: 'volume',
      volume: device.volume,
      previousVolume: previousDevice.volume,
      deviceId: device.id,
    });
  }
  if (after.shuffle !== before.shuffle) changes.push({ kind: 'shuffle', shuffle: after.shuffle });
  if (after.repeat !== before.repeat) changes.push({ kind: 'repeat', repeat: after.repeat });
  changes.push(...queueChanges(before, after));
  return changes;
}

function itemChange(before: ListenerState, after: ListenerState): TruthChange {
  const { playing } = after;
  if (playing.kind === 'ad') return { kind: 'ad', durationMs: playing.durationMs };
  const previousUri = currentItem(before)?.uri ?? null;
  return {
    kind: 'track',
    uri: playing.item.uri,
    itemType: playing.item.type,
    durationMs: playing.item.durationMs,
    previousUri,
    restart: previousUri === playing.item.uri,
  };
}

const uris = (items: readonly CatalogItem[]) => items.map((item) => item.uri);

/** Edits of the user's queue; the head becoming the current item (the natural advance) is not an edit. */
function queueChanges(before: ListenerState, after: ListenerState): TruthChange[] {
  const old = before.queue;
  const now = after.queue;
  if (old === now) return [];
  const consumedHead =
    after.itemSeq !== before.itemSeq &&
    after.playing.kind === 'item' &&
    after.playing.fromQueue &&
    after.playing.item === old[0];
  const base = consumedHead ? old.slice(1) : old;
  if (now.length === 0) return base.length === 0 ? [] : [{ kind: 'queue_clear', uris: uris(base) }];
  if (now.length >= base.length && base.every((item, i) => now[i] === item)) {
    const added = now.slice(base.length);
    return added.length === 0 ? [] : [{ kind: 'queue_add', uris: uris(added) }];
  }
  const remaining = [...now];
  const removed: CatalogItem[] = [];
  for (const item of base) {
    const at = remaining.indexOf(item);
    if (at >= 0) remaining.splice(at, 1);
    else removed.push(item);
  }
  const changes: TruthChange[] = [];
  if (removed.length > 0) changes.push({ kind: 'queue_remove', uris: uris(removed) });
  if (remaining.length > 0) changes.push({ kind: 'queue_add', uris: uris(remaining) });
  return changes;
}
