/** Response headers as Spotify sent them, names in lower case (`retry-after`, `content-type`, ...). */
export type SpotifyHeaders = Readonly<Record<string, string>>;

/** Which of Spotify's two services a request went to: they report errors in different shapes. */
export type SpotifyService = 'api' | 'accounts';
