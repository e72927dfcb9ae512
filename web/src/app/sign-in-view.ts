import { h, replaceChildren } from '../shared/dom';
import { errorMessage } from '../shared/error-message';
import { hueOf, initials } from '../shared/format';
import { icon } from '../shared/icons';
import { itemArtist } from '../shared/items';
import type { DemoListener, ListenerApi, Mode } from './api';

/** How often the listener cards refresh while the picker is open (what each one plays changes). */
const REFRESH_EVERY_MS = 5000;

/**
 * The sign-in page: in the demo, a card per simulated listener; with real accounts, "Connect Spotify".
 * Returns a function that stops its refresh.
 */
export function renderSignIn(
  root: HTMLElement,
  mode: Mode,
  api: ListenerApi,
  notice: string | null,
  onPick: (userId: string) => Promise<void>,
): () => void {
  const grid = h('div', { class: 'listener-grid', 'data-testid': 'listener-list', 'aria-busy': 'true' });
  const status = h('p', { class: 'sign-in-status', role: 'status' });
  replaceChildren(
    root,
    h(
      'main',
      { class: 'sign-in', id: 'main' },
      h(
        'div',
        { class: 'sign-in-hero' },
        h('div', { class: 'brand brand-large' }, icon('note', 'brand-icon'), h('span', {}, 'Playback Live')),
        h('h1', {}, 'Your Spotify playback, live.'),
        h(
          'p',
          { class: 'lede' },
          'Every skip, pause, volume change and AI pick shows up here the moment it happens, wherever it was made, ' +
            'with who made it: you, the AI, or the music moving on by itself.',
        ),
        notice &&
          h(
            'p',
            { class: 'notice', role: 'alert', 'data-testid': 'sign-in-notice' },
            icon('warning'),
            notice,
          ),
      ),
      mode === 'demo'
        ? h(
            'section',
            { class: 'sign-in-panel', 'aria-labelledby': 'pick-heading' },
            h('h2', { id: 'pick-heading' }, 'Pick a demo listener'),
            h(
              'p',
              { class: 'hint' },
              'These listeners are simulated: their Spotify app keeps skipping, pausing and queueing. ' +
                'Pick one to watch, control and talk to their playback.',
            ),
            grid,
            status,
          )
        : h(
            'section',
            { class: 'sign-in-panel sign-in-connect', 'aria-labelledby': 'connect-heading' },
            h('h2', { id: 'connect-heading' }, 'Sign in'),
            h(
              'p',
              { class: 'hint' },
              'Connect your Spotify account to see and control what you are playing.',
            ),
            h(
              'a',
              { class: 'button button-spotify', href: '/auth/login', 'data-testid': 'connect-spotify' },
              icon('note'),
              'Connect Spotify',
            ),
            h('p', { class: 'fine-print' }, 'We only ask to read and control your playback. Nothing else.'),
          ),
    ),
  );
  if (mode !== 'demo') return () => undefined;

  let picking = false;
  const pick = async (listener: DemoListener, card: HTMLButtonElement) => {
    if (picking) return;
    picking = true;
    card.setAttribute('aria-busy', 'true');
    status.textContent = `Signing in as ${listener.displayName}…`;
    try {
      await onPick(listener.userId);
    } catch (error) {
      status.textContent = errorMessage(error);
      card.removeAttribute('aria-busy');
      picking = false;
    }
  };
  const load = async () => {
    try {
      const listeners = await api.listeners();
      if (picking) return;
      // Refreshing replaces the cards: keep the keyboard focus on the same listener.
      const focused = document.activeElement?.getAttribute('data-user-id');
      replaceChildren(
        grid,
        listeners.map((listener) => listenerCard(listener, pick)),
      );
      if (focused) grid.querySelector<HTMLElement>(`[data-user-id="${CSS.escape(focused)}"]`)?.focus();
      grid.setAttribute('aria-busy', 'false');
    } catch (error) {
      status.textContent = errorMessage(error);
    }
  };
  void load();
  const timer = setInterval(() => void load(), REFRESH_EVERY_MS);
  return () => clearInterval(timer);
}

function listenerCard(
  listener: DemoListener,
  pick: (listener: DemoListener, card: HTMLButtonElement) => Promise<void>,
): HTMLButtonElement {
  const hue = hueOf(listener.userId);
  const card = h(
    'button',
    {
      type: 'button',
      class: 'listener-card',
      'data-testid': 'listener-card',
      'data-user-id': listener.userId,
      'aria-label': `Sign in as ${listener.displayName}`,
    },
    h(
      'span',
      { class: 'avatar', style: `--avatar: hsl(${hue} 65% 45%)`, 'aria-hidden': 'true' },
      initials(listener.displayName),
    ),
    h(
      'span',
      { class: 'listener-text' },
      h('span', { class: 'listener-name' }, listener.displayName),
      h('span', { class: 'listener-playing' }, playingLine(listener)),
      h('span', { class: 'listener-device' }, icon('device'), listener.device?.name ?? 'No active device'),
    ),
    h('span', { class: 'listener-go', 'aria-hidden': 'true' }, '→'),
  );
  card.addEventListener('click', () => void pick(listener, card));
  return card;
}

function playingLine(listener: DemoListener): string {
  const playing = listener.nowPlaying;
  if (playing === null) return 'Nothing playing';
  const what = playing.item ? `${playing.item.name} — ${itemArtist(playing.item)}` : 'An ad, or a local file';
  return playing.isPlaying ? what : `Paused: ${what}`;
}
