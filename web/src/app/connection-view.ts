import { h } from '../shared/dom';
import { formatClockTime } from '../shared/format';
import { icon } from '../shared/icons';
import type { StatusChangedPayload } from '../../../lib/contract/events';
import { connectionLabel, fallbackNote, type ConnectionStatus } from './connection-view-model';
import { describeStatus } from './describe-event';
import type { Mode } from './api';

/** The connection pill in the top bar and the banners under it (HTTP fallback, the listener's status). */
export class ConnectionView {
  readonly pill: HTMLElement;
  readonly banners: HTMLElement;
  private readonly label = h('span', { class: 'pill-label' });
  private readonly detail = h('span', { class: 'pill-detail' });
  private readonly fallback = h('p', {
    class: 'banner banner-warn',
    'data-testid': 'fallback-banner',
    hidden: true,
  });
  private readonly status = h('p', {
    class: 'banner banner-warn',
    'data-testid': 'status-banner',
    hidden: true,
  });

  constructor(
    private readonly mode: Mode,
    private readonly pollEveryMs: number,
  ) {
    this.pill = h(
      'div',
      { class: 'pill', 'data-testid': 'connection-state', role: 'status' },
      h('span', { class: 'pill-dot', 'aria-hidden': 'true' }),
      h('span', { class: 'pill-text' }, this.label, this.detail),
    );
    this.banners = h('div', { class: 'banners' }, this.fallback, this.status);
  }

  show(status: ConnectionStatus): void {
    const { label, detail } = connectionLabel(status);
    this.pill.dataset.state = status.phase;
    this.label.textContent = label;
    this.detail.textContent = detail ?? '';
    this.pill.title = detail ?? label;
    this.fallback.hidden = !status.polling;
    // The pill has room for a few words only: the banner gives the whole reason for a refusal.
    const why = status.phase === 'refused' && status.reason ? ` ${status.reason}` : '';
    this.fallback.replaceChildren(icon('warning'), `${fallbackNote(this.pollEveryMs)}.${why}`);
  }

  /** A `statusChanged` event: why updates may pause, until it says `live` again. */
  showListenerStatus(payload: StatusChangedPayload): void {
    this.status.hidden = payload.status === 'live';
    this.status.dataset.status = payload.status;
    const until = payload.until === undefined ? '' : ` until about ${formatClockTime(payload.until)}`;
    this.status.replaceChildren(
      icon('warning'),
      `${describeStatus(payload.status, payload.reason)}${until}.`,
    );
    if (payload.status === 'reauth_required' && this.mode === 'deployment') {
      this.status.append(' ', h('a', { href: '/auth/login' }, 'Connect Spotify'));
    }
  }
}
