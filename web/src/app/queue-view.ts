import { cover } from '../shared/cover';
import { h, replaceChildren } from '../shared/dom';
import { formatDuration } from '../shared/format';
import { itemArtist } from '../shared/items';
import { unknownCount, type QueueModel } from './queue-model';

/** The upcoming queue. */
export class QueueView {
  readonly element: HTMLElement;
  private readonly list = h('ol', { class: 'queue-list', 'data-testid': 'queue' });
  private readonly note = h('p', { class: 'empty', 'data-testid': 'queue-note' });
  private readonly count = h('span', { class: 'card-meta', 'data-testid': 'queue-count' });

  constructor() {
    this.element = h(
      'section',
      { class: 'card queue', 'aria-labelledby': 'queue-heading' },
      h('header', { class: 'card-header' }, h('h2', { id: 'queue-heading' }, 'Up next'), this.count),
      this.list,
      this.note,
    );
    this.update({ items: [], total: null });
  }

  update(queue: QueueModel): void {
    replaceChildren(
      this.list,
      queue.items.map((item, index) =>
        h(
          'li',
          { class: 'queue-item', 'data-testid': 'queue-item', 'data-uri': item.uri },
          h('span', { class: 'queue-index' }, String(index + 1)),
          cover(item, 'cover-small'),
          h(
            'div',
            { class: 'queue-text' },
            h('p', { class: 'queue-title' }, item.name),
            h('p', { class: 'queue-artist' }, itemArtist(item)),
          ),
          h('span', { class: 'time' }, formatDuration(item.durationMs)),
        ),
      ),
    );
    const total = queue.total ?? queue.items.length;
    this.count.textContent = queue.total === null ? '' : `${total} item${total === 1 ? '' : 's'}`;
    const unknown = unknownCount(queue);
    this.note.hidden = queue.items.length > 0 && unknown === 0;
    if (queue.total === null && queue.items.length === 0) {
      this.note.textContent = 'The queue shows up here as soon as it changes.';
    } else if (queue.items.length === 0 && unknown === 0) {
      this.note.textContent = 'The queue is empty.';
    } else {
      this.note.textContent = `…and ${unknown} more added before this page opened.`;
    }
  }
}
