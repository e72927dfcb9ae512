import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { Redis } from 'ioredis';
import {
  createSessionStore,
  sessionMiddleware,
  StoreSessionResolver,
  type SessionStore,
} from '../../lib/session';
import { deleteKeys, uniquePrefix } from '../store/redis-fixture';
import { testRedisUrl } from '../support/redis-url';

const SECRET = 'middleware-secret';
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** A web app's sign-in routes on express-session, as /demo/login and /auth/callback use it. */
async function startApp(store: SessionStore): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use(sessionMiddleware(store, { secret: SECRET, cookieName: 'music.sid', maxAgeMs: MAX_AGE_MS }));
  app.post('/login/:user', (req, res) => {
    (req.session as unknown as Record<string, unknown>).userId = req.params.user;
    req.session.save(() => res.json({ sid: req.sessionID }));
  });
  app.post('/logout', (req, res) => req.session.destroy(() => res.end()));
  app.get('/page', (_req, res) => res.end('ok'));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe.each(['memory', 'Redis'] as const)(
  'sign-in sessions in %s, read back by the resolver',
  (backend) => {
    const prefix = uniquePrefix('test-session');
    let redis: Redis | null;
    let store: SessionStore;
    let app: { url: string; server: Server };
    let resolver: StoreSessionResolver;

    beforeEach(async () => {
      redis = backend === 'Redis' ? new Redis(testRedisUrl()) : null;
      store = createSessionStore(redis, `${prefix}sess:`);
      app = await startApp(store);
      resolver = new StoreSessionResolver(store, { secret: SECRET, cookieName: 'music.sid' });
    });

    afterEach(async () => {
      await new Promise((resolve) => app.server.close(resolve));
      if (redis) {
        await deleteKeys(redis, prefix);
        await redis.quit();
      }
    });

    async function login(userId: string): Promise<{ sid: string; cookie: string; setCookie: string }> {
      const response = await fetch(`${app.url}/login/${userId}`, { method: 'POST' });
      const setCookie = response.headers.get('set-cookie') ?? '';
      const { sid } = (await response.json()) as { sid: string };
      return { sid, setCookie, cookie: setCookie.split(';')[0]! };
    }

    it('signs a listener in with an HttpOnly, SameSite=Lax cookie the resolver accepts, as it does the id', async () => {
      const { sid, cookie, setCookie } = await login('u1');
      expect(setCookie).toMatch(/^music\.sid=s%3A/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Lax/);
      expect(setCookie).toMatch(/Expires=/);
      expect(setCookie).not.toMatch(/Secure/);
      await expect(resolver.resolve({ cookieHeader: `other=1; ${cookie}` })).resolves.toEqual({
        status: 'ok',
        userId: 'u1',
      });
      await expect(resolver.resolve({ sessionId: sid })).resolves.toEqual({ status: 'ok', userId: 'u1' });
    });

    it('stores nothing for a visitor who never signs in, and keeps the first expiry (no rolling)', async () => {
      const visit = await fetch(`${app.url}/page`);
      expect(visit.headers.get('set-cookie')).toBeNull();
      const { cookie } = await login('u1');
      const again = await fetch(`${app.url}/page`, { headers: { cookie } });
      expect(again.headers.get('set-cookie')).toBeNull();
    });

    it('forgets a signed-out session', async () => {
      const { sid, cookie } = await login('u1');
      await fetch(`${app.url}/logout`, { method: 'POST', headers: { cookie } });
      await expect(resolver.resolve({ sessionId: sid })).resolves.toMatchObject({
        status: 'refused',
        code: 'unauthenticated',
      });
    });

    if (backend === 'Redis') {
      it("keeps the session in connect-redis' format: JSON under prefix + id, expiring with the cookie", async () => {
        const { sid } = await login('u1');
        const key = `${prefix}sess:${sid}`;
        const record = JSON.parse((await redis!.get(key)) as string) as Record<string, unknown>;
        expect(record).toEqual({
          userId: 'u1',
          cookie: expect.objectContaining({ httpOnly: true, sameSite: 'lax', originalMaxAge: MAX_AGE_MS }),
        });
        const ttl = await redis!.ttl(key);
        expect(ttl).toBeGreaterThan(MAX_AGE_MS / 1000 - 60);
        expect(ttl).toBeLessThanOrEqual(MAX_AGE_MS / 1000);
      });
    }
  },
);
