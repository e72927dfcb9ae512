import { h, replaceChildren } from '../shared/dom';
import type { OpsUser } from './api';
import { cadence, countdown } from './countdown';

const STATUS_WORDS: Record<OpsUser['status'], string> = {
  live: 'live',
  reauth_required: 'sign-in needed',
  rate_limited: 'rate limited',
  degraded: 'degraded',
};

/** Active users: state, status, cadence, a live countdown to the next poll, and the worker polling them. */
export class UsersTable {
  readonly element: HTMLElement;
  private readonly body = h('tbody', {});
  private readonly count = h('span', { class: 'card-meta' });
  private countdowns: { cell: HTMLElement; at: number | null }[] = [];

  constructor() {
    this.element = h(
      'section',
      { class: 'card users', 'aria-labelledby': 'users-heading' },
      h('header', { class: 'card-header' }, h('h2', { id: 'users-heading' }, 'Active users'), this.count),
      h(
        'div',
        { class: 'table-scroll' },
        h(
          'table',
          { class: 'table', 'data-testid': 'ops-users-table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              ['User', 'State', 'Status', 'Cadence', 'Next poll', 'Worker'].map((title) =>
                h('th', { scope: 'col' }, title),
              ),
            ),
          ),
          this.body,
        ),
      ),
    );
  }

  update(users: readonly OpsUser[], serverNow: number): void {
    this.count.textContent = `${users.length} active`;
    this.countdowns = [];
    if (users.length === 0) {
      replaceChildren(
        this.body,
        h('tr', {}, h('td', { colspan: 6, class: 'empty' }, 'No active users: nobody has the app open.')),
      );
      return;
    }
    const sorted = [...users].sort((a, b) => a.userId.localeCompare(b.userId));
    replaceChildren(
      this.body,
      sorted.map((user) => {
        const next = h(
          'td',
          { class: 'num', 'data-testid': 'ops-next-poll' },
          countdown(user.nextPollAt, serverNow),
        );
        this.countdowns.push({ cell: next, at: user.nextPollAt });
        return h(
          'tr',
          { 'data-testid': 'ops-user-row', 'data-user-id': user.userId },
          h('th', { scope: 'row', class: 'mono' }, user.userId),
          h('td', {}, h('span', { class: `tag state-${user.state}` }, user.state)),
          h('td', {}, h('span', { class: `tag status-${user.status}` }, STATUS_WORDS[user.status])),
          h('td', { class: 'num' }, cadence(user.cadenceMs)),
          next,
          h('td', { class: 'mono' }, user.worker ?? '—'),
        );
      }),
    );
  }

  /** Moves the countdowns on without a new overview. */
  tick(serverNow: number): void {
    for (const { cell, at } of this.countdowns) cell.textContent = countdown(at, serverNow);
  }
}
