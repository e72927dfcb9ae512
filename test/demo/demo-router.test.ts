import type { MusicEvent } from '../../lib/contract/events';
import { DEMO_CAST, DEMO_COMMAND_INTENT, type DemoListenerView } from '../../lib/demo';
import type { CatalogTrack } from '../../lib/simulator/catalog';
import { activeDevice, currentItem } from '../../lib/simulator/player-state';
import { postJson, request, sessionIdOf, setCookie, storedSession } from '../auth/http-kit';
import { COOKIE, SECRET, startDemoHarness, type DemoHarness } from './demo-kit';

let h: DemoHarness;

beforeEach(async () => {
  h = await startDemoHarness();
});

afterEach(async () => {
  await h.close();
});

const ADA = DEMO_CAST[0]!.userId;

async function events(userId: string): Promise<MusicEvent[]> {
  return (await h.stores.eventStreams.readAfter(userId, '0-0', 100)).events.map((entry) => entry.event);
}

function playing(userId: string): string | undefined {
  return currentItem(h.demo.world.trueState(userId))?.uri;
}

function command(body: unknown): Promise<Response> {
  return postJson(`${h.origin}/demo/command`, body);
}

describe('GET /demo/listeners', () => {
  it('lists every demo listener with their active device and what they are playing', async () => {
    const ben = DEMO_CAST[1]!.userId;
    h.demo.world.act(ben, { kind: 'pause' });
    const response = await request(`${h.origin}/demo/listeners`);
    expect(response.status).toBe(200);
    const listed = (await response.json()) as DemoListenerView[];
    expect(listed.map((l) => [l.userId, l.displayName])).toEqual(
      DEMO_CAST.slice(0, 4).map((member) => [member.userId, member.displayName]),
    );
    for (const view of listed) {
      const state = h.demo.world.trueState(view.userId);
      expect(view.device?.name).toBe(activeDevice(state)?.name);
      expect(view.nowPlaying?.item?.uri).toBe(currentItem(state)?.uri);
      expect(view.nowPlaying?.isPlaying).toBe(view.userId !== ben);
    }
  });
});

describe('POST /demo/login', () => {
  it('starts a session for the listener: its id in the body, the signed cookie beside it', async () => {
    const response = await postJson(`${h.origin}/demo/login`, { userId: ADA });
    expect(response.status).toBe(200);
    const { sessionId } = (await response.json()) as { sessionId: string };
    expect(sessionIdOf(setCookie(response, COOKIE)!, SECRET)).toBe(sessionId);
    expect((await storedSession(h.sessions, sessionId))?.userId).toBe(ADA);
  });

  it('refuses an unknown listener with 404, starting no session', async () => {
    const response = await postJson(`${h.origin}/demo/login`, { userId: 'nobody' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: string }).error).toContain(
      'No demo listener with id "nobody"',
    );
    expect(setCookie(response, COOKIE)).toBeNull();
  });

  it.each([
    ['no user id', {}, 'userId: must be a non-empty string'],
    ['a number', { userId: 7 }, 'userId: must be a non-empty string, got 7'],
    ['an extra field', { userId: ADA, admin: true }, 'admin: unknown field'],
    ['broken JSON', '{"userId":', 'not valid JSON'],
  ])('refuses %s with 400', async (_name, body, message) => {
    const response = await postJson(`${h.origin}/demo/login`, body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(message);
    expect(setCookie(response, COOKIE)).toBeNull();
  });
});

describe('POST /demo/command', () => {
  it('picks a track, records the ai hint with its reasoning, plays it, and reports the command', async () => {
    const before = playing(ADA);
    const response = await command({ userId: ADA, command: 'play something calm' });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { ok: boolean; trackUri: string; reasoning: string };
    expect(result.ok).toBe(true);
    expect(result.trackUri).not.toBe(before);
    expect(result.reasoning).toContain('"play something calm"');

    expect(playing(ADA)).toBe(result.trackUri);
    const played = h.demo.world.truthSince(0, ADA).filter((r) => r.cause === 'api' && r.kind === 'track');
    expect(played.map((r) => (r as { uri?: string }).uri)).toEqual([result.trackUri]);

    const [hint, ...more] = await h.stores.hints.live(ADA, h.clock.now());
    expect(more).toEqual([]);
    expect(hint).toMatchObject({
      source: 'ai',
      intent: DEMO_COMMAND_INTENT,
      expect: { trackUri: result.trackUri },
      reasoning: result.reasoning,
      isAIDiscovery: true,
    });
    expect(await events(ADA)).toEqual([
      expect.objectContaining({
        event: 'commandExecuted',
        data: expect.objectContaining({
          command: 'play something calm',
          intent: DEMO_COMMAND_INTENT,
          success: true,
          result: expect.objectContaining({ trackUri: result.trackUri }),
        }),
      }),
    ]);
  });

  it('picks a track that answers to the words of the command', async () => {
    const target = h.demo.world.catalog.tracks.find((t) => t.durationMs >= 60_000 && t.uri !== playing(ADA))!;
    const response = await command({ userId: ADA, command: `put on ${target.name}` });
    const result = (await response.json()) as { trackUri: string; reasoning: string };
    const picked = h.demo.world.catalog.item(result.trackUri) as CatalogTrack;
    const said = /fits "([^"]+)"/.exec(result.reasoning)?.[1];
    expect(said).toBeDefined();
    expect(target.name.toLowerCase().split(/\W+/)).toContain(said);
    expect(wordsOf(picked)).toContain(said);
  });

  it('plays the track it is given, as a choice the listener made', async () => {
    const target = h.demo.world.catalog.tracks.find((t) => t.uri !== playing(ADA))!;
    const response = await command({ userId: ADA, command: 'play this one', trackUri: target.uri });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { track: { name: string } }).track.name).toBe(target.name);
    expect(playing(ADA)).toBe(target.uri);
    const [hint] = await h.stores.hints.live(ADA, h.clock.now());
    expect(hint).toMatchObject({ expect: { trackUri: target.uri }, isAIDiscovery: false });
  });

  it('starts on the phone when nothing is active', async () => {
    h.demo.world.act(ADA, { kind: 'stop' });
    const response = await command({ userId: ADA, command: 'play anything' });
    expect(response.status).toBe(200);
    const state = h.demo.world.trueState(ADA);
    expect(activeDevice(state)?.type).toBe('Smartphone');
    expect(currentItem(state)?.uri).toBe(((await response.json()) as { trackUri: string }).trackUri);
  });

  it('withdraws the hint and reports the failure when Spotify refuses the play', async () => {
    h.demo.world.setFaults([{ kind: 'status', status: 503, match: { path: '/v1/me/player/play' } }]);
    const before = playing(ADA);
    const response = await command({ userId: ADA, command: 'play something calm' });
    expect(response.status).toBe(502);
    expect(playing(ADA)).toBe(before);
    expect(await h.stores.hints.live(ADA, h.clock.now())).toEqual([]);
    expect(await events(ADA)).toEqual([
      expect.objectContaining({
        event: 'commandExecuted',
        data: expect.objectContaining({ success: false, error: expect.stringContaining('503') }),
      }),
    ]);
  });

  it.each([
    ['an unknown listener', { userId: 'nobody', command: 'play' }, 404, 'No demo listener'],
    ['a track not in the catalog', { command: 'play', trackUri: 'spotify:track:0000' }, 404, 'No track'],
    ['no command', { command: ' ' }, 400, 'command: must be a non-empty string'],
    [
      'an episode URI',
      { command: 'play', trackUri: 'spotify:episode:1' },
      400,
      'trackUri: must be a track URI',
    ],
  ])('refuses %s, playing and recording nothing', async (_name, body, status, message) => {
    const before = playing(ADA);
    const response = await command({ userId: ADA, ...body });
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toContain(message);
    expect(playing(ADA)).toBe(before);
    expect(await h.stores.hints.live(ADA, h.clock.now())).toEqual([]);
    expect(await events(ADA)).toEqual([]);
  });
});

function wordsOf(track: CatalogTrack): string[] {
  return [track.name, track.album.name, ...track.artists.map((a) => a.name)]
    .join(' ')
    .toLowerCase()
    .split(/\W+/);
}
