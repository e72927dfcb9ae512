import { isAbortError } from '../../lib/time/clock';
import { systemClock } from '../../lib/time/system-clock';
import { VirtualClock } from '../../lib/time/virtual-clock';

describe('VirtualClock', () => {
  it('starts where it is told and moves only when advanced', async () => {
    const clock = new VirtualClock(1000);
    expect(clock.now()).toBe(1000);
    await clock.advance(250);
    expect(clock.now()).toBe(1250);
  });

  it('wakes sleeps in time order, each at its own instant', async () => {
    const clock = new VirtualClock(0);
    const woke: Array<[string, number]> = [];
    const sleeper = (name: string, ms: number) => clock.sleep(ms).then(() => woke.push([name, clock.now()]));
    void sleeper('late', 300);
    void sleeper('early', 100);
    void sleeper('same-as-early', 100);
    await clock.advance(1000);
    expect(woke).toEqual([
      ['early', 100],
      ['same-as-early', 100],
      ['late', 300],
    ]);
    expect(clock.now()).toBe(1000);
  });

  it('lets a woken loop sleep again within the same advance', async () => {
    const clock = new VirtualClock(0);
    const ticks: number[] = [];
    const loop = async () => {
      for (let i = 0; i < 5; i++) {
        await clock.sleep(10);
        ticks.push(clock.now());
      }
    };
    const done = loop();
    await clock.advance(100);
    await done;
    expect(ticks).toEqual([10, 20, 30, 40, 50]);
  });

  it('does not wake a sleep that is not yet due', async () => {
    const clock = new VirtualClock(0);
    let woke = false;
    void clock.sleep(500).then(() => (woke = true));
    await clock.advance(499);
    expect(woke).toBe(false);
    expect(clock.nextWakeAt()).toBe(500);
    await clock.advance(1);
    expect(woke).toBe(true);
    expect(clock.pendingCount).toBe(0);
  });

  it('rejects a sleep whose signal aborts, and forgets it', async () => {
    const clock = new VirtualClock(0);
    const controller = new AbortController();
    const sleeping = clock.sleep(1000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
    expect(clock.pendingCount).toBe(0);
    await expect(clock.sleep(1, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('refuses to go backwards', async () => {
    const clock = new VirtualClock(0);
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
  });
});

describe('systemClock', () => {
  it('cuts a long sleep short when its signal aborts', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort();
    await expect(sleeping).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('resolves a zero sleep at once', async () => {
    await expect(systemClock.sleep(0)).resolves.toBeUndefined();
  });
});

describe('isAbortError', () => {
  it('recognises the rejection of an aborted sleep and nothing else', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(1000, controller.signal);
    controller.abort();
    const error = await sleeping.catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    expect(isAbortError(new Error('boom'))).toBe(false);
    expect(isAbortError('AbortError')).toBe(false);
  });
});
