/** The normalizer: raw Spotify player and queue responses → validated snapshots (DESIGN section 1). */
export { normalizePlayer } from './player';
export { emptyQueueSnapshot, normalizeQueue } from './queue';
export type { NormalizeResult } from './result';
