import { systemClock } from '../../../lib/time/system-clock';
import { h, replaceChildren } from '../shared/dom';
import { errorMessage } from '../shared/error-message';
import { formatClockTime, formatSpan } from '../shared/format';
import { HttpError } from '../shared/http-error';
import { icon } from '../shared/icons';
import type { OpsApi, OpsOverview } from './api';
import { drawBudgetChart } from './budget-chart';
import { addSample, type BudgetSample } from './budget-samples';
import { TuningForm } from './tuning-form';
import { UsersTable } from './users-table';
import { WorkersView } from './workers-view';

const POLL_EVERY_MS = 2000;
const TICK_MS = 250;

/**
 * The ops dashboard: polls the overview every 2 s and shows budget use (with a five-minute chart), cooldown and
 * 429s, users and workers; below, the tuning form. Returns its teardown. `onSignOut` is called with a notice
 * when the token is refused, and without one when ops choose to forget it.
 */
export function renderDashboard(
  root: HTMLElement,
  api: OpsApi,
  onSignOut: (notice: string | null) => void,
): () => void {
  const clock = systemClock;
  let samples: BudgetSample[] = [];
  let latest: { overview: OpsOverview; receivedAt: number } | null = null;

  const budgetValue = h('p', { class: 'stat-value', 'data-testid': 'ops-budget-used' }, '–');
  const budgetMeter = h('div', { class: 'meter', role: 'presentation' }, h('span', { class: 'meter-fill' }));
  const budgetNote = h('p', { class: 'stat-note' });
  const cooldownValue = h('p', { class: 'stat-value', 'data-testid': 'ops-cooldown' }, '–');
  const cooldownNote = h('p', { class: 'stat-note' });
  const errorsValue = h('p', { class: 'stat-value', 'data-testid': 'ops-429s' }, '–');
  const usersValue = h('p', { class: 'stat-value', 'data-testid': 'ops-user-count' }, '–');
  const usersNote = h('p', { class: 'stat-note' });
  const updated = h('span', { class: 'updated', 'data-testid': 'ops-updated', role: 'status' }, 'Loading…');
  const canvas = h('canvas', {
    class: 'chart',
    'data-testid': 'ops-budget-chart',
    role: 'img',
    'aria-label': 'Budget use over the last five minutes',
  });
  const cooldownTile = tile('Cooldown', cooldownValue, cooldownNote);
  const users = new UsersTable();
  const workers = new WorkersView();
  const tuning = new TuningForm(api);
  const signOut = h(
    'button',
    {
      type: 'button',
      class: 'button button-ghost',
      'data-testid': 'ops-sign-out',
      'aria-label': 'Forget token',
    },
    icon('logout'),
    h('span', { class: 'label-wide' }, 'Forget token'),
  );

  replaceChildren(
    root,
    h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'brand' },
        icon('note', 'brand-icon'),
        h('span', {}, 'Playback Live'),
        h('span', { class: 'mode-badge' }, 'Ops'),
      ),
      h('div', { class: 'topbar-right' }, updated, signOut),
    ),
    h(
      'main',
      { class: 'ops-layout', id: 'main' },
      h(
        'section',
        { class: 'stats', 'aria-label': 'Summary' },
        tile('Budget in use', budgetValue, budgetMeter, budgetNote),
        cooldownTile,
        tile('429 responses', errorsValue, h('p', { class: 'stat-note' }, 'since the process started')),
        tile('Active users', usersValue, usersNote),
      ),
      h(
        'section',
        { class: 'card chart-card', 'aria-labelledby': 'chart-heading' },
        h(
          'header',
          { class: 'card-header' },
          h('h2', { id: 'chart-heading' }, 'Budget use, last 5 minutes'),
          h(
            'p',
            { class: 'legend' },
            h('span', { class: 'legend-used' }, 'requests in the window'),
            h('span', { class: 'legend-limit' }, 'limit'),
          ),
        ),
        canvas,
      ),
      h('div', { class: 'ops-grid' }, users.element, workers.element),
      tuning.element,
    ),
  );

  const show = (overview: OpsOverview) => {
    const { budget, cooldown } = overview;
    const share = budget.limit > 0 ? budget.used / budget.limit : 0;
    budgetValue.textContent = `${budget.used} / ${budget.limit}`;
    budgetMeter.style.setProperty('--fill', `${Math.min(100, share * 100)}%`);
    budgetMeter.dataset.level = share >= 0.9 ? 'high' : share >= 0.7 ? 'mid' : 'low';
    budgetNote.textContent = `${Math.round(share * 100)}% of the requests allowed per ${formatSpan(budget.windowMs)}`;
    cooldownTile.dataset.active = String(cooldown !== null);
    errorsValue.textContent = String(overview.total429s);
    const playing = overview.users.filter((user) => user.state === 'playing').length;
    usersValue.textContent = String(overview.users.length);
    usersNote.textContent = `${playing} playing · ${overview.workers.filter((w) => w.alive).length} workers alive`;
    users.update(overview.users, overview.now);
    workers.update(overview.workers);
    samples = addSample(samples, { at: overview.now, used: budget.used, limit: budget.limit });
    drawBudgetChart(canvas, samples);
  };

  const tick = () => {
    if (!latest) return;
    const serverNow = latest.overview.now + (clock.now() - latest.receivedAt);
    users.tick(serverNow);
    const cooldown = latest.overview.cooldown;
    cooldownValue.textContent = cooldown
      ? `${formatSpan(Math.max(0, cooldown.until - serverNow))} left`
      : 'None';
    cooldownNote.textContent = cooldown
      ? `${cooldown.reason}: no requests until ${formatClockTime(cooldown.until)}`
      : 'Spotify has not asked us to back off';
    const age = clock.now() - latest.receivedAt;
    updated.textContent = age < 1500 ? 'Updated just now' : `Updated ${Math.round(age / 1000)} s ago`;
  };

  let stopped = false;
  const poll = async () => {
    try {
      const overview = await api.overview();
      if (stopped) return;
      latest = { overview, receivedAt: clock.now() };
      show(overview);
      tick();
      updated.classList.remove('stale');
    } catch (error) {
      if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
        teardown();
        onSignOut('That token was not accepted. Enter the admin token again.');
        return;
      }
      updated.textContent = `Cannot refresh: ${errorMessage(error)}`;
      updated.classList.add('stale');
    }
  };

  const pollTimer = setInterval(() => void poll(), POLL_EVERY_MS);
  const tickTimer = setInterval(tick, TICK_MS);
  const resize = new ResizeObserver(() => drawBudgetChart(canvas, samples));
  resize.observe(canvas);
  function teardown(): void {
    stopped = true;
    clearInterval(pollTimer);
    clearInterval(tickTimer);
    resize.disconnect();
  }
  signOut.addEventListener('click', () => {
    teardown();
    onSignOut(null);
  });
  void poll();
  void tuning.load();
  return teardown;
}

function tile(title: string, ...content: HTMLElement[]): HTMLElement {
  return h('div', { class: 'card stat' }, h('h2', { class: 'stat-title' }, title), ...content);
}
