import type { MusicEvent, PlaybackState, PlaybackStateChangedPayload } from '../contract/events';
import type { PlaybackSyncAck, SubscribeAck, UnsubscribeAck } from '../contract/protocol';
import { userRoom } from '../publish/rooms';
import type { MusicCall } from './call-refusals';
import { errorFields } from '../log/error-fields';
import type { GatewayContext } from './gateway-context';
import { missedEvents } from './missed-events';
import type { CallAnswer, MusicServerSocket } from './music-socket';
import type { SocketEntry } from './socket-registry';

/**
 * The three calls of DESIGN section 5, once a call has passed the limit and its shape was checked:
 * `subscribeToPlayback` (room, activity, replay or resync), `unsubscribeFromPlayback` and
 * `requestPlaybackSync`. A store that fails makes the call reject; the gateway answers `unavailable`.
 */
export class PlaybackCalls {
  constructor(private readonly context: GatewayContext) {}

  answer(socket: MusicServerSocket, call: MusicCall): Promise<CallAnswer> {
    switch (call) {
      case 'subscribeToPlayback':
        return this.subscribe(socket);
      case 'unsubscribeFromPlayback':
        return this.unsubscribe(socket);
      case 'requestPlaybackSync':
        return this.sync(socket);
    }
  }

  private async subscribe(socket: MusicServerSocket): Promise<SubscribeAck> {
    if (socket.data.subscribed) return { status: 'subscribed', replayed: 0 };
    const { deps, options, metrics, local, store } = this.context;
    const { clock, stores } = deps;
    const { userId, lastEventId } = socket.data;
    const entry = entryOf(socket, options.gatewayId);
    // Room first: what is published from now on reaches the socket (the client holds it until the ack).
    socket.data.subscribed = true;
    local.subscribe(entry);
    metrics.subscriptions.set(local.subscriptions);
    await socket.join(userRoom(userId));
    try {
      await store('active users', stores.activeUsers.touch(userId, clock.now() + options.heartbeatTtlMs));
      // A nudge has the worker pick a newly active user up (or poll a known one) now, not at its next pass.
      await store('nudge', stores.bus.publish(userId));
      if (lastEventId === null) return { status: 'subscribed', replayed: 0 };
      const missed = await store(
        'event stream',
        missedEvents(stores, userId, lastEventId, options.replayBatchSize, clock.now()),
      );
      if (missed.kind === 'resync') return await this.resync(socket, missed.state);
      for (const event of missed.events) emitEvent(socket, event);
      metrics.replayedEvents.inc(missed.events.length);
      this.countEvents({ replayed: missed.events.length });
      deps.logger.debug('replayed missed events', { userId, count: missed.events.length });
      return { status: 'subscribed', replayed: missed.events.length };
    } catch (error) {
      socket.data.subscribed = false;
      local.unsubscribe(entry);
      metrics.subscriptions.set(local.subscriptions);
      await socket.leave(userRoom(userId));
      throw error;
    }
  }

  private async resync(
    socket: MusicServerSocket,
    state: PlaybackStateChangedPayload | null,
  ): Promise<SubscribeAck> {
    const { deps, metrics, store } = this.context;
    const { userId } = socket.data;
    if (state === null) {
      // Nothing stored yet: the worker is asked to poll, and its event follows.
      await store('nudge', deps.stores.bus.publish(userId));
    } else {
      socket.emit('playbackStateChanged', state);
    }
    metrics.resyncs.inc();
    this.countEvents({ resynced: 1 });
    deps.logger.debug('sent a resync instead of a replay', { userId, withState: state !== null });
    return { status: 'subscribed', resync: true };
  }

  private async unsubscribe(socket: MusicServerSocket): Promise<UnsubscribeAck> {
    const { options, metrics, local } = this.context;
    if (socket.data.subscribed) {
      socket.data.subscribed = false;
      local.unsubscribe(entryOf(socket, options.gatewayId));
      metrics.subscriptions.set(local.subscriptions);
      await socket.leave(userRoom(socket.data.userId));
    }
    return { status: 'unsubscribed' };
  }

  private async sync(socket: MusicServerSocket): Promise<PlaybackSyncAck> {
    const { deps, options, store } = this.context;
    const { stores, clock } = deps;
    const { userId } = socket.data;
    const state = (await store('playback state', stores.playbackStates.get(userId))) as PlaybackState | null;
    if (state !== null) return { playbackState: state };
    // The worker polls active users only: make this one active, then ask for a poll now.
    await store('active users', stores.activeUsers.touch(userId, clock.now() + options.heartbeatTtlMs));
    await store('nudge', stores.bus.publish(userId));
    return { playbackState: null };
  }

  /** The seed's `ws:stats:events`, best effort. */
  private countEvents(counts: Record<string, number>): void {
    const { deps, track } = this.context;
    track(
      deps.sockets
        .countEvents(counts)
        .catch((error: unknown) => deps.logger.debug('event stats not counted', errorFields(error))),
    );
  }
}

export function entryOf(socket: MusicServerSocket, gatewayId: string): SocketEntry {
  return { userId: socket.data.userId, socketId: socket.id, gatewayId };
}

function emitEvent(socket: MusicServerSocket, event: MusicEvent): void {
  // The union of names and payloads is one typed pair per event; TypeScript cannot follow it through emit.
  (socket.emit as (name: string, payload: unknown) => boolean).call(socket, event.event, event.data);
}
