import type { PlannedRequest } from '../../lib/scheduler';
import { DEFAULT_SCHEDULER_TUNING, allocate, isUrgentPoll, pacedAt } from '../../lib/scheduler';
import { T0 } from '../core/builders';

describe('request urgency', () => {
  it.each<[PlannedRequest, boolean]>([
    [{ endpoint: 'player', reason: 'first' }, true],
    [{ endpoint: 'player', reason: 'hint' }, true],
    [{ endpoint: 'player', reason: 'fast_follow' }, true],
    [{ endpoint: 'player', reason: 'predicted_end' }, true],
    [{ endpoint: 'player', reason: 'cadence' }, false],
    [{ endpoint: 'player', reason: 'backoff' }, false],
    [{ endpoint: 'queue', reason: 'hint' }, true],
    [{ endpoint: 'queue', reason: 'fast_follow' }, true],
    [{ endpoint: 'queue', reason: 'first' }, false],
    [{ endpoint: 'queue', reason: 'track_change' }, false],
    [{ endpoint: 'queue', reason: 'slow_timer' }, false],
    [{ endpoint: 'queue', reason: 'backoff' }, false],
  ])('%o is urgent: %p', (request, urgent) => {
    expect(isUrgentPoll(request)).toBe(urgent);
  });

  it('paces deferrable requests and lets urgent ones go when due', () => {
    const allocation = allocate([], 10, T0, DEFAULT_SCHEDULER_TUNING);
    const spacing = allocation.limits.deferrableSpacingMs;
    expect(spacing).toBe(30_000 / 9);
    const cadence = { endpoint: 'player', reason: 'cadence', at: T0 + 100 } as const;
    const end = { endpoint: 'player', reason: 'predicted_end', at: T0 + 100 } as const;
    expect(pacedAt(cadence, T0, allocation)).toBe(T0 + spacing);
    expect(pacedAt(cadence, T0 - 10_000, allocation)).toBe(T0 + 100);
    expect(pacedAt(cadence, null, allocation)).toBe(T0 + 100);
    expect(pacedAt(end, T0, allocation)).toBe(T0 + 100);
  });
});
