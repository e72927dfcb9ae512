import { hintMatches } from '../../../lib/core/attribute/hint-match';
import type { Change } from '../../../lib/core/diff/change';
import type { PlaybackStateReason } from '../../../lib/core/diff/player-change';
import type { HintExpectation } from '../../../lib/core/hint';
import { toPlaybackState } from '../../../lib/core/playback-state';
import { PHONE, SPEAKER, hint, player, track, uri } from '../builders';

const CONTEXT = 'spotify:playlist:p';
const OTHER_CONTEXT = 'spotify:album:q';

const trackTo = (id: string, contextUri = CONTEXT): Change => ({
  kind: 'track',
  previous: track('a'),
  current: track(id),
  contextUri,
  restart: false,
  evidence: { previousEnded: false, queuePosition: 'unknown' },
});
const state = (reasons: PlaybackStateReason[], isPlaying: boolean, contextUri = CONTEXT): Change => ({
  kind: 'playbackState',
  state: toPlaybackState(player({ isPlaying, contextUri })),
  reasons,
  previousEnded: false,
});
const volumeTo = (volume: number): Change => ({
  kind: 'volume',
  volume,
  device: 'Phone',
  deviceId: 'phone-id',
});
const deviceTo: Change = { kind: 'device', previous: PHONE, current: SPEAKER };
const queued = (action: 'added' | 'removed', ids: string[]): Change => ({
  kind: 'queue',
  action,
  items: ids.map((id) => track(id)),
  totalItems: 5,
});
const cleared: Change = { kind: 'queue', action: 'cleared', totalItems: 0 };

interface Row {
  name: string;
  expect: HintExpectation | undefined;
  change: Change;
  matches: boolean;
}

const rows: Row[] = [
  { name: 'no expectation: a track change', expect: undefined, change: trackTo('b'), matches: true },
  { name: 'no expectation: a volume change', expect: undefined, change: volumeTo(20), matches: true },
  { name: 'no expectation: the queue cleared', expect: undefined, change: cleared, matches: true },
  { name: 'an empty expectation: a pause', expect: {}, change: state(['isPlaying'], false), matches: true },
  { name: 'trackUri: that track', expect: { trackUri: uri('b') }, change: trackTo('b'), matches: true },
  { name: 'trackUri: another track', expect: { trackUri: uri('b') }, change: trackTo('c'), matches: false },
  { name: 'trackUri: a volume change', expect: { trackUri: uri('b') }, change: volumeTo(20), matches: false },
  {
    name: 'trackUri: the playback state',
    expect: { trackUri: uri('b'), isPlaying: true },
    change: state(['isPlaying'], true),
    matches: false,
  },
  {
    name: 'trackUri and contextUri: both agree',
    expect: { trackUri: uri('b'), contextUri: CONTEXT },
    change: trackTo('b'),
    matches: true,
  },
  {
    name: 'trackUri and contextUri: another context',
    expect: { trackUri: uri('b'), contextUri: CONTEXT },
    change: trackTo('b', OTHER_CONTEXT),
    matches: false,
  },
  {
    name: 'contextUri: a track change in it',
    expect: { contextUri: CONTEXT },
    change: trackTo('c'),
    matches: true,
  },
  {
    name: 'contextUri: a track change elsewhere',
    expect: { contextUri: CONTEXT },
    change: trackTo('c', OTHER_CONTEXT),
    matches: false,
  },
  {
    name: 'contextUri: the context changing to it',
    expect: { contextUri: CONTEXT },
    change: state(['context'], true),
    matches: true,
  },
  {
    name: 'contextUri: a seek within it',
    expect: { contextUri: CONTEXT },
    change: state(['seek'], true),
    matches: false,
  },
  {
    name: 'isPlaying false: a pause',
    expect: { isPlaying: false },
    change: state(['isPlaying'], false),
    matches: true,
  },
  {
    name: 'isPlaying false: a resume',
    expect: { isPlaying: false },
    change: state(['isPlaying'], true),
    matches: false,
  },
  {
    name: 'isPlaying false: a seek while paused',
    expect: { isPlaying: false },
    change: state(['seek'], false),
    matches: false,
  },
  {
    name: 'isPlaying true: playback starting from nothing',
    expect: { isPlaying: true },
    change: state(['activity', 'item', 'isPlaying'], true),
    matches: true,
  },
  { name: 'volume: that value', expect: { volume: 30 }, change: volumeTo(30), matches: true },
  { name: 'volume: another value', expect: { volume: 30 }, change: volumeTo(31), matches: false },
  {
    name: 'volume: the playback state',
    expect: { volume: 30 },
    change: state(['volume'], true),
    matches: false,
  },
  { name: 'deviceId: that device', expect: { deviceId: 'speaker-id' }, change: deviceTo, matches: true },
  { name: 'deviceId: another device', expect: { deviceId: 'tv-id' }, change: deviceTo, matches: false },
  {
    name: 'queueAdded: among the added items',
    expect: { queueAdded: [uri('x')] },
    change: queued('added', ['x', 'y']),
    matches: true,
  },
  {
    name: 'queueAdded: only some of them added',
    expect: { queueAdded: [uri('x'), uri('z')] },
    change: queued('added', ['x', 'y']),
    matches: false,
  },
  {
    name: 'queueAdded: the same items removed',
    expect: { queueAdded: [uri('x')] },
    change: queued('removed', ['x']),
    matches: false,
  },
];

describe('hintMatches', () => {
  it.each(rows)('$name → $matches', ({ expect: expectation, change, matches }) => {
    expect(hintMatches(hint('h', { expect: expectation }), change)).toBe(matches);
  });
});
