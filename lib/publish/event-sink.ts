import type { MusicEvent } from '../contract/events';

/**
 * Where published events go: the user's room on `/music` (see `rooms.ts`). `RedisEmitterSink` reaches the
 * gateways of every process through the Socket.IO Redis adapter; an in-process gateway can implement this with
 * `namespace.to(userRoom(userId)).emit(event.event, event.data)`.
 */
export interface EventSink {
  /** Sends one event, already in the user's stream with its id. Resolves (or returns) once handed on. */
  emit(userId: string, event: MusicEvent): Promise<void> | void;
}
