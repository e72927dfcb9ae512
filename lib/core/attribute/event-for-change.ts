import type { UnpublishedEvent } from '../../contract/events';
import type { PlaybackItem } from '../../contract/items';
import type { Change } from '../diff/change';
import type { Attribution } from './attribution';

/** The event telling clients about `change`. Optional fields are left out, not set to undefined (JSON round trips). */
export function eventForChange(
  change: Change,
  attribution: Attribution,
  timestamp: number,
): UnpublishedEvent {
  const { source } = attribution;
  switch (change.kind) {
    case 'track':
      return {
        event: 'trackChanged',
        data: {
          previous: change.previous,
          current: change.current,
          source,
          timestamp,
          ...reasoningOf(attribution),
          ...(attribution.isAIDiscovery === undefined ? {} : { isAIDiscovery: attribution.isAIDiscovery }),
        },
      };
    case 'device':
      return {
        event: 'deviceChanged',
        data: {
          previousDevice: change.previous?.name ?? null,
          previousDeviceId: change.previous?.id ?? null,
          currentDevice: change.current.name,
          currentDeviceId: change.current.id,
          source,
          timestamp,
          ...reasoningOf(attribution),
        },
      };
    case 'playbackState':
      return {
        event: 'playbackStateChanged',
        data: { ...change.state, source, timestamp, ...reasoningOf(attribution) },
      };
    case 'volume':
      return {
        event: 'volumeChanged',
        data: {
          volume: change.volume,
          device: change.device,
          deviceId: change.deviceId,
          source,
          timestamp,
          ...reasoningOf(attribution),
        },
      };
    case 'queue':
      return {
        event: 'queueUpdated',
        data: {
          action: change.action,
          ...(change.action === 'cleared' ? {} : queueItems(change.items)),
          totalItems: change.totalItems,
          source,
          timestamp,
          ...reasoningOf(attribution),
        },
      };
  }
}

function reasoningOf(attribution: Attribution): { reasoning?: string } {
  return attribution.reasoning === undefined ? {} : { reasoning: attribution.reasoning };
}

function queueItems(items: readonly PlaybackItem[]): { tracks: PlaybackItem[]; trackUris: string[] } {
  return { tracks: [...items], trackUris: items.map((item) => item.uri) };
}
