import { MAX_HINT_TTL_MS } from '../core/hint-input';

export interface HintClientOptions {
  /**
   * How long the hint recorded for an announced event stays live: the poller must see the change within it to
   * recognise it as already emitted. Default 30000 (commands show on Spotify within seconds).
   */
  announceTtlMs: number;
}

export const DEFAULT_HINT_CLIENT_OPTIONS: Readonly<HintClientOptions> = Object.freeze({
  announceTtlMs: 30_000,
});

/** Defaults merged with `overrides` (an `undefined` keeps its default), validated and frozen. Throws a RangeError naming the bad option. */
export function resolveHintClientOptions(
  overrides: Partial<HintClientOptions> = {},
): Readonly<HintClientOptions> {
  for (const key of Object.keys(overrides)) {
    if (!(key in DEFAULT_HINT_CLIENT_OPTIONS)) throw new RangeError(`Unknown hint client option \`${key}\``);
  }
  const announceTtlMs = overrides.announceTtlMs ?? DEFAULT_HINT_CLIENT_OPTIONS.announceTtlMs;
  if (!Number.isSafeInteger(announceTtlMs) || announceTtlMs < 1 || announceTtlMs > MAX_HINT_TTL_MS) {
    throw new RangeError(
      `Hint client option \`announceTtlMs\` must be an integer from 1 to ${MAX_HINT_TTL_MS}, got ${JSON.stringify(announceTtlMs)}`,
    );
  }
  return Object.freeze({ announceTtlMs });
}
