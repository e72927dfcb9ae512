/** How the publisher treats each user's outbound events. */
export interface PublisherOptions {
  /**
   * Events a user's clients may be sent in any minute (the seed's WEBSOCKET_MUSIC_EVENT_RATE_LIMIT). Over it,
   * discrete events wait their turn and `playbackStateChanged` are coalesced (see `outbox.ts`). Default 100.
   */
  eventsPerMinute: number;
}

export const DEFAULT_PUBLISHER_OPTIONS: Readonly<PublisherOptions> = Object.freeze({ eventsPerMinute: 100 });

/** Defaults merged with `overrides` (an `undefined` keeps its default), validated and frozen. Throws a RangeError naming the bad option. */
export function resolvePublisherOptions(
  overrides: Partial<PublisherOptions> = {},
): Readonly<PublisherOptions> {
  for (const key of Object.keys(overrides)) {
    if (!(key in DEFAULT_PUBLISHER_OPTIONS)) throw new RangeError(`Unknown publisher option \`${key}\``);
  }
  const eventsPerMinute = overrides.eventsPerMinute ?? DEFAULT_PUBLISHER_OPTIONS.eventsPerMinute;
  if (!Number.isSafeInteger(eventsPerMinute) || eventsPerMinute < 1) {
    throw new RangeError(
      `Publisher option \`eventsPerMinute\` must be an integer >= 1, got ${JSON.stringify(eventsPerMinute)}`,
    );
  }
  return Object.freeze({ eventsPerMinute });
}
