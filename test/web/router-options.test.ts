import { createMemoryStores } from '../../lib/store';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { controlRouter, healthRouter, internalRouter, playbackRouter, tuningRouter } from '../../lib/web';
import { FakeSpotify, FakeTokens } from './fake-spotify';
import { FakeSessions, silentLog } from './web-kit';

describe('router options are checked up front', () => {
  const stores = createMemoryStores();
  const clock = new VirtualClock();
  const hints = { recordHint: jest.fn(), reportCommand: jest.fn() };
  const control = {
    sessions: new FakeSessions({}),
    spotify: new FakeSpotify(),
    tokens: new FakeTokens(),
    hints,
    stores,
    clock,
    log: silentLog,
  };

  afterAll(() => stores.close());

  it.each<[string, () => unknown, string]>([
    [
      'an unknown option',
      () => controlRouter(control, { hintTtl: 5 } as never),
      'Unknown Control router option `hintTtl`',
    ],
    [
      'a hint ttl of 0',
      () => controlRouter(control, { hintTtlMs: 0 }),
      'Control router option `hintTtlMs` must be an integer from 1 to 600000, got 0',
    ],
    [
      'a budget base the scheduler refuses',
      () => controlRouter(control, { schedulerBase: { budgetPerWindow: -5 } }),
      'Budget option `schedulerBase`: scheduler.budgetPerWindow: must be a positive integer, got -5',
    ],
    [
      'a negative skew margin',
      () => controlRouter(control, { requestSkewMarginMs: -1 }),
      'requestSkewMarginMs',
    ],
    [
      'activeForMs 0',
      () => playbackRouter(control, { activeForMs: 0 }),
      'Playback router option `activeForMs`',
    ],
    [
      'a ping timeout that is not an integer',
      () =>
        healthRouter(
          {
            gateway: () => ({ enabled: true, connections: 0, subscriptions: 0 }),
            stores,
            clock,
            log: silentLog,
          },
          { pingTimeoutMs: 1.5 },
        ),
      'Health router option `pingTimeoutMs` must be an integer from 1 to 60000, got 1.5',
    ],
    [
      'a body limit of 0',
      () => internalRouter({ token: 't', hints, log: silentLog }, { bodyLimitBytes: 0 }),
      'bodyLimitBytes',
    ],
    [
      'a tuning base with min above max',
      () =>
        tuningRouter(
          { token: 't', stores, log: silentLog },
          { schedulerBase: { playingMinIntervalMs: 60_000 } },
        ),
      'playingMinIntervalMs: must be at most playingMaxIntervalMs',
    ],
  ])('%s', (_name, build, message) => {
    expect(build).toThrow(RangeError);
    expect(build).toThrow(message);
  });

  it('undefined keeps a default', () => {
    expect(() => controlRouter(control, { hintTtlMs: undefined })).not.toThrow();
  });
});
