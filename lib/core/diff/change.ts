import type { PlayerChange } from './player-change';
import type { QueueChange } from './queue-change';

/** Anything one observation may change; the attribution's input. */
export type Change = PlayerChange | QueueChange;
