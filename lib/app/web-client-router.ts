import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from './project-root';

/**
 * The web client and the ops page: the pages and styles from `web/public` at `/`, the bundles esbuild wrote to
 * `dist/web` at `/assets` (`npm run build` makes them), and socket.io-client is served by Socket.IO itself.
 */
export function webClientRouter(root: string = projectRoot()): Router {
  const router = express.Router();
  const bundles = join(root, 'dist', 'web');
  router.use(express.static(join(root, 'web', 'public'), { index: 'index.html', maxAge: 0 }));
  router.use('/assets', express.static(bundles, { fallthrough: true, maxAge: 0 }));
  router.get('/assets/:file', (_req, res) => {
    const built = existsSync(bundles);
    res
      .status(404)
      .type('text/plain')
      .send(
        built ? 'No such bundle.' : 'The web client is not built: run `npm run build` (npm start does it).',
      );
  });
  return router;
}
