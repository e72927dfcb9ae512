import { h } from './dom';
import { icon } from './icons';

export type ToastTone = 'info' | 'error';

const SHOWN_FOR_MS = 6000;

/**
 * Passing messages in a polite live region (screen readers announce them), newest at the bottom. The region is
 * created on first use.
 */
export function showToast(message: string, tone: ToastTone = 'info'): void {
  const region = document.querySelector('.toasts') ?? document.body.appendChild(toastRegion());
  const toast = h(
    'div',
    { class: `toast toast-${tone}`, role: tone === 'error' ? 'alert' : 'status', 'data-testid': 'toast' },
    icon(tone === 'error' ? 'warning' : 'check'),
    h('span', {}, message),
  );
  region.appendChild(toast);
  setTimeout(() => {
    toast.classList.add('toast-leaving');
    setTimeout(() => toast.remove(), 300);
  }, SHOWN_FOR_MS);
}

function toastRegion(): HTMLElement {
  return h('div', { class: 'toasts', 'aria-live': 'polite' });
}
