import { parseBaseUrl } from '../../lib/spotify/base-url';

describe('parseBaseUrl', () => {
  it.each([
    ['https://api.spotify.com', { scheme: 'https', host: 'api.spotify.com', port: 443, basePath: '' }],
    ['http://127.0.0.1:4010', { scheme: 'http', host: '127.0.0.1', port: 4010, basePath: '' }],
    ['http://localhost', { scheme: 'http', host: 'localhost', port: 80, basePath: '' }],
    ['https://example.test:8443/', { scheme: 'https', host: 'example.test', port: 8443, basePath: '' }],
    ['http://[::1]:4010/spotify/', { scheme: 'http', host: '[::1]', port: 4010, basePath: '/spotify' }],
    ['http://127.0.0.1:4010/a/b', { scheme: 'http', host: '127.0.0.1', port: 4010, basePath: '/a/b' }],
  ])('%s', (value, expected) => {
    expect(parseBaseUrl('apiUrl', value)).toEqual(expected);
  });

  it.each([
    ['', /`apiUrl` must be a non-empty URL string/],
    [42, /`apiUrl` must be a non-empty URL string, got 42/],
    ['api.spotify.com', /`apiUrl` is not a valid URL/],
    ['ftp://api.spotify.com', /`apiUrl` must use http or https, got "ftp:"/],
    ['https://user:pw@api.spotify.com', /`apiUrl` must not contain credentials/],
    ['https://api.spotify.com/?x=1', /`apiUrl` must not have a query or a fragment/],
    ['https://api.spotify.com/#top', /`apiUrl` must not have a query or a fragment/],
  ])('rejects %j', (value, message) => {
    expect(() => parseBaseUrl('apiUrl', value)).toThrow(message);
  });

  it('does not repeat credentials in its message', () => {
    expect(() => parseBaseUrl('accountsUrl', 'https://user:s3cret@accounts.test')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') }),
    );
  });
});
