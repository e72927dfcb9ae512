import type { UnpublishedEvent } from '../../lib/contract/events';
import type { TruthChange, TruthRecord } from '../../lib/simulator';
import type { ListenerState } from '../../lib/simulator/player-state';
import { matchChanges, type MatchedChange } from './detection/match-changes';
import type { PollRecord, RunRecord } from './detection/run-record';
import { groupChanges } from './detection/truth-changes';

/**
 * The benchmark's truth matching on hand-made sequences: which poll could first show a change, whether its
 * events report it, and what counts as merged, reverted, unreported, pending or unobserved.
 */

const L = 'listener-1';

/** What the matching reads of the initial state. */
const initial = {
  isPlaying: true,
  activeDeviceId: 'phone',
  devices: [{ id: 'phone', name: 'Phone', type: 'Smartphone', volume: 50, supportsVolume: true }],
  shuffle: false,
  repeat: 'off',
  context: { uri: 'spotify:album:a' },
  queue: [],
  playing: { kind: 'item' },
} as unknown as ListenerState;

let seq = 0;
function record(at: number, cause: TruthRecord['cause'], action: string, change: TruthChange): TruthRecord {
  return { ...change, seq: ++seq, listenerId: L, at, visibleAt: at, cause, action } as TruthRecord;
}

const track = (uri: string): TruthChange => ({
  kind: 'track',
  uri,
  itemType: 'track',
  durationMs: 20_000,
  previousUri: null,
  restart: false,
});

const poll = (readAt: number, endpoint: PollRecord['endpoint'] = 'player'): PollRecord => ({
  endpoint,
  readAt,
  observedAt: readAt + 100,
  status: 200,
});

function state(at: number, overrides: Record<string, unknown> = {}): UnpublishedEvent {
  return {
    event: 'playbackStateChanged',
    data: {
      isPlaying: true,
      track: null,
      playingType: 'track',
      position: 0,
      duration: 0,
      device: 'Phone',
      deviceId: 'phone',
      shuffleState: false,
      repeatState: 'off',
      volume: 50,
      contextUri: 'spotify:album:a',
      source: 'user',
      timestamp: at,
      ...overrides,
    },
  } as UnpublishedEvent;
}

const trackChanged = (at: number, uri: string): UnpublishedEvent =>
  ({
    event: 'trackChanged',
    data: { previous: null, current: { uri }, source: 'user', timestamp: at },
  }) as UnpublishedEvent;

function run(truth: TruthRecord[], polls: PollRecord[], events: UnpublishedEvent[]): MatchedChange[] {
  const record: RunRecord = {
    truth,
    startedAt: 0,
    listenerIds: [L],
    initialStates: [initial],
    polls: new Map([[L, polls]]),
    events: new Map([[L, events]]),
  };
  return matchChanges(record, groupChanges(truth));
}

const summary = (matched: MatchedChange[]) =>
  matched.map(({ change, status, delayMs }) => ({ kind: change.kind, at: change.at, status, delayMs }));

describe('matching true changes to the events that report them', () => {
  beforeEach(() => {
    seq = 0;
  });

  it('times a skip from the truth to the event of the first poll that shows it', () => {
    const truth = [record(10_000, 'app', 'skip', track('spotify:track:b'))];
    const matched = run(truth, [poll(5_000), poll(12_000)], [trackChanged(12_100, 'spotify:track:b')]);
    expect(summary(matched)).toEqual([{ kind: 'skip', at: 10_000, status: 'detected', delayMs: 2_100 }]);
  });

  it('merges two short tracks that ended between polls into the report of the second', () => {
    const truth = [
      record(20_000, 'natural_end', 'natural_end', track('spotify:track:c')),
      record(25_000, 'natural_end', 'natural_end', track('spotify:track:d')),
    ];
    const matched = run(truth, [poll(15_000), poll(27_000)], [trackChanged(27_100, 'spotify:track:d')]);
    expect(summary(matched)).toEqual([
      { kind: 'natural_end', at: 20_000, status: 'merged', delayMs: 7_100 },
      { kind: 'natural_end', at: 25_000, status: 'detected', delayMs: 2_100 },
    ]);
  });

  it('does not credit an event that reports another item', () => {
    const truth = [record(20_000, 'app', 'skip', track('spotify:track:c'))];
    const matched = run(truth, [poll(15_000), poll(27_000)], [trackChanged(27_100, 'spotify:track:x')]);
    expect(matched[0]?.status).toBe('unreported');
    expect(matched[0]?.delayMs).toBeNull();
  });

  it('counts a pause and a resume between two polls as reverted: nobody could have seen them', () => {
    const truth = [
      record(30_000, 'app', 'pause', { kind: 'pause' }),
      record(32_000, 'app', 'resume', { kind: 'play' }),
    ];
    const matched = run(truth, [poll(29_000), poll(35_000)], [state(35_100, { volume: 51 })]);
    expect(summary(matched).map(({ status }) => status)).toEqual(['reverted', 'reverted']);
  });

  it('reports a pause by a state with isPlaying false, and not by any state', () => {
    const truth = [record(30_000, 'app', 'pause', { kind: 'pause' })];
    expect(run(truth, [poll(29_000), poll(35_000)], [state(35_100, { isPlaying: false })])[0]?.status).toBe(
      'detected',
    );
    expect(run(truth, [poll(29_000), poll(35_000)], [state(35_100)])[0]?.status).toBe('unreported');
  });

  it('takes a volume drag as one change, detected by the first poll that shows one of its steps', () => {
    const volume = (value: number, previous: number): TruthChange => ({
      kind: 'volume',
      volume: value,
      previousVolume: previous,
      deviceId: 'phone',
    });
    const truth = [
      record(40_000, 'app', 'volume', volume(60, 50)),
      record(40_800, 'app', 'volume', volume(70, 60)),
    ];
    const matched = run(
      truth,
      [poll(39_000), poll(40_500), poll(42_000)],
      [state(40_600, { volume: 60 }), state(42_100, { volume: 70 })],
    );
    expect(summary(matched)).toEqual([{ kind: 'volume', at: 40_000, status: 'detected', delayMs: 600 }]);
  });

  it('groups the records of one action, and tells natural ends from the end of an ad break', () => {
    const truth = [
      record(1_000, 'app', 'skip', track('spotify:track:b')),
      record(1_000, 'app', 'skip', { kind: 'play' }),
      record(50_000, 'natural_end', 'natural_end', { kind: 'ad', durationMs: 20_000 }),
      record(70_000, 'natural_end', 'natural_end', track('spotify:track:c')),
    ];
    const changes = groupChanges(truth);
    expect(changes.map(({ kind, records }) => [kind, records.length])).toEqual([
      ['skip', 2],
      ['natural_end', 1],
      ['ad_end', 1],
    ]);
  });

  it('times a queue edit to the next queue poll, however soon the player is polled', () => {
    const truth = [record(60_000, 'app', 'queue_add', { kind: 'queue_add', uris: ['spotify:track:q'] })];
    const queueUpdated = {
      event: 'queueUpdated',
      data: { action: 'added', totalItems: 1, source: 'user', timestamp: 70_100 },
    } as UnpublishedEvent;
    const polls = [poll(50_000, 'queue'), poll(55_000), poll(61_000), poll(70_000, 'queue')];
    expect(summary(run(truth, polls, [queueUpdated]))).toEqual([
      { kind: 'queue_add', at: 60_000, status: 'detected', delayMs: 10_100 },
    ]);
  });

  it('counts a queued item that played before the next queue poll as reverted', () => {
    const truth = [
      record(60_000, 'app', 'queue_add', { kind: 'queue_add', uris: ['spotify:track:q'] }),
      record(65_000, 'natural_end', 'natural_end', track('spotify:track:q')),
    ];
    const polls = [poll(50_000, 'queue'), poll(55_000), poll(66_000), poll(80_000, 'queue')];
    const matched = run(truth, polls, [trackChanged(66_100, 'spotify:track:q')]);
    expect(summary(matched)).toEqual([
      { kind: 'queue_add', at: 60_000, status: 'reverted', delayMs: null },
      { kind: 'natural_end', at: 65_000, status: 'detected', delayMs: 1_100 },
    ]);
  });

  it('leaves a change after the last poll pending and one before the first unobserved', () => {
    const truth = [
      record(1_000, 'app', 'device', {
        kind: 'device',
        deviceId: 'speaker',
        deviceName: 'Kitchen',
        volume: 40,
        previousDeviceId: 'phone',
      }),
      record(90_000, 'app', 'shuffle', { kind: 'shuffle', shuffle: true }),
    ];
    const matched = run(truth, [poll(5_000), poll(10_000)], []);
    expect(summary(matched).map(({ status }) => status)).toEqual(['unobserved', 'pending']);
  });

  it('ignores failed polls: a change is timed to the first answered one', () => {
    const truth = [record(10_000, 'app', 'stop', { kind: 'no_device', previousDeviceId: 'phone' })];
    const polls = [poll(5_000), { ...poll(11_000), status: 429 }, { ...poll(14_000), status: 204 }];
    const matched = run(truth, polls, [
      state(14_100, { isPlaying: false, device: null, deviceId: null, volume: null }),
    ]);
    expect(summary(matched)).toEqual([{ kind: 'stop', at: 10_000, status: 'detected', delayMs: 4_100 }]);
  });
});
