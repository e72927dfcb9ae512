import { InvalidKeyPartError } from '../store/invalid-key-part-error';
import { assertKeyPart, isValidKeyPart } from '../store/key-part';

/** One socket of a user, held by one gateway. */
export interface SocketEntry {
  userId: string;
  socketId: string;
  gatewayId: string;
}

export type AddSocketResult = { added: true; count: number } | { added: false; count: number };

/**
 * Which sockets each user has open on all gateways together (the seed's `ws:user:{id}:sockets`,
 * `ws:socket:{sid}:user` and `ws:stats:connections`), so the per-user cap holds across gateways, and a dead
 * gateway's sockets are swept by the living. Instants are the callers' (`now` from their Clock).
 */
export interface SocketRegistry {
  /**
   * Records the socket unless its user already has `max` sockets, atomically (two gateways racing for the
   * last slot cannot both win), and keeps the gateway's heartbeat entry until at least `gatewayUntil` (so a
   * gateway that dies before its first heartbeat is swept too). `count` is the user's sockets after the call.
   */
  add(entry: SocketEntry, max: number, gatewayUntil: number): Promise<AddSocketResult>;
  /** Forgets the socket; false when it was not recorded. */
  remove(entry: SocketEntry): Promise<boolean>;
  /**
   * Records sockets a live gateway still holds that the registry lost (swept while the gateway was cut off,
   * or a Redis that lost its data), without the cap. Returns how many were missing.
   */
  restore(entries: readonly SocketEntry[]): Promise<number>;
  /**
   * Keeps the gateway alive until `until`. True when its entry had lapsed by `now` or was gone: others may
   * have swept its sockets, which it should then `restore`.
   */
  heartbeat(gatewayId: string, now: number, until: number): Promise<boolean>;
  /** Removes the sockets of every gateway whose heartbeat lapsed by `now`; returns those gateways, sorted. */
  sweep(now: number): Promise<string[]>;
  /** Removes a gateway and every socket it holds (its own orderly close). */
  removeGateway(gatewayId: string): Promise<void>;
  /** The user's socket ids on all gateways, sorted. */
  socketsOf(userId: string): Promise<string[]>;
  /** The user a socket belongs to, or null. */
  userOf(socketId: string): Promise<string | null>;
  /** Sockets open on all gateways together. */
  connectionCount(): Promise<number>;
  /** Adds to the counters of events the gateways sent themselves (replays and resyncs). */
  countEvents(counts: Readonly<Record<string, number>>): Promise<void>;
  eventCounts(): Promise<Record<string, number>>;
}

/** Both backends check ids alike, so what passes in memory does not fail later in Redis. */
export function checkEntry(entry: SocketEntry): void {
  assertKeyPart('userId', entry.userId);
  assertKeyPart('socketId', entry.socketId);
  checkGateway(entry.gatewayId);
}

export function checkGateway(gatewayId: string): void {
  if (!isValidKeyPart(gatewayId)) throw new InvalidKeyPartError('gatewayId', gatewayId);
}
