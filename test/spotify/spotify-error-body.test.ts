import { readSpotifyErrorBody } from '../../lib/spotify/spotify-error-body';

describe('readSpotifyErrorBody', () => {
  it.each([
    [
      'a Web API error',
      { error: { status: 401, message: 'The access token expired' } },
      { message: 'The access token expired', reason: null, oauthError: null },
    ],
    [
      'a player error with a reason',
      {
        error: {
          status: 404,
          message: 'Player command failed: No active device found',
          reason: 'NO_ACTIVE_DEVICE',
        },
      },
      {
        message: 'Player command failed: No active device found',
        reason: 'NO_ACTIVE_DEVICE',
        oauthError: null,
      },
    ],
    [
      'a quota 429',
      { error: { status: 429, message: 'API rate limit exceeded', reason: 'QUOTA_EXCEEDED' } },
      { message: 'API rate limit exceeded', reason: 'QUOTA_EXCEEDED', oauthError: null },
    ],
    [
      'a reason beside the error object',
      { error: { status: 429, message: 'Too many requests' }, reason: 'QUOTA_EXCEEDED' },
      { message: 'Too many requests', reason: 'QUOTA_EXCEEDED', oauthError: null },
    ],
    [
      'an OAuth error with a description',
      { error: 'invalid_grant', error_description: 'Refresh token revoked' },
      { message: 'Refresh token revoked', reason: null, oauthError: 'invalid_grant' },
    ],
    [
      'an OAuth error alone',
      { error: 'invalid_client' },
      { message: 'invalid_client', reason: null, oauthError: 'invalid_client' },
    ],
    ['nothing', undefined, { message: null, reason: null, oauthError: null }],
    ['an array', [1, 2], { message: null, reason: null, oauthError: null }],
    [
      'blank strings',
      { error: { message: '  ', reason: '' } },
      { message: null, reason: null, oauthError: null },
    ],
  ])('%s', (_name, body, expected) => {
    expect(readSpotifyErrorBody(body)).toEqual(expected);
  });

  it('cuts an overlong message', () => {
    const { message } = readSpotifyErrorBody({ error: { message: 'x'.repeat(5000) } });
    expect(message).toHaveLength(201);
    expect(message?.endsWith('…')).toBe(true);
  });
});
