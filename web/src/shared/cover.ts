import type { PlaybackItem } from '../../../lib/contract/items';
import { h } from './dom';
import { hueOf, initials } from './format';
import { icon } from './icons';
import { itemCollection, itemImage } from './items';

/**
 * A cover: the item's image when it has one and it loads, over a placeholder generated from the album (or show)
 * name, so a missing or unreachable image never shows as broken.
 */
export function cover(item: PlaybackItem | null, className: string, testId?: string): HTMLElement {
  const seed = item ? itemCollection(item) : '';
  const hue = hueOf(seed);
  const box = h('div', {
    class: `cover ${className}`,
    'data-testid': testId,
    style: `--cover-a: hsl(${hue} 70% 45%); --cover-b: hsl(${(hue + 60) % 360} 75% 28%)`,
  });
  if (!item) {
    box.classList.add('cover-empty');
    box.appendChild(icon('note', 'cover-icon'));
    return box;
  }
  box.appendChild(h('span', { class: 'cover-initials', 'aria-hidden': 'true' }, initials(seed)));
  const url = itemImage(item);
  if (url) {
    const image = h('img', { src: url, alt: '', loading: 'lazy', decoding: 'async' });
    image.addEventListener('load', () => box.classList.add('cover-loaded'));
    image.addEventListener('error', () => image.remove());
    box.appendChild(image);
  }
  return box;
}
