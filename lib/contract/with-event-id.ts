import type { MusicEvent, UnpublishedEvent } from './events';

/** The published form of an event: its payload with the id the stream gave it. */
export function withEventId(event: UnpublishedEvent, eventId: string): MusicEvent {
  // The spread keeps each variant's payload with its own name; TypeScript cannot follow that through the union.
  return { event: event.event, data: { ...event.data, eventId } } as MusicEvent;
}
