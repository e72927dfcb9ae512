import { connectionLabel, fallbackNote, replayNote } from '../../web/src/app/connection-view-model';

describe('connection wording', () => {
  it('shows the refusal reason the server gave', () => {
    const label = connectionLabel({ phase: 'refused', reason: 'Too many tabs', polling: true });
    expect(label).toEqual({ label: 'Not connected', detail: 'Too many tabs' });
  });

  it('counts replayed events only after a reconnect', () => {
    expect(replayNote({ replayed: 3 }, true)).toBe('Reconnected: 3 missed events replayed');
    expect(replayNote({ replayed: 1 }, true)).toBe('Reconnected: 1 missed event replayed');
    expect(replayNote({ replayed: 0 }, false)).toBeNull();
    expect(replayNote({ resync: true }, true)).toMatch(/caught up/);
  });

  it('says how often the fallback refreshes', () => {
    expect(fallbackNote(5000)).toBe('Live updates unavailable — refreshing every 5 s');
  });
});
