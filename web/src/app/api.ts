import type { PlaybackState } from '../../../lib/contract/events';
import type { PlaybackItem, RepeatState } from '../../../lib/contract/items';
import { HttpError } from '../shared/http-error';
import { requestJson } from '../shared/http';

/** The gateway's HTTP routes the listener app uses (see web/README.md for the shapes). */

export type Mode = 'demo' | 'deployment';

/** One entry of `GET /demo/listeners` (lib/demo/demo-listener-view.ts), the fields the picker shows. */
export interface DemoListener {
  userId: string;
  displayName: string;
  /** The active device, or null when nothing is active. */
  device: { name: string; type: string } | null;
  /** Null when no device is active; `item` is null while an ad plays. */
  nowPlaying: { item: PlaybackItem | null; isPlaying: boolean } | null;
}

/** The track `POST /demo/command` played (lib/demo/demo-command.ts): names, not the full item. */
export interface DemoCommandTrack {
  name: string;
  artists: string[];
  album: string;
  durationMs: number;
}

export interface DemoCommandResult {
  ok: boolean;
  trackUri: string | null;
  track: DemoCommandTrack | null;
  reasoning: string | null;
}

export interface Device {
  /** Null for a device Spotify gives no id (it cannot be transferred to). */
  id: string | null;
  name: string;
  type: string;
  isActive: boolean;
  volume: number | null;
}

/** Each control route and its body. */
export interface ControlBodies {
  play: Record<string, never>;
  pause: Record<string, never>;
  next: Record<string, never>;
  previous: Record<string, never>;
  seek: { positionMs: number };
  volume: { volume: number };
  shuffle: { state: boolean };
  repeat: { state: RepeatState };
  transfer: { deviceId: string };
}

export type ControlAction = keyof ControlBodies;

export class ListenerApi {
  /** `sessionId` is sent as `X-Session-Id` besides the cookie (demo sign-in hands it out). */
  constructor(private readonly sessionId: () => string | null) {}

  async mode(): Promise<Mode> {
    return (await requestJson<{ mode: Mode }>('/api/mode')).mode;
  }

  /** The signed-in user's id, or null when not signed in (401). */
  async me(): Promise<string | null> {
    try {
      return (await requestJson<{ userId: string }>('/api/me', { headers: this.headers() })).userId;
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) return null;
      throw error;
    }
  }

  listeners(): Promise<DemoListener[]> {
    return requestJson<DemoListener[]>('/demo/listeners');
  }

  async login(userId: string): Promise<string> {
    return (await requestJson<{ sessionId: string }>('/demo/login', { method: 'POST', body: { userId } }))
      .sessionId;
  }

  command(userId: string, command: string): Promise<DemoCommandResult> {
    return requestJson<DemoCommandResult>('/demo/command', {
      method: 'POST',
      body: { userId, command },
      headers: this.headers(),
    });
  }

  async logout(): Promise<void> {
    await requestJson<unknown>('/auth/logout', { method: 'POST', headers: this.headers() });
  }

  async playback(): Promise<PlaybackState | null> {
    return (
      await requestJson<{ playbackState: PlaybackState | null }>('/api/playback', { headers: this.headers() })
    ).playbackState;
  }

  /** The upcoming queue, or null when the server has no queue route (404). */
  async queue(): Promise<PlaybackItem[] | null> {
    return this.optional(async () => {
      const answer = await requestJson<{ queue: { items: PlaybackItem[] } | null }>('/api/queue', {
        headers: this.headers(),
      });
      return answer.queue?.items ?? [];
    });
  }

  /** The listener's devices, or null when the server has no devices route (404). */
  async devices(): Promise<Device[] | null> {
    return this.optional(
      async () =>
        (await requestJson<{ devices: Device[] }>('/api/devices', { headers: this.headers() })).devices,
    );
  }

  async control<A extends ControlAction>(action: A, body: ControlBodies[A]): Promise<void> {
    await requestJson<{ ok: true }>(`/api/control/${action}`, {
      method: 'POST',
      body,
      headers: this.headers(),
    });
  }

  private async optional<T>(load: () => Promise<T>): Promise<T | null> {
    try {
      return await load();
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return null;
      throw error;
    }
  }

  private headers(): Record<string, string> {
    const id = this.sessionId();
    return id === null ? {} : { 'X-Session-Id': id };
  }
}
