export {
  MusicClient,
  type MusicClientOptions,
  type MusicConnectionState,
  type MusicSocket,
} from './music-client';
export { SeenEventIds } from './seen-event-ids';
