import { inactiveSnapshot } from '../../lib/core/snapshot';
import { player, track } from '../core/builders';
import { HOME_ASSISTANT, MULTI_SCROBBLER } from './detection/baseline-policies';

const playing = (remainingMs: number) =>
  player({ item: track('a', 200_000), progressMs: 200_000 - remainingMs, isPlaying: true });

describe('the baselines’ timers', () => {
  it.each([
    [60_000, 10_000],
    [12_000, 10_000],
    [7_000, 5_000],
    [2_500, 1_000],
    [0, 1_000],
  ])('multi-scrobbler, playing with %p ms left: next poll in %p ms', (remaining, delay) => {
    expect(MULTI_SCROBBLER.nextDelayMs(playing(remaining))).toBe(delay);
  });

  it.each([
    [60_000, 30_000],
    [20_000, 21_000],
    [0, 1_000],
  ])('Home Assistant, playing with %p ms left: next poll in %p ms', (remaining, delay) => {
    expect(HOME_ASSISTANT.nextDelayMs(playing(remaining))).toBe(delay);
  });

  it('both wait 30 s while paused, with no device, or after an unusable answer', () => {
    for (const policy of [MULTI_SCROBBLER, HOME_ASSISTANT]) {
      expect(policy.nextDelayMs(player({ isPlaying: false }))).toBe(30_000);
      expect(policy.nextDelayMs(inactiveSnapshot(0))).toBe(30_000);
      expect(policy.nextDelayMs(null)).toBe(30_000);
    }
  });
});
