import nock from 'nock';
import { startSimulatorServer, type RunningSimulator } from '../../lib/simulator/http/server';
import { SimWorld, type ListenerCredentials } from '../../lib/simulator/world';
import { SpotifyAccountsClient } from '../../lib/spotify/spotify-accounts-client';
import { SpotifyApiClient } from '../../lib/spotify/spotify-api-client';
import { SpotifyInvalidGrantError } from '../../lib/spotify/spotify-invalid-grant-error';
import { SpotifyUnauthorizedError } from '../../lib/spotify/spotify-unauthorized-error';
import { VirtualClock } from '../../lib/time/virtual-clock';

/**
 * The adapter against the simulator over real loopback HTTP: every method, the sign-in and refresh flow, and
 * the failures the simulator produces on purpose. The world runs on a VirtualClock that is never advanced, so
 * nothing changes between a command and the read that checks it; the adapter keeps the system clock, so its
 * timeout stays real.
 */

const PHONE = 'phone0000000000000000000000000000000000a';
const LAPTOP = 'laptop00000000000000000000000000000000b';
const REDIRECT = 'http://127.0.0.1/callback';

let simulator: RunningSimulator;
let world: SimWorld;
let listener: ListenerCredentials;
let api: SpotifyApiClient;
let accounts: SpotifyAccountsClient;

beforeAll(async () => {
  // Real HTTP to the loopback simulator only: anything else would fail instead of leaving the machine.
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  world = new SimWorld(new VirtualClock(), {
    consistency: { minMs: 0, maxMs: 0 },
    clientId: 'sim-client',
    clientSecret: 'sim-secret',
  });
  listener = world.addListener({
    actor: false,
    initial: 'playing',
    devices: [
      { id: PHONE, name: 'Phone', type: 'Smartphone', volume: 50 },
      { id: LAPTOP, name: 'Laptop', type: 'Computer', volume: 70 },
    ],
  });
  simulator = await startSimulatorServer(world);
  api = new SpotifyApiClient({ apiUrl: simulator.apiUrl });
  accounts = new SpotifyAccountsClient(
    { clientId: 'sim-client', clientSecret: 'sim-secret' },
    { accountsUrl: simulator.accountsUrl },
  );
});

afterAll(async () => {
  await simulator.close();
  nock.enableNetConnect();
});

interface PlayerBody {
  is_playing: boolean;
  progress_ms: number;
  shuffle_state: boolean;
  repeat_state: string;
  item: { uri: string } | null;
  device: { id: string; volume_percent: number };
}

async function player(): Promise<PlayerBody> {
  const { status, body } = await api.getPlayer(listener.accessToken);
  expect(status).toBe(200);
  return body as PlayerBody;
}

async function upcomingUris(): Promise<string[]> {
  const { body } = await api.getQueue(listener.accessToken);
  return (body as { queue: Array<{ uri: string }> }).queue.map((item) => item.uri);
}

describe('the adapter against the simulator', () => {
  it('reads: player, currently playing, queue, devices, recently played, profile', async () => {
    const token = listener.accessToken;
    const reads = await Promise.all([
      api.getPlayer(token),
      api.getCurrentlyPlaying(token),
      api.getQueue(token),
      api.getDevices(token),
      api.getRecentlyPlayed(token, { limit: 5 }),
      api.getMe(token),
    ]);
    expect(reads.map((read) => read.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const [playerRead, current, queue, devices, recent, me] = reads.map(
      (read) => read.body as Record<string, unknown>,
    );
    expect(playerRead).toMatchObject({ is_playing: true, device: { id: PHONE } });
    expect(current).toMatchObject({ item: { uri: (playerRead?.item as { uri: string }).uri } });
    expect(queue).toMatchObject({ queue: expect.any(Array) });
    expect((devices?.devices as Array<{ id: string }>).map((device) => device.id).sort()).toEqual([
      LAPTOP,
      PHONE,
    ]);
    expect(recent).toMatchObject({ items: expect.any(Array) });
    expect(me).toMatchObject({ id: listener.id });
  });

  it('commands, each checked by the next read', async () => {
    const token = listener.accessToken;

    await api.pause(token);
    expect((await player()).is_playing).toBe(false);
    await api.play(token);
    expect((await player()).is_playing).toBe(true);

    await api.setVolume(token, 30);
    expect((await player()).device.volume_percent).toBe(30);
    await api.setShuffle(token, true);
    expect((await player()).shuffle_state).toBe(true);
    await api.setRepeat(token, 'context');
    expect((await player()).repeat_state).toBe('context');
    await api.seek(token, 10_000);
    expect((await player()).progress_ms).toBe(10_000);

    const [head] = await upcomingUris();
    await api.next(token);
    expect((await player()).item?.uri).toBe(head);
    await expect(api.previous(token)).resolves.toMatchObject({ status: 204 });

    const [first, second] = await upcomingUris();
    await api.play(token, { uris: [second as string, first as string], positionMs: 0 });
    expect((await player()).item?.uri).toBe(second);
    await api.addToQueue(token, first as string);
    expect((await upcomingUris())[0]).toBe(first);

    await api.transfer(token, LAPTOP, { play: true });
    expect((await player()).device.id).toBe(LAPTOP);
  });

  it('204 for a listener without an active device', async () => {
    const idle = world.addListener({ actor: false, initial: 'idle' });
    await expect(api.getPlayer(idle.accessToken)).resolves.toMatchObject({ status: 204, body: undefined });
  });

  it('401 for an expired access token', async () => {
    const other = world.addListener({ actor: false });
    world.expireTokens(other.id);
    await expect(api.getPlayer(other.accessToken)).rejects.toBeInstanceOf(SpotifyUnauthorizedError);
  });

  it('sign-in: authorize, exchange the code, refresh', async () => {
    const authorize = await fetch(accounts.authorizeUrl(['user-read-playback-state'], 'state-1', REDIRECT), {
      redirect: 'manual',
    });
    expect(authorize.status).toBe(302);
    const callback = new URL(authorize.headers.get('location') ?? '');
    expect(callback.searchParams.get('state')).toBe('state-1');

    const signIn = await accounts.exchangeCode(callback.searchParams.get('code') ?? '', REDIRECT);
    expect(signIn).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
    expect(signIn.expiresIn).toBeGreaterThan(0);
    await expect(api.getMe(signIn.accessToken)).resolves.toMatchObject({ status: 200 });

    const refreshed = await accounts.refresh(signIn.refreshToken);
    expect(refreshed.accessToken).not.toBe(signIn.accessToken);
    await expect(api.getMe(refreshed.accessToken)).resolves.toMatchObject({ status: 200 });
  });

  it('invalid_grant for a revoked refresh token', async () => {
    const revoked = world.addListener({ actor: false });
    world.revokeTokens(revoked.id);
    await expect(accounts.refresh(revoked.refreshToken)).rejects.toBeInstanceOf(SpotifyInvalidGrantError);
  });
});
