import type { UnpublishedEvent } from '../../../lib/contract/events';
import type { TruthRecord } from '../../../lib/simulator';
import type { ListenerState } from '../../../lib/simulator/player-state';
import type { Category, Value } from './categories';
import { categoriesOf, initialValue, queueAfter, reports, valueAfter } from './categories';
import type { PollRecord, RunRecord } from './run-record';
import type { Change } from './truth-changes';

/**
 * How each true change reached the listener's clients. The poll that could first show a change is the first
 * successful read of its endpoint at or after the change became visible; its events carry that poll's
 * `observedAt` as their timestamp, so a change's delay is `observedAt − at` (event time minus truth time).
 * For each record of the change, its category's value at that poll is compared with the value at the
 * previous poll (both from the truth) and with what the poll's events say:
 * - `detected`: the events report the value this change set;
 * - `merged`: a later change of the same category (before the poll) set the value the events report: this
 *   one was folded into it (several short tracks between two polls, the steps of a drag);
 * - `unreported`: the value differs from the previous poll's, yet no event says so (a fault of the poller,
 *   or a change below its thresholds, e.g. a seek of less than `seekToleranceMs`);
 * - `reverted`: the value is back to what the previous poll saw (a pause and resume between two polls);
 *   nobody could have seen it;
 * - `pending`: no poll came after it before the run ended; `unobserved`: it happened before the first poll.
 * A change takes the best status of its records (detected, merged, unreported, reverted). Delays are given
 * for detected and merged changes.
 */
export type ChangeStatus = 'detected' | 'merged' | 'unreported' | 'reverted' | 'pending' | 'unobserved';

export interface MatchedChange {
  change: Change;
  status: ChangeStatus;
  /** `observedAt` of the poll that could first show it, minus the change's time; null unless reported. */
  delayMs: number | null;
}

const RANK: Record<ChangeStatus, number> = {
  detected: 0,
  merged: 1,
  unreported: 2,
  reverted: 3,
  pending: 4,
  unobserved: 5,
};

export function matchChanges(run: RunRecord, changes: readonly Change[]): MatchedChange[] {
  const views = new Map<string, ListenerView>();
  run.listenerIds.forEach((id, index) => {
    const initial = run.initialStates[index] as ListenerState;
    views.set(id, new ListenerView(initial, run.polls.get(id) ?? [], run.events.get(id) ?? []));
  });
  for (const record of run.truth) views.get(record.listenerId)?.addRecord(record);
  return changes.map((change) => {
    const view = views.get(change.listenerId);
    if (view === undefined) throw new Error(`matchChanges: no listener ${change.listenerId} in the run`);
    return view.match(change);
  });
}

interface Timeline {
  visibleAt: number[];
  records: TruthRecord[];
  values: Value[];
}

/** One listener's truth by category, successful polls by endpoint, and events by timestamp. */
class ListenerView {
  private readonly timelines = new Map<Category, Timeline>();
  private readonly polls: Record<PollRecord['endpoint'], PollRecord[]>;
  private readonly eventsAt = new Map<number, UnpublishedEvent[]>();
  private queue: readonly string[];
  private lastQueueEdit: TruthRecord | null = null;

  constructor(
    private readonly initial: ListenerState,
    polls: readonly PollRecord[],
    events: readonly UnpublishedEvent[],
  ) {
    const answered = polls.filter(({ status }) => status === 200 || status === 204);
    const byReadAt = (a: PollRecord, b: PollRecord) => a.readAt - b.readAt;
    this.polls = {
      player: answered.filter((poll) => poll.endpoint === 'player').sort(byReadAt),
      queue: answered.filter((poll) => poll.endpoint === 'queue' && poll.status === 200).sort(byReadAt),
    };
    this.queue = initial.queue.map((item) => item.uri);
    for (const event of events) {
      const list = this.eventsAt.get(event.data.timestamp);
      if (list) list.push(event);
      else this.eventsAt.set(event.data.timestamp, [event]);
    }
  }

  /** Records arrive in the truth's order, so each timeline is sorted by `visibleAt`. */
  addRecord(record: TruthRecord): void {
    for (const category of categoriesOf(record)) {
      if (category !== 'queue') this.push(category, record.visibleAt, record, valueAfter(record, category));
    }
    const queue = queueAfter(this.queue, record);
    if (queue === this.queue) return;
    this.queue = queue;
    if (record.kind !== 'track') this.lastQueueEdit = record;
    this.push('queue', record.visibleAt, this.lastQueueEdit ?? record, queue.join(' '));
  }

  private push(category: Category, visibleAt: number, record: TruthRecord, value: Value): void {
    let timeline = this.timelines.get(category);
    if (!timeline) this.timelines.set(category, (timeline = { visibleAt: [], records: [], values: [] }));
    timeline.visibleAt.push(visibleAt);
    timeline.records.push(record);
    timeline.values.push(value);
  }

  match(change: Change): MatchedChange {
    const polls = this.polls[change.endpoint];
    const index = firstAtOrAfter(polls, change.visibleAt);
    if (index === polls.length) return { change, status: 'pending', delayMs: null };
    if (index === 0) return { change, status: 'unobserved', delayMs: null };
    const poll = polls[index] as PollRecord;
    const previous = polls[index - 1] as PollRecord;
    const events = this.eventsAt.get(poll.observedAt) ?? [];
    let status: ChangeStatus = 'reverted';
    for (const record of change.records) {
      // A later step of a drag may come after this poll: the gesture is judged by what this poll shows.
      if (record.visibleAt > poll.readAt) continue;
      const own = this.recordStatus(record, poll, previous, events);
      if (RANK[own] < RANK[status]) status = own;
    }
    const reported = status === 'detected' || status === 'merged';
    return { change, status, delayMs: reported ? poll.observedAt - change.at : null };
  }

  private recordStatus(
    record: TruthRecord,
    poll: PollRecord,
    previous: PollRecord,
    events: readonly UnpublishedEvent[],
  ): ChangeStatus {
    const category = categoriesOf(record)[0] as Category;
    const now = this.lookup(category, poll.readAt);
    const before = this.lookup(category, previous.readAt);
    if (now.value === before.value) return 'reverted';
    if (!reports(events, category, now.latest, now.value)) return 'unreported';
    return now.latest === record ? 'detected' : 'merged';
  }

  /** The category's value at `t` and the record that set it (null: the initial value). */
  private lookup(category: Category, t: number): { value: Value; latest: TruthRecord | null } {
    const timeline = this.timelines.get(category);
    const count = timeline === undefined ? 0 : lastAtOrBefore(timeline.visibleAt, t) + 1;
    if (timeline === undefined || count === 0)
      return { value: initialValue(this.initial, category), latest: null };
    return { value: timeline.values[count - 1] as Value, latest: timeline.records[count - 1] as TruthRecord };
  }
}

/** Index of the first poll read at or after `t` (the length when none). */
function firstAtOrAfter(polls: readonly PollRecord[], t: number): number {
  let low = 0;
  let high = polls.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((polls[middle] as PollRecord).readAt < t) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index of the last time at or before `t` (−1 when none). */
function lastAtOrBefore(times: readonly number[], t: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((times[middle] as number) <= t) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
