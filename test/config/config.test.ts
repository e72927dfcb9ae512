import { ConfigError, loadConfig } from '../../lib/config';

const deployment = {
  SPOTIFY_CLIENT_ID: 'client',
  SPOTIFY_CLIENT_SECRET: 'secret',
  TOKEN_ENCRYPTION_KEY: 'k'.repeat(44),
  SESSION_SECRET: 'session-secret',
};

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env, 42);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('with nothing set is the demo, with the seed defaults', () => {
    const config = loadConfig({}, 42);
    expect(config.mode).toBe('demo');
    expect(config.port).toBe(3000);
    expect(config.redis).toEqual({ url: null, prefix: 'music:' });
    expect(config.budget).toEqual({ perWindow: 100, windowMs: 30_000 });
    expect(config.websocket).toEqual({
      enabled: true,
      maxConnectionsPerUser: 5,
      eventRateLimit: 100,
      bufferSize: 50,
      allowedOrigins: [],
    });
    expect(config.spotify.apiUrl).toBe('https://api.spotify.com');
    expect(config.spotify.redirectUri).toBe('http://localhost:3000/auth/callback');
    expect(config.worker.id).toMatch(/-42$/);
  });

  it('is frozen all the way down', () => {
    const config = loadConfig({}, 42);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.websocket.allowedOrigins)).toBe(true);
  });

  it('reads every variable it documents', () => {
    const config = loadConfig(
      {
        ...deployment,
        PORT: '8080',
        REDIS_URL: 'redis://127.0.0.1:6380',
        REDIS_KEY_PREFIX: 'app:',
        SPOTIFY_API_URL: 'http://127.0.0.1:4010',
        SPOTIFY_BUDGET_PER_30S: '20',
        WEBSOCKET_MUSIC_ENABLED: 'false',
        WEBSOCKET_MUSIC_BUFFER_SIZE: '200',
        ALLOWED_ORIGINS: 'https://a.example, https://b.example ,',
        WORKER_ID: 'worker-1',
      },
      42,
    );
    expect(config.mode).toBe('deployment');
    expect(config.port).toBe(8080);
    expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6380', prefix: 'app:' });
    expect(config.spotify.apiUrl).toBe('http://127.0.0.1:4010');
    expect(config.budget.perWindow).toBe(20);
    expect(config.websocket.enabled).toBe(false);
    expect(config.websocket.bufferSize).toBe(200);
    expect(config.websocket.allowedOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(config.worker.id).toBe('worker-1');
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['a non-numeric port', { PORT: 'eighty' }, /^PORT must be a whole number from 0 to 65535, got "eighty"$/],
    [
      'a zero budget',
      { SPOTIFY_BUDGET_PER_30S: '0' },
      /^SPOTIFY_BUDGET_PER_30S must be a whole number from 1/,
    ],
    [
      'a fractional buffer',
      { WEBSOCKET_MUSIC_BUFFER_SIZE: '2.5' },
      /WEBSOCKET_MUSIC_BUFFER_SIZE must be a whole/,
    ],
    [
      'a wordy boolean',
      { WEBSOCKET_MUSIC_ENABLED: 'maybe' },
      /^WEBSOCKET_MUSIC_ENABLED must be true or false/,
    ],
    [
      'a non-redis URL',
      { REDIS_URL: 'http://localhost' },
      /^REDIS_URL must be an absolute redis or rediss URL/,
    ],
    ['a bad prefix', { REDIS_KEY_PREFIX: 'music' }, /^REDIS_KEY_PREFIX must be .* end with ":"/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of error, warn, info, debug/],
    ['a worker id with a colon', { WORKER_ID: 'a:b' }, /^WORKER_ID must be 1–128 of the characters/],
  ])('says what to fix for %s', (_case, env, expected) => {
    const problems = problemsOf(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(expected);
  });

  it('asks for the secrets a deployment needs, all at once', () => {
    const problems = problemsOf({ SPOTIFY_CLIENT_ID: 'client' });
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'SPOTIFY_CLIENT_SECRET',
      'TOKEN_ENCRYPTION_KEY',
      'SESSION_SECRET',
    ]);
    expect(problems[1]).toContain('openssl rand -base64 32');
  });

  it('never echoes a password from a URL', () => {
    const problems = problemsOf({ REDIS_URL: 'http://user:hunter2@localhost' });
    expect(problems[0]).not.toContain('hunter2');
    expect(problems[0]).toContain('***');
  });
});
