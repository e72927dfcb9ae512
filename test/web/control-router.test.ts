import type { Hint } from '../../lib/core/hint';
import { CONTROL_ACTION_NAMES } from '../../lib/web';
import { controlKit, settle, type ControlKit } from './control-kit';
import { failures } from './fake-spotify';
import { call, capturingLog, problemOf } from './web-kit';

const ALICE = { 'x-session-id': 'sess-alice' };
/** The ledger's hold: the default 30 s window plus the 1 s skew margin. */
const HELD_MS = 31_000;

describe('POST /api/control/:action', () => {
  let kit: ControlKit;

  beforeEach(async () => {
    kit = await controlKit();
  });

  afterEach(async () => {
    await kit.close();
  });

  const press = (action: string, json: unknown = {}, headers: Record<string, string> = ALICE) =>
    call(`${kit.app.url}/api/control/${action}`, { method: 'POST', headers, json });
  const liveHints = () => kit.stores.hints.live('alice', kit.clock.now());
  const budgetUsed = () => kit.stores.budget.used(kit.clock.now(), HELD_MS);

  describe('each action calls Spotify once, with a user hint recorded before the call', () => {
    it.each([
      ['play', {}, 'play', [{}], { isPlaying: true }],
      [
        'play',
        { uris: ['spotify:track:a', 'spotify:track:b'], positionMs: 5000 },
        'play',
        [{ uris: ['spotify:track:a', 'spotify:track:b'], positionMs: 5000 }],
        { trackUri: 'spotify:track:a' },
      ],
      [
        'play',
        { contextUri: 'spotify:album:x' },
        'play',
        [{ contextUri: 'spotify:album:x' }],
        { contextUri: 'spotify:album:x' },
      ],
      ['pause', {}, 'pause', [], { isPlaying: false }],
      ['next', {}, 'next', [], undefined],
      ['previous', {}, 'previous', [], undefined],
      ['seek', { positionMs: 60_000 }, 'seek', [60_000], undefined],
      ['volume', { volume: 0 }, 'setVolume', [0], { volume: 0 }],
      ['volume', { volume: 100 }, 'setVolume', [100], { volume: 100 }],
      ['shuffle', { state: true }, 'setShuffle', [true], undefined],
      ['repeat', { state: 'context' }, 'setRepeat', ['context'], undefined],
      ['transfer', { deviceId: 'dev-1' }, 'transfer', ['dev-1', {}], { deviceId: 'dev-1' }],
      [
        'transfer',
        { deviceId: 'dev-1', play: true },
        'transfer',
        ['dev-1', { play: true }],
        { deviceId: 'dev-1' },
      ],
    ])('%s %j', async (action, body, method, args, expectation) => {
      const answer = await press(action, body);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ ok: true });
      expect(kit.spotify.calls).toHaveLength(1);
      const [sent] = kit.spotify.calls;
      expect(sent).toMatchObject({ method, token: 'token-alice-0', args });
      const hintsAtCall = sent!.seen as Hint[];
      expect(hintsAtCall).toHaveLength(1);
      expect(hintsAtCall[0]).toMatchObject({ source: 'user', intent: action, ttlMs: 10_000 });
      expect(hintsAtCall[0]!.expect).toEqual(expectation);
      expect(await budgetUsed()).toBe(1);
      await settle();
      // One nudge when the hint is recorded, one once Spotify has the command.
      expect(kit.nudges).toEqual(['alice', 'alice']);
    });

    it('a body may be left out where none is needed', async () => {
      const answer = await call(`${kit.app.url}/api/control/next`, {
        method: 'POST',
        headers: { ...ALICE, 'content-type': 'application/json' },
      });
      expect(answer.status).toBe(200);
      expect(kit.spotify.calls.map((sent) => sent.method)).toEqual(['next']);
    });
  });

  describe('a bad body is a 400 that says what is wrong, and nothing is sent', () => {
    it.each([
      ['play', { uris: [] }, 'uris: must be a non-empty list of Spotify URIs, got a list of 0'],
      ['play', { uris: ['track-a'] }, 'uris[0]: must be a Spotify URI (spotify:…), got "track-a"'],
      [
        'play',
        { uris: ['spotify:track:a'], contextUri: 'spotify:album:b' },
        'contextUri: cannot be combined with uris',
      ],
      ['play', { positionMs: -1 }, 'positionMs: must be an integer >= 0 (ms), got -1'],
      ['play', { offset: 1 }, 'offset: unknown field'],
      ['pause', { now: true }, 'now: unknown field'],
      ['seek', {}, 'positionMs: must be an integer >= 0 (ms), got nothing'],
      ['seek', { positionMs: 1.5 }, 'positionMs: must be an integer >= 0 (ms), got 1.5'],
      ['volume', { volume: 101 }, 'volume: must be an integer from 0 to 100, got 101'],
      ['volume', { volume: '50' }, 'volume: must be an integer from 0 to 100, got "50"'],
      ['shuffle', { state: 'yes' }, 'state: must be true or false, got "yes"'],
      ['repeat', { state: 'all' }, `state: must be 'off', 'track' or 'context', got "all"`],
      ['transfer', {}, 'deviceId: must be a non-empty string, got nothing'],
      ['transfer', { deviceId: '  ' }, 'deviceId: must be a non-empty string, got "  "'],
      ['transfer', { deviceId: 'd', play: 'yes' }, 'play: must be true or false, got "yes"'],
      ['volume', 5, 'body: must be a JSON object, got 5'],
      ['volume', [50], 'body: must be a JSON object, got a list of 1'],
    ])('%s %j', async (action, body, message) => {
      const answer = await press(action, body);
      expect(answer.status).toBe(400);
      expect(problemOf(answer).code).toBe('bad_request');
      expect(problemOf(answer).message).toContain(message);
      expect(kit.spotify.calls).toEqual([]);
      expect(await liveHints()).toEqual([]);
      expect(await budgetUsed()).toBe(0);
    });

    it('every problem is named at once', async () => {
      const answer = await press('transfer', { deviceId: 7, play: 1, extra: true });
      const errors = [
        'deviceId: must be a non-empty string, got 7',
        'extra: unknown field',
        'play: must be true or false, got 1',
      ];
      expect(problemOf(answer).message.split('; ').sort()).toEqual(errors);
      expect((problemOf(answer).errors as string[]).sort()).toEqual(errors);
    });
  });

  describe('requests the route cannot take', () => {
    it('an unknown action is a 404 listing the actions', async () => {
      const answer = await press('stop');
      expect(answer.status).toBe(404);
      expect(problemOf(answer).code).toBe('unknown_action');
      for (const name of CONTROL_ACTION_NAMES) expect(problemOf(answer).message).toContain(name);
    });

    it('another method is a 405 with Allow', async () => {
      const answer = await call(`${kit.app.url}/api/control/pause`, { headers: ALICE });
      expect(answer.status).toBe(405);
      expect(answer.headers.get('allow')).toBe('POST');
      expect(problemOf(answer).code).toBe('method_not_allowed');
    });

    it.each([
      ['no content type', {}, undefined],
      ['text/plain (a cross-site form could send it)', { 'content-type': 'text/plain' }, '{"volume":5}'],
      ['a form', { 'content-type': 'application/x-www-form-urlencoded' }, 'volume=5'],
    ])('%s is a 415', async (_name, headers, raw) => {
      const answer = await call(`${kit.app.url}/api/control/volume`, {
        method: 'POST',
        headers: { ...ALICE, ...headers },
        ...(raw === undefined ? {} : { raw }),
      });
      expect(answer.status).toBe(415);
      expect(problemOf(answer).code).toBe('unsupported_media_type');
      expect(kit.spotify.calls).toEqual([]);
    });

    it('malformed JSON is a 400', async () => {
      const answer = await call(`${kit.app.url}/api/control/volume`, {
        method: 'POST',
        headers: { ...ALICE, 'content-type': 'application/json' },
        raw: '{"volume": 5',
      });
      expect(answer.status).toBe(400);
      expect(problemOf(answer)).toEqual({ code: 'bad_request', message: 'the body is not valid JSON' });
    });

    it('a body over the limit is a 413', async () => {
      const uris = Array.from({ length: 1000 }, (_, i) => `spotify:track:${String(i).padStart(22, '0')}`);
      const answer = await press('play', { uris });
      expect(answer.status).toBe(413);
      expect(problemOf(answer).code).toBe('payload_too_large');
      expect(kit.spotify.calls).toEqual([]);
    });
  });

  describe('sessions', () => {
    it('without a session: 401 unauthenticated, nothing sent', async () => {
      const answer = await press('pause', {}, {});
      expect(answer.status).toBe(401);
      expect(problemOf(answer).code).toBe('unauthenticated');
      expect(kit.spotify.calls).toEqual([]);
    });

    it('an expired session: 401 session_expired', async () => {
      kit.sessions.expired.add('sess-alice');
      const answer = await press('pause');
      expect(answer.status).toBe(401);
      expect(problemOf(answer).code).toBe('session_expired');
    });

    it('the session cookie works as the header does, for its own user', async () => {
      const answer = await press('pause', {}, { cookie: 'other=1; test.sid=sess-bob' });
      expect(answer.status).toBe(200);
      expect(kit.spotify.calls[0]!.token).toBe('token-bob-0');
      expect(kit.sessions.seen.at(-1)).toEqual({
        sessionId: undefined,
        cookieHeader: 'other=1; test.sid=sess-bob',
      });
      expect(await kit.stores.hints.live('bob', kit.clock.now())).toHaveLength(1);
      expect(await liveHints()).toEqual([]);
    });

    it('a session store that fails: 503', async () => {
      kit.sessions.failing();
      const answer = await press('pause');
      expect(answer.status).toBe(503);
      expect(problemOf(answer).code).toBe('unavailable');
    });
  });

  describe('the budget and the cooldown', () => {
    it('a full window is a 429 budget_exhausted with Retry-After; the press leaves no hint', async () => {
      await kit.stores.tuning.set({ scheduler: { budgetPerWindow: 2 } });
      expect((await press('next')).status).toBe(200);
      expect((await press('next')).status).toBe(200);
      const answer = await press('pause');
      expect(answer.status).toBe(429);
      expect(problemOf(answer).code).toBe('budget_exhausted');
      expect(problemOf(answer).message).toContain('2 per 30 s');
      expect(Number(answer.headers.get('retry-after'))).toBe(31);
      expect(kit.spotify.calls).toHaveLength(2);
      expect((await liveHints()).map((hint) => hint.intent)).toEqual(['next', 'next']);
    });

    it('the configured base budget applies when nothing is tuned', async () => {
      await kit.close();
      kit = await controlKit({
        schedulerBase: { budgetPerWindow: 1, windowMs: 10_000 },
        requestSkewMarginMs: 0,
      });
      expect((await press('next')).status).toBe(200);
      const answer = await press('next');
      expect(answer.status).toBe(429);
      expect(Number(answer.headers.get('retry-after'))).toBe(10);
    });

    it('during a cooldown: 503 spotify_cooldown with Retry-After and the reason; nothing sent', async () => {
      const now = kit.clock.now();
      await kit.stores.cooldown.enter(now + 90_000, 'QUOTA_EXCEEDED', now);
      const answer = await press('pause');
      expect(answer.status).toBe(503);
      expect(problemOf(answer)).toMatchObject({
        code: 'spotify_cooldown',
        reason: 'QUOTA_EXCEEDED',
        until: now + 90_000,
      });
      expect(answer.headers.get('retry-after')).toBe('90');
      expect(kit.spotify.calls).toEqual([]);
      expect(await liveHints()).toEqual([]);
      expect(await budgetUsed()).toBe(0);
    });

    it("Spotify's 429 puts the whole app into the cooldown and withdraws the hint", async () => {
      kit.spotify.failNext(failures.rateLimited(120_000));
      const answer = await press('pause');
      expect(answer.status).toBe(503);
      expect(problemOf(answer).code).toBe('spotify_cooldown');
      expect(answer.headers.get('retry-after')).toBe('120');
      expect(await kit.stores.cooldown.current(kit.clock.now())).toEqual({
        until: kit.clock.now() + 120_000,
        reason: 'rate_limited',
      });
      expect(await liveHints()).toEqual([]);
      // The next press does not reach Spotify.
      expect((await press('pause')).status).toBe(503);
      expect(kit.spotify.calls).toHaveLength(1);
    });
  });

  describe('tokens and Spotify failures', () => {
    it('a 401 refreshes the token once and retries with the new one, inside the budget', async () => {
      kit.spotify.failNext(failures.unauthorized());
      const answer = await press('volume', { volume: 30 });
      expect(answer.status).toBe(200);
      expect(kit.tokens.refreshed).toEqual(['token-alice-0']);
      expect(kit.spotify.calls.map((sent) => sent.token)).toEqual(['token-alice-0', 'token-alice-1']);
      expect(await budgetUsed()).toBe(2);
      expect(await liveHints()).toHaveLength(1);
    });

    it('a second 401 is a 502 spotify_unauthorized; the hint is withdrawn', async () => {
      kit.spotify.failNext(failures.unauthorized(), failures.unauthorized());
      const answer = await press('pause');
      expect(answer.status).toBe(502);
      expect(problemOf(answer).code).toBe('spotify_unauthorized');
      expect(kit.tokens.refreshed).toHaveLength(1);
      expect(await liveHints()).toEqual([]);
    });

    it('a listener who must sign in again: 401 reauth_required, nothing sent', async () => {
      kit.tokens.reauth.add('alice');
      const answer = await press('pause');
      expect(answer.status).toBe(401);
      expect(problemOf(answer).code).toBe('reauth_required');
      expect(kit.spotify.calls).toEqual([]);
      expect(await liveHints()).toEqual([]);
    });

    it("Spotify's refusal is a 409 with its reason; the hint is withdrawn", async () => {
      kit.spotify.failNext(failures.noActiveDevice());
      const answer = await press('play');
      expect(answer.status).toBe(409);
      expect(problemOf(answer)).toMatchObject({
        code: 'spotify_rejected',
        reason: 'NO_ACTIVE_DEVICE',
        spotifyStatus: 404,
      });
      expect(problemOf(answer).message).toContain('No active device found');
      expect(await liveHints()).toEqual([]);
    });

    it("Spotify's 400 stays a 400", async () => {
      kit.spotify.failNext(failures.badUri());
      const answer = await press('play', { uris: ['spotify:track:nope'] });
      expect(answer.status).toBe(400);
      expect(problemOf(answer).code).toBe('spotify_rejected');
    });

    it.each([
      ['a 5xx', failures.upstream, 502, 'spotify_unavailable'],
      ['a timeout', failures.timeout, 504, 'spotify_timeout'],
    ])('%s: the hint stays, since Spotify may have acted', async (_name, failure, status, code) => {
      kit.spotify.failNext(failure());
      const answer = await press('next');
      expect(answer.status).toBe(status);
      expect(problemOf(answer).code).toBe(code);
      expect(await liveHints()).toHaveLength(1);
    });
  });
});

describe('control logging', () => {
  it('names the user and never the session id or the token; a crash is logged with its stack', async () => {
    const captured = capturingLog();
    const kit = await controlKit({}, captured.log);
    try {
      expect(
        (
          await call(`${kit.app.url}/api/control/pause`, {
            method: 'POST',
            headers: { cookie: 'test.sid=sess-alice' },
            json: {},
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await call(`${kit.app.url}/api/control/pause`, {
            method: 'POST',
            headers: { 'x-session-id': 'sess-unknown' },
            json: {},
          })
        ).status,
      ).toBe(401);
      kit.spotify.failNext(new TypeError('boom in the adapter'));
      const crash = await call(`${kit.app.url}/api/control/next`, {
        method: 'POST',
        headers: ALICE,
        json: {},
      });
      expect(crash.status).toBe(500);
      expect(problemOf(crash)).toEqual({
        code: 'internal',
        message: 'internal error; the server log has the details',
      });
      const text = await captured.text();
      expect(text).toContain('"userId":"alice"');
      expect(text).toContain('control command sent');
      expect(text).toContain('request refused: no valid session');
      expect(text).toContain('boom in the adapter');
      expect(text).toMatch(/"stack":"TypeError: boom in the adapter\\n\s+at /);
      for (const secret of ['sess-alice', 'sess-unknown', 'token-alice']) expect(text).not.toContain(secret);
    } finally {
      await kit.close();
    }
  });
});
