import type { PlaybackItem } from '../contract/items';
import { normalizePlayer } from '../core/normalize';
import type { DeviceInfo } from '../core/snapshot';
import type { SimWorld } from '../simulator';
import { playerBody } from '../simulator/bodies';
import type { DemoListener } from './create-demo-world';

/** One entry of `GET /demo/listeners`: who they are and what their Spotify shows right now. */
export interface DemoListenerView {
  userId: string;
  displayName: string;
  /** The active device, or null when nothing is active. */
  device: DeviceInfo | null;
  /** Null when no device is active; `item` is null while an ad plays. */
  nowPlaying: { item: PlaybackItem | null; isPlaying: boolean; progressMs: number } | null;
}

/**
 * What the listener's `GET /v1/me/player` would show, read from the world without a request (the picker must
 * not spend the simulated app's rate limit), in the shapes the daemon sends to clients.
 */
export function viewDemoListener(world: SimWorld, listener: DemoListener): DemoListenerView {
  const state = world.visibleState(listener.userId);
  const at = world.clock.now();
  const body = playerBody(state, at, true);
  const result = normalizePlayer(body === null ? 204 : 200, body, at);
  if (!result.ok) throw new Error(`The simulator's player body did not normalize: ${result.reason}`);
  const snapshot = result.value;
  return {
    userId: listener.userId,
    displayName: listener.displayName,
    device: snapshot.device,
    nowPlaying: snapshot.active
      ? { item: snapshot.item, isPlaying: snapshot.isPlaying, progressMs: snapshot.progressMs }
      : null,
  };
}
