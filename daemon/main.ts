import { runProcess } from '../lib/app/run-process';
import { singleProcessConfigProblem, startSingleProcess } from '../lib/app/single-process';
import { startBanner } from '../lib/app/start-banner';

/**
 * `npm start`: the worker and the web side in one process. With nothing configured, the demo (the simulator
 * embedded, a few listeners whose Spotify app keeps doing things); with Spotify credentials, a single-node
 * deployment. SIGTERM or SIGINT stop it gracefully.
 */
runProcess({
  name: 'start',
  problem: singleProcessConfigProblem,
  start: startSingleProcess,
  banner: (config, running) => startBanner(config, running.port, running.demo, running.adminToken),
});
