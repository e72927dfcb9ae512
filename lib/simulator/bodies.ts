import type { ItemJson } from './item-bodies';
import { contextJson, itemJson } from './item-bodies';
import type { ListenerProfile } from './listener-setup';
import type { ListenerState, SimDevice } from './player-state';
import { activeDevice, currentItem, progressAt, upcomingContextItems } from './player-state';

/**
 * The Web API's response bodies, built from the state the API shows at time `at`: exactly what the HTTP layer
 * serializes, so in-process callers (the benchmark) feed the normalizer the same data. A body is null where
 * Spotify answers 204 (no active device).
 */

const API = 'https://api.spotify.com/v1';

/** Spotify lists about this many upcoming items in the queue response. */
export const QUEUE_LENGTH = 20;

function deviceJson(device: SimDevice, activeId: string | null) {
  return {
    id: device.id,
    is_active: device.id === activeId,
    is_private_session: false,
    is_restricted: false,
    name: device.name,
    supports_volume: device.supportsVolume,
    type: device.type,
    volume_percent: device.volume,
  };
}

function disallows(state: ListenerState) {
  const out: Record<string, boolean> = state.isPlaying ? { resuming: true } : { pausing: true };
  if (state.playing.kind === 'ad') {
    out.skipping_next = true;
    out.skipping_prev = true;
    out.seeking = true;
  }
  return { disallows: out };
}

/**
 * What plays as Spotify reports it: an ad has `item: null`; an episode shows `item: null` unless the request
 * asked for `additional_types=episode`.
 */
function nowPlayingJson(state: ListenerState, episodes: boolean) {
  const { playing } = state;
  if (playing.kind === 'ad') return { item: null, currently_playing_type: 'ad' };
  const shown = playing.item.type === 'track' || episodes ? itemJson(playing.item) : null;
  return { item: shown, currently_playing_type: playing.item.type };
}

/** `GET /v1/me/player`: a CurrentlyPlayingContextObject (the currently-playing fields plus device, shuffle and repeat), or null for 204. */
export function playerBody(state: ListenerState, at: number, episodes: boolean) {
  const device = activeDevice(state);
  if (!device) return null;
  return {
    device: deviceJson(device, state.activeDeviceId),
    shuffle_state: state.shuffle,
    smart_shuffle: false,
    repeat_state: state.repeat,
    ...playingFields(state, at, episodes),
  };
}

/** `GET /v1/me/player/currently-playing`: a CurrentlyPlayingObject, or null for 204. */
export function currentlyPlayingBody(state: ListenerState, at: number, episodes: boolean) {
  return activeDevice(state) ? playingFields(state, at, episodes) : null;
}

function playingFields(state: ListenerState, at: number, episodes: boolean) {
  const { item, currently_playing_type } = nowPlayingJson(state, episodes);
  return {
    timestamp: state.changedAt,
    context: state.context.uri === null ? null : contextJson(state.context.uri),
    progress_ms: Math.floor(progressAt(state, at)),
    item,
    currently_playing_type,
    actions: disallows(state),
    is_playing: state.isPlaying,
  };
}

/** `GET /v1/me/player/queue`: the current item, then the user's queue, then the context's next items. */
export function queueBody(state: ListenerState): { currently_playing: ItemJson | null; queue: ItemJson[] } {
  if (!activeDevice(state)) return { currently_playing: null, queue: [] };
  const current = currentItem(state);
  const queued = state.queue.slice(0, QUEUE_LENGTH);
  const upcoming = [...queued, ...upcomingContextItems(state, QUEUE_LENGTH - queued.length)];
  return { currently_playing: current ? itemJson(current) : null, queue: upcoming.map(itemJson) };
}

/** `GET /v1/me/player/devices`. */
export function devicesBody(state: ListenerState) {
  return { devices: state.devices.map((device) => deviceJson(device, state.activeDeviceId)) };
}

/** `GET /v1/me/player/recently-played` with Spotify's `limit`, `before` and `after` (ms) cursors. */
export function recentlyPlayedBody(
  state: ListenerState,
  query: { limit: number; before: number | null; after: number | null },
) {
  const matching = state.history.filter(
    (entry) =>
      (query.before === null || entry.playedAt < query.before) &&
      (query.after === null || entry.playedAt > query.after),
  );
  const page = matching.slice(0, query.limit);
  const oldest = page[page.length - 1];
  const params = new URLSearchParams({ limit: String(query.limit) });
  if (query.before !== null) params.set('before', String(query.before));
  if (query.after !== null) params.set('after', String(query.after));
  return {
    items: page.map((entry) => ({
      track: itemJson(entry.track),
      played_at: new Date(entry.playedAt).toISOString(),
      context: entry.contextUri === null ? null : contextJson(entry.contextUri),
    })),
    next:
      oldest && matching.length > page.length
        ? `${API}/me/player/recently-played?before=${oldest.playedAt}&limit=${query.limit}`
        : null,
    cursors: page.length > 0 ? { after: String(page[0]?.playedAt), before: String(oldest?.playedAt) } : {},
    limit: query.limit,
    href: `${API}/me/player/recently-played?${params}`,
  };
}

/** `GET /v1/me`: a PrivateUserObject. */
export function userBody(profile: ListenerProfile) {
  return {
    country: profile.country,
    display_name: profile.displayName,
    email: profile.email,
    explicit_content: { filter_enabled: false, filter_locked: false },
    external_urls: { spotify: `https://open.spotify.com/user/${profile.id}` },
    followers: { href: null, total: profile.followers },
    href: `${API}/users/${profile.id}`,
    id: profile.id,
    images: [],
    product: 'premium',
    type: 'user',
    uri: `spotify:user:${profile.id}`,
  };
}
