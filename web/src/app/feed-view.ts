import type { EventSource } from '../../../lib/contract/events';
import { h, replaceChildren } from '../shared/dom';
import { formatClockTime } from '../shared/format';
import { icon, type IconName } from '../shared/icons';
import { FEED_LIMIT, type FeedEntry } from './feed-entry';

const BADGES: Record<EventSource, { label: string; icon: IconName; title: string }> = {
  ai: { label: 'AI', icon: 'sparkle', title: 'Done by the AI' },
  user: { label: 'You', icon: 'user', title: 'Done by a person: here, or in the Spotify app' },
  auto: { label: 'Auto', icon: 'auto', title: 'Happened by itself (the track ended)' },
};

/** The live feed: newest first, each with who did it, what, when, and the AI's reasoning. */
export class FeedView {
  readonly element: HTMLElement;
  private readonly list = h('ol', { class: 'feed-list', 'data-testid': 'feed', 'aria-live': 'polite' });
  private readonly empty = h(
    'p',
    { class: 'empty', 'data-testid': 'feed-empty' },
    'Nothing yet. Skip a track in Spotify, press a control here, or ask the AI — every change shows up here.',
  );
  private readonly count = h('span', { class: 'card-meta' });

  constructor() {
    this.element = h(
      'section',
      { class: 'card feed', 'aria-labelledby': 'feed-heading' },
      h('header', { class: 'card-header' }, h('h2', { id: 'feed-heading' }, 'Live activity'), this.count),
      this.empty,
      this.list,
    );
  }

  add(entry: FeedEntry): void {
    this.list.prepend(feedItem(entry));
    while (this.list.children.length > FEED_LIMIT) this.list.lastElementChild?.remove();
    this.empty.hidden = true;
    const n = this.list.children.length;
    this.count.textContent = `${n} event${n === 1 ? '' : 's'}`;
  }

  clear(): void {
    replaceChildren(this.list);
    this.empty.hidden = false;
    this.count.textContent = '';
  }
}

function feedItem(entry: FeedEntry): HTMLElement {
  const badge = BADGES[entry.source];
  return h(
    'li',
    {
      class: `feed-item source-${entry.source}${entry.outcome ? ` outcome-${entry.outcome}` : ''}`,
      'data-testid': 'feed-item',
      'data-source': entry.source,
      'data-event': entry.event,
      'data-event-id': entry.eventId,
    },
    h(
      'span',
      { class: `badge badge-${entry.source}`, title: badge.title, 'data-testid': 'feed-source' },
      icon(badge.icon),
      badge.label,
    ),
    h(
      'div',
      { class: 'feed-body' },
      h(
        'p',
        { class: 'feed-text', 'data-testid': 'feed-text' },
        entry.outcome &&
          h(
            'span',
            {
              class: `outcome outcome-${entry.outcome}`,
              'data-testid': 'feed-outcome',
              'data-outcome': entry.outcome,
            },
            icon(entry.outcome === 'succeeded' ? 'check' : 'cross'),
            h(
              'span',
              { class: 'visually-hidden' },
              entry.outcome === 'succeeded' ? 'Succeeded: ' : 'Failed: ',
            ),
          ),
        entry.text,
      ),
      entry.reasoning &&
        !entry.reasoningRepeated &&
        h(
          'blockquote',
          { class: 'feed-reasoning', 'data-testid': 'feed-reasoning' },
          h('span', { class: 'reasoning-label' }, 'Why: '),
          entry.reasoning,
        ),
      h(
        'p',
        { class: 'feed-meta' },
        h('time', { datetime: new Date(entry.timestamp).toISOString() }, formatClockTime(entry.timestamp)),
        entry.detail && h('span', {}, entry.detail),
        entry.replayed && h('span', { class: 'replayed' }, 'replayed'),
        h('span', { class: 'event-name' }, entry.event),
      ),
    ),
  );
}
