import type { AppActionKind, TruthRecord } from '../../../lib/simulator';

/**
 * The ground truth as changes a listener made or that happened to them: the simulator's records grouped by
 * cause. One app action or natural end gives one change, however many records it wrote (a skip while paused
 * is a track and a play record); a volume slider drag (steps within `DRAG_MS` of its first) is one change,
 * as the listener made one gesture. Queue edits show only on the queue endpoint.
 *
 * Kinds: an app action's name; `natural_end` when a track or episode ran out (into the next item or an ad);
 * `ad_end` when an ad break ran out (Spotify gives no duration for an ad, so no poller can foresee it);
 * `api` for Web API commands (none in the benchmark).
 */
export type ChangeKind = 'natural_end' | 'ad_end' | AppActionKind | 'api';

export interface Change {
  listenerId: string;
  kind: ChangeKind;
  /** When it happened. */
  at: number;
  /** When the Web API started showing it. */
  visibleAt: number;
  endpoint: 'player' | 'queue';
  /** Its records, in order. */
  records: TruthRecord[];
}

/** The actor's drags last at most 2 s. */
export const DRAG_MS = 2000;

const QUEUE_KINDS = new Set<TruthRecord['kind']>(['queue_add', 'queue_remove', 'queue_clear']);

export function groupChanges(records: readonly TruthRecord[]): Change[] {
  const changes: Change[] = [];
  const openDrags = new Map<string, Change>();
  const inAd = new Set<string>();
  let current: Change | null = null;
  for (const record of records) {
    const afterAd = inAd.has(record.listenerId);
    if (record.kind === 'ad') inAd.add(record.listenerId);
    else if (record.kind === 'track') inAd.delete(record.listenerId);
    if (current !== null && sameCommit(current.records.at(-1) as TruthRecord, record)) {
      current.records.push(record);
      continue;
    }
    const drag =
      record.cause === 'app' && record.action === 'volume' ? openDrags.get(record.listenerId) : undefined;
    if (drag !== undefined && record.at - drag.at <= DRAG_MS) {
      drag.records.push(record);
      current = drag;
      continue;
    }
    current = {
      listenerId: record.listenerId,
      kind: kindOf(record, afterAd),
      at: record.at,
      visibleAt: record.visibleAt,
      endpoint: 'player',
      records: [record],
    };
    changes.push(current);
    if (current.kind === 'volume') openDrags.set(record.listenerId, current);
  }
  for (const change of changes) {
    if (change.records.every((record) => QUEUE_KINDS.has(record.kind))) change.endpoint = 'queue';
  }
  return changes;
}

/** One commit of the simulator writes its records one after the other, with the same cause and time. */
function sameCommit(a: TruthRecord, b: TruthRecord): boolean {
  return a.listenerId === b.listenerId && a.at === b.at && a.cause === b.cause && a.action === b.action;
}

function kindOf(record: TruthRecord, afterAd: boolean): ChangeKind {
  if (record.cause === 'natural_end') return afterAd ? 'ad_end' : 'natural_end';
  return record.cause === 'app' ? (record.action as AppActionKind) : 'api';
}
