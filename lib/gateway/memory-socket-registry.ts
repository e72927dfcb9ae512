import { assertKeyPart } from '../store/key-part';
import {
  checkEntry,
  checkGateway,
  type AddSocketResult,
  type SocketEntry,
  type SocketRegistry,
} from './socket-registry';

/** The socket registry in this process's memory: gateways sharing one instance behave as with Redis. */
export class MemorySocketRegistry implements SocketRegistry {
  private readonly userSockets = new Map<string, Set<string>>();
  private readonly socketUser = new Map<string, string>();
  private readonly gatewaySockets = new Map<string, Map<string, string>>();
  private readonly gatewayUntil = new Map<string, number>();
  private readonly events = new Map<string, number>();
  private connections = 0;

  async add(entry: SocketEntry, max: number, gatewayUntil: number): Promise<AddSocketResult> {
    checkEntry(entry);
    this.extend(entry.gatewayId, gatewayUntil);
    const sockets = this.userSockets.get(entry.userId);
    if (sockets?.has(entry.socketId)) return { added: true, count: sockets.size };
    const count = sockets?.size ?? 0;
    if (count >= max) return { added: false, count };
    this.record(entry);
    return { added: true, count: count + 1 };
  }

  async remove(entry: SocketEntry): Promise<boolean> {
    checkEntry(entry);
    this.gatewaySockets.get(entry.gatewayId)?.delete(entry.socketId);
    return this.forget(entry.userId, entry.socketId);
  }

  async restore(entries: readonly SocketEntry[]): Promise<number> {
    entries.forEach(checkEntry);
    let missing = 0;
    for (const entry of entries) {
      if (this.userSockets.get(entry.userId)?.has(entry.socketId)) continue;
      this.record(entry);
      missing++;
    }
    return missing;
  }

  async heartbeat(gatewayId: string, now: number, until: number): Promise<boolean> {
    checkGateway(gatewayId);
    const previous = this.gatewayUntil.get(gatewayId);
    this.extend(gatewayId, until);
    return previous === undefined || previous <= now;
  }

  async sweep(now: number): Promise<string[]> {
    const dead = [...this.gatewayUntil].filter(([, until]) => until <= now).map(([gatewayId]) => gatewayId);
    for (const gatewayId of dead) await this.removeGateway(gatewayId);
    return dead.sort();
  }

  async removeGateway(gatewayId: string): Promise<void> {
    checkGateway(gatewayId);
    for (const [socketId, userId] of this.gatewaySockets.get(gatewayId) ?? []) this.forget(userId, socketId);
    this.gatewaySockets.delete(gatewayId);
    this.gatewayUntil.delete(gatewayId);
  }

  async socketsOf(userId: string): Promise<string[]> {
    assertKeyPart('userId', userId);
    return [...(this.userSockets.get(userId) ?? [])].sort();
  }

  async userOf(socketId: string): Promise<string | null> {
    assertKeyPart('socketId', socketId);
    return this.socketUser.get(socketId) ?? null;
  }

  async connectionCount(): Promise<number> {
    return this.connections;
  }

  async countEvents(counts: Readonly<Record<string, number>>): Promise<void> {
    for (const [name, count] of Object.entries(counts))
      this.events.set(name, (this.events.get(name) ?? 0) + count);
  }

  async eventCounts(): Promise<Record<string, number>> {
    return Object.fromEntries(this.events);
  }

  private record({ userId, socketId, gatewayId }: SocketEntry): void {
    const sockets = this.userSockets.get(userId) ?? new Set<string>();
    sockets.add(socketId);
    this.userSockets.set(userId, sockets);
    this.socketUser.set(socketId, userId);
    const held = this.gatewaySockets.get(gatewayId) ?? new Map<string, string>();
    held.set(socketId, userId);
    this.gatewaySockets.set(gatewayId, held);
    this.connections++;
  }

  private forget(userId: string, socketId: string): boolean {
    const sockets = this.userSockets.get(userId);
    if (!sockets?.delete(socketId)) return false;
    if (sockets.size === 0) this.userSockets.delete(userId);
    this.socketUser.delete(socketId);
    this.connections--;
    return true;
  }

  private extend(gatewayId: string, until: number): void {
    this.gatewayUntil.set(gatewayId, Math.max(this.gatewayUntil.get(gatewayId) ?? -Infinity, until));
  }
}
