import { validateHintInput } from '../../lib/core/hint-input';

const valid = {
  source: 'ai',
  intent: 'play_specific_song',
  expect: { trackUri: 'spotify:track:abc', isPlaying: true },
  reasoning: 'Calm, as asked',
  isAIDiscovery: true,
  ttlMs: 10_000,
};

describe('validateHintInput', () => {
  it.each([
    ['a full hint', valid],
    ['the least a hint needs', { source: 'user', intent: 'pause', ttlMs: 1 }],
    ['the longest ttl', { source: 'user', intent: 'pause', ttlMs: 600_000 }],
    [
      'every expectation',
      {
        ...valid,
        expect: {
          trackUri: 'spotify:track:abc',
          contextUri: 'spotify:playlist:p',
          isPlaying: false,
          volume: 0,
          deviceId: 'd1',
          queueAdded: ['spotify:episode:e'],
        },
      },
    ],
  ])('accepts %s', (_name, input) => {
    expect(validateHintInput(input)).toEqual({ ok: true, value: input });
  });

  it.each([
    ['ttlMs negative', { ...valid, ttlMs: -5 }, 'ttlMs: must be a positive integer (ms), got -5'],
    ['ttlMs zero', { ...valid, ttlMs: 0 }, 'ttlMs: must be a positive integer (ms), got 0'],
    ['ttlMs fractional', { ...valid, ttlMs: 1.5 }, 'ttlMs: must be a positive integer (ms), got 1.5'],
    ['ttlMs a string', { ...valid, ttlMs: '10s' }, 'ttlMs: must be a positive integer (ms), got "10s"'],
    ['ttlMs too long', { ...valid, ttlMs: 600_001 }, 'ttlMs: must be at most 600000 (10 min), got 600001'],
    ['ttlMs missing', { source: 'ai', intent: 'x' }, 'ttlMs: must be a positive integer (ms), got nothing'],
    ['source unknown', { ...valid, source: 'auto' }, `source: must be 'ai' or 'user', got "auto"`],
    ['intent empty', { ...valid, intent: '  ' }, 'intent: must be a non-empty string, got "  "'],
    ['intent missing', { source: 'ai', ttlMs: 5 }, 'intent: must be a non-empty string, got nothing'],
    [
      'trackUri not a Spotify URI',
      { ...valid, expect: { trackUri: 'https://open.spotify.com/track/abc' } },
      'expect.trackUri: must be a Spotify URI (spotify:…), got "https://open.spotify.com/track/abc"',
    ],
    [
      'volume out of range',
      { ...valid, expect: { volume: 101 } },
      'expect.volume: must be an integer from 0 to 100, got 101',
    ],
    [
      'isPlaying a string',
      { ...valid, expect: { isPlaying: 'yes' } },
      'expect.isPlaying: must be true or false, got "yes"',
    ],
    [
      'queueAdded empty',
      { ...valid, expect: { queueAdded: [] } },
      'expect.queueAdded: must be a non-empty list of Spotify URIs, got a list of 0',
    ],
    [
      'queueAdded with a bad URI',
      { ...valid, expect: { queueAdded: ['spotify:track:a', 'b'] } },
      'expect.queueAdded[1]: must be a Spotify URI (spotify:…), got "b"',
    ],
    ['expect not an object', { ...valid, expect: 'track' }, 'expect: must be an object, got "track"'],
    [
      'an unknown expectation',
      { ...valid, expect: { trackURI: 'spotify:track:a' } },
      'expect.trackURI: unknown field',
    ],
    ['an unknown field', { ...valid, ttl: 5 }, 'ttl: unknown field'],
    ['not an object', 42, 'hint: must be an object, got 42'],
    ['null', null, 'hint: must be an object, got null'],
  ])('rejects %s', (_name, input, message) => {
    expect(validateHintInput(input)).toEqual({ ok: false, errors: [message] });
  });

  it('lists every problem', () => {
    const result = validateHintInput({ source: 'bot', intent: '', ttlMs: -1 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      `source: must be 'ai' or 'user', got "bot"`,
      'intent: must be a non-empty string, got ""',
      'ttlMs: must be a positive integer (ms), got -1',
    ]);
  });
});
