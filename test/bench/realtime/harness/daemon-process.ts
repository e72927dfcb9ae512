import { Child, type ChildExit } from './child';
import { childEnv } from './child-env';
import { waitForHealthy } from './http';
import { distFile } from './paths';
import type { ProbeAnswer, ProbeRequest } from './process-probe';
import { fetchMetrics, type Sample } from './prometheus';

export type DaemonRole = 'worker' | 'web';

export interface DaemonSpec {
  role: DaemonRole;
  /** Unique within a run: the log file's name (and the worker's WORKER_ID). */
  name: string;
  /** The port of its /health and /metrics (PORT for web, WORKER_PORT for a worker). */
  port: number;
  env: Record<string, string>;
  logDir: string;
}

/**
 * Where each role says how it is: the worker's `/health` (200 ok, 503 degraded), the web process's
 * `/health/music` (200 healthy, 503 degraded, e.g. with no live worker yet).
 */
const HEALTH_PATH: Record<DaemonRole, string> = { worker: '/health', web: '/health/music' };

/**
 * A worker (`dist/daemon/worker.js`) or web process (`dist/daemon/web.js`) started as the Procfile would, with
 * the probe preloaded (memory after GC and CPU on request over IPC). `start` resolves once it answers its
 * health check: a worker with 200; a web process with 200 or 503 (degraded is still up: the load test runs
 * a gateway with no worker).
 */
export class DaemonProcess {
  private probeSequence = 0;
  private readonly waiting = new Map<number, (answer: ProbeAnswer) => void>();

  private constructor(
    readonly spec: DaemonSpec,
    readonly child: Child,
  ) {
    child.process.on('message', (message: ProbeAnswer) => {
      if (message?.probe !== 'usage' && message?.probe !== 'heap-snapshot') return;
      this.waiting.get(message.id)?.(message);
      this.waiting.delete(message.id);
    });
  }

  static async start(spec: DaemonSpec, healthTimeoutMs = 30_000): Promise<DaemonProcess> {
    const child = new Child({
      name: spec.name,
      script: distFile(`daemon/${spec.role}.js`),
      env: childEnv(spec.env),
      logDir: spec.logDir,
      nodeArgs: ['--expose-gc', '--require', distFile('test/bench/realtime/harness/process-probe.js')],
      ipc: true,
    });
    const daemon = new DaemonProcess(spec, child);
    try {
      const up = spec.role === 'web' ? [200, 503] : [200];
      await waitForHealthy(daemon.healthUrl, healthTimeoutMs, () => child.alive, up);
    } catch (error) {
      await child.stop(1000);
      throw new Error(`${spec.name} did not start: ${(error as Error).message}\n${child.tail()}`, {
        cause: error,
      });
    }
    return daemon;
  }

  get name(): string {
    return this.spec.name;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.spec.port}`;
  }

  get healthUrl(): string {
    return `${this.origin}${HEALTH_PATH[this.spec.role]}`;
  }

  get alive(): boolean {
    return this.child.alive;
  }

  async health(): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(this.healthUrl, { signal: AbortSignal.timeout(5000) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  metrics(): Promise<Sample[]> {
    return fetchMetrics(`${this.origin}/metrics`);
  }

  /** Memory (after a full GC unless `gc` is false) and CPU time, as the process itself reports them. */
  probe(gc = true, timeoutMs = 30_000): Promise<ProbeAnswer> {
    const id = ++this.probeSequence;
    return this.ask({ probe: 'usage', id, gc }, timeoutMs);
  }

  /** Has the process write a heap snapshot (after a full GC) to `path`. */
  heapSnapshot(path: string, timeoutMs = 120_000): Promise<ProbeAnswer> {
    return this.ask({ probe: 'heap-snapshot', id: ++this.probeSequence, path }, timeoutMs);
  }

  private ask(request: ProbeRequest, timeoutMs: number): Promise<ProbeAnswer> {
    const { id } = request;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${this.name}: no probe answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.child.send(request);
    });
  }

  kill(signal: NodeJS.Signals): Promise<ChildExit> {
    return this.child.kill(signal);
  }

  stop(graceMs?: number): Promise<ChildExit> {
    return this.child.stop(graceMs);
  }
}
