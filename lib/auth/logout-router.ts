import express, { type RequestHandler, type Router } from 'express';
import { requireSession } from './session-fields';

/**
 * `POST /auth/logout`: the session destroyed and its cookie cleared, then a redirect (303) to `/`. Mounted by the
 * sign-in router, and on its own in the demo (whose sessions come from `/demo/login`).
 */
export function logoutRouter(session: RequestHandler, cookieName: string): Router {
  const router = express.Router();
  router.post('/auth/logout', session, async (req, res) => {
    const current = requireSession(req);
    await new Promise<void>((resolve, reject) =>
      current.destroy((error) => (error ? reject(error) : resolve())),
    );
    res.clearCookie(cookieName, { path: '/' });
    res.redirect(303, '/');
  });
  return router;
}
