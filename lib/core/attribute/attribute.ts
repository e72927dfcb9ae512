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
  /** The changes a hint claimed (announced ones included), so the engine can tell a hinted volume from a drag. */
  claimedChanges: Change[];
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
 *
 * A hint claiming the state of an observation that plays (a play or resume command) also attributes the
 * observation's unclaimed track and device changes that are not a natural advance: they are what that command
 * started (resuming from no device brings an item and a device along). It claims nothing else, and a pause's
 * hint shares nothing, since stopping cannot bring a new item or device.
 */
export function attribute(
  changes: readonly Change[],
  hints: readonly Hint[],
  ctx: AttributeContext,
): AttributionResult {
  const result: AttributionResult = { events: [], consumedHintIds: [], claimedChanges: [] };
  if (changes.length === 0) return result;
  const own = changes.map((change) =>
    change.kind === 'playbackState' ? null : attributeOwnChange(change, hints, ctx, result),
  );
  const state = changes.find((change): change is PlaybackStateChange => change.kind === 'playbackState');
  if (state !== undefined)
    own[changes.indexOf(state)] = attributeState(state, changes, own, hints, ctx, result);
  changes.forEach((change, index) => {
    const attribution = own[index]!;
    if (!attribution.announced) result.events.push(eventForChange(change, attribution, ctx.observedAt));
  });
  return result;
}

/**
 * The state's attribution (see `attribute`). When a hint of its own claims a state that plays, the unclaimed
 * track and device changes in `own` take that hint's attribution too.
 */
function attributeState(
  change: PlaybackStateChange,
  changes: readonly Change[],
  own: (Attribution | null)[],
  hints: readonly Hint[],
  ctx: AttributeContext,
  result: AttributionResult,
): Attribution {
  const hinted = own.find((attribution) => attribution?.hinted === true);
  if (hinted) return accompanying(hinted);
  const claimed = claimedBy(change, hints, ctx, result);
  if (claimed === null) {
    const trackIndex = changes.findIndex((other) => other.kind === 'track');
    return unclaimedState(change, trackIndex < 0 ? null : own[trackIndex]!);
  }
  if (change.state.isPlaying) {
    changes.forEach((other, index) => {
      // BY_USER is exactly "claimed by no hint and no natural advance".
      if ((other.kind === 'track' || other.kind === 'device') && own[index] === BY_USER) {
        own[index] = accompanying(claimed);
      }
    });
  }
  return claimed;
}

function attributeOwnChange(
  change: Change,
  hints: readonly Hint[],
  ctx: AttributeContext,
  result: AttributionResult,
): Attribution {
  const claimed = claimedBy(change, hints, ctx, result);
  if (claimed !== null) return claimed;
  if (change.kind === 'track' && isNaturalAdvance(change.evidence)) return BY_PLAYBACK;
  return BY_USER;
}

function claimedBy(
  change: Change,
  hints: readonly Hint[],
  ctx: AttributeContext,
  result: AttributionResult,
): Attribution | null {
  const hint = oldestMatchingHint(hints, change, ctx.observedAt, result.consumedHintIds);
  if (hint === null) return null;
  result.consumedHintIds.push(hint.id);
  result.claimedChanges.push(change);
  return fromHint(hint);
}

function unclaimedState(change: PlaybackStateChange, trackAttribution: Attribution | null): Attribution {
  if (trackAttribution !== null) return accompanying(trackAttribution);
  return isNaturalItemEnd(change) ? BY_PLAYBACK : BY_USER;
}
