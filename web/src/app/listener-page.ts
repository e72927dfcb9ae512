import type { MusicEvent, PlaybackState } from '../../../lib/contract/events';
import { systemClock } from '../../../lib/time/system-clock';
import { h, replaceChildren } from '../shared/dom';
import { errorMessage } from '../shared/error-message';
import { HttpError } from '../shared/http-error';
import { icon } from '../shared/icons';
import { showToast } from '../shared/toast';
import { AiView } from './ai-view';
import type { ListenerApi, Mode } from './api';
import { ConnectionView } from './connection-view';
import { NOTHING_TOLD, tell, type Told } from './describe-event';
import { addEntry, toFeedEntry, type FeedEntry } from './feed-entry';
import { FeedView } from './feed-view';
import { LiveSession, POLL_EVERY_MS } from './live-session';
import { applyEvent, fromState, positionAt, withFields, type NowPlaying } from './now-playing';
import { PlayerView, type ControlRequest } from './player-view';
import { applyQueueEvent, EMPTY_QUEUE, fromItems, type QueueModel } from './queue-model';
import { QueueView } from './queue-view';

/** How often the progress bar moves. */
const TICK_MS = 250;

export interface ListenerPageOptions {
  root: HTMLElement;
  mode: Mode;
  api: ListenerApi;
  userId: string;
  sessionId: string | null;
  /** Back to the sign-in page, with a reason when the session ended by itself. */
  onSignedOut: (notice: string | null) => void;
}

/**
 * The signed-in page: top bar with the connection state, the now-playing card, the AI box (demo), the queue and
 * the live feed. It owns the page's state and feeds it to the views; returns its teardown.
 */
export function renderListenerPage(options: ListenerPageOptions): () => void {
  const { root, mode, api, userId } = options;
  const clock = systemClock;
  let nowPlaying: NowPlaying | null = null;
  let queue: QueueModel = EMPTY_QUEUE;
  let feedEntries: FeedEntry[] = [];
  // The last full state (event, sync or poll), without optimistic changes: what the feed describes changes from.
  let lastFull: NowPlaying | null = null;
  let told: Told = NOTHING_TOLD;
  let queueRoute = true;
  let devicesRoute = true;

  const player = new PlayerView((request) => void control(request));
  const feed = new FeedView();
  const queueView = new QueueView();
  const connection = new ConnectionView(mode, POLL_EVERY_MS);
  const userName = h('span', { class: 'user-name', 'data-testid': 'user-name' }, userId);
  const signOutLabel = mode === 'demo' ? 'Switch listener' : 'Sign out';
  const signOut = h(
    'button',
    { type: 'button', class: 'button button-ghost', 'data-testid': 'sign-out', 'aria-label': signOutLabel },
    icon('logout'),
    h('span', { class: 'label-wide' }, signOutLabel),
  );
  const ai = mode === 'demo' ? new AiView((command) => api.command(userId, command)) : null;

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
        mode === 'demo' && h('span', { class: 'mode-badge', 'data-testid': 'mode-badge' }, 'Demo'),
      ),
      h(
        'div',
        { class: 'topbar-right' },
        connection.pill,
        h('span', { class: 'user-chip' }, icon('user'), userName),
        signOut,
      ),
    ),
    connection.banners,
    h(
      'main',
      { class: 'layout', id: 'main' },
      h('div', { class: 'col-main' }, player.element, ai?.element, queueView.element),
      h('div', { class: 'col-side' }, feed.element),
    ),
  );

  if (mode === 'demo') {
    void api.listeners().then(
      (listeners) => {
        const me = listeners.find((listener) => listener.userId === userId);
        if (me) userName.textContent = me.displayName;
      },
      () => undefined,
    );
  }

  const show = (next: NowPlaying | null) => {
    nowPlaying = next;
    player.update(nowPlaying);
    player.tick(clock.now());
    const track = nowPlaying?.state.track;
    document.title = track ? `${track.name} · Playback Live` : 'Playback Live';
  };

  const refreshQueue = async () => {
    if (!queueRoute) return;
    try {
      const items = await api.queue();
      if (items === null) queueRoute = false;
      else {
        queue = fromItems(items);
        queueView.update(queue);
      }
    } catch {
      // The queue is secondary: keep the one built from events; the next refresh tries again.
    }
  };

  const refreshDevices = async () => {
    if (!devicesRoute) return;
    try {
      const devices = await api.devices();
      if (devices === null) devicesRoute = false;
      player.setDevices(devices);
    } catch {
      // Keep the devices shown; the next device change or reconnect asks again.
    }
  };

  const session = new LiveSession(api, options.sessionId, {
    onEvent(event: MusicEvent, replayed: boolean) {
      const now = clock.now();
      const before = lastFull && { ...lastFull.state, position: positionAt(lastFull, now) };
      feedEntries = addEntry(feedEntries, toFeedEntry(event, before, told, replayed));
      feed.add(feedEntries[0] as FeedEntry);
      told = tell(told, event);
      if (event.event === 'playbackStateChanged') lastFull = fromState(event.data, now);
      show(applyEvent(nowPlaying, event, now));
      queue = applyQueueEvent(queue, event);
      queueView.update(queue);
      if (event.event === 'statusChanged') connection.showListenerStatus(event.data);
      if (event.event === 'deviceChanged') void refreshDevices();
    },
    onState(state: PlaybackState | null) {
      // Null means the server has nothing stored yet: an event follows, keep what is shown.
      if (state) {
        lastFull = fromState(state, clock.now());
        show(lastFull);
      }
      if (!session.live) void refreshQueue();
    },
    onConnection: (status) => connection.show(status),
    onNote: (text) => showToast(text),
    onResumed() {
      void refreshQueue();
      void refreshDevices();
    },
    onSignedOut(message) {
      teardown();
      options.onSignedOut(message);
    },
  });

  async function control(request: ControlRequest): Promise<void> {
    if (request.optimistic && nowPlaying) show(withFields(nowPlaying, clock.now(), request.optimistic));
    try {
      await api.control(request.action, request.body as never);
    } catch (error) {
      if (error instanceof HttpError && error.status === 401) {
        teardown();
        options.onSignedOut(error.message);
        return;
      }
      showToast(errorMessage(error), 'error');
      // Undo the optimistic change with what is really playing.
      await session.resync().catch(() => undefined);
    }
  }

  const ticker = setInterval(() => player.tick(clock.now()), TICK_MS);
  let tornDown = false;
  function teardown(): void {
    if (tornDown) return;
    tornDown = true;
    clearInterval(ticker);
    session.close();
  }

  signOut.addEventListener('click', () => {
    teardown();
    void api.logout().then(
      () => options.onSignedOut(null),
      (error: unknown) => {
        // A server without a logout route still lets the tab forget its session.
        if (!(error instanceof HttpError && error.status === 404)) showToast(errorMessage(error), 'error');
        options.onSignedOut(null);
      },
    );
  });

  void refreshQueue();
  void refreshDevices();
  return teardown;
}
