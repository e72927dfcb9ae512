import type { UnpublishedEvent } from '../../contract/events';
import type { Change } from '../diff/change';
import type { PlaybackStateChange } from '../diff/player-change';
import type { Hint } from '../hint';
import type { Attribution } from './attribution';
import { BY_PLAYBACK, BY_USER, accompanying, fromHint } from './attribution';
import { eventForChange } from './event-for-change';
import { isNaturalAdvance, isNaturalItemEnd } from './natural-advance';
import { oldestMatchingHint } from './oldest-matching-hint';

export interface AttributeContext {
  /** The observation's `observedAt`: hints must be live then, and the events carry it as their timestamp. */
  observedAt: number;
}

export interface AttributionResult {
  /** In the order of the changes; announced changes are left out. */
  events: UnpublishedEvent[];
  /** Hints that claimed a change; the caller deletes them. */
  consumedHintIds: string[];
}

/**
 * Gives each change of one observation its source and turns it into an event. Pure.
 *
 * A change claimed by a live hint (see `hintMatches`; the oldest first, each hint claims one change) takes the
 * hint's source and metadata. Unclaimed, a track change is `auto` when it is a natural advance and `user`
 * otherwise; every other change is `user`. The observation's `playbackStateChanged` is the state that came with
 * its other changes, so it shares the source of the first hinted one; failing that it may be claimed by a hint of
 * its own (play/pause, context), and otherwise it shares the track change's source (a natural advance's new
 * state is `auto`), is `auto` when an item gave way to an ad by itself, or is `user`.
 */
export function attribute(
  changes: readonly Change[],
  hints: readonly Hint[],
  ctx: AttributeContext,
): AttributionResult {
  const events: UnpublishedEvent[] = [];
  const consumedHintIds: string[] = [];
  if (changes.length === 0) return { events, consumedHintIds };
  const own = changes.map((change) =>
    change.kind === 'playbackState' ? null : attributeOwnChange(change, hints, ctx, consumedHintIds),
  );
  const hinted = own.find((attribution) => attribution?.hinted === true);
  const firstHinted = hinted ? accompanying(hinted) : null;
  const trackIndex = changes.findIndex((change) => change.kind === 'track');
  const trackAttribution = trackIndex < 0 ? null : own[trackIndex]!;
  changes.forEach((change, index) => {
    const attribution =
      change.kind === 'playbackState'
        ? (firstHinted ??
          claimedBy(change, hints, ctx, consumedHintIds) ??
          unclaimedState(change, trackAttribution))
        : own[index]!;
    if (!attribution.announced) events.push(eventForChange(change, attribution, ctx.observedAt));
  });
  return { events, consumedHintIds };
}

function attributeOwnChange(
  change: Change,
  hints: readonly Hint[],
  ctx: AttributeContext,
  consumedHintIds: string[],
): Attribution {
  const claimed = claimedBy(change, hints, ctx, consumedHintIds);
  if (claimed !== null) return claimed;
  if (change.kind === 'track' && isNaturalAdvance(change.evidence)) return BY_PLAYBACK;
  return BY_USER;
}

function claimedBy(
  change: Change,
  hints: readonly Hint[],
  ctx: AttributeContext,
  consumedHintIds: string[],
): Attribution | null {
  const hint = oldestMatchingHint(hints, change, ctx.observedAt, consumedHintIds);
  if (hint === null) return null;
  consumedHintIds.push(hint.id);
  return fromHint(hint);
}

function unclaimedState(change: PlaybackStateChange, trackAttribution: Attribution | null): Attribution {
  if (trackAttribution !== null) return accompanying(trackAttribution);
  return isNaturalItemEnd(change) ? BY_PLAYBACK : BY_USER;
}
