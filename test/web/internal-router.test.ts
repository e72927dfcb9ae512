import { Registry } from 'prom-client';
import { HintClient } from '../../lib/hints';
import { MemorySink, Publisher } from '../../lib/publish';
import { SeededRandom } from '../../lib/random/random';
import { createMemoryStores, type Stores } from '../../lib/store';
import { VirtualClock } from '../../lib/time/virtual-clock';
import { internalRouter } from '../../lib/web';
import { call, problemOf, silentLog, startApp, type RunningApp } from './web-kit';

const TOKEN = 'internal-secret-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const HINT = {
  userId: 'alice',
  source: 'ai',
  intent: 'play_specific_song',
  expect: { trackUri: 'spotify:track:x' },
  ttlMs: 15_000,
};
const COMMAND = {
  userId: 'alice',
  command: 'play',
  intent: 'play_specific_song',
  success: true,
  confidence: 0.9,
};

describe('POST /internal/hints and /internal/commands', () => {
  let stores: Stores;
  let clock: VirtualClock;
  let sink: MemorySink;
  let publisher: Publisher;
  let app: RunningApp;
  let nudges: string[];
  let unsubscribe: () => Promise<void>;

  async function start(token: string | null) {
    const hints = new HintClient({ stores, publisher, clock, random: new SeededRandom('internal') });
    app = await startApp(internalRouter({ token, hints, log: silentLog }, { bodyLimitBytes: 4096 }));
  }

  beforeEach(async () => {
    stores = createMemoryStores();
    clock = new VirtualClock();
    sink = new MemorySink();
    publisher = new Publisher({ stores, sink, clock, registry: new Registry(), log: silentLog });
    nudges = [];
    unsubscribe = await stores.bus.subscribe((userId) => nudges.push(userId));
    await start(TOKEN);
  });

  afterEach(async () => {
    await app.close();
    await publisher.close();
    await unsubscribe();
    await stores.close();
  });

  const post = (path: string, json: unknown, headers: Record<string, string> = AUTH) =>
    call(`${app.url}${path}`, { method: 'POST', headers, json });

  describe('the bearer token', () => {
    it.each(['/internal/hints', '/internal/commands'])(
      '%s without a configured token does not exist',
      async (path) => {
        await app.close();
        await start(null);
        const answer = await post(path, HINT);
        expect(answer.status).toBe(404);
        expect(problemOf(answer).message).toContain('INTERNAL_API_TOKEN is not set');
        expect((await call(`${app.url}${path}`)).status).toBe(404);
      },
    );

    it.each<[string, Record<string, string>, number, string]>([
      ['no Authorization header', {}, 401, 'unauthenticated'],
      ['a Basic header', { authorization: `Basic ${TOKEN}` }, 401, 'unauthenticated'],
      ['an empty bearer', { authorization: 'Bearer ' }, 401, 'unauthenticated'],
      ['a wrong token', { authorization: 'Bearer internal-secret-tokeX' }, 403, 'forbidden'],
      ['a prefix of the token', { authorization: 'Bearer internal' }, 403, 'forbidden'],
      ['the token and more', { authorization: `Bearer ${TOKEN}x` }, 403, 'forbidden'],
    ])('%s: %d, nothing recorded', async (_name, headers, status, code) => {
      for (const path of ['/internal/hints', '/internal/commands']) {
        const answer = await post(path, path.endsWith('hints') ? HINT : COMMAND, headers);
        expect(answer.status).toBe(status);
        expect(problemOf(answer).code).toBe(code);
        if (status === 401) expect(answer.headers.get('www-authenticate')).toBe('Bearer');
        expect(problemOf(answer).message).not.toContain(TOKEN);
      }
      expect(await stores.hints.live('alice', clock.now())).toEqual([]);
      expect(sink.sent).toEqual([]);
    });

    it('another method, authorized: 405', async () => {
      const answer = await call(`${app.url}/internal/hints`, { headers: AUTH });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('POST');
    });
  });

  describe('hints', () => {
    it('records the hint (live for its ttl) and nudges the worker', async () => {
      const answer = await post('/internal/hints', HINT);
      expect(answer.status).toBe(201);
      const { hint } = answer.body as { hint: { id: string; recordedAt: number; expiresAt: number } };
      expect(hint).toEqual({
        id: expect.any(String),
        recordedAt: clock.now(),
        expiresAt: clock.now() + 15_000,
      });
      const live = await stores.hints.live('alice', clock.now());
      expect(live).toEqual([
        expect.objectContaining({
          id: hint.id,
          source: 'ai',
          intent: 'play_specific_song',
          expect: { trackUri: 'spotify:track:x' },
        }),
      ]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(nudges).toEqual(['alice']);
    });

    it.each<[string, unknown, string[]]>([
      [
        'no userId',
        { ...HINT, userId: undefined },
        ['userId: must be a user id (1–128 of A-Z a-z 0-9 . _ - @ + =), got nothing'],
      ],
      [
        'a userId with a colon',
        { ...HINT, userId: 'a:b' },
        ['userId: must be a user id (1–128 of A-Z a-z 0-9 . _ - @ + =), got "a:b"'],
      ],
      ['an unknown source', { ...HINT, source: 'auto' }, ["source: must be 'ai' or 'user', got \"auto\""]],
      ['no ttl', { ...HINT, ttlMs: undefined }, ['ttlMs: must be a positive integer (ms), got nothing']],
      ['a ttl too long', { ...HINT, ttlMs: 600_001 }, ['ttlMs: must be at most 600000 (10 min), got 600001']],
      [
        'a bad expectation',
        { ...HINT, expect: { volume: 101 } },
        ['expect.volume: must be an integer from 0 to 100, got 101'],
      ],
      ['an unknown field', { ...HINT, mood: 'happy' }, ['mood: unknown field']],
      ['not an object', [HINT], ['body: must be a JSON object with userId and the payload']],
      [
        'several problems',
        { userId: '', source: 'ai', intent: ' ', ttlMs: 0 },
        [
          'userId: must be a user id (1–128 of A-Z a-z 0-9 . _ - @ + =), got ""',
          'intent: must be a non-empty string, got " "',
          'ttlMs: must be a positive integer (ms), got 0',
        ],
      ],
    ])('%s: 400 saying so, nothing recorded', async (_name, body, errors) => {
      const answer = await post('/internal/hints', body);
      expect(answer.status).toBe(400);
      expect(problemOf(answer)).toMatchObject({ code: 'bad_request', errors });
      expect(problemOf(answer).message).toBe(errors.join('; '));
      expect(await stores.hints.usersWithLiveHints(clock.now())).toEqual([]);
    });
  });

  describe('commands', () => {
    it('publishes commandExecuted (source ai) through the publisher', async () => {
      const answer = await post('/internal/commands', { ...COMMAND, result: { tracks: 2 } });
      expect(answer).toMatchObject({ status: 200, body: { ok: true } });
      const events = sink.eventsOf('alice');
      expect(events).toEqual([
        {
          event: 'commandExecuted',
          data: {
            command: 'play',
            intent: 'play_specific_song',
            success: true,
            confidence: 0.9,
            result: { tracks: 2 },
            source: 'ai',
            timestamp: clock.now(),
            eventId: expect.any(String),
          },
        },
      ]);
      expect(await stores.eventStreams.lastId('alice')).toBe(events[0]!.data.eventId);
    });

    it.each<[string, unknown, string]>([
      ['no command', { ...COMMAND, command: undefined }, 'command: must be a non-empty string, got nothing'],
      [
        'a confidence above 1',
        { ...COMMAND, confidence: 1.5 },
        'confidence: must be a number from 0 to 1, got 1.5',
      ],
      ['success as text', { ...COMMAND, success: 'yes' }, 'success: must be true or false, got "yes"'],
      ['an unknown field', { ...COMMAND, source: 'ai' }, 'source: unknown field'],
      ['a bad userId', { ...COMMAND, userId: 'x y' }, 'userId: must be a user id'],
    ])('%s: 400 saying so, nothing published', async (_name, body, message) => {
      const answer = await post('/internal/commands', body);
      expect(answer.status).toBe(400);
      expect(problemOf(answer).message).toContain(message);
      expect(sink.sent).toEqual([]);
    });

    it('a body over the limit: 413', async () => {
      const answer = await post('/internal/commands', { ...COMMAND, result: 'x'.repeat(5000) });
      expect(answer.status).toBe(413);
      expect(sink.sent).toEqual([]);
    });

    it('not JSON: 415', async () => {
      const answer = await call(`${app.url}/internal/commands`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'text/plain' },
        raw: JSON.stringify(COMMAND),
      });
      expect(answer.status).toBe(415);
    });
  });
});
