import { hasReplayGap, STREAM_START_ID } from '../../lib/store/replay-gap';

describe('hasReplayGap', () => {
  const oldest = { id: '100-3', previousId: '100-2' };
  const untrimmed = { id: '100-0', previousId: STREAM_START_ID };

  it.each([
    ['the reader saw the event just before the oldest held', '100-2', oldest, false],
    ['the reader saw the oldest held', '100-3', oldest, false],
    ['the reader is past the newest', '900-0', oldest, false],
    ['the reader saw an event trimmed before the last trimmed one', '100-1', oldest, true],
    ['the reader asks for everything but some was trimmed', STREAM_START_ID, oldest, true],
    ['the reader asks for everything and nothing was trimmed', STREAM_START_ID, untrimmed, false],
    ['the id is from before this stream began (it expired and restarted)', '99-7', untrimmed, true],
    ['the stream is empty and the reader had events', '50-0', null, true],
    ['the stream is empty and the reader had none', STREAM_START_ID, null, false],
  ])('%s → %s', (_what, lastEventId, held, expected) => {
    expect(hasReplayGap(lastEventId, held)).toBe(expected);
  });

  it('compares ids as numbers, not strings', () => {
    expect(hasReplayGap('99-0', { id: '100-0', previousId: '99-0' })).toBe(false);
    expect(hasReplayGap('1000-0', { id: '999-5', previousId: '999-4' })).toBe(false);
  });
});
