import { applyEvent, fromState, positionAt, withFields } from '../../web/src/app/now-playing';
import { events, state, track } from './fixtures';

describe('now playing', () => {
  it('advances the position while playing and stops at the end of the item', () => {
    const np = fromState(state({ position: 10_000, duration: 20_000 }), 1000);
    expect(positionAt(np, 4000)).toBe(13_000);
    expect(positionAt(np, 60_000)).toBe(20_000);
  });

  it('holds the position while paused', () => {
    const np = fromState(state({ isPlaying: false, position: 10_000 }), 1000);
    expect(positionAt(np, 50_000)).toBe(10_000);
  });

  it('takes a full state from playbackStateChanged without its envelope', () => {
    const np = applyEvent(null, events.state(5, state({ volume: 12 })), 2000);
    expect(np?.state.volume).toBe(12);
    expect(np?.anchorAt).toBe(2000);
    expect(np?.state).not.toHaveProperty('eventId');
  });

  it('starts a new item at zero on trackChanged, keeping the device', () => {
    const before = fromState(state({ position: 150_000 }), 0);
    const next = track(2, { durationMs: 90_000 });
    const np = applyEvent(before, events.track(5, next), 10_000);
    expect(np?.state.track?.uri).toBe(next.uri);
    expect(np?.state.duration).toBe(90_000);
    expect(positionAt(np!, 11_000)).toBe(1000);
    expect(np?.state.device).toBe('Kitchen');
  });

  it('updates only the volume on volumeChanged, and keeps the position moving', () => {
    const before = fromState(state({ position: 0 }), 0);
    const np = applyEvent(before, events.volume(5, 80), 3000);
    expect(np?.state.volume).toBe(80);
    expect(positionAt(np!, 3000)).toBe(3000);
  });

  it('applies an optimistic change from the position reached so far', () => {
    const np = withFields(fromState(state({ position: 0 }), 0), 5000, { isPlaying: false });
    expect(positionAt(np, 60_000)).toBe(5000);
  });
});
