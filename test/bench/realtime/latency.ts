import { MusicClient } from '../../../lib/client';
import type { TrackChangedPayload } from '../../../lib/contract/events';
import { SeededRandom } from '../../../lib/random/random';
import type { ListenerCredentials, TruthRecord } from '../../../lib/simulator';
import { HostApp } from './harness/host-app';
import { Stack } from './harness/stack';
import { sleep, waitFor, wallNow, within } from './harness/wall-clock';
import { p50p99, summarize, type Row, type Summary } from './summary';

export interface LatencyOptions {
  /** Commanded changes measured per variant. */
  samples: number;
  /** Simulated listeners the commands rotate over (each with one client). Default 50. */
  listeners?: number;
  /**
   * SPOTIFY_BUDGET_PER_30S of the worker. Default 100 000: the cadence then stops at the minimum intervals and
   * leaves the budget unsaturated, so commands never wait for a ledger slot (what a saturated budget does to
   * them is a separate question: `workerPolls` counts the `budget_refused`).
   */
  budgetPerWindow?: number;
  seed?: number;
}

/**
 * How the command is sent, as the host's LLM route would: the `ai` hint first (HintClient.recordHint, which
 * nudges the worker), then `PUT /v1/me/player/play`; `nudge-after` then nudges again once Spotify answered,
 * as the daemon's own control routes do; `hint-only` leaves it to the fast-follow polls the hint started.
 */
export type CommandVariant = 'nudge-after' | 'hint-only';

export interface VariantFigures {
  variant: CommandVariant;
  samples: number;
  /** Commands whose trackChanged never arrived within 10 s. */
  timeouts: number;
  /** Arrived with a source other than `ai`. */
  misattributed: number;
  /** Simulator truth `visibleAt` (the change shows on the Web API) → trackChanged at the socket.io-client. */
  visibleToArrival: Summary;
  /**
   * Event `timestamp` (the worker received the poll response's headers) → arrival at the client's listener:
   * the daemon's own share (body, normalize, hints, diff + attribute, publish, Redis, gateway, socket).
   */
  daemonShare: Summary;
  /** Of which: `timestamp` → the stream append (the event id's ms): the worker's part before publishing. */
  observedToAppended: Summary;
  /** And the stream append → arrival: the publish (append, emit), Redis pub/sub, the gateway, the socket. */
  appendedToArrival: Summary;
  /** visibleAt → the response of the poll that saw it: waiting for the poll, plus its request. */
  visibleToObserved: Summary;
  /** Every sample, in the order taken: [visibleToArrival, daemonShare] in ms (for a look at the tail). */
  raw: Array<[number, number]>;
}

export interface LatencyFigures {
  listeners: number;
  budgetPerWindow: number;
  variants: VariantFigures[];
  /** The worker's `spotify_polls_total` by endpoint/outcome at the end (`budget_refused` explains waits). */
  workerPolls: Record<string, number>;
}

const ARRIVAL_TIMEOUT_MS = 10_000;

interface Arrived {
  payload: TrackChangedPayload;
  arrival: number;
}

interface Sample {
  arrival: number;
  timestamp: number;
  /** The ms part of the event id: when the worker appended it to the stream. */
  appendedAt: number;
  visibleAt: number;
  source: string;
}

/**
 * Commanded changes over the real processes: redis-server, the simulator (consistency delay 0: a command shows
 * as soon as it is applied), one worker and one web process; a MusicClient per listener in this process.
 * Samples run one at a time, variants interleaved, with a random pause between them.
 */
export async function measureLatency(options: LatencyOptions): Promise<LatencyFigures> {
  const listenerCount = options.listeners ?? 50;
  const budgetPerWindow = options.budgetPerWindow ?? 100_000;
  const random = new SeededRandom(`latency/${options.seed ?? 1}`);
  const stack = await Stack.start({
    name: 'latency',
    simulator: { consistencyMs: 0, seed: options.seed ?? 1 },
    daemonEnv: { SPOTIFY_BUDGET_PER_30S: String(budgetPerWindow) },
  });
  const host = new HostApp({ redisUrl: stack.redis.url });
  const clients: MusicClient[] = [];
  try {
    const listeners = await stack.simulator.addListeners(listenerCount, 'playing');
    await stack.accounts.signIn(listeners);
    const sessions = await stack.accounts.createSessions(listeners.map((listener) => listener.id));
    const worker = await stack.startWorker('latency-worker');
    const web = await stack.startWeb('latency-web');
    const waiters = new Map<string, { uri: string; resolve: (arrived: Arrived) => void }>();
    listeners.forEach((listener, index) => {
      const client = new MusicClient({
        url: web.origin,
        sessionId: sessions[index] as string,
        socketOptions: { transports: ['websocket'], forceNew: true },
      });
      client.on('trackChanged', (payload) => {
        const arrival = wallNow();
        const waiter = waiters.get(listener.id);
        if (waiter && payload.current.uri === waiter.uri) {
          waiters.delete(listener.id);
          waiter.resolve({ payload, arrival });
        }
      });
      clients.push(client);
    });
    await waitUntilPolled(stack, worker, listeners);

    const tracks = (await stack.simulator.catalogTracks()).map((track) => track.uri);
    const current = new Map<string, string>();
    let truthCursor = (await stack.simulator.truthSince(0)).next;
    const samples: Record<CommandVariant, Sample[]> = { 'nudge-after': [], 'hint-only': [] };
    const timeouts: Record<CommandVariant, number> = { 'nudge-after': 0, 'hint-only': 0 };
    const variants: CommandVariant[] = ['nudge-after', 'hint-only'];
    for (let i = 0; i < options.samples * variants.length; i++) {
      const variant = variants[i % variants.length] as CommandVariant;
      const listener = listeners[i % listeners.length] as ListenerCredentials;
      const uri = pickOther(random, tracks, current.get(listener.id));
      current.set(listener.id, uri);
      const arrived = new Promise<Arrived>((resolve) => waiters.set(listener.id, { uri, resolve }));
      await host.hints.recordHint(listener.id, {
        source: 'ai',
        intent: 'play_specific_song',
        expect: { trackUri: uri },
        reasoning: 'latency benchmark',
        ttlMs: 10_000,
      });
      const status = await stack.simulator.playTrack(listener.accessToken, uri);
      if (status !== 204) throw new Error(`PUT /v1/me/player/play answered ${status}`);
      if (variant === 'nudge-after') await host.nudge(listener.id);
      const got = await within(arrived, ARRIVAL_TIMEOUT_MS);
      const truth = await stack.simulator.truthSince(truthCursor, listener.id);
      truthCursor = truth.next;
      const record = truth.records.find(
        (candidate: TruthRecord) =>
          candidate.kind === 'track' && candidate.uri === uri && candidate.cause === 'api',
      );
      if (got === null || record === undefined) {
        waiters.delete(listener.id);
        timeouts[variant]++;
      } else {
        samples[variant].push({
          arrival: got.arrival,
          timestamp: got.payload.timestamp,
          appendedAt: Number(got.payload.eventId.split('-')[0]),
          visibleAt: record.visibleAt,
          source: got.payload.source,
        });
      }
      await sleep(random.between(50, 250));
    }
    const workerPolls: Record<string, number> = {};
    for (const sample of await worker.metrics()) {
      if (sample.name !== 'spotify_polls_total') continue;
      workerPolls[`${sample.labels.endpoint}/${sample.labels.outcome}`] = sample.value;
    }
    return {
      listeners: listenerCount,
      budgetPerWindow,
      variants: variants.map((variant) => figuresOf(variant, samples[variant], timeouts[variant])),
      workerPolls,
    };
  } finally {
    for (const client of clients) client.close();
    await host.close();
    await stack.close();
  }
}

function figuresOf(variant: CommandVariant, samples: readonly Sample[], timeouts: number): VariantFigures {
  return {
    variant,
    samples: samples.length,
    timeouts,
    misattributed: samples.filter((sample) => sample.source !== 'ai').length,
    visibleToArrival: summarize(samples.map((sample) => sample.arrival - sample.visibleAt)),
    daemonShare: summarize(samples.map((sample) => sample.arrival - sample.timestamp)),
    observedToAppended: summarize(samples.map((sample) => sample.appendedAt - sample.timestamp)),
    appendedToArrival: summarize(samples.map((sample) => sample.arrival - sample.appendedAt)),
    visibleToObserved: summarize(samples.map((sample) => sample.timestamp - sample.visibleAt)),
    raw: samples.map((sample) => [
      round(sample.arrival - sample.visibleAt),
      round(sample.arrival - sample.timestamp),
    ]),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Every listener's first poll (the baseline, which emits nothing) has happened: a command now is a change. */
async function waitUntilPolled(
  stack: Stack,
  worker: { health(): Promise<{ body: Record<string, unknown> }> },
  listeners: readonly ListenerCredentials[],
): Promise<void> {
  const { redis } = stack.accounts;
  await waitFor(
    'the worker to poll every listener once',
    async () => {
      const owned = (await worker.health()).body.usersOwned;
      if (owned !== listeners.length) return undefined;
      const polled = await redis.exists(...listeners.map((listener) => `music:state:${listener.id}`));
      return polled === listeners.length ? true : undefined;
    },
    60_000,
    200,
  );
}

function pickOther(random: SeededRandom, uris: readonly string[], not: string | undefined): string {
  for (;;) {
    const uri = random.pick(uris);
    if (uri !== not) return uri;
  }
}

export function latencyRows(figures: LatencyFigures): Row[] {
  const rows: Row[] = [];
  for (const variant of figures.variants) {
    const name =
      variant.variant === 'nudge-after'
        ? 'commanded change (hint, command, nudge)'
        : 'commanded change (hint only)';
    rows.push(
      [`${name}: visible on Spotify → client, p50 / p99`, p50p99(variant.visibleToArrival), 'p99 ≤ 100 ms'],
      [
        `${name}: daemon's share (poll response → client), p50 / p99`,
        p50p99(variant.daemonShare),
        'p99 ≤ 5 ms',
      ],
      [`${name}: visible → poll response, p50 / p99`, p50p99(variant.visibleToObserved), ''],
      [
        `${name}: of the share, poll response → stream append, p50 / p99`,
        p50p99(variant.observedToAppended),
        '',
      ],
      [`${name}: of the share, stream append → client, p50 / p99`, p50p99(variant.appendedToArrival), ''],
      [`${name}: timeouts / not attributed to ai`, `${variant.timeouts} / ${variant.misattributed}`, '0 / 0'],
    );
  }
  return rows;
}
