import { benchEvent } from './bench-events';
import { HostApp } from './harness/host-app';
import type { DaemonProcess } from './harness/daemon-process';
import { sampleValue } from './harness/prometheus';
import type { ProbeAnswer } from './harness/process-probe';
import { Stack } from './harness/stack';
import { sleep, wallNow } from './harness/wall-clock';
import { LoadGenerator } from './load-generator/load-generator';
import type { OpenAnswer, SocketPlan } from './load-generator/protocol';
import { kib, mib, ms, p50p99, summarize, type Row, type Summary } from './summary';

export interface LoadOptions {
  /** Sockets the one gateway is to hold, probe included. Default 10 000. */
  sockets?: number;
  /** Load-generator children for the sockets outside the probe. Default 4. */
  generators?: number;
  /** Probe sockets, one per user, in a child of their own. Default 200. */
  probeSockets?: number;
  /** Fan-out rounds (one event per probe user each). Default 20. */
  probeRounds?: number;
  /** Sockets per user outside the probe (WEBSOCKET_MUSIC_MAX_CONNECTIONS_PER_USER is 5). Default 5. */
  socketsPerUser?: number;
  /** Handshakes in flight per child. Default 100. */
  concurrency?: number;
}

export interface MemoryPoint {
  /** From the process itself, after a full GC (the probe). */
  rss: number;
  heapUsed: number;
  /** From its /metrics (prom-client's default metrics, no GC forced). */
  metricsRss: number;
  metricsHeapUsed: number;
}

export interface GeneratorCpu {
  name: string;
  sockets: number;
  /** CPU (user + system) spent opening and subscribing its sockets, ms. */
  connectCpuMs: number;
  /** CPU while the sockets were held and the probe ran, ms. */
  holdCpuMs: number;
  openFileLimit: number | null;
}

export interface LoadFigures {
  socketsRequested: number;
  socketsConnected: number;
  failures: Record<string, number>;
  /** The hard file limit the script raised the children's soft limit to, and the gateway's soft limit. */
  fileLimits: { gateway: number | null; generators: Array<number | null> };
  /** Per socket: `io()` → connected, and connected → subscribe ack, under `concurrency` handshakes per child. */
  connect: Summary;
  subscribe: Summary;
  /** First `io()` → the last socket subscribed. */
  connectAllMs: number;
  gatewayMemory: { before: MemoryPoint; after: MemoryPoint };
  /** (after − before) / sockets connected. */
  bytesPerSocket: { rss: number; heapUsed: number };
  /** Gateway CPU during the connect phase, ms. */
  gatewayConnectCpuMs: number;
  /** Publish call → arrival, over every probe socket of every round. */
  fanOut: Summary;
  /** Of which: the publish call (stream append, latest state, PUBLISH answered) among the round's 200. */
  publishCall: Summary;
  /** And the publish resolved → arrival: Redis to the gateway's adapter, the socket write, the client. */
  emittedToArrival: Summary;
  /** Per round: first publish → last of the probe's arrivals. */
  roundCompletion: Summary;
  fanOutLost: number;
  /**
   * CPU per probe event during the fan-out rounds, by process: this process publishing (stream append,
   * latest state, emit), redis-server, the gateway, the probe's client. The probe's own bookkeeping (IPC, the
   * payload digest) is in `client` and `publisher`.
   */
  fanOutCpuUsPerEvent: { publisher: number; redis: number; gateway: number; client: number };
  generatorCpu: GeneratorCpu[];
}

/**
 * One gateway process holding `sockets` sockets opened by load-generator children on loopback (their file
 * limit raised to the hard limit by the spawn script), then a fan-out probe: each round publishes one event per
 * probe user through the worker's Publisher and times its arrival at each probe socket.
 */
export async function measureLoad(options: LoadOptions = {}): Promise<LoadFigures> {
  const total = options.sockets ?? 10_000;
  const probeCount = options.probeSockets ?? 200;
  const generatorCount = options.generators ?? 4;
  const perUser = options.socketsPerUser ?? 5;
  const rounds = options.probeRounds ?? 20;
  const concurrency = options.concurrency ?? 100;
  const stack = await Stack.start({ name: 'load' });
  const host = new HostApp({ redisUrl: stack.redis.url, eventsPerMinute: 1_000_000_000 });
  const background = Array.from({ length: generatorCount }, (_, index) =>
    LoadGenerator.start(`load-sockets-${index + 1}`, stack.logDir),
  );
  const probe = LoadGenerator.start('load-probe', stack.logDir);
  const generators = [...background, probe];
  try {
    const web = await stack.startWeb('load-web');
    const probeUsers = Array.from({ length: probeCount }, (_, index) => `probe-${index}`);
    const backgroundSockets = total - probeCount;
    const backgroundUsers = Array.from(
      { length: Math.ceil(backgroundSockets / perUser) },
      (_, i) => `load-${i}`,
    );
    const probeSessions = await stack.accounts.createSessions(probeUsers);
    const backgroundSessions = await stack.accounts.createSessions(backgroundUsers);
    const plans: SocketPlan[][] = background.map(() => []);
    for (let i = 0; i < backgroundSockets; i++) {
      const user = Math.floor(i / perUser);
      plans[i % generatorCount]?.push({
        userId: backgroundUsers[user] as string,
        sessionId: backgroundSessions[user] as string,
      });
    }
    await sleep(2000);
    const before = await memoryOf(web);
    const cpuStart = await Promise.all(generators.map((generator) => generator.usage()));
    const gatewayCpuStart = await web.probe(false);

    const started = wallNow();
    const open = (generator: LoadGenerator, sockets: SocketPlan[]) =>
      generator.open({
        url: web.origin,
        sockets,
        concurrency,
        client: 'raw',
        subscribe: true,
        reconnect: false,
        record: true,
      });
    const opened: OpenAnswer[] = await Promise.all([
      ...background.map((generator, index) => open(generator, plans[index] as SocketPlan[])),
      open(
        probe,
        probeUsers.map((userId, index) => ({ userId, sessionId: probeSessions[index] as string })),
      ),
    ]);
    const connectAllMs = wallNow() - started;
    const cpuConnected = await Promise.all(generators.map((generator) => generator.usage()));
    const gatewayCpuConnected = await web.probe(false);
    await sleep(3000);
    const after = await memoryOf(web);
    const connected = (await Promise.all(generators.map((generator) => generator.state()))).flat();
    const socketsConnected = connected.filter((socket) => socket.connected).length;

    const probeCpuBefore = {
      publisher: process.cpuUsage(),
      redis: await redisCpuMs(host),
      gateway: await web.probe(false),
      client: await probe.usage(),
    };
    const { fanOut, publishCall, emittedToArrival, roundCompletion, lost } = await runProbe(
      host,
      probe,
      probeUsers,
      rounds,
    );
    const cpuEnd = await Promise.all(generators.map((generator) => generator.usage()));
    const probeEvents = rounds * probeCount;
    const perEvent = (ms: number) => (ms * 1000) / probeEvents;
    const publisherCpu = process.cpuUsage(probeCpuBefore.publisher);
    const fanOutCpuUsPerEvent = {
      publisher: perEvent((publisherCpu.user + publisherCpu.system) / 1000),
      redis: perEvent((await redisCpuMs(host)) - probeCpuBefore.redis),
      gateway: perEvent(cpuDeltaMs(probeCpuBefore.gateway, await web.probe(false))),
      client: perEvent(
        cpuMs(cpuEnd[cpuEnd.length - 1] as { cpu: NodeJS.CpuUsage }) - cpuMs(probeCpuBefore.client),
      ),
    };

    const failures: Record<string, number> = {};
    for (const answer of opened)
      for (const [reason, count] of Object.entries(answer.failures))
        failures[reason] = (failures[reason] ?? 0) + count;
    return {
      socketsRequested: total,
      socketsConnected,
      failures,
      fileLimits: {
        gateway: web.child.openFileLimit(),
        generators: cpuStart.map((usage) => usage.openFileLimit),
      },
      connect: summarize(opened.flatMap((answer) => answer.connectMs)),
      subscribe: summarize(opened.flatMap((answer) => answer.subscribeMs)),
      connectAllMs,
      gatewayMemory: { before, after },
      bytesPerSocket: {
        rss: (after.rss - before.rss) / socketsConnected,
        heapUsed: (after.heapUsed - before.heapUsed) / socketsConnected,
      },
      gatewayConnectCpuMs: cpuDeltaMs(gatewayCpuStart, gatewayCpuConnected),
      fanOut,
      publishCall,
      emittedToArrival,
      roundCompletion,
      fanOutLost: lost,
      fanOutCpuUsPerEvent,
      generatorCpu: generators.map((generator, index) => ({
        name: generator.child.spec.name,
        sockets: index < background.length ? (plans[index]?.length ?? 0) : probeCount,
        connectCpuMs:
          cpuMs(cpuConnected[index] as { cpu: NodeJS.CpuUsage }) -
          cpuMs(cpuStart[index] as { cpu: NodeJS.CpuUsage }),
        holdCpuMs:
          cpuMs(cpuEnd[index] as { cpu: NodeJS.CpuUsage }) -
          cpuMs(cpuConnected[index] as { cpu: NodeJS.CpuUsage }),
        openFileLimit: cpuStart[index]?.openFileLimit ?? null,
      })),
    };
  } finally {
    await Promise.all(generators.map((generator) => generator.close()));
    await host.close();
    await stack.close();
  }
}

/** Rounds of one event per probe user, published together; each round waits for its arrivals (or 5 s). */
async function runProbe(
  host: HostApp,
  probe: LoadGenerator,
  userIds: readonly string[],
  rounds: number,
): Promise<{
  fanOut: Summary;
  publishCall: Summary;
  emittedToArrival: Summary;
  roundCompletion: Summary;
  lost: number;
}> {
  await probe.arrivals();
  const latencies: number[] = [];
  const publishCalls: number[] = [];
  const afterEmit: number[] = [];
  const completions: number[] = [];
  let lost = 0;
  let sequence = 0;
  for (let round = 0; round < rounds; round++) {
    const deliveredBefore = await probe.delivered();
    const firstPublish = wallNow();
    const emittedAt = new Map<string, number>();
    await Promise.all(
      userIds.map((userId) => {
        const event = benchEvent(sequence++);
        return host.publisher.publish(userId, [event]).then(() => {
          emittedAt.set(userId, wallNow());
          publishCalls.push(wallNow() - event.data.timestamp);
        });
      }),
    );
    const deadline = performance.now() + 5000;
    while ((await probe.delivered()) - deliveredBefore < userIds.length && performance.now() < deadline) {
      await sleep(5);
    }
    const arrivals = await probe.arrivals();
    lost += Math.max(0, userIds.length - arrivals.length);
    for (const arrival of arrivals) {
      latencies.push(arrival[3] - arrival[4]);
      afterEmit.push(arrival[3] - (emittedAt.get(userIds[arrival[0]] as string) ?? Number.NaN));
    }
    if (arrivals.length > 0)
      completions.push(Math.max(...arrivals.map((arrival) => arrival[3])) - firstPublish);
    await sleep(200);
  }
  return {
    fanOut: summarize(latencies),
    publishCall: summarize(publishCalls),
    emittedToArrival: summarize(afterEmit),
    roundCompletion: summarize(completions),
    lost,
  };
}

function cpuMs(usage: { cpu: NodeJS.CpuUsage }): number {
  return (usage.cpu.user + usage.cpu.system) / 1000;
}

/** redis-server's CPU time so far (INFO cpu), ms. */
async function redisCpuMs(host: HostApp): Promise<number> {
  const info = await host.redis.info('cpu');
  const seconds = (name: string) =>
    Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  return (seconds('used_cpu_user') + seconds('used_cpu_sys')) * 1000;
}

async function memoryOf(web: DaemonProcess): Promise<MemoryPoint> {
  const probed = await web.probe(true);
  const metrics = await web.metrics();
  return {
    rss: probed.memory.rss,
    heapUsed: probed.memory.heapUsed,
    metricsRss: sampleValue(metrics, 'process_resident_memory_bytes'),
    metricsHeapUsed: sampleValue(metrics, 'nodejs_heap_size_used_bytes'),
  };
}

function cpuDeltaMs(before: ProbeAnswer, after: ProbeAnswer): number {
  return (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000;
}

export function loadRows(figures: LoadFigures): Row[] {
  const n = figures.socketsConnected.toLocaleString('en-US');
  const generatorSockets = figures.generatorCpu.reduce((sum, generator) => sum + generator.sockets, 0);
  const connectCpu = figures.generatorCpu.reduce((sum, generator) => sum + generator.connectCpuMs, 0);
  const holdCpu = figures.generatorCpu.reduce((sum, generator) => sum + generator.holdCpuMs, 0);
  const failed = Object.entries(figures.failures)
    .map(([reason, count]) => `${count} ${reason}`)
    .join(', ');
  return [
    [
      'gateway: sockets held (connected and subscribed)',
      `${n} of ${figures.socketsRequested.toLocaleString('en-US')}${failed ? ` (failed: ${failed})` : ''}`,
      '10,000',
    ],
    ['gateway: connect time per socket, p50 / p99', p50p99(figures.connect), ''],
    ['gateway: subscribe ack after connect, p50 / p99', p50p99(figures.subscribe), ''],
    ['gateway: all sockets connected and subscribed in', ms(figures.connectAllMs), ''],
    [
      'gateway: memory per socket, RSS / heap (after GC)',
      `${kib(figures.bytesPerSocket.rss)} / ${kib(figures.bytesPerSocket.heapUsed)}`,
      '',
    ],
    [
      'gateway: memory per socket, RSS / heap (its /metrics, no GC forced)',
      `${kib((figures.gatewayMemory.after.metricsRss - figures.gatewayMemory.before.metricsRss) / figures.socketsConnected)} / ${kib((figures.gatewayMemory.after.metricsHeapUsed - figures.gatewayMemory.before.metricsHeapUsed) / figures.socketsConnected)}`,
      '',
    ],
    [
      `gateway: RSS before → with ${n} sockets`,
      `${mib(figures.gatewayMemory.before.rss)} → ${mib(figures.gatewayMemory.after.rss)}`,
      '',
    ],
    ['gateway: CPU while the sockets connected', ms(figures.gatewayConnectCpuMs), ''],
    ['fan-out, probe of 200 sockets: publish → socket, p50 / p99', p50p99(figures.fanOut), 'p99 ≤ 50 ms'],
    ['fan-out: of which the publish call (200 at once), p50 / p99', p50p99(figures.publishCall), ''],
    ['fan-out: of which publish resolved → socket, p50 / p99', p50p99(figures.emittedToArrival), ''],
    [
      'fan-out: round (200 events) first publish → last arrival, p50 / p99',
      p50p99(figures.roundCompletion),
      '',
    ],
    ['fan-out: events lost', String(figures.fanOutLost), '0'],
    [
      'fan-out: CPU per event, publisher / Redis / gateway / client',
      Object.values(figures.fanOutCpuUsPerEvent)
        .map((us) => `${us.toFixed(0)} µs`)
        .join(' / '),
      '',
    ],
    [
      `load generators: CPU opening ${generatorSockets.toLocaleString('en-US')} sockets / holding them`,
      `${(connectCpu / 1000).toFixed(1)} s (${((connectCpu * 1000) / generatorSockets).toFixed(0)} µs per socket) / ${(holdCpu / 1000).toFixed(1)} s`,
      '',
    ],
  ];
}
