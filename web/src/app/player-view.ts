import type { PlaybackState } from '../../../lib/contract/events';
import type { RepeatState } from '../../../lib/contract/items';
import { cover } from '../shared/cover';
import { h, replaceChildren } from '../shared/dom';
import { formatDuration } from '../shared/format';
import { icon, setIcon, type IconName } from '../shared/icons';
import { itemArtist, itemCollection } from '../shared/items';
import type { ControlAction, ControlBodies, Device } from './api';
import { positionAt, type NowPlaying } from './now-playing';

/** A control the card asks for, with the change to show at once (the event confirms it). */
export type ControlRequest = {
  [A in ControlAction]: { action: A; body: ControlBodies[A]; optimistic: Partial<PlaybackState> | null };
}[ControlAction];

const NEXT_REPEAT: Record<RepeatState, RepeatState> = { off: 'context', context: 'track', track: 'off' };
const REPEAT_LABELS: Record<RepeatState, string> = {
  off: 'Repeat: off',
  context: 'Repeat: on',
  track: 'Repeat: this track',
};

/**
 * The now-playing card: cover, title, artist, album, device, a progress bar that moves locally, and the
 * controls. It renders what it is given and reports what the listener asks for; it never calls the server.
 */
export class PlayerView {
  readonly element: HTMLElement;
  private nowPlaying: NowPlaying | null = null;
  private devices: readonly (Device & { id: string })[] = [];
  private coverUri: string | null | undefined = undefined;
  private seeking = false;
  private changingVolume = false;
  private readonly coverSlot = h('div', { class: 'player-cover' });
  private readonly eyebrow = h('p', { class: 'eyebrow', 'data-testid': 'now-playing-status' });
  private readonly title = h('h2', { class: 'player-title', 'data-testid': 'now-playing-title' });
  private readonly artist = h('p', { class: 'player-artist', 'data-testid': 'now-playing-artist' });
  private readonly album = h('p', { class: 'player-album', 'data-testid': 'now-playing-album' });
  private readonly deviceName = h('span', { 'data-testid': 'now-playing-device' });
  private readonly position = h('span', { class: 'time', 'data-testid': 'progress-position' }, '0:00');
  private readonly duration = h(
    'span',
    { class: 'time time-end', 'data-testid': 'progress-duration' },
    '0:00',
  );
  private readonly seek = rangeInput('control-seek', 'Seek', 0);
  private readonly playPause = controlButton('control-play-pause', 'Play', 'play', 'control control-main');
  private readonly previous = controlButton('control-previous', 'Previous track', 'previous');
  private readonly next = controlButton('control-next', 'Next track', 'next');
  private readonly shuffle = controlButton('control-shuffle', 'Shuffle', 'shuffle', 'control control-toggle');
  private readonly repeat = controlButton(
    'control-repeat',
    'Repeat: off',
    'repeat',
    'control control-toggle',
  );
  private readonly volume = rangeInput('control-volume', 'Volume', 0);
  private readonly volumeValue = h('output', { class: 'volume-value', 'data-testid': 'volume-value' }, '–');
  private readonly transfer = h('select', { id: 'transfer', 'data-testid': 'control-transfer' });
  private readonly transferField = h(
    'label',
    { class: 'transfer', hidden: true },
    h('span', { class: 'visually-hidden' }, 'Play on device'),
    icon('device'),
    this.transfer,
  );

  constructor(private readonly request: (control: ControlRequest) => void) {
    this.volume.max = '100';
    this.element = h(
      'section',
      { class: 'card player', 'aria-label': 'Now playing', 'data-testid': 'now-playing' },
      h(
        'div',
        { class: 'player-main' },
        this.coverSlot,
        h(
          'div',
          { class: 'player-info' },
          this.eyebrow,
          this.title,
          this.artist,
          this.album,
          h('p', { class: 'player-device' }, icon('device'), this.deviceName),
        ),
      ),
      h('div', { class: 'progress' }, this.position, this.seek, this.duration),
      h('div', { class: 'transport' }, this.shuffle, this.previous, this.playPause, this.next, this.repeat),
      h(
        'div',
        { class: 'player-footer' },
        this.transferField,
        h(
          'label',
          { class: 'volume' },
          h('span', { class: 'visually-hidden' }, 'Volume'),
          icon('volume'),
          this.volume,
          this.volumeValue,
        ),
      ),
    );
    this.wireControls();
    this.update(null);
  }

  /** Shows a new state (from an event, a sync, a poll or an optimistic control). */
  update(nowPlaying: NowPlaying | null): void {
    this.nowPlaying = nowPlaying;
    const state = nowPlaying?.state ?? null;
    const item = state?.track ?? null;
    const active = state !== null && state.device !== null;
    if (this.coverUri !== (item?.uri ?? null)) {
      this.coverUri = item?.uri ?? null;
      replaceChildren(this.coverSlot, cover(item, 'cover-large', 'now-playing-cover'));
    }
    this.eyebrow.textContent = !active ? 'Nothing playing' : state.isPlaying ? 'Now playing' : 'Paused';
    this.element.dataset.playing = String(active && state.isPlaying);
    this.title.textContent =
      item?.name ?? (active ? 'Something Spotify does not describe' : 'Nothing playing');
    this.artist.textContent = item
      ? itemArtist(item)
      : active
        ? 'An ad, or a local file'
        : 'Start Spotify on any device: it will show up here.';
    this.album.textContent = item ? itemCollection(item) : '';
    this.deviceName.textContent = state?.device ?? 'No active device';

    setIcon(this.playPause, state?.isPlaying ? 'pause' : 'play');
    this.playPause.setAttribute('aria-label', state?.isPlaying ? 'Pause' : 'Play');
    this.playPause.dataset.action = state?.isPlaying ? 'pause' : 'play';
    this.shuffle.setAttribute('aria-pressed', String(state?.shuffleState ?? false));
    const repeat = state?.repeatState ?? 'off';
    this.repeat.setAttribute('aria-pressed', String(repeat !== 'off'));
    this.repeat.setAttribute('aria-label', REPEAT_LABELS[repeat]);
    this.repeat.dataset.state = repeat;
    setIcon(this.repeat, repeat === 'track' ? 'repeatOne' : 'repeat');
    for (const button of [this.playPause, this.previous, this.next, this.shuffle, this.repeat]) {
      button.disabled = !active;
    }

    this.seek.max = String(Math.max(1, state?.duration ?? 0));
    this.seek.disabled = !active || !state.duration;
    this.duration.textContent = formatDuration(state?.duration ?? 0);
    if (!this.changingVolume) this.showVolume(active ? state.volume : null);
    this.selectDevice(state?.deviceId ?? null);
  }

  /** Moves the progress bar to where playback should be now. */
  tick(now: number): void {
    if (this.seeking) return;
    const position = this.nowPlaying ? positionAt(this.nowPlaying, now) : 0;
    this.seek.value = String(position);
    this.position.textContent = formatDuration(position);
    this.seek.setAttribute(
      'aria-valuetext',
      `${formatDuration(position)} of ${formatDuration(this.nowPlaying?.state.duration ?? 0)}`,
    );
    fill(this.seek);
  }

  /** The devices to offer for transfer; null hides the picker (the server has no devices route). */
  setDevices(devices: readonly Device[] | null): void {
    // A device without an id cannot be transferred to.
    this.devices = (devices ?? []).filter((device): device is Device & { id: string } => device.id !== null);
    this.transferField.hidden = this.devices.length === 0;
    replaceChildren(
      this.transfer,
      this.devices.map((device) => h('option', { value: device.id }, `${device.name} · ${device.type}`)),
    );
    if (!this.devices.some((device) => device.id === this.nowPlaying?.state.deviceId)) {
      this.transfer.prepend(h('option', { value: '', disabled: true }, 'Choose a device'));
    }
    this.selectDevice(this.nowPlaying?.state.deviceId ?? null);
  }

  private selectDevice(deviceId: string | null): void {
    const known = [...this.transfer.options].some((option) => option.value === deviceId);
    this.transfer.value = known && deviceId !== null ? deviceId : '';
  }

  private showVolume(volume: number | null): void {
    this.volume.disabled = volume === null;
    this.volume.value = String(volume ?? 0);
    this.volumeValue.textContent = volume === null ? '–' : `${volume}%`;
    this.volume.title = volume === null ? 'This device does not report a volume' : '';
    fill(this.volume);
  }

  private wireControls(): void {
    this.playPause.addEventListener('click', () => {
      const playing = this.nowPlaying?.state.isPlaying ?? false;
      this.request({ action: playing ? 'pause' : 'play', body: {}, optimistic: { isPlaying: !playing } });
    });
    this.previous.addEventListener('click', () =>
      this.request({ action: 'previous', body: {}, optimistic: null }),
    );
    this.next.addEventListener('click', () => this.request({ action: 'next', body: {}, optimistic: null }));
    this.shuffle.addEventListener('click', () => {
      const state = !(this.nowPlaying?.state.shuffleState ?? false);
      this.request({ action: 'shuffle', body: { state }, optimistic: { shuffleState: state } });
    });
    this.repeat.addEventListener('click', () => {
      const state = NEXT_REPEAT[this.nowPlaying?.state.repeatState ?? 'off'];
      this.request({ action: 'repeat', body: { state }, optimistic: { repeatState: state } });
    });
    this.seek.addEventListener('input', () => {
      this.seeking = true;
      this.position.textContent = formatDuration(Number(this.seek.value));
      fill(this.seek);
    });
    this.seek.addEventListener('change', () => {
      this.seeking = false;
      const positionMs = Math.round(Number(this.seek.value));
      this.request({ action: 'seek', body: { positionMs }, optimistic: { position: positionMs } });
    });
    this.volume.addEventListener('input', () => {
      this.changingVolume = true;
      this.volumeValue.textContent = `${this.volume.value}%`;
      fill(this.volume);
    });
    this.volume.addEventListener('change', () => {
      this.changingVolume = false;
      const volume = Number(this.volume.value);
      this.request({ action: 'volume', body: { volume }, optimistic: { volume } });
    });
    this.transfer.addEventListener('change', () => {
      const device = this.devices.find((each) => each.id === this.transfer.value);
      if (!device) return;
      this.request({
        action: 'transfer',
        body: { deviceId: device.id },
        optimistic: { deviceId: device.id, device: device.name },
      });
    });
  }
}

function controlButton(
  testId: string,
  label: string,
  iconName: IconName,
  className = 'control',
): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: className, 'aria-label': label, 'data-testid': testId },
    icon(iconName),
  );
}

function rangeInput(testId: string, label: string, max: number): HTMLInputElement {
  return h('input', {
    type: 'range',
    min: 0,
    max,
    step: 1,
    value: 0,
    class: 'range',
    'aria-label': label,
    'data-testid': testId,
  });
}

/** Paints the part of a range before its thumb (CSS reads `--fill`). */
function fill(range: HTMLInputElement): void {
  const max = Number(range.max) || 1;
  range.style.setProperty('--fill', `${(Number(range.value) / max) * 100}%`);
}
