import { parseResponseBody } from '../../lib/spotify/response-body';

describe('parseResponseBody', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['  \n', { kind: 'empty' }],
    ['{"is_playing":true}', { kind: 'json', value: { is_playing: true } }],
    ['[]', { kind: 'json', value: [] }],
    ['null', { kind: 'json', value: null }],
  ])('%j', (text, expected) => {
    expect(parseResponseBody(text)).toEqual(expected);
  });

  it('reports unparseable text without repeating it', () => {
    const body = parseResponseBody('{"access_token":"SECRET-VALUE"');
    expect(body).toEqual({ kind: 'malformed', problem: expect.stringMatching(/^not JSON: /) });
    expect(JSON.stringify(body)).not.toContain('SECRET-VALUE');
  });
});
