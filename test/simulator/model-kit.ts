import { SeededRandom } from '../../lib/random/random';
import type { CatalogContext, CatalogItem, CatalogTrack } from '../../lib/simulator/catalog';
import { Catalog } from '../../lib/simulator/catalog';
import type { ModelContext, ModelSettings } from '../../lib/simulator/listener-model';
import type { ListenerState } from '../../lib/simulator/player-state';

/** Hand-made states over a real generated catalog, for the pure model tests. */

export const T0 = 1_764_000_000_000;

export const catalog = new Catalog(new SeededRandom('model-tests'));

/** A playlist-like context of `count` tracks (at least 3 so next/previous have room). */
export function someContext(minItems = 3): CatalogContext {
  const context = catalog.musicContexts.find((c) => c.type === 'album' && c.items.length >= minItems);
  if (!context) throw new Error('the test catalog has no album that long');
  return context;
}

export function otherTrack(excluding: readonly CatalogItem[]): CatalogTrack {
  const track = catalog.tracks.find((t) => !excluding.includes(t));
  if (!track) throw new Error('no track left');
  return track;
}

export function model(overrides: Partial<ModelSettings> = {}, seed = 'model'): ModelContext {
  return {
    random: new SeededRandom(seed),
    settings: { adChance: 0, adMinMs: 15_000, adMaxMs: 30_000, autoplay: false, ...overrides },
    autoplayContexts: catalog.musicContexts,
  };
}

/** Playing `context` from item `index` at position 0, on device `phone`, at T0. */
export function playingState(
  context: CatalogContext,
  index = 0,
  overrides: Partial<ListenerState> = {},
): ListenerState {
  return {
    devices: [
      { id: 'phone', name: 'Phone', type: 'Smartphone', volume: 50, supportsVolume: true },
      { id: 'tv', name: 'TV', type: 'TV', volume: 30, supportsVolume: false },
    ],
    activeDeviceId: 'phone',
    playing: { kind: 'item', item: context.items[index] as CatalogItem, fromQueue: false },
    itemSeq: 1,
    seekSeq: 0,
    isPlaying: true,
    positionMs: 0,
    anchorAt: T0,
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
    changedAt: T0,
    history: [],
    ...overrides,
  };
}

export function uriOf(state: ListenerState): string | null {
  return state.playing.kind === 'item' ? state.playing.item.uri : null;
}
