import { runProcess } from '../lib/app/run-process';
import { startWorkerProcess, workerConfigProblem } from '../lib/worker/worker-process';

/**
 * The `worker:` process: polls the active listeners it holds leases for and publishes their events through
 * Redis. SIGTERM stops scheduling, finishes in-flight polls, releases the leases and quits Redis.
 */
runProcess({ name: 'worker', problem: workerConfigProblem, start: startWorkerProcess });
