import { addEntry, FEED_LIMIT, toFeedEntry } from '../../web/src/app/feed-entry';
import { NOTHING_TOLD } from '../../web/src/app/describe-event';
import type { MusicEvent } from '../../lib/contract/events';
import { events, state, track } from './fixtures';

function aiTrack(timestamp: number, reasoning: string): MusicEvent {
  const event = events.track(timestamp, track(timestamp), 'ai');
  return { ...event, data: { ...event.data, reasoning, isAIDiscovery: true } } as MusicEvent;
}

describe('feed entries', () => {
  it('carries the source, the reasoning and the AI-discovery note', () => {
    const entry = toFeedEntry(aiTrack(5, 'calm piano'), null, NOTHING_TOLD, false);
    expect(entry).toMatchObject({
      source: 'ai',
      reasoning: 'calm piano',
      detail: 'AI discovery',
      outcome: null,
    });
  });

  it('shows a reasoning once per observation', () => {
    const first = toFeedEntry(aiTrack(5, 'calm piano'), null, NOTHING_TOLD, false);
    const sameObservation = {
      ...toFeedEntry(events.state(5, state(), 'ai'), null, NOTHING_TOLD, false),
      reasoning: 'calm piano',
    };
    const later = toFeedEntry(aiTrack(9, 'calm piano'), null, NOTHING_TOLD, false);
    const feed = addEntry(addEntry(addEntry([], first), sameObservation), later);
    expect(feed.map((entry) => entry.reasoningRepeated)).toEqual([false, true, false]);
  });

  it('keeps the newest entries first and at most FEED_LIMIT', () => {
    let feed = addEntry([], toFeedEntry(events.volume(1, 10), null, NOTHING_TOLD, false));
    for (let t = 2; t <= FEED_LIMIT + 5; t++) {
      feed = addEntry(feed, toFeedEntry(events.volume(t, 10), null, NOTHING_TOLD, false));
    }
    expect(feed).toHaveLength(FEED_LIMIT);
    expect(feed[0]?.timestamp).toBe(FEED_LIMIT + 5);
  });
});
