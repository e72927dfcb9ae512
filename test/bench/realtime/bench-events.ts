import type { PlaybackItem } from '../../../lib/contract/items';
import type { UnpublishedEvent } from '../../../lib/contract/events';
import { wallNow } from './harness/wall-clock';

/** A track as the normalizer would describe it: a payload of realistic size. */
const TRACK: PlaybackItem = {
  type: 'track',
  uri: 'spotify:track:4uLU6hMCjMI75M1A2tKUQC',
  id: '4uLU6hMCjMI75M1A2tKUQC',
  name: 'Never Gonna Give You Up',
  artists: [{ name: 'Rick Astley', uri: 'spotify:artist:0gxyHStUsqpMadRV0Di1Qt' }],
  album: {
    name: 'Whenever You Need Somebody',
    uri: 'spotify:album:6XhjNHCyCDyyGJRM5mg40G',
    imageUrl: 'https://i.scdn.co/image/ab67616d0000b27315ebbedaacef61af244262a8',
  },
  durationMs: 213_573,
  explicit: false,
  isLocal: false,
};

/**
 * The event the throughput, fan-out, soak and drill publishers send: a full `playbackStateChanged` (the most
 * common event, with a track), whose `timestamp` is the wall-clock instant of the publish call with sub-ms
 * resolution (the daemon's own are whole ms), so arrival − timestamp is the publish → socket time. `position`
 * carries a sequence number the checks can read.
 */
export function benchEvent(sequence: number): UnpublishedEvent {
  return {
    event: 'playbackStateChanged',
    data: {
      isPlaying: true,
      track: TRACK,
      playingType: 'track',
      position: sequence,
      duration: TRACK.durationMs,
      device: 'Bench speaker',
      deviceId: 'bench-device',
      shuffleState: false,
      repeatState: 'off',
      volume: 50,
      contextUri: null,
      source: 'auto',
      timestamp: wallNow(),
    },
  };
}
