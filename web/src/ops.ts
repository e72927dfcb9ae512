import { byId, h, replaceChildren } from './shared/dom';
import { icon } from './shared/icons';
import { OpsApi } from './ops/api';
import { renderDashboard } from './ops/dashboard';
import { tokenStore } from './ops/token-store';

/** The ops page (ops.html): asks for the admin token once per tab, then shows the dashboard. */

const root = byId('app');

function start(notice: string | null): void {
  const token = tokenStore.get();
  if (token === null) showTokenPrompt(notice);
  else
    renderDashboard(root, new OpsApi(token), (reason) => {
      tokenStore.clear();
      start(reason);
    });
}

function showTokenPrompt(notice: string | null): void {
  const input = h('input', {
    id: 'admin-token',
    type: 'password',
    class: 'text-input',
    autocomplete: 'current-password',
    required: true,
    'data-testid': 'ops-token-input',
    'aria-describedby': 'admin-token-help',
  });
  const form = h(
    'form',
    { class: 'card token-card' },
    h(
      'div',
      { class: 'brand brand-large' },
      icon('note', 'brand-icon'),
      h('span', {}, 'Playback Live'),
      h('span', { class: 'mode-badge' }, 'Ops'),
    ),
    h('h1', {}, 'Operations'),
    notice &&
      h('p', { class: 'notice', role: 'alert', 'data-testid': 'ops-token-notice' }, icon('warning'), notice),
    h('label', { for: 'admin-token' }, 'Admin token'),
    input,
    h(
      'p',
      { class: 'hint', id: 'admin-token-help' },
      'The ADMIN_TOKEN this deployment was started with. It is kept in this tab only, until you close it.',
    ),
    h(
      'button',
      { type: 'submit', class: 'button button-primary', 'data-testid': 'ops-token-submit' },
      'Open dashboard',
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      input.focus();
      return;
    }
    tokenStore.set(token);
    start(null);
  });
  replaceChildren(root, h('main', { class: 'token-page', id: 'main' }, form));
  input.focus();
}

start(null);
