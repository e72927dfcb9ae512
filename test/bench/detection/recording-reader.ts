import { SpotifyFailure, SpotifyRateLimitedError, type SpotifyReadResult } from '../../../lib/spotify';
import type { Clock } from '../../../lib/time/clock';
import type { PlaybackReader } from '../../../lib/worker/worker';
import type { PollRecord } from './run-record';
import { listOf } from './run-record';

/**
 * The worker's reads, passed through and written down: which listener (by token), which endpoint, when the
 * request went out and when its answer (or failure) came back, and the status.
 */
export class RecordingReader implements PlaybackReader {
  constructor(
    private readonly inner: PlaybackReader,
    private readonly clock: Clock,
    private readonly listenerOfToken: ReadonlyMap<string, string>,
    readonly polls: Map<string, PollRecord[]>,
  ) {}

  getPlayer(accessToken: string): Promise<SpotifyReadResult> {
    return this.recorded('player', accessToken, () => this.inner.getPlayer(accessToken));
  }

  getQueue(accessToken: string): Promise<SpotifyReadResult> {
    return this.recorded('queue', accessToken, () => this.inner.getQueue(accessToken));
  }

  private async recorded(
    endpoint: PollRecord['endpoint'],
    accessToken: string,
    read: () => Promise<SpotifyReadResult>,
  ): Promise<SpotifyReadResult> {
    const listenerId = this.listenerOfToken.get(accessToken) ?? 'unknown';
    const readAt = this.clock.now();
    try {
      const result = await read();
      listOf(this.polls, listenerId).push({
        endpoint,
        readAt,
        observedAt: result.receivedAt,
        status: result.status,
      });
      return result;
    } catch (error) {
      const status = error instanceof SpotifyFailure ? error.status : null;
      const retryAfterMs =
        error instanceof SpotifyRateLimitedError ? { retryAfterMs: error.retryAfterMs } : {};
      listOf(this.polls, listenerId).push({
        endpoint,
        readAt,
        observedAt: this.clock.now(),
        status,
        ...retryAfterMs,
      });
      throw error;
    }
  }
}
