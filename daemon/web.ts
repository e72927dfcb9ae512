import { runProcess } from '../lib/app/run-process';
import { startWebProcess, webConfigProblem } from '../lib/app/web-process';

/**
 * The `web:` process: the `/music` gateway, the web client, the control routes, sign-in, health and metrics,
 * sharing everything with the workers and the other web processes through Redis. SIGTERM stops accepting, tells
 * every socket why and closes it, closes the adapter and quits Redis.
 */
runProcess({ name: 'web', problem: webConfigProblem, start: startWebProcess });
