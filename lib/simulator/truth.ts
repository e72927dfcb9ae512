import type { RepeatState } from '../contract/items';

/**
 * The ground truth: every change of a listener's playback, with the exact time it happened (`at`), the time the
 * Web API started showing it (`visibleAt`, later than `at` under eventual consistency), what caused it, and
 * what changed. Detection delay is measured against these records.
 */

/** `app`: the listener did it in the Spotify app (an actor); `api`: a Web API command; `natural_end`: an item ended. */
export type TruthCause = 'app' | 'api' | 'natural_end';

export type TruthChange =
  /** A new item started, or the same one started over (`restart`: repeat-one). */
  | {
      kind: 'track';
      uri: string;
      itemType: 'track' | 'episode';
      durationMs: number;
      previousUri: string | null;
      restart: boolean;
    }
  /** An ad break started (the item is null while it plays). */
  | { kind: 'ad'; durationMs: number }
  | { kind: 'play' }
  | { kind: 'pause' }
  /** The position jumped within the same item. */
  | { kind: 'seek'; positionMs: number }
  | { kind: 'volume'; volume: number; previousVolume: number; deviceId: string }
  /** Playback moved to another device, or started on one from no device (`previousDeviceId` null). */
  | { kind: 'device'; deviceId: string; deviceName: string; volume: number; previousDeviceId: string | null }
  /** No device is active any more: the API answers 204. */
  | { kind: 'no_device'; previousDeviceId: string }
  | { kind: 'queue_add'; uris: string[] }
  | { kind: 'queue_remove'; uris: string[] }
  | { kind: 'queue_clear'; uris: string[] }
  | { kind: 'shuffle'; shuffle: boolean }
  | { kind: 'repeat'; repeat: RepeatState }
  | { kind: 'context'; contextUri: string | null; previousContextUri: string | null };

export type TruthKind = TruthChange['kind'];

export type TruthRecord = TruthChange & {
  /** Position in the world's log, from 1: the cursor for `since`. */
  seq: number;
  listenerId: string;
  at: number;
  visibleAt: number;
  cause: TruthCause;
  /** What did it: the actor action (`skip`, `volume`, ...), the endpoint (`PUT /v1/me/player/pause`), or `natural_end`. */
  action: string;
};

/** The world's append-only log. Records arrive in time order of `at` (the world processes events in order). */
export class TruthLog {
  private readonly records: TruthRecord[] = [];

  append(record: Omit<TruthRecord, 'seq'>): TruthRecord {
    const full = { ...record, seq: this.records.length + 1 } as TruthRecord;
    this.records.push(full);
    return full;
  }

  /** Records after cursor `since` (a `seq`; 0 for all), optionally of one listener. */
  since(since = 0, listenerId?: string): TruthRecord[] {
    const tail = this.records.slice(Math.max(0, Math.floor(since)));
    return listenerId === undefined ? tail : tail.filter((r) => r.listenerId === listenerId);
  }

  get size(): number {
    return this.records.length;
  }
}
