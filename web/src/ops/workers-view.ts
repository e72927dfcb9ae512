import { h, replaceChildren } from '../shared/dom';
import type { OpsWorker } from './api';

/** Each worker, whether it is alive, and the users it polls. */
export class WorkersView {
  readonly element: HTMLElement;
  private readonly list = h('ul', { class: 'worker-list', 'data-testid': 'ops-workers' });
  private readonly count = h('span', { class: 'card-meta' });

  constructor() {
    this.element = h(
      'section',
      { class: 'card workers', 'aria-labelledby': 'workers-heading' },
      h('header', { class: 'card-header' }, h('h2', { id: 'workers-heading' }, 'Workers'), this.count),
      this.list,
    );
  }

  update(workers: readonly OpsWorker[]): void {
    const alive = workers.filter((worker) => worker.alive).length;
    this.count.textContent = `${alive} of ${workers.length} alive`;
    if (workers.length === 0) {
      replaceChildren(this.list, h('li', { class: 'empty' }, 'No worker has reported in.'));
      return;
    }
    replaceChildren(
      this.list,
      workers.map((worker) =>
        h(
          'li',
          {
            class: `worker ${worker.alive ? 'alive' : 'dead'}`,
            'data-testid': 'ops-worker',
            'data-worker-id': worker.id,
          },
          h(
            'p',
            { class: 'worker-head' },
            h('span', { class: 'pill-dot', 'aria-hidden': 'true' }),
            h('span', { class: 'mono' }, worker.id),
            h('span', { class: 'worker-state' }, worker.alive ? 'alive' : 'not responding'),
          ),
          worker.users.length === 0
            ? h('p', { class: 'hint' }, 'No users')
            : h(
                'ul',
                { class: 'user-chips', 'aria-label': `Users of ${worker.id}` },
                worker.users.map((user) => h('li', { class: 'chip chip-static mono' }, user)),
              ),
        ),
      ),
    );
  }
}
