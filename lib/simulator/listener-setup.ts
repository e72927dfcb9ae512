import type { Random } from '../random/random';
import type { Catalog, CatalogItem } from './catalog';
import { deviceId, userId } from './ids';
import { firstName, personName } from './names';
import type { ListenerState, SimDevice } from './player-state';

/**
 * A new listener: their profile, their devices (always a phone and a computer, often a speaker, sometimes a
 * TV whose volume cannot be set) and where their playback starts — playing, paused, or no device at all.
 * Spotify remembers the last item even with no device, so every listener has one loaded.
 */

export interface ListenerProfile {
  id: string;
  displayName: string;
  email: string;
  country: string;
  followers: number;
}

export type InitialPlayback = 'playing' | 'paused' | 'idle';

export interface DeviceSpec {
  name: string;
  type: string;
  volume?: number;
  supportsVolume?: boolean;
  /** Default: drawn (40 hex characters). */
  id?: string;
}

export function makeProfile(random: Random, id?: string, displayName?: string): ListenerProfile {
  const listenerId = id ?? userId(random);
  // Drawn even when given, so a given name does not shift the draws after it.
  const drawnName = personName(random);
  return {
    id: listenerId,
    displayName: displayName ?? drawnName,
    email: `${listenerId}@listeners.example`,
    country: random.pick(['SE', 'US', 'GB', 'DE', 'FR', 'BR', 'JP']),
    followers: random.int(200),
  };
}

export function makeDevices(random: Random, specs?: readonly DeviceSpec[]): SimDevice[] {
  const chosen: DeviceSpec[] = specs ? [...specs] : defaultDeviceSpecs(random);
  return chosen.map((spec) => ({
    id: spec.id ?? deviceId(random),
    name: spec.name,
    type: spec.type,
    volume: spec.volume ?? 40 + random.int(61),
    supportsVolume: spec.supportsVolume ?? true,
  }));
}

function defaultDeviceSpecs(random: Random): DeviceSpec[] {
  const specs: DeviceSpec[] = [
    {
      name: random.pick([`${firstName(random)}'s iPhone`, 'Pixel 8', 'Galaxy S24']),
      type: 'Smartphone',
      volume: 100,
    },
    { name: random.pick(['MacBook Pro', 'Web Player (Chrome)', 'DESKTOP-7QK2M1L']), type: 'Computer' },
  ];
  if (random.chance(0.7)) {
    specs.push({
      name: random.pick(['Kitchen', 'Living Room', 'Bedroom Speaker', 'Sonos Move']),
      type: 'Speaker',
    });
  }
  if (random.chance(0.2)) specs.push({ name: 'Living Room TV', type: 'TV', supportsVolume: false });
  return specs;
}

export function initialState(
  random: Random,
  catalog: Catalog,
  devices: readonly SimDevice[],
  initial: InitialPlayback,
  at: number,
): ListenerState {
  const context = random.pick(catalog.musicContexts);
  const index = random.int(context.items.length);
  const item = context.items[index] as CatalogItem;
  // Start on the phone or the computer: a TV without volume control would refuse volume commands.
  const device = devices[random.int(Math.min(2, devices.length))] as SimDevice;
  return {
    devices,
    activeDeviceId: initial === 'idle' ? null : device.id,
    playing: { kind: 'item', item, fromQueue: false },
    itemSeq: 0,
    seekSeq: 0,
    isPlaying: initial === 'playing',
    positionMs: Math.floor(random.next() * item.durationMs * 0.9),
    anchorAt: at,
    shuffle: false,
    repeat: 'off',
    context: {
      uri: context.uri,
      type: context.type,
      items: context.items,
      order: context.items.map((_, i) => i),
      index,
    },
    queue: [],
    changedAt: at,
    history: [],
  };
}
