import type { MusicEvent, UnpublishedEvent } from '../../../lib/contract/events';
import type { EventSink } from '../../../lib/publish';
import { listOf } from './run-record';

/** Keeps every published event per listener (what their clients received), for the analysis. */
export class ListenerSink implements EventSink {
  readonly events = new Map<string, UnpublishedEvent[]>();

  emit(userId: string, event: MusicEvent): void {
    listOf(this.events, userId).push(event);
  }
}
