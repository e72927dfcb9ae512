import { writeHeapSnapshot } from 'node:v8';

/**
 * Preloaded into the daemon processes the benchmarks start (`node --expose-gc --require process-probe.js …`):
 * over the IPC channel, `{probe: 'usage'}` answers with this process's memory after a full GC and its CPU time
 * so far, and `{probe: 'heap-snapshot', path}` writes a heap snapshot there (to find what a soak's heap
 * growth is made of). The daemon code stays untouched; without an IPC channel this does nothing.
 */
export type ProbeRequest =
  | {
      probe: 'usage';
      /** Echoed back, to pair answers with requests. */
      id: number;
      /** Run a full GC first (needs --expose-gc). Default true. */
      gc?: boolean;
    }
  | { probe: 'heap-snapshot'; id: number; path: string };

export interface ProbeAnswer {
  probe: 'usage' | 'heap-snapshot';
  id: number;
  gc: boolean;
  memory: NodeJS.MemoryUsage;
  cpu: NodeJS.CpuUsage;
  /** The wall-clock instant of the answer (ms since the epoch, sub-ms). */
  at: number;
  /** Where the snapshot went (heap-snapshot only). */
  path?: string;
}

function isProbeRequest(message: unknown): message is ProbeRequest {
  const probe = typeof message === 'object' && message !== null ? (message as ProbeRequest).probe : null;
  return probe === 'usage' || probe === 'heap-snapshot';
}

if (typeof process.send === 'function') {
  process.on('message', (message: unknown) => {
    if (!isProbeRequest(message)) return;
    const gc = (globalThis as { gc?: () => void }).gc;
    const collected = (message.probe === 'heap-snapshot' || message.gc !== false) && typeof gc === 'function';
    if (collected) gc();
    const answer: ProbeAnswer = {
      probe: message.probe,
      id: message.id,
      gc: collected,
      memory: process.memoryUsage(),
      cpu: process.cpuUsage(),
      at: performance.timeOrigin + performance.now(),
    };
    if (message.probe === 'heap-snapshot') answer.path = writeHeapSnapshot(message.path);
    process.send?.(answer);
  });
  // The channel must not keep a daemon alive that is shutting down.
  process.channel?.unref();
}
