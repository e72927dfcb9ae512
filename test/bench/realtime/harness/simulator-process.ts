import type {
  AppAction,
  FaultRule,
  ListenerCredentials,
  RequestCountsSnapshot,
  TruthRecord,
} from '../../../../lib/simulator';
import { Child } from './child';
import { childEnv } from './child-env';
import { okJson, requestJson } from './http';
import { distFile } from './paths';

export interface SimulatorProcessOptions {
  logDir: string;
  seed?: number;
  /** Requests per rolling window the simulated app may make. Default 100 000 (the drills lower it at run time). */
  rateLimit?: number;
  /** Max eventual-consistency delay of API commands in ms. Default 0: a command shows as soon as it is applied. */
  consistencyMs?: number;
}

export interface SimulatorHello {
  apiUrl: string;
  accountsUrl: string;
  clientId: string;
  clientSecret: string;
}

export type InitialPlayback = 'playing' | 'paused' | 'idle';

/**
 * `node dist/daemon/simulator.js` as a child process (no listeners at start, actors off, logs at warn), and a
 * client of its control API (`/_sim`) and of the Web API commands a host's LLM route would send.
 */
export class SimulatorProcess {
  private constructor(
    readonly child: Child,
    readonly hello: SimulatorHello,
  ) {}

  static async start(options: SimulatorProcessOptions): Promise<SimulatorProcess> {
    const args = ['--port', '0', '--listeners', '0', '--no-actors', '--log-level', 'warn'];
    args.push('--seed', String(options.seed ?? 1), '--rate-limit', String(options.rateLimit ?? 100_000));
    args.push('--consistency-ms', String(options.consistencyMs ?? 0));
    const child = new Child({
      name: 'simulator',
      script: distFile('daemon/simulator.js'),
      args,
      env: childEnv({}),
      logDir: options.logDir,
      firstLine: true,
    });
    const hello = JSON.parse(await child.firstLine) as SimulatorHello;
    return new SimulatorProcess(child, hello);
  }

  get url(): string {
    return this.hello.apiUrl;
  }

  stop(): Promise<unknown> {
    return this.child.stop();
  }

  /** Adds listeners in batches (the control API takes up to 10,000 at once). */
  async addListeners(
    count: number,
    initial: InitialPlayback | ((index: number) => InitialPlayback),
    actor: boolean | Record<string, number> = false,
  ): Promise<ListenerCredentials[]> {
    const created: ListenerCredentials[] = [];
    if (typeof initial === 'string') {
      for (let done = 0; done < count; done += 1000) {
        const batch = Math.min(1000, count - done);
        const body = await okJson<{ listeners: ListenerCredentials[] }>(
          'POST',
          `${this.url}/_sim/listeners`,
          {
            count: batch,
            initial,
            actor,
          },
        );
        created.push(...body.listeners);
      }
      return created;
    }
    for (let index = 0; index < count; index++) {
      const body = await okJson<{ listeners: ListenerCredentials[] }>('POST', `${this.url}/_sim/listeners`, {
        initial: initial(index),
        actor,
      });
      created.push(...body.listeners);
    }
    return created;
  }

  async setActor(listenerId: string, enabled: boolean, rates?: Record<string, number>): Promise<void> {
    await okJson('PUT', `${this.url}/_sim/listeners/${listenerId}/actor`, {
      enabled,
      ...(rates ? { rates } : {}),
    });
  }

  async act(listenerId: string, action: AppAction): Promise<boolean> {
    const body = await okJson<{ applied: boolean }>('POST', `${this.url}/_sim/listeners/${listenerId}/act`, {
      action,
    });
    return body.applied;
  }

  async issueTokens(listenerId: string): Promise<ListenerCredentials> {
    return okJson<ListenerCredentials>('POST', `${this.url}/_sim/listeners/${listenerId}/tokens`);
  }

  async revokeTokens(listenerId: string): Promise<void> {
    await okJson('POST', `${this.url}/_sim/listeners/${listenerId}/revoke`);
  }

  async truthSince(since: number, listenerId?: string): Promise<{ records: TruthRecord[]; next: number }> {
    const query = listenerId === undefined ? '' : `&listener=${encodeURIComponent(listenerId)}`;
    return okJson('GET', `${this.url}/_sim/truth?since=${since}${query}`);
  }

  async counts(): Promise<RequestCountsSnapshot> {
    return okJson('GET', `${this.url}/_sim/counts`);
  }

  async setFaults(rules: FaultRule[]): Promise<void> {
    await okJson('PUT', `${this.url}/_sim/faults`, { rules });
  }

  async clearFaults(): Promise<void> {
    await okJson('DELETE', `${this.url}/_sim/faults`);
  }

  async setRateLimit(settings: Record<string, unknown>): Promise<void> {
    await okJson('PUT', `${this.url}/_sim/rate-limit`, settings);
  }

  /** Forgets the requests in the window and any block. */
  async resetRateLimit(): Promise<void> {
    await okJson('DELETE', `${this.url}/_sim/rate-limit`);
  }

  async setConsistency(minMs: number, maxMs: number): Promise<void> {
    await okJson('PUT', `${this.url}/_sim/consistency`, { minMs, maxMs });
  }

  async catalogTracks(): Promise<Array<{ uri: string; durationMs: number }>> {
    const body = await okJson<{ tracks: Array<{ uri: string; durationMs: number }> }>(
      'GET',
      `${this.url}/_sim/catalog`,
    );
    return body.tracks;
  }

  /** `PUT /v1/me/player/play {uris}` with the listener's token, as the host's LLM route would; the status. */
  async playTrack(accessToken: string, trackUri: string): Promise<number> {
    const answer = await requestJson(
      'PUT',
      `${this.url}/v1/me/player/play`,
      { uris: [trackUri] },
      {
        authorization: `Bearer ${accessToken}`,
      },
    );
    return answer.status;
  }
}
