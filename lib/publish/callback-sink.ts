import type { MusicEvent } from '../contract/events';
import type { EventSink } from './event-sink';
import { userRoom } from './rooms';

/** Hands each event to a function with its room: single-process use (an embedded gateway, the demo). */
export class CallbackSink implements EventSink {
  constructor(private readonly deliver: (room: string, event: MusicEvent) => Promise<void> | void) {}

  emit(userId: string, event: MusicEvent): Promise<void> | void {
    return this.deliver(userRoom(userId), event);
  }
}
