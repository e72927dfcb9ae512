import type { PlaybackItem } from '../../../lib/contract/items';
import type { PlayerChange } from '../../../lib/core/diff/player-change';
import type { QueueChange } from '../../../lib/core/diff/queue-change';

/** One line per change, so a table row can state what it expects at a glance. */
export function summarizePlayerChanges(changes: readonly PlayerChange[]): string[] {
  return changes.map((change) => {
    switch (change.kind) {
      case 'track': {
        const restart = change.restart ? ' restart' : '';
        const { previousEnded, queuePosition } = change.evidence;
        return `track ${idOf(change.previous)}→${idOf(change.current)}${restart} ended=${previousEnded} ${queuePosition}`;
      }
      case 'device':
        return `device ${change.previous?.name ?? 'null'}→${change.current.name}`;
      case 'playbackState':
        return `state ${change.reasons.join(',')}`;
      case 'volume':
        return `volume ${change.volume}`;
    }
  });
}

export function summarizeQueueChanges(changes: readonly QueueChange[]): string[] {
  return changes.map((change) =>
    change.action === 'cleared'
      ? `cleared total=${change.totalItems}`
      : `${change.action} ${change.items.map(idOf).join(',')} total=${change.totalItems}`,
  );
}

function idOf(item: PlaybackItem | null): string {
  return item === null ? 'null' : item.uri.slice(item.uri.lastIndexOf(':') + 1);
}
