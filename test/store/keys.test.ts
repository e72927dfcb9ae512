import fc from 'fast-check';
import { InvalidKeyPartError } from '../../lib/store/invalid-key-part-error';
import { DEFAULT_KEY_PREFIX, storeKeys, type StoreKeys } from '../../lib/store/keys';

const keys = storeKeys();

describe('storeKeys', () => {
  it.each([
    ['the seed: sockets of a user', keys.wsUserSockets('u1'), 'music:ws:user:u1:sockets'],
    ['the seed: user of a socket', keys.wsSocketUser('s1'), 'music:ws:socket:s1:user'],
    ['the seed: event stream', keys.eventStream('u1'), 'music:ws:user:u1:buffer'],
    ['the seed: connection count', keys.wsStatsConnections, 'music:ws:stats:connections'],
    ['the seed: event stats', keys.wsStatsEvents, 'music:ws:stats:events'],
    ['tokens', keys.tokens('u1'), 'music:tokens:u1'],
    ['refresh lock', keys.refreshLock('u1'), 'music:refresh-lock:u1'],
    ['hints', keys.hints('u1'), 'music:hints:u1'],
    ['hint expiries', keys.hintExpiries('u1'), 'music:hints:u1:expiries'],
    ['hinted users', keys.hintedUsers, 'music:hinted-users'],
    ['active users', keys.activeUsers, 'music:active'],
    ['latest state', keys.latestState('u1'), 'music:state:u1'],
    ['latest playback state', keys.playbackState('u1'), 'music:playback:u1'],
    ['workers', keys.workers, 'music:workers'],
    ['lease', keys.lease('u1'), 'music:lease:u1'],
    ['leases of a worker', keys.workerLeases('w1'), 'music:worker:w1:leases'],
    ['status of a worker', keys.workerStatus('w1'), 'music:worker:w1:status'],
    ['budget', keys.budget, 'music:budget'],
    ['budget member counter', keys.budgetSequence, 'music:budget:seq'],
    ['cooldown', keys.cooldown, 'music:cooldown'],
    ['tuning', keys.tuning, 'music:tuning'],
    ['nudge channel', keys.nudgeChannel, 'music:nudge'],
    ['tuning-changed channel', keys.tuningChangedChannel, 'music:tuning-changed'],
  ])('%s is %s', (_what, key, expected) => {
    expect(key).toBe(expected);
  });

  it('defaults to the music: prefix and takes another', () => {
    expect(DEFAULT_KEY_PREFIX).toBe('music:');
    const custom = storeKeys('music-test-prefix:');
    expect(custom.eventStream('u1')).toBe('music-test-prefix:ws:user:u1:buffer');
    expect(storeKeys('app:music:').workers).toBe('app:music:workers');
  });

  it.each(['', 'music', ':', 'music::', 'mu sic:', 'a{b}:', 'a*:'])('rejects the prefix %j', (prefix) => {
    expect(() => storeKeys(prefix)).toThrow(RangeError);
  });

  it.each<[string, (k: StoreKeys) => string]>([
    ['userId', (k) => k.tokens('u1:buffer')],
    ['userId', (k) => k.eventStream('{u1}')],
    ['socketId', (k) => k.wsSocketUser('s*')],
    ['workerId', (k) => k.workerLeases('')],
  ])('rejects a bad %s', (kind, build) => {
    expect(() => build(keys)).toThrow(InvalidKeyPartError);
    expect(() => build(keys)).toThrow(expect.objectContaining({ code: 'INVALID_KEY_PART', kind }));
  });

  it('never builds the same key for two different (family, id) pairs', () => {
    const perId: ((id: string) => string)[] = [
      keys.wsUserSockets,
      keys.wsSocketUser,
      keys.eventStream,
      keys.tokens,
      keys.refreshLock,
      keys.hints,
      keys.hintExpiries,
      keys.latestState,
      keys.playbackState,
      keys.lease,
      keys.workerLeases,
    ];
    const fixed = [
      keys.hintedUsers,
      keys.activeUsers,
      keys.workers,
      keys.budget,
      keys.budgetSequence,
      keys.cooldown,
      keys.tuning,
      keys.wsStatsConnections,
      keys.wsStatsEvents,
    ];
    const id = fc.stringMatching(/^[A-Za-z0-9._@+=-]{1,12}$/);
    const pair = fc.tuple(fc.integer({ min: 0, max: perId.length - 1 }), id);
    const build = ([family, value]: [number, string]) => (perId[family] as (id: string) => string)(value);
    fc.assert(
      fc.property(pair, pair, (a, b) => {
        expect(build(a) === build(b)).toBe(a[0] === b[0] && a[1] === b[1]);
        expect(fixed).not.toContain(build(a));
      }),
      { numRuns: 2000 },
    );
    expect(new Set(fixed).size).toBe(fixed.length);
  });
});
