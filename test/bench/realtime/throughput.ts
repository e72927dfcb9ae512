import { benchEvent } from './bench-events';
import { HostApp } from './harness/host-app';
import { Stack } from './harness/stack';
import { sleep, wallNow } from './harness/wall-clock';
import { LoadGenerator } from './load-generator/load-generator';
import { p50p99, summarize, type Row, type Summary } from './summary';

export interface ThroughputOptions {
  /** Events published in all. */
  events: number;
  /** Users the events are spread over; each publishes its share one after the other. Default 100. */
  users?: number;
  /** Sockets subscribed per user (in one load-generator child). Default 2. */
  socketsPerUser?: number;
}

export interface ThroughputFigures {
  users: number;
  sockets: number;
  eventsPublished: number;
  /** Deliveries expected (events × sockets per user) and seen. */
  deliveriesExpected: number;
  deliveries: number;
  /** Events appended and emitted per second by the publisher (first publish → last publish resolved). */
  publishedPerSecond: number;
  /** Deliveries per second at the sockets (first publish → last arrival). */
  deliveredPerSecond: number;
  /** Publish call → arrival at a socket, under this load. */
  publishToArrival: Summary;
  /**
   * The path's floor, measured before the flood: single events published one at a time (each after the
   * previous arrived), publish call → arrival, and the part after the publish call resolved.
   */
  single: { publishToArrival: Summary; resolvedToArrival: Summary };
  /** The gateway process's CPU over the run, as a share of one core. */
  gatewayCoreShare: number;
}

/**
 * Event throughput publisher → gateway → sockets: the worker's Publisher (stream append, latest state, Redis
 * emitter; its per-user limit raised out of the way) in this process, one web process, the sockets in a
 * load-generator child. All users publish at once, each its events one after the other.
 */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputFigures> {
  const users = options.users ?? 100;
  const perUser = options.socketsPerUser ?? 2;
  const eventsPerUser = Math.ceil(options.events / users);
  const stack = await Stack.start({ name: 'throughput' });
  const host = new HostApp({ redisUrl: stack.redis.url, eventsPerMinute: 1_000_000_000 });
  const generator = LoadGenerator.start('throughput-sockets', stack.logDir);
  try {
    const web = await stack.startWeb('throughput-web');
    const userIds = Array.from({ length: users }, (_, index) => `throughput-${index}`);
    const sessions = await stack.accounts.createSessions(userIds);
    const opened = await generator.open({
      url: web.origin,
      sockets: userIds.flatMap((userId, index) =>
        Array.from({ length: perUser }, () => ({ userId, sessionId: sessions[index] as string })),
      ),
      concurrency: 50,
      client: 'raw',
      subscribe: true,
      reconnect: false,
      record: true,
    });
    const failed = Object.values(opened.failures).reduce((sum, count) => sum + count, 0);
    if (failed > 0)
      throw new Error(`throughput: ${failed} sockets failed: ${JSON.stringify(opened.failures)}`);

    const single = await oneAtATime(host, generator, userIds[0] as string, perUser, 200);
    const cpuBefore = await web.probe(false);
    const started = wallNow();
    let sequence = 0;
    await Promise.all(
      userIds.map(async (userId) => {
        for (let i = 0; i < eventsPerUser; i++)
          await host.publisher.publish(userId, [benchEvent(sequence++)]);
      }),
    );
    const published = wallNow();
    const expected = eventsPerUser * users * perUser;
    await settle(generator, expected);
    const cpuAfter = await web.probe(false);
    const arrivals = await generator.arrivals();
    const lastArrival = arrivals.reduce((last, arrival) => Math.max(last, arrival[3]), started);
    const cpuMs =
      (cpuAfter.cpu.user + cpuAfter.cpu.system - cpuBefore.cpu.user - cpuBefore.cpu.system) / 1000;
    return {
      users,
      sockets: users * perUser,
      eventsPublished: eventsPerUser * users,
      deliveriesExpected: expected,
      deliveries: arrivals.length,
      publishedPerSecond: (eventsPerUser * users) / ((published - started) / 1000),
      deliveredPerSecond: arrivals.length / ((lastArrival - started) / 1000),
      publishToArrival: summarize(arrivals.map((arrival) => arrival[3] - arrival[4])),
      single,
      gatewayCoreShare: cpuMs / (cpuAfter.at - cpuBefore.at),
    };
  } finally {
    await generator.close();
    await host.close();
    await stack.close();
  }
}

/** `count` events to one user, each published once the previous reached every socket of the user. */
async function oneAtATime(
  host: HostApp,
  generator: LoadGenerator,
  userId: string,
  sockets: number,
  count: number,
): Promise<ThroughputFigures['single']> {
  await generator.arrivals();
  const resolvedAt = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const before = await generator.delivered();
    const event = benchEvent(-1 - i);
    await host.publisher.publish(userId, [event]);
    resolvedAt.set(String(event.data.timestamp), wallNow());
    while ((await generator.delivered()) < before + sockets) await sleep(1);
  }
  const arrivals = await generator.arrivals();
  return {
    publishToArrival: summarize(arrivals.map((arrival) => arrival[3] - arrival[4])),
    resolvedToArrival: summarize(
      arrivals.map((arrival) => arrival[3] - (resolvedAt.get(String(arrival[4])) ?? Number.NaN)),
    ),
  };
}

/** Waits until the sockets got `expected` events, or nothing arrived for 5 s. */
async function settle(generator: LoadGenerator, expected: number): Promise<number> {
  let last = -1;
  let quietSince = performance.now();
  for (;;) {
    const delivered = await generator.delivered();
    if (delivered >= expected) return delivered;
    if (delivered !== last) {
      last = delivered;
      quietSince = performance.now();
    } else if (performance.now() - quietSince > 5000) return delivered;
    await sleep(100);
  }
}

export function throughputRows(figures: ThroughputFigures): Row[] {
  const rate = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
  const where = `${figures.users} users × ${figures.sockets / figures.users} sockets`;
  return [
    [`throughput, ${where}: events published (stream + emit)`, rate(figures.publishedPerSecond), ''],
    [`throughput, ${where}: deliveries at the sockets`, rate(figures.deliveredPerSecond), ''],
    [`throughput: publish → socket under load, p50 / p99`, p50p99(figures.publishToArrival), ''],
    ['one event at a time: publish call → socket, p50 / p99', p50p99(figures.single.publishToArrival), ''],
    [
      'one event at a time: publish resolved → socket, p50 / p99',
      p50p99(figures.single.resolvedToArrival),
      '',
    ],
    [
      `throughput: deliveries seen / expected`,
      `${figures.deliveries} / ${figures.deliveriesExpected}`,
      'all',
    ],
    [`throughput: gateway CPU`, `${(figures.gatewayCoreShare * 100).toFixed(0)} % of a core`, ''],
  ];
}
