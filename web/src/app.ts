import { h, replaceChildren, byId } from './shared/dom';
import { errorMessage } from './shared/error-message';
import { icon } from './shared/icons';
import { ListenerApi, type Mode } from './app/api';
import { renderListenerPage } from './app/listener-page';
import { sessionIdStore } from './app/session-id';
import { renderSignIn } from './app/sign-in-view';

/** The listener app (index.html): sign in, then the live page; back to sign-in when the session ends. */

const root = byId('app');
const api = new ListenerApi(() => sessionIdStore.get());

async function start(notice: string | null): Promise<void> {
  let mode: Mode;
  let userId: string | null;
  try {
    mode = await api.mode();
    userId = await api.me();
  } catch (error) {
    showUnreachable(errorMessage(error));
    return;
  }
  if (userId === null) showSignIn(mode, notice);
  else showListener(mode, userId);
}

function showSignIn(mode: Mode, notice: string | null): void {
  sessionIdStore.clear();
  const stop = renderSignIn(root, mode, api, notice, async (userId) => {
    sessionIdStore.set(await api.login(userId));
    stop();
    showListener(mode, userId);
  });
}

function showListener(mode: Mode, userId: string): void {
  renderListenerPage({
    root,
    mode,
    api,
    userId,
    sessionId: sessionIdStore.get(),
    onSignedOut: (notice) => showSignIn(mode, notice),
  });
}

function showUnreachable(message: string): void {
  replaceChildren(
    root,
    h(
      'main',
      { class: 'sign-in', id: 'main' },
      h(
        'div',
        { class: 'sign-in-hero' },
        h('h1', {}, 'Cannot reach the server'),
        h('p', { class: 'notice', role: 'alert' }, icon('warning'), message),
        h(
          'button',
          { type: 'button', class: 'button button-primary', onclick: () => void start(null) },
          'Try again',
        ),
      ),
    ),
  );
}

void start(null);
