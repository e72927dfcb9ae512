import { h, replaceChildren } from '../shared/dom';
import { errorMessage } from '../shared/error-message';
import { icon } from '../shared/icons';
import type { DemoCommandResult, DemoCommandTrack } from './api';

const SUGGESTIONS = [
  'Play something calm for a rainy evening',
  'Something upbeat for a run',
  'Surprise me with a deep cut',
];

/** The demo's "Ask the AI" box: sends a command, shows what the AI picked and why. */
export class AiView {
  readonly element: HTMLElement;
  private readonly input = h('input', {
    id: 'ai-input',
    type: 'text',
    class: 'text-input',
    autocomplete: 'off',
    maxlength: 200,
    placeholder: 'Play something calm for a rainy evening',
    'data-testid': 'ai-input',
    required: true,
  });
  private readonly send = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-testid': 'ai-send' },
    icon('send'),
    h('span', {}, 'Send'),
  );
  private readonly result = h('div', {
    class: 'ai-result',
    'data-testid': 'ai-result',
    'aria-live': 'polite',
  });

  constructor(private readonly ask: (command: string) => Promise<DemoCommandResult>) {
    const form = h(
      'form',
      { class: 'ai-form' },
      h('label', { for: 'ai-input', class: 'visually-hidden' }, 'Ask the AI to play something'),
      this.input,
      this.send,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.element = h(
      'section',
      { class: 'card ai', 'aria-labelledby': 'ai-heading' },
      h('header', { class: 'card-header' }, h('h2', { id: 'ai-heading' }, icon('sparkle'), 'Ask the AI')),
      h(
        'p',
        { class: 'hint' },
        'Ask for music in your own words. The AI picks a track and plays it; the change arrives in the feed marked ',
        h('span', { class: 'badge badge-ai badge-inline' }, 'AI'),
        ' with its reasoning.',
      ),
      form,
      h(
        'div',
        { class: 'chips', role: 'group', 'aria-label': 'Suggestions' },
        SUGGESTIONS.map((text) =>
          h(
            'button',
            {
              type: 'button',
              class: 'chip',
              onclick: () => {
                this.input.value = text;
                void this.submit();
              },
            },
            text,
          ),
        ),
      ),
      this.result,
    );
  }

  private async submit(): Promise<void> {
    const command = this.input.value.trim();
    if (!command) {
      this.input.focus();
      return;
    }
    this.setBusy(true);
    replaceChildren(this.result, h('p', { class: 'ai-pending' }, 'Thinking…'));
    try {
      const answer = await this.ask(command);
      replaceChildren(
        this.result,
        h(
          'p',
          { class: answer.ok ? 'ai-ok' : 'ai-failed' },
          icon(answer.ok ? 'check' : 'cross'),
          answer.ok && answer.track
            ? `Playing ${trackLine(answer.track)}`
            : answer.ok
              ? 'Done'
              : 'The AI could not do that',
        ),
        answer.reasoning && h('p', { class: 'ai-reasoning' }, answer.reasoning),
      );
      this.input.value = '';
    } catch (error) {
      replaceChildren(
        this.result,
        h('p', { class: 'ai-failed', role: 'alert' }, icon('cross'), errorMessage(error)),
      );
    } finally {
      this.setBusy(false);
    }
  }

  private setBusy(busy: boolean): void {
    this.send.disabled = busy;
    this.input.disabled = busy;
    this.send.setAttribute('aria-busy', String(busy));
    if (!busy) this.input.focus();
  }
}

/** Reads like the feed's `“Title” by Artist`, so the answer and the event it causes name the track alike. */
function trackLine(track: DemoCommandTrack): string {
  return `“${track.name}” by ${track.artists.join(', ') || 'Unknown artist'}`;
}
