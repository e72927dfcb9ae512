import type { PlaybackItem, PlayingType, RepeatState } from '../../contract/items';
import type { PlayerSnapshot } from '../snapshot';
import { inactiveSnapshot } from '../snapshot';
import { parseDevice } from './device';
import type { JsonRecord } from './guards';
import {
  booleanAt,
  malformed,
  nullableNonNegativeIntegerAt,
  nullableRecordAt,
  nullableStringAt,
  oneOfAt,
  stringAt,
} from './guards';
import { parseItem } from './item';
import { normalizeResponse } from './response';
import type { NormalizeResult } from './result';

const REPEAT_STATES: readonly RepeatState[] = ['off', 'track', 'context'];
const KNOWN_PLAYING_TYPES: readonly PlayingType[] = ['track', 'episode', 'ad', 'unknown'];

function playingTypeOf(body: JsonRecord): PlayingType {
  const type = stringAt(body, 'currently_playing_type', '');
  return KNOWN_PLAYING_TYPES.find((known) => known === type) ?? 'unknown';
}

/** Only tracks and episodes are described; an ad's or an unknown type's `item` is ignored, whatever it holds. */
function itemOf(body: JsonRecord, playingType: PlayingType): PlaybackItem | null {
  if (playingType !== 'track' && playingType !== 'episode') return null;
  const raw = nullableRecordAt(body, 'item', '');
  if (raw === null) return null;
  if (raw.type !== playingType) {
    malformed('item.type', `"${playingType}", as currently_playing_type says`, raw.type);
  }
  return parseItem(raw, 'item');
}

function contextUriOf(body: JsonRecord): string | null {
  const context = nullableRecordAt(body, 'context', '');
  return context === null ? null : nullableStringAt(context, 'uri', 'context');
}

function parsePlayer(body: JsonRecord, observedAt: number): PlayerSnapshot {
  const rawDevice = nullableRecordAt(body, 'device', '');
  if (rawDevice === null) return inactiveSnapshot(observedAt);
  const device = parseDevice(rawDevice, 'device');
  const playingType = playingTypeOf(body);
  const item = itemOf(body, playingType);
  const progressMs = nullableNonNegativeIntegerAt(body, 'progress_ms', '') ?? 0;
  return {
    observedAt,
    active: true,
    item,
    playingType,
    progressMs: item === null ? progressMs : Math.min(progressMs, item.durationMs),
    isPlaying: booleanAt(body, 'is_playing', ''),
    device,
    shuffle: booleanAt(body, 'shuffle_state', ''),
    repeat: oneOfAt(body, 'repeat_state', '', REPEAT_STATES),
    contextUri: contextUriOf(body),
  };
}

/**
 * `GET /v1/me/player?additional_types=track,episode` → a `PlayerSnapshot`; never throws.
 *
 * - 204, or a 200 without content, is `inactiveSnapshot(observedAt)`; so is a 200 whose `device` is missing or
 *   null: without a device nothing is playing anywhere a listener could act on, and the rest of such a body is
 *   not read. Other statuses are rejected.
 * - `observedAt` is the local receive time; Spotify's `timestamp` is never read.
 * - `currently_playing_type` is required; a value other than track, episode or ad is `'unknown'`. For ads and
 *   unknown types the item is null and `item` is not read. A track or episode `item` may be null (Spotify sends
 *   that while it switches; the engine skips such a snapshot); when present its `type` must agree with
 *   `currently_playing_type`.
 * - Nullable or optional, read as: `progress_ms` → 0, `context` and `context.uri` → null, `device.id` and
 *   `device.volume_percent` → null (see `parseTrack` / `parseEpisode` for the items).
 * - Required although the schema leaves them optional, since a snapshot cannot do without them: `is_playing`,
 *   `shuffle_state`, `repeat_state` (one of off/track/context), `currently_playing_type`, `device.name`,
 *   `device.type`. Unknown extra fields are ignored.
 * - The one value changed rather than rejected: a `progress_ms` beyond the item's duration (Spotify reports a
 *   little past the end as an item finishes) is clamped to the duration, so position ≤ duration always holds.
 */
export function normalizePlayer(
  status: number,
  body: unknown,
  observedAt: number,
): NormalizeResult<PlayerSnapshot> {
  return normalizeResponse(
    status,
    body,
    () => inactiveSnapshot(observedAt),
    (record) => parsePlayer(record, observedAt),
  );
}
