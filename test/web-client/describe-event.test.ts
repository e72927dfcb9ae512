import { describeEvent, NOTHING_TOLD, tell } from '../../web/src/app/describe-event';
import { events, state, track } from './fixtures';

describe('describeEvent', () => {
  it('names what changed in a full state', () => {
    const before = state({ isPlaying: true, shuffleState: false });
    const after = state({ isPlaying: false, shuffleState: true });
    expect(describeEvent(events.state(1, after), before)).toBe('Paused · Shuffle on');
  });

  it('reads a position jump with nothing else changed as a seek', () => {
    const text = describeEvent(events.state(1, state({ position: 95_000 })), state({ position: 10_000 }));
    expect(text).toBe('Jumped to 1:35');
  });

  it('does not repeat a track change that its trackChanged already told', () => {
    const next = track(2);
    const told = tell(NOTHING_TOLD, events.track(7, next));
    const text = describeEvent(events.state(7, state({ track: next })), state(), told);
    expect(text).toBe('Playing on Kitchen');
  });

  it('forgets what was told once a new observation starts', () => {
    const next = track(2);
    const told = tell(NOTHING_TOLD, events.track(7, next));
    const text = describeEvent(events.state(8, state({ track: next })), state(), told);
    expect(text).toBe('Now playing “Song 2” by Artist 2');
  });

  it('says playback stopped when there is no device', () => {
    const stopped = state({ device: null, deviceId: null, track: null, isPlaying: false });
    expect(describeEvent(events.state(1, stopped), state())).toBe('Playback stopped: no active device');
  });

  it('describes a queue addition with the queue length', () => {
    const text = describeEvent(events.queue(1, 'added', [track(3)], 4), null);
    expect(text).toBe('Queued “Song 3” by Artist 3 · 4 up next');
  });

  it('tells a failed command with its error', () => {
    const text = describeEvent(
      {
        event: 'commandExecuted',
        data: {
          eventId: '1-0',
          source: 'ai',
          timestamp: 1,
          command: 'play jazz',
          intent: 'play',
          success: false,
          confidence: 0.4,
          error: 'no device',
        },
      },
      null,
    );
    expect(text).toBe('Could not do “play jazz”: no device');
  });
});
