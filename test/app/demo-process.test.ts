import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MusicEvent } from '../../lib/contract/events';
import { MusicClient } from '../../lib/client';
import { startSingleProcess, type RunningSingleProcess } from '../../lib/app/single-process';
import { loadConfig } from '../../lib/config';
import { createLogger } from '../../lib/log/logger';

/** `npm start` with nothing configured, on a free port: the demo, end to end over HTTP and Socket.IO. */
describe('npm start: the demo', () => {
  let running: RunningSingleProcess;
  let base: string;
  const clients: MusicClient[] = [];

  beforeAll(async () => {
    const config = loadConfig({ PORT: '0', LOG_LEVEL: 'error' });
    running = await startSingleProcess(
      config,
      createLogger({ level: 'error', service: 'test', silent: true }),
    );
    base = `http://127.0.0.1:${running.port}`;
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await running.stop();
  });

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function signIn(userId: string): Promise<{ sessionId: string; events: MusicEvent[] }> {
    const login = await post('/demo/login', { userId });
    expect(login.status).toBe(200);
    const sessionId = login.body.sessionId as string;
    const client = new MusicClient({ url: base, sessionId, socketOptions: { transports: ['websocket'] } });
    clients.push(client);
    const events: MusicEvent[] = [];
    client.onAny((event) => events.push(event));
    await new Promise<void>((resolve) => {
      const stop = client.onStateChange((state) => {
        if (state.status === 'connected') {
          stop();
          resolve();
        }
      });
    });
    // The worker's first poll of a listener is the baseline; changes are events from then on.
    const deadline = performance.now() + 10_000;
    for (;;) {
      const sync = await client.requestPlaybackSync();
      if ('playbackState' in sync && sync.playbackState !== null) break;
      if (performance.now() > deadline) throw new Error(`${userId} was never polled`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return { sessionId, events };
  }

  async function until<T>(find: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('says what it is and lists the demo listeners', async () => {
    expect(await (await fetch(`${base}/api/mode`)).json()).toEqual({ mode: 'demo' });
    const listeners = (await (await fetch(`${base}/demo/listeners`)).json()) as Array<{ userId: string }>;
    expect(listeners.map((listener) => listener.userId)).toEqual(
      running.demo?.listeners.map((l) => l.userId),
    );
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
  });

  it('an AI command arrives as an ai trackChanged with its reasoning, after the commandExecuted report', async () => {
    const { events } = await signIn('ada');
    const command = await post('/demo/command', { userId: 'ada', command: 'play something calm' });
    expect(command.status).toBe(200);
    const trackUri = command.body.trackUri as string;
    const change = await until(
      () => events.find((event) => event.event === 'trackChanged' && event.data.current.uri === trackUri),
      'the trackChanged of the AI command',
    );
    expect(change.data).toMatchObject({ source: 'ai', reasoning: command.body.reasoning });
    expect(events.some((event) => event.event === 'commandExecuted' && event.data.success)).toBe(true);
  });

  it('a control press comes back as a user event', async () => {
    const { sessionId, events } = await signIn('ben');
    // Ben's own app holds still meanwhile, so the only change is the press.
    running.demo?.world.setActor('ben', false);
    const state = await until(() => running.demo?.world.trueState('ben'), 'the simulator state of ben');
    const action = state.isPlaying ? 'pause' : 'play';
    const press = await post(`/api/control/${action}`, {}, { 'x-session-id': sessionId });
    expect(press).toEqual({ status: 200, body: { ok: true } });
    const seen = await until(
      () =>
        events.find(
          (event) =>
            event.event === 'playbackStateChanged' &&
            event.data.source === 'user' &&
            event.data.isPlaying === !state.isPlaying,
        ),
      `the user's ${action}`,
    );
    expect(seen.data.source).toBe('user');
    // The press itself reached the simulated Spotify (the listener's own app acts without the Web API).
    const counts = running.demo?.world.countsSnapshot().byListener.ben ?? {};
    expect(counts[`PUT /v1/me/player/${action}`]).toBe(1);
  });

  it('the ops overview shows the subscribed listeners with their cadence', async () => {
    await signIn('clara');
    const read = async () =>
      (await (
        await fetch(`${base}/api/ops/overview`, {
          headers: { authorization: `Bearer ${running.adminToken}` },
        })
      ).json()) as { users: Array<{ userId: string; cadenceMs: number | null; worker: string | null }> };
    let users: Array<{ userId: string; cadenceMs: number | null; worker: string | null }> = [];
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline) {
      users = (await read()).users;
      if (users.some((user) => user.userId === 'clara' && user.cadenceMs !== null)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const clara = users.find((user) => user.userId === 'clara');
    expect(clara?.cadenceMs).toBeGreaterThan(0);
    expect(clara?.worker).not.toBeNull();
    const refused = await fetch(`${base}/api/ops/overview`, { headers: { authorization: 'Bearer wrong' } });
    expect(refused.status).toBe(403);
  });

  it('the README’s socket.io-client example works as written', async () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const example = /```js\n(\/\/ client\.mjs[\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    const dir = mkdtempSync(join(tmpdir(), 'readme-client-'));
    try {
      symlinkSync(join(__dirname, '..', '..', 'node_modules'), join(dir, 'node_modules'));
      writeFileSync(join(dir, 'client.mjs'), example as string);
      const child = spawn(process.execPath, ['client.mjs'], {
        cwd: dir,
        env: { PATH: process.env.PATH, MUSIC_URL: base }, // eslint-disable-line no-restricted-syntax
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await until(
        () => (/^now \S/m.test(output) ? true : undefined),
        `the example's output (so far: ${output})`,
      );
      child.kill();
      expect(output).toMatch(/subscribed \{ status: 'subscribed', replayed: 0 \}/);
      expect(output).not.toMatch(/refused|Error/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
