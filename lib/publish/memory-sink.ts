import type { MusicEvent } from '../contract/events';
import type { EventSink } from './event-sink';
import { userRoom } from './rooms';

export interface SentEvent {
  room: string;
  event: MusicEvent;
}

/** Keeps every event it is given, in order, for tests. It never forgets: not for long-running processes. */
export class MemorySink implements EventSink {
  readonly sent: SentEvent[] = [];

  emit(userId: string, event: MusicEvent): void {
    this.sent.push({ room: userRoom(userId), event });
  }

  /** The events sent to one user's room, in order. */
  eventsOf(userId: string): MusicEvent[] {
    const room = userRoom(userId);
    return this.sent.filter((sent) => sent.room === room).map((sent) => sent.event);
  }
}
