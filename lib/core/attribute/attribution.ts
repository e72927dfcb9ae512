import type { EventSource } from '../../contract/events';
import type { Hint } from '../hint';

/** Who caused one change, and what the event says about it. */
export interface Attribution {
  source: EventSource;
  reasoning?: string;
  /** Only a `trackChanged` carries it. */
  isAIDiscovery?: boolean;
  /** Taken from a hint, not inferred. */
  hinted: boolean;
  /** From an announced hint: the host already emitted the event, so it is not emitted again. */
  announced: boolean;
}

/** A change nobody announced: made in the Spotify app (or on a speaker, or by voice). */
export const BY_USER: Attribution = Object.freeze({ source: 'user', hinted: false, announced: false });

/** Playback moving on by itself: an item ended and the next one started. */
export const BY_PLAYBACK: Attribution = Object.freeze({ source: 'auto', hinted: false, announced: false });

export function fromHint(hint: Hint): Attribution {
  const attribution: Attribution = { source: hint.source, hinted: true, announced: hint.announced === true };
  if (hint.reasoning !== undefined) attribution.reasoning = hint.reasoning;
  if (hint.isAIDiscovery !== undefined) attribution.isAIDiscovery = hint.isAIDiscovery;
  return attribution;
}

/**
 * What the `playbackStateChanged` accompanying an attributed change inherits: its source and reasoning. It is
 * emitted even when the change it accompanies was announced.
 */
export function accompanying(lead: Attribution): Attribution {
  const attribution: Attribution = { source: lead.source, hinted: lead.hinted, announced: false };
  if (lead.reasoning !== undefined) attribution.reasoning = lead.reasoning;
  return attribution;
}
